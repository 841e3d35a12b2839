"""Check one loaded file against its model and explain every error in plain words."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .problems import Problems
from .yamlload import Loaded, format_loc

M = TypeVar("M", bound=BaseModel)


def validate_file(loaded: Loaded, model: type[M], display: str, problems: Problems) -> M | None:
    if not isinstance(loaded.data, dict):
        problems.add(display, loaded.line_for(()), "", "the file must be a mapping of keys to values",
                     f"start with the keys of a {model.__name__}, e.g. '{next(iter(model.model_fields))}: ...'")
        return None
    try:
        return model.model_validate(loaded.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            message, hint = explain(err, model)
            problems.add(display, loaded.line_for(loc), format_loc(loc), message, hint)
        return None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for listing its allowed keys)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, part)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any, part: str | int) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if isinstance(part, int):
            return None
        field = annotation.model_fields.get(part)
        return field.annotation if field else None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple) and isinstance(part, int):
        return args[0] if args else None
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            found = _unwrap(arg, part)
            if found is not None:
                return found
    if origin is typing.Annotated:
        return _unwrap(args[0], part)
    return None


def explain(err: dict, model: type[BaseModel]) -> tuple[str, str]:
    """Turn one pydantic error into (what is wrong, how to fix it)."""
    kind = err["type"]
    loc = tuple(err["loc"])
    name = str(loc[-1]) if loc else ""
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"required key '{name}' is missing", f"add '{name}:' with a value"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"unknown key '{name}'", hint + ("allowed keys: " + ", ".join(allowed) if allowed else "remove it")
    if kind == "literal_error":
        return f"{value!r} is not an allowed value", f"use one of: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return (f"{value!r} is not a valid identifier or slug",
                "ids use letters, digits, '.', '-' and '/'; slugs use lower-case letters, digits and single hyphens")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, not {value!r}", "write digits only, e.g. 6, or null if the source gives none"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"must be true or false, not {value!r}", "write true or false"
    if kind in ("string_type",):
        return f"must be text, not {type(value).__name__} {value!r}", "put the text in quotes"
    if kind == "string_too_short":
        return "must not be empty", "write the text, or remove the key if it is optional"
    if kind == "too_short":
        return "needs at least one item", "add an item starting with '- '"
    if kind == "list_type":
        return f"must be a list, not {type(value).__name__}", "write each item on its own line starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be a mapping of keys, not {type(value).__name__}", "write 'key: value' lines indented under it"
    if kind == "too_long":
        return err["msg"].lower(), "remove the extra items"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), "see the Content format page for what this needs"
    return err["msg"], "see the Content format page for what this field takes"
