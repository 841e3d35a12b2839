"""Check loaded data against its model and explain every error in plain words."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .checks.fields import DATE_PATTERN
from .problems import Problems
from .yamlload import Loaded, Path_, format_loc

M = TypeVar("M", bound=BaseModel)


def validate_file(loaded: Loaded, model: type[M], display: str, problems: Problems) -> M | None:
    return validate_data(loaded.data, model, loaded, display, problems)


def validate_data(
    data: Any,
    model: type[M],
    loaded: Loaded,
    display: str,
    problems: Problems,
    prefix: Path_ = (),
    root: type[BaseModel] | None = None,
) -> M | None:
    """Validate ``data`` found at ``prefix`` in ``loaded``; problems are reported at their
    own line in the whole file.  ``root`` is the file's model, for listing allowed keys."""
    if not isinstance(data, dict):
        where = format_loc(prefix)
        if prefix:
            problems.add(
                display,
                loaded.line_for(prefix),
                where,
                f"must be a mapping of keys, not {_kind(data)}",
                "write 'key: value' lines indented under it",
            )
        else:
            problems.add(
                display,
                loaded.line_for(()),
                "",
                "the file must be a mapping of keys to values",
                f"start with the keys of a {model.__name__}, e.g. '{next(iter(model.model_fields))}: ...'",
            )
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [(prefix + tuple(err["loc"]), err) for err in exc.errors(include_url=False)]
        misspelt = _misspelt_required(errors)
        for loc, err in errors:
            if loc in misspelt.values():
                continue  # said once, at the misspelling
            if loc in misspelt:
                name, meant = loc[-1], misspelt[loc][-1]
                message, hint = f"unknown key '{name}'", f"did you mean '{meant}'? it is required and missing"
            else:
                message, hint = explain(err, root or model, loc)
            problems.add(display, loaded.line_for(loc), format_loc(loc), message, hint)
        return None


def _misspelt_required(errors: list[tuple[Path_, ErrorDetails]]) -> dict[Path_, Path_]:
    """A required key written with a typo is one mistake, though pydantic reports two (the
    key missing, and an unknown key beside it).  Returns the unknown key's place -> the
    missing key's place, for each unknown key that is close to a missing sibling."""
    missing = [loc for loc, err in errors if err["type"] == "missing" and loc]
    out: dict[Path_, Path_] = {}
    for loc, err in errors:
        if err["type"] != "extra_forbidden" or not loc:
            continue
        siblings = {str(m[-1]): m for m in missing if m[:-1] == loc[:-1] and m not in out.values()}
        close = difflib.get_close_matches(str(loc[-1]), list(siblings), n=1)
        if close:
            out[loc] = siblings[close[0]]
    return out


def _kind(value: Any) -> str:
    return {list: "a list", str: "text", bool: "true/false", type(None): "nothing"}.get(type(value), "a value")


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
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


def explain(err: ErrorDetails, model: type[BaseModel], loc: tuple[str | int, ...] | None = None) -> tuple[str, str]:
    """Turn one pydantic error into (what is wrong, how to fix it)."""
    kind = err["type"]
    loc = tuple(err["loc"]) if loc is None else loc
    name = str(loc[-1]) if loc else ""
    value = err.get("input")
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    if kind == "content":  # our own validators (generator/checks/fields.py) say it plainly
        return str(ctx["what"]), str(ctx["hint"])
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
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == DATE_PATTERN:
        return f"{value!r} is not a date written as YYYY-MM-DD", "use YYYY-MM-DD, e.g. 2026-03-31"
    if kind == "string_pattern_mismatch":
        return (
            f"{value!r} is not a valid identifier or slug",
            "ids use letters, digits, '.', '-' and '/'; slugs use lower-case letters, digits and single hyphens",
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, not {value!r}", "write digits only, e.g. 6, or null if the source gives none"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return (
            f"{value!r} is out of range ({err['msg'].lower()})",
            "use a number in the range the Content format page gives",
        )
    if kind == "bool_type" or kind == "bool_parsing":
        return f"must be true or false, not {value!r}", "write true or false"
    if kind in ("string_type",):
        return f"must be text, not {type(value).__name__} {value!r}", "put the text in quotes"
    if kind == "string_too_short":
        return "must not be empty", "write the text, or remove the key if it is optional"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters", "shorten it; ids are short printed codes"
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
