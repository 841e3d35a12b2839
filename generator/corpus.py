"""The validated corpus: every content file as a typed, frozen model, and the lookups
the checks and the renderer use.

Layout of ``content/`` and ``quizzes/`` (the loader's table is in generator/load/kinds.py)::

    content/<spec>/specification.yml     one Specification
    content/<spec>/units/<number>.yml    one Unit per file
    content/<spec>/teaching/<unit>.yml   one Teaching per file
    content/glossary/*.yml               Glossary (terms)
    content/legislation/<slug>.yml       Law
    content/shared/<slug>.yml            SharedNotes (notes several units use)
    content/diagrams/<slug>.yml          Diagram
    quizzes/<spec>/<unit>.yml            Bank

Everything here is immutable once built.  While problems are being collected the corpus
holds only the files that validated, and ``broken`` names the ones that did not, so that
a reference into a broken file is not reported a second time.  ``load_and_check`` only
returns a corpus with nothing broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from .diagrams.models import Diagram
from .models import Specification, Unit
from .problems import Problems
from .quiz_models import Bank, Item
from .teaching_models import Law, SharedNotes, Teaching, Term
from .urls import slugify
from .yamlload import Loaded, Path_

NaturalKey = tuple[tuple[int, int, str], ...]


def natural_key(text: str) -> NaturalKey:
    """Sort '2' before '10' and '201' before '271'; letters after digits."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in re.findall(r"\d+|[^\d]+", text)
    )


def display_path(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the project, e.g. content/cg-4417/units/201.yml."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Sourced:
    """Where a validated model came from, for error messages."""

    display: str
    loaded: Loaded

    def line(self, *loc: str | int) -> int:
        return self.loaded.line_for(loc)


@dataclass(frozen=True)
class SpecData:
    """One specification and its units (keyed by unit number, in natural order)."""

    spec: Specification
    origin: Sourced
    units: Mapping[str, Unit]
    unit_origin: Mapping[str, Sourced]
    _aliases: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        result: dict[str, str] = {}
        for number in self.units:
            result[number] = number
        for number, unit in self.units.items():
            for alias in unit.aliases:
                result.setdefault(alias, number)
        object.__setattr__(self, "_aliases", MappingProxyType(result))

    @property
    def slug(self) -> str:
        return self.spec.slug

    def alias_map(self) -> Mapping[str, str]:
        """Every unit number and alias -> the unit number whose page it is."""
        return self._aliases

    def find(self, number: str) -> Unit | None:
        """The unit a number or alias names, or None (for checks and user input)."""
        target = self._aliases.get(number)
        return self.units[target] if target is not None else None

    def resolve(self, number: str) -> Unit:
        """The unit a number or alias names.  After validation every reference resolves,
        so an unknown number is a programming error: KeyError."""
        unit = self.find(number)
        if unit is None:
            raise KeyError(f"{self.slug} has no unit {number!r}")
        return unit


@dataclass(frozen=True)
class BankData:
    bank: Bank
    origin: Sourced
    indices: tuple[int, ...]  # where each valid item stands in the file, for error lines

    @property
    def key(self) -> tuple[str, str]:
        return self.bank.spec, self.bank.unit


@dataclass(frozen=True)
class Banks:
    by_unit: Mapping[tuple[str, str], BankData] = field(default_factory=lambda: MappingProxyType({}))
    twins: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=lambda: MappingProxyType({}))

    def items_for(self, spec: str, unit: str) -> list[Item]:
        """A unit's items: its own bank's, or (a unit printed twice) its twin's."""
        data = self.by_unit.get((spec, unit)) or self.by_unit.get(self.twins.get((spec, unit), ("", "")))
        return list(data.bank.items) if data else []


class TeachingEntry(NamedTuple):
    """A teaching file; still unpacks as (teaching, origin) like the old tuple."""

    teaching: Teaching
    origin: Sourced


class TermEntry(NamedTuple):
    """A glossary term; unpacks as (term, origin, index in its file)."""

    term: Term
    origin: Sourced
    position: int


class LawEntry(NamedTuple):
    """A legislation file; unpacks as (law, origin)."""

    law: Law
    origin: Sourced


class SharedEntry(NamedTuple):
    """A shared-notes file; unpacks as (notes, origin)."""

    notes: SharedNotes
    origin: Sourced


