"""The base of every payload model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Fixed(BaseModel):
    """A shape the build or the scripts fix: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
