"""Put the loaded files together into one frozen ValidatedCorpus, and remember every
file that failed (see corpus.Broken) so that one mistake gives one problem line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..corpus import (
    BankData,
    Banks,
    Broken,
    DiagramEntry,
    LawEntry,
    SharedEntry,
    Sourced,
    SpecData,
    TeachingEntry,
    TeachingLayer,
    TermEntry,
    ValidatedCorpus,
    natural_key,
)
from ..diagrams.models import Diagram
from ..models import Specification, Unit
from ..problems import Problems
from ..quiz_models import Bank
from ..teaching_models import Glossary, Law, SharedNotes, Teaching
from ..urls import slugify
from .files import Failure, Record


@dataclass
class _Broken:
    specs: set[str] = field(default_factory=set)
    units: set[tuple[str, str]] = field(default_factory=set)
    unknown_aliases: set[str] = field(default_factory=set)
    teaching: set[tuple[str, str]] = field(default_factory=set)
    banks: set[tuple[str, str]] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    all_terms: bool = False
    laws: set[str] = field(default_factory=set)
    diagrams: set[str] = field(default_factory=set)

    def freeze(self) -> Broken:
        return Broken(
            frozenset(self.specs),
            frozenset(self.units),
            frozenset(self.unknown_aliases),
            frozenset(self.teaching),
            frozenset(self.banks),
            frozenset(self.terms),
            self.all_terms,
            frozenset(self.laws),
            frozenset(self.diagrams),
        )


def _texts(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _get(raw: Any, key: str) -> Any:
    return raw.get(key) if isinstance(raw, dict) else None


def _note_failure(failure: Failure, broken: _Broken) -> None:
    """Record what a failed file would have defined, as far as it can be read."""
    ids, raw, kind = failure.ids, failure.raw, failure.kind.name
    if kind == "spec":
        broken.specs.add(ids["spec"])
    elif kind == "unit":
        spec = ids["spec"]
        names = {ids["number"]}
        if isinstance(failure.model, Unit):
            names |= {failure.model.number, *failure.model.aliases}
        elif isinstance(raw, dict) and (isinstance(raw.get("aliases"), list) or "aliases" not in raw):
            names |= {*_texts(raw.get("aliases")), *([raw["number"]] if isinstance(raw.get("number"), str) else [])}
        else:
            found = salvage_aliases(failure.path) if failure.path else None
            if found is None:
                broken.unknown_aliases.add(spec)  # any unknown number of this spec may be one of its aliases
            names |= set(found or ())
        broken.units.update((spec, n) for n in names)
    elif kind == "teaching":
        broken.teaching.add((ids["spec"], ids["unit"]))
    elif kind == "bank":
        broken.banks.add((ids["spec"], ids["unit"]))
        if isinstance(_get(raw, "spec"), str) and isinstance(_get(raw, "unit"), str):
            broken.banks.add((raw["spec"], raw["unit"]))
    elif kind == "law":
        broken.laws.add(ids["slug"])
        if isinstance(_get(raw, "slug"), str):
            broken.laws.add(raw["slug"])
    elif kind == "diagram":
        broken.diagrams.add(ids["slug"])
        if isinstance(_get(raw, "slug"), str):
            broken.diagrams.add(raw["slug"])
    elif kind == "glossary":
        terms = _get(raw, "terms")
        if not isinstance(terms, list):
            broken.all_terms = True
        _note_terms(terms if isinstance(terms, list) else [], broken)


_ALIASES_KEY = re.compile(r"^aliases:[ \t]*(.*)$", re.MULTILINE)
_FLOW = re.compile(r"^\[([^\]]*)\]\s*(#.*)?$")
_BLOCK_ITEM = re.compile(r"^[ \t]*-[ \t]+['\"]?([A-Za-z0-9-]+)['\"]?[ \t]*(#.*)?$")


def salvage_aliases(path: Path) -> list[str] | None:
    """The aliases a unit file with a YAML syntax error lists, read line by line; None when
    they cannot be told.  So that a reference to 271 is not reported just because 201.yml
    has a typo somewhere else."""
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
    keys = list(_ALIASES_KEY.finditer(text))
    if not keys:
        return []  # no aliases: key, so the unit has none
    if len(keys) > 1:
        return None
    rest = keys[0].group(1).strip()
    if rest:
        flow = _FLOW.match(rest)
        return [v.strip().strip("'\"") for v in flow.group(1).split(",") if v.strip()] if flow else None
    found = []
    for line in text[keys[0].end() :].lstrip("\n").splitlines():
        item = _BLOCK_ITEM.match(line)
        if not item:
            break
        found.append(item.group(1))
    return found or None


def _note_terms(items: Iterable[Any], broken: _Broken) -> None:
    for item in items:
        names = [v for v in (_get(item, "slug"), _get(item, "term")) if isinstance(v, str)]
        if not names:
            broken.all_terms = True
        broken.terms.update(slugify(n) for n in names)
        broken.terms.update(names)


def assemble(root: Path, records: list[Record], failures: list[Failure], problems: Problems) -> ValidatedCorpus:
    broken = _Broken()
    for failure in failures:
        _note_failure(failure, broken)
    specs: dict[str, tuple[Specification, Sourced]] = {}
    units: dict[str, dict[str, tuple[Unit, Sourced]]] = {}
    teaching: dict[tuple[str, str], TeachingEntry] = {}
    terms: dict[str, TermEntry] = {}
    laws: dict[str, LawEntry] = {}
    banks: dict[tuple[str, str], BankData] = {}
    diagrams: dict[str, DiagramEntry] = {}
    shared: dict[str, SharedEntry] = {}
    for rec in records:
        model, origin = rec.model, rec.origin
        if isinstance(model, Specification):
            specs[model.slug] = (model, origin)
        elif isinstance(model, Unit):
            units.setdefault(rec.ids["spec"], {})[model.number] = (model, origin)
        elif isinstance(model, Teaching):
            teaching[model.spec, model.unit] = TeachingEntry(model, origin)
        elif isinstance(model, Law):
            laws[model.slug] = LawEntry(model, origin)
        elif isinstance(model, Diagram):
            diagrams[model.slug] = DiagramEntry(model, origin)
        elif isinstance(model, SharedNotes):
            shared[model.slug] = SharedEntry(model, origin)
        elif isinstance(model, Bank):
            banks[model.spec, model.unit] = BankData(model, origin, rec.indices)
            if rec.dropped:
                broken.banks.add((model.spec, model.unit))
        elif isinstance(model, Glossary):
            _note_terms(rec.dropped, broken)
            for term, i in zip(model.terms, rec.indices, strict=True):
                slug = TeachingLayer.term_slug(term)
                if slug in terms:
                    problems.add(
                        origin.display,
                        origin.line("terms", i, "term"),
                        f"terms[{i}].term",
                        f"the term {term.term!r} (#{slug}) is already defined in {terms[slug].origin.display}",
                        "define each term once and list every unit that uses it",
                    )
                    continue
                terms[slug] = TermEntry(term, origin, i)
    _orphans(units, teaching, specs, broken, problems, root)
    # Specifications appear in the order of their seed files (000, 001, ...).
    ordered = sorted(specs.values(), key=lambda s: s[0].source.seed)
    spec_map = {
        spec.slug: SpecData(
            spec,
            origin,
            MappingProxyType({n: u for n, (u, _) in units.get(spec.slug, {}).items()}),
            MappingProxyType({n: o for n, (_, o) in units.get(spec.slug, {}).items()}),
        )
        for spec, origin in ordered
    }
    twins = MappingProxyType(_twins(spec_map))
    layer = TeachingLayer(
        MappingProxyType(teaching),
        MappingProxyType(terms),
        MappingProxyType(laws),
        MappingProxyType(diagrams),
        MappingProxyType(shared),
        twins,
    )
    return ValidatedCorpus(
        root=root,
        specs=MappingProxyType(spec_map),
        banks=Banks(MappingProxyType(banks), twins),
        teaching=layer,
        broken=broken.freeze(),
    )


def _twins(specs: Mapping[str, SpecData]) -> dict[tuple[str, str], tuple[str, str]]:
    """(spec, later number) -> (spec, first number) for each unit printed twice."""
    twins = {}
    for slug, data in specs.items():
        for number, unit in data.units.items():
            for link in unit.also_in:
                if link.relation == "same unit printed twice" and link.spec == slug and link.unit in data.units:
                    first, second = sorted((number, link.unit), key=natural_key)
                    twins[(slug, second)] = (slug, first)
    return twins


def _orphans(
    units: dict[str, dict[str, tuple[Unit, Sourced]]],
    teaching: dict[tuple[str, str], TeachingEntry],
    specs: dict[str, tuple[Specification, Sourced]],
    broken: _Broken,
    problems: Problems,
    root: Path,
) -> None:
    """Unit and teaching files in a folder without a specification: one line per folder."""
    folders = set(units) | {spec for spec, _ in teaching}
    for folder in sorted(folders - set(specs) - broken.specs):
        problems.add(
            f"{root.name}/{folder}/specification.yml",
            0,
            "",
            f"the folder {root.name}/{folder}/ has unit or teaching files but no specification.yml",
            "add the specification file, or move the files into the right folder",
        )
        broken.specs.add(folder)
