"""Field tables for the "Content format" page, read from the models themselves so the
page can never disagree with what the validator accepts."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from . import models, quiz_models, teaching_models
from .diagrams.models import Diagram, Node


def type_name(annotation: Any) -> str:
    """A short, human name for a field type: 'text', 'whole number', 'list of Criterion'."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin in (typing.Union, types.UnionType):
        names = [type_name(a) for a in args if a is not type(None)]
        return " or ".join(names)
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" if not isinstance(a, bool) else str(a).lower() for a in args)
    if annotation is str:
        return "text"
    if annotation is int:
        return "whole number"
    if annotation is bool:
        return "true or false"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return re.sub(r"typing\.", "", str(annotation))


def model_tables(order: list[type[BaseModel]]) -> list[dict[str, Any]]:
    tables = []
    for model in order:
        rows = []
        for name, field in model.model_fields.items():
            rows.append(
                {
                    "name": name,
                    "type": type_name(field.annotation),
                    "required": field.is_required(),
                    "description": (field.description or "").replace("|", "\\|"),
                }
            )
        tables.append(
            {
                "name": model.__name__,
                "doc": (model.__doc__ or "").strip().split("\n\n")[0].replace("\n", " "),
                "rows": rows,
            }
        )
    return tables


CONTENT_MODELS: list[type[BaseModel]] = [
    models.Specification,
    models.Source,
    models.Qualification,
    models.UnitGroup,
    models.UnitPool,
    models.Limits,
    models.LevelCredits,
    models.TestSpec,
    models.TestOutcome,
    models.Unit,
    models.Outcome,
    models.Criterion,
    models.KnowledgeStatement,
    models.ContentArea,
    models.ContentPoint,
    models.ContentBlock,
    models.AssessmentRoute,
    models.GradeDescriptor,
    models.CrossLink,
    models.Repair,
    models.Note,
    quiz_models.Bank,
    quiz_models.Item,
    quiz_models.Option,
    quiz_models.Pair,
    teaching_models.Teaching,
    teaching_models.OutcomeNotes,
    teaching_models.KnowledgeNotes,
    teaching_models.EvidenceGuide,
    teaching_models.Example,
    teaching_models.Activity,
    teaching_models.Glossary,
    teaching_models.Term,
    teaching_models.Law,
    teaching_models.SpecWording,
    teaching_models.Source,
    teaching_models.DiagramUse,
    Diagram,
    Node,
]