class DiagramEntry(NamedTuple):
    """A diagram file; unpacks as (diagram, origin)."""

    diagram: Diagram
    origin: Sourced


@dataclass(frozen=True)
class TeachingLayer:
    units: Mapping[tuple[str, str], TeachingEntry] = field(default_factory=lambda: MappingProxyType({}))
    terms: Mapping[str, TermEntry] = field(default_factory=lambda: MappingProxyType({}))  # slug -> term
    laws: Mapping[str, LawEntry] = field(default_factory=lambda: MappingProxyType({}))
    diagrams: Mapping[str, DiagramEntry] = field(default_factory=lambda: MappingProxyType({}))  # slug -> diagram
    shared: Mapping[str, SharedEntry] = field(default_factory=lambda: MappingProxyType({}))  # slug -> shared notes
    # A unit the specification prints twice (NVQ 55 is 23) has one teaching file, under its
    # first number; the second number's pages use it.  (spec, second) -> (spec, first).
    twins: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=lambda: MappingProxyType({}))

    def entry(self, spec: str, number: str) -> TeachingEntry | None:
        """The teaching file a unit's pages use: its own, or its twin's."""
        own = self.units.get((spec, number))
        if own is not None:
            return own
        twin = self.twins.get((spec, number))
        return self.units.get(twin) if twin else None

    @staticmethod
    def term_slug(term: Term) -> str:
        return term.slug or slugify(term.term)


@dataclass(frozen=True)
class Broken:
    """Files (or parts) that failed to load; references to them are not reported again."""

    specs: frozenset[str] = frozenset()  # content/<spec>/ folders whose specification failed
    units: frozenset[tuple[str, str]] = frozenset()  # (spec, number or alias)
    unknown_aliases: frozenset[str] = frozenset()  # specs with a unit file too broken to read
    teaching: frozenset[tuple[str, str]] = frozenset()
    banks: frozenset[tuple[str, str]] = frozenset()  # banks with a file or item that failed
    terms: frozenset[str] = frozenset()
    all_terms: bool = False  # a glossary file failed before its terms could be read
    laws: frozenset[str] = frozenset()
    diagrams: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return any(
            (
                self.specs,
                self.units,
                self.unknown_aliases,
                self.teaching,
                self.banks,
                self.terms,
                self.all_terms,
                self.laws,
                self.diagrams,
            )
        )

    def unit(self, spec: str, number: str) -> bool:
        return spec in self.specs or (spec, number) in self.units or spec in self.unknown_aliases


@dataclass(frozen=True)
class ValidatedCorpus:
    root: Path
    specs: Mapping[str, SpecData]  # slug -> specification, in the order of their seed files
    banks: Banks = field(default_factory=Banks)
    teaching: TeachingLayer = field(default_factory=TeachingLayer)
    broken: Broken = field(default_factory=Broken)
    bank_lines: tuple[str, ...] = ()  # the reports `generator check` prints
    coverage_lines: tuple[str, ...] = ()

    @property
    def broken_specs(self) -> frozenset[str]:
        return self.broken.specs

    def all_units(self) -> Iterator[tuple[SpecData, Unit]]:
        for data in self.specs.values():
            for unit in data.units.values():
                yield data, unit

    def unit_ref_ok(self, ref: str) -> bool:
        """Whether '<spec>/<unit>' names a unit, or a file that already failed (reported there)."""
        spec, _, number = ref.partition("/")
        data = self.specs.get(spec)
        if not number:
            return False
        return bool((data and data.find(number)) or self.broken.unit(spec, number))


Corpus = ValidatedCorpus  # the name render.py and export.py import


def load_content(content_dir: Path, problems: Problems) -> ValidatedCorpus:
    """Load and validate every file of the project that holds ``content_dir`` (no cross-checks)."""
    from .load import load_corpus

    return load_corpus(content_dir.parent, problems)


__all__ = [
    "BankData",
    "Banks",
    "Broken",
    "Corpus",
    "DiagramEntry",
    "LawEntry",
    "Path_",
    "Sourced",
    "SpecData",
    "TeachingEntry",
    "TeachingLayer",
    "TermEntry",
    "ValidatedCorpus",
    "display_path",
    "load_content",
    "natural_key",
]
