"""The table of file kinds the loader reads: where each lives, its model, and how its
file name must agree with what it says.  Adding a content kind means adding a row here
(and a place for it in generator/load/assemble.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from ..diagrams.models import Diagram
from ..models import Specification, Unit
from ..quiz_models import Bank, Item
from ..teaching_models import Glossary, Law, SharedNotes, Teaching, Term

# (field, what is wrong, hint) when a file's name and its content disagree.
Mismatch = tuple[str, str, str]
NameRule = Callable[[BaseModel, Mapping[str, str]], Mismatch | None]

# Folder and file names become web addresses: letters, digits and hyphens only.
PATH_SEGMENT = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")


@dataclass(frozen=True)
class FileKind:
    name: str
    pattern: tuple[str, ...]  # path parts under the project; "{id}" parts name the file
    model: type[BaseModel]
    name_rule: NameRule | None = None
    # A list validated item by item, so that one bad quiz item or glossary term does not
    # hide the problems of the others, or make everything that refers to them fail too.
    split: tuple[str, type[BaseModel]] | None = None

    def match(self, parts: tuple[str, ...]) -> dict[str, str] | None:
        """The ids a path gives, e.g. {'spec': 'cg-4417', 'number': '201'}, or None."""
        if len(parts) != len(self.pattern):
            return None
        ids: dict[str, str] = {}
        for want, got in zip(self.pattern, parts, strict=True):
            if want == got:
                continue
            if want.startswith("{") and want.endswith("}.yml") and got.endswith(".yml"):
                ids[want[1:-5]] = got[:-4]
            elif want.startswith("{") and want.endswith("}") and "." not in want:
                ids[want[1:-1]] = got
            else:
                return None
        return ids

    @property
    def where(self) -> str:
        return "/".join(p.replace("{", "<").replace("}", ">") for p in self.pattern)


def _spec_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, Specification)
    if model.slug == ids["spec"]:
        return None
    return (
        "slug",
        f"slug {model.slug!r} does not match the folder name {ids['spec']!r}",
        f"rename the folder to content/{model.slug}/ or set slug: {ids['spec']}",
    )


def _unit_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, Unit)
    if model.number == ids["number"]:
        return None
    return (
        "number",
        f"unit number {model.number!r} does not match the file name '{ids['number']}.yml'",
        f"rename the file to {model.number}.yml",
    )


def _teaching_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, Teaching)
    if (model.spec, model.unit) == (ids["spec"], ids["unit"]):
        return None
    return (
        "unit",
        f"this file says {model.spec}/{model.unit} but is saved as {ids['spec']}/{ids['unit']}",
        f"save it as content/{model.spec}/teaching/{model.unit}.yml",
    )


def _law_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, Law)
    if model.slug == ids["slug"]:
        return None
    return "slug", f"slug {model.slug!r} does not match the file name", f"rename the file to {model.slug}.yml"


def _shared_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, SharedNotes)
    if model.slug == ids["slug"]:
        return None
    return "slug", f"slug {model.slug!r} does not match the file name", f"rename the file to {model.slug}.yml"


def _diagram_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, Diagram)
    if model.slug == ids["slug"]:
        return None
    return "slug", f"slug {model.slug!r} does not match the file name", f"rename the file to {model.slug}.yml"


def _bank_rule(model: BaseModel, ids: Mapping[str, str]) -> Mismatch | None:
    assert isinstance(model, Bank)
    if (model.spec, model.unit) == (ids["spec"], ids["unit"]):
        return None
    return (
        "unit",
        (
            f"this bank says spec {model.spec!r} unit {model.unit!r}, but its path says "
            f"{ids['spec']!r} unit {ids['unit']!r}"
        ),
        f"save it as quizzes/{model.spec}/{model.unit}.yml, or correct spec: and unit:",
    )


# In the order they are loaded.  Rows with fixed folder names come before rows whose
# first folder is a specification slug, so content/glossary/ is never read as a spec.
KINDS: tuple[FileKind, ...] = (
    FileKind("glossary", ("content", "glossary", "{name}.yml"), Glossary, split=("terms", Term)),
    FileKind("law", ("content", "legislation", "{slug}.yml"), Law, _law_rule),
    FileKind("diagram", ("content", "diagrams", "{slug}.yml"), Diagram, _diagram_rule),
    FileKind("shared", ("content", "shared", "{slug}.yml"), SharedNotes, _shared_rule),
    FileKind("spec", ("content", "{spec}", "specification.yml"), Specification, _spec_rule),
    FileKind("unit", ("content", "{spec}", "units", "{number}.yml"), Unit, _unit_rule),
    FileKind("teaching", ("content", "{spec}", "teaching", "{unit}.yml"), Teaching, _teaching_rule),
    FileKind("bank", ("quizzes", "{spec}", "{unit}.yml"), Bank, _bank_rule, split=("items", Item)),
)
RESERVED_FOLDERS = frozenset({"glossary", "legislation", "diagrams", "shared"})


def kind_for(parts: tuple[str, ...]) -> tuple[FileKind, dict[str, str]] | None:
    for kind in KINDS:
        ids = kind.match(parts)
        if ids is not None and not (
            kind.name not in ("glossary", "law", "diagram", "shared")
            and parts[0] == "content"
            and parts[1] in RESERVED_FOLDERS
        ):
            return kind, ids
    return None
