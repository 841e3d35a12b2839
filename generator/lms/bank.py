"""The item bank as the LMS exports see it: the reviewed items the site publishes, grouped
into one category per specification, unit and outcome, and the test specifications as
sections of those categories.  Every format module reads this, so all formats export the
same questions under the same names."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property

from ..corpus import Corpus, SpecData, natural_key
from ..labels import outcome_label
from ..markdown_text import md_html
from ..models import TestSpec, Unit
from ..pages.quiz_payloads import reviewed
from ..quiz_models import Item


def export_id(spec: str, unit: str, item_id: str) -> str:
    """One id for an item in every export: '<spec>-<unit>-<item id>', letters, digits and
    '-' only, so it is a valid QTI identifier, Moodle idnumber and GIFT title as it is."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", f"{spec}-{unit}-{item_id}")


@dataclass(frozen=True)
class ExportItem:
    uid: str
    data: SpecData
    unit: Unit
    item: Item

    def html(self, markdown: str | None) -> str:
        """The site's rendered HTML of a stem, option, feedback or explanation."""
        return _html(markdown) if markdown else ""


@dataclass(frozen=True)
class Category:
    """Items of one outcome of one unit.  path: (specification, unit, outcome) names."""

    path: tuple[str, str, str]
    items: tuple[ExportItem, ...]


@dataclass(frozen=True)
class Section:
    """One outcome of a test specification: draw `select` of its items."""

    title: str
    select: int
    items: tuple[ExportItem, ...]


@dataclass(frozen=True)
class ExportTest:
    uid: str
    data: SpecData
    test: TestSpec
    sections: tuple[Section, ...]

    @property
    def title(self) -> str:
        return f"{self.test.title} ({self.data.spec.short_title})"


@functools.lru_cache(maxsize=16384)
def _html(markdown: str) -> str:
    # Every format renders the same texts; Markdown is the dear part of an export.
    return md_html(markdown)


def unit_name(unit: Unit) -> str:
    return f"Unit {unit.number}: {unit.title}"


class ExportBank:
    """Built once per export from a validated corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    @cached_property
    def categories(self) -> tuple[Category, ...]:
        found: list[Category] = []
        for data in self.corpus.specs.values():
            # A unit printed twice (NVQ 55 is 23) has one bank, filed under its first number;
            # exporting only each unit's own bank keeps every item in one category.
            numbers = sorted(
                {number for spec, number in self.corpus.banks.by_unit if spec == data.slug}, key=natural_key
            )
            for number in numbers:
                unit = data.resolve(number)
                items = reviewed(self.corpus.banks.by_unit[(data.slug, number)].bank.items)
                for outcome in unit.outcomes:
                    mine = tuple(
                        ExportItem(export_id(data.slug, unit.number, it.id), data, unit, it)
                        for it in items
                        if it.outcome == outcome.id
                    )
                    if mine:
                        path = (data.spec.title, unit_name(unit), outcome_label(unit, outcome.id))
                        found.append(Category(path, mine))
        uids = [e.uid for c in found for e in c.items]
        if len(set(uids)) != len(uids):  # a generator bug: ids are unique in a bank and banks differ
            raise AssertionError("two exported items share an id")
        return tuple(found)

    @cached_property
    def items(self) -> tuple[ExportItem, ...]:
        return tuple(e for c in self.categories for e in c.items)

    @cached_property
    def tests(self) -> tuple[ExportTest, ...]:
        by_outcome: dict[tuple[str, str, str], tuple[ExportItem, ...]] = {}
        for c in self.categories:
            first = c.items[0]
            by_outcome[(first.data.slug, first.unit.number, first.item.outcome)] = c.items
        found = []
        for data in self.corpus.specs.values():
            for test in data.spec.tests:
                sections = []
                for part in test.outcomes:
                    unit = data.resolve(part.unit or test.units[0])
                    items = by_outcome.get((data.slug, unit.number, part.outcome), ())
                    label = outcome_label(unit, part.outcome)
                    if len(test.units) > 1:
                        label = f"Unit {unit.number}, {label}"
                    sections.append(Section(label, blueprint_count(part.questions, part.marks, items), items))
                found.append(ExportTest(export_id(data.slug, "test", test.id), data, test, tuple(sections)))
        return tuple(found)


def blueprint_count(questions: int | None, marks: int | None, items: tuple[ExportItem, ...]) -> int:
    """How many questions a section draws.  A blueprint that counts questions gives the
    number itself; one that counts marks (BTEC Level 2) gives the marks divided by the
    outcome's mean marks per item, rounded, because LMS random selection counts questions,
    not marks.  Never more than the items there are."""
    if not items:
        return 0
    if questions is not None:
        wanted = questions
    else:
        mean = sum(e.item.marks for e in items) / len(items)
        wanted = max(1, round((marks or 0) / mean))
    return min(wanted, len(items))
