"""JSON Schema files for the content formats, generated from the models so that they
never drift.  Editors with YAML language support use them for completion and errors
(each content file names its schema in a '# yaml-language-server: $schema=' line)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .centre import Centre
from .diagrams.models import Diagram
from .models import Specification, Unit
from .quiz_models import Bank
from .teaching_models import Glossary, Law, Teaching

# file name -> (folder it belongs in, model)
SCHEMAS: dict[str, tuple[str, type[BaseModel]]] = {
    "specification": ("content", Specification),
    "unit": ("content", Unit),
    "quiz-bank": ("quizzes", Bank),
    "teaching": ("content", Teaching),
    "glossary": ("content", Glossary),
    "legislation": ("content", Law),
    "diagram": ("content", Diagram),
}


def schema_files() -> dict[str, str]:
    """Path (folder/_schema/name) -> JSON text, deterministic."""
    return {f"{folder}/_schema/{name}.schema.json": _text(name, model) for name, (folder, model) in SCHEMAS.items()}


def centre_schema_files() -> dict[str, str]:
    """The centre file's schema (docs/centres.md).  Kept apart from schema_files(), which the
    build also publishes in the site, so that the public site stays as it was."""
    return {"schemas/centre.schema.json": _text("centre", Centre)}


def _text(name: str, model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
