"""Find every content file, parse it, validate it against its kind's model and check that
its name agrees with what it says: the one loop every kind of file goes through."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..corpus import Sourced, natural_key
from ..problems import Problems
from ..validate import validate_data
from ..yamlload import Loaded, read_yaml
from .kinds import KINDS, PATH_SEGMENT, FileKind, kind_for

FOLDERS = ("content", "quizzes")


@dataclass(frozen=True)
class Record:
    """A file that validated and whose name matches."""

    kind: FileKind
    ids: Mapping[str, str]
    origin: Sourced
    model: BaseModel
    indices: tuple[int, ...] = ()  # split kinds: where each kept item stands in the file
    dropped: tuple[Any, ...] = ()  # split kinds: the raw items that failed


@dataclass(frozen=True)
class Failure:
    """A file that did not load, validate or match its name; kept so that references to
    it are not reported again."""

    kind: FileKind
    ids: Mapping[str, str]
    raw: Any = None  # the data, as far as it could be read
    model: BaseModel | None = None  # when only the name check failed
    path: Path | None = None  # when the YAML could not be read at all


def find_files(root: Path, problems: Problems) -> tuple[list[tuple[FileKind, dict[str, str], Path]], list[Failure]]:
    """Every file a kind reads, in loading order.  YAML files anywhere else are reported:
    a file the generator silently ignores is a mistake nobody notices.  A file refused
    for its name still counts as broken, so references to it are not reported again."""
    if not (root / "content").is_dir():
        problems.add(
            str(root / "content"),
            0,
            "",
            "the content folder does not exist",
            "run the generator from the project folder, or pass --root",
        )
        return [], []
    found: list[tuple[int, tuple[object, ...], FileKind, dict[str, str], Path]] = []
    refused: list[Failure] = []
    for folder in FOLDERS:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            # _schema/ and hidden folders hold no content.
            dirnames[:] = [d for d in dirnames if not d.startswith(("_", "."))]
            for name in filenames:
                path = Path(dirpath) / name
                if path.suffix.lower() not in (".yml", ".yaml"):
                    continue  # not content (an editor's backup, a README)
                parts = path.relative_to(root).parts
                display = "/".join(parts)
                matched = kind_for(parts[:-1] + (path.stem + ".yml",))
                if path.suffix != ".yml":
                    problems.add(display, 0, "", "content files must end in .yml", f"rename it to {path.stem}.yml")
                elif matched is None:
                    problems.add(
                        display,
                        0,
                        "",
                        "the generator does not read a file in this place",
                        "content files go in " + ", ".join(k.where for k in KINDS),
                    )
                elif bad := [v for v in matched[1].values() if not PATH_SEGMENT.match(v)]:
                    problems.add(
                        display,
                        0,
                        "",
                        f"the name {bad[0]!r} cannot be used in a web address",
                        "name folders and files with letters, digits and hyphens only, e.g. 201.yml",
                    )
                else:
                    kind, ids = matched
                    found.append((KINDS.index(kind), tuple(natural_key(p) for p in parts), kind, ids, path))
                    continue
                if matched is not None:
                    refused.append(Failure(matched[0], matched[1], path=path))
    found.sort(key=lambda f: (f[0], f[1]))
    return [(kind, ids, path) for _, _, kind, ids, path in found], refused


def load_files(root: Path, problems: Problems) -> tuple[list[Record], list[Failure]]:
    records: list[Record] = []
    files, failures = find_files(root, problems)
    for kind, ids, path in files:
        display = "/".join(path.relative_to(root).parts)
        loaded, salvaged = read_yaml(path, display, problems)
        if loaded is None:
            failures.append(Failure(kind, ids, salvaged, path=path))
            continue
        model, indices, dropped = _validate(kind, loaded, display, problems)
        if model is None:
            failures.append(Failure(kind, ids, loaded.data))
            continue
        mismatch = kind.name_rule(model, ids) if kind.name_rule else None
        if mismatch:
            field, message, hint = mismatch
            problems.add(display, loaded.line_for((field,)), field, message, hint)
            failures.append(Failure(kind, ids, loaded.data, model))
            continue
        records.append(Record(kind, ids, Sourced(display, loaded), model, indices, dropped))
    return records, failures


def _validate(
    kind: FileKind, loaded: Loaded, display: str, problems: Problems
) -> tuple[BaseModel | None, tuple[int, ...], tuple[Any, ...]]:
    """The file's model; for split kinds, validated item by item in one linear pass, each
    problem at its own line.  Returns (model of the valid items, their indices, bad items)."""
    raw = loaded.data
    if (
        kind.split is None
        or not isinstance(raw, dict)
        or not isinstance(raw.get(kind.split[0]), list)
        or not raw[kind.split[0]]
    ):
        model = validate_data(raw, kind.model, loaded, display, problems)
        count = len(getattr(model, kind.split[0])) if model is not None and kind.split else 0
        return model, tuple(range(count)), ()
    field, item_model = kind.split
    good: list[BaseModel] = []
    indices: list[int] = []
    dropped: list[Any] = []
    for i, item in enumerate(raw[field]):
        valid = validate_data(item, item_model, loaded, display, problems, prefix=(field, i), root=kind.model)
        if valid is None:
            dropped.append(item)
        else:
            good.append(valid)
            indices.append(i)
    if not good:
        return None, (), tuple(dropped)
    model = validate_data({**raw, field: good}, kind.model, loaded, display, problems)
    return model, tuple(indices), tuple(dropped)
