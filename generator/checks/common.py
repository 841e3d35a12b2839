"""What every check shares: its signature and one way to record a problem at a place."""

from __future__ import annotations

from collections.abc import Callable

from ..corpus import Sourced, ValidatedCorpus
from ..problems import Problems
from ..yamlload import Path_, format_loc

Check = Callable[[ValidatedCorpus, Problems], None]


def report(problems: Problems, origin: Sourced, loc: Path_, message: str, hint: str, field: str | None = None) -> None:
    """A problem at ``loc`` in the file ``origin`` came from."""
    problems.add(origin.display, origin.line(*loc), format_loc(loc) if field is None else field, message, hint)
