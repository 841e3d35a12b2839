"""What each specification offers on this site, worked out from what is there, so the home
page and the specification pages never promise a section a learner will not find."""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus import SpecData
from ..labels import plural
from ..models import Qualification, Unit
from ..teaching import competence_unit
from .base import Facts


@dataclass(frozen=True)
class Offer:
    units: int
    with_notes: int  # units whose page has a teaching file (notes, key terms, activities)
    with_practice: int  # units with a practice quiz (reviewed items)
    with_planner: int  # units assessed on workplace evidence, so with an evidence planner
    mocks: int
    with_evidence: int = 0  # units with guidance on what good evidence looks like

    def sentence(self) -> str:
        """'Notes and a practice quiz for all 19 units, and an evidence planner for every unit.'"""
        parts = []
        if self.with_notes and self.with_notes == self.with_practice:
            parts.append(f"notes and a practice quiz for {self._share(self.with_notes)}")
        else:
            if self.with_notes:
                parts.append(f"notes for {self._share(self.with_notes)}")
            if self.with_practice:
                parts.append(f"a practice quiz for {self._share(self.with_practice)}")
        if self.with_evidence:
            parts.append(f"what good evidence looks like for {self._share(self.with_evidence)}")
        if self.with_planner:
            parts.append(f"an evidence planner for {self._share(self.with_planner)}")
        if self.mocks:
            parts.append(plural(self.mocks, "timed mock test"))
        if not self.with_notes:
            parts.insert(0, "the official outcomes and criteria of every unit (notes are not written yet)")
        text = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
        return text[0].upper() + text[1:] + "."

    def _share(self, n: int) -> str:
        if n == self.units:
            return "every unit" if n > 2 else "both units" if n == 2 else "the unit"
        return f"{n} of its {self.units} units"


def offer(facts: Facts, data: SpecData, qual: Qualification | None = None) -> Offer:
    """What the specification offers, or, given one of its qualifications, what that
    qualification offers: only the units its structure names (aliases counted once, as the
    page they open) and the mocks whose units all belong to it."""
    layer = facts.corpus.teaching
    banks = facts.corpus.banks
    units = data.units if qual is None else qualification_units(data, qual)
    mocks = data.spec.tests
    if qual is not None:
        mocks = [t for t in mocks if all(data.resolve(n).number in units for n in t.units)]
    notes = practice = planner = evidence = 0
    for number, unit in units.items():
        entry = layer.entry(data.slug, number) if layer else None
        notes += bool(entry and (entry.teaching.notes or entry.teaching.knowledge_notes))
        evidence += bool(entry and entry.teaching.evidence)
        practice += any(i.status == "reviewed" for i in banks.items_for(data.slug, number)) if banks else 0
        planner += competence_unit(unit)
    return Offer(len(units), notes, practice, planner, len(mocks), evidence)


def qualification_units(data: SpecData, qual: Qualification) -> dict[str, Unit]:
    """The units a qualification's groups name, by the number of the page each opens."""
    found: dict[str, Unit] = {}
    for group in qual.groups:
        for number in group.units:
            unit = data.resolve(number)
            found.setdefault(unit.number, unit)
    return found
