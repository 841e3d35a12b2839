"""The teaching layer: which units cite a law, what needs notes, and the coverage report
`generator check` prints.  Loading is in generator/load/, the rules that record problems
in generator/checks/teaching.py; this module only relates and formats.

Files:
    content/<spec>/teaching/<unit>.yml    Teaching (notes, key terms, legislation, activities)
    content/glossary/*.yml                Glossary (terms)
    content/legislation/<slug>.yml        Law
"""

from __future__ import annotations

from .corpus import (
    LawEntry,
    TeachingEntry,
    TeachingLayer,
    TermEntry,
    ValidatedCorpus,
    natural_key,
)
from .models import Unit
from .quiz_models import Item

__all__ = [
    "LawEntry",
    "TeachingEntry",
    "TeachingLayer",
    "TermEntry",
    "coverage",
    "law_units",
    "outcome_counts",
    "target_has",
    "targets",
]

MIN_PRACTICE_ITEMS = 3


def law_units(corpus: ValidatedCorpus, layer: TeachingLayer, slug: str) -> list[str]:
    """Every unit that cites a law: its own list, teaching files and specification wording."""
    law = layer.laws[slug].law
    refs = list(law.units)
    for (spec, unit), entry in layer.units.items():
        if slug in entry.teaching.legislation:
            refs.append(f"{spec}/{unit}")
    for wording in law.spec_wording:
        refs.extend(f"{wording.spec}/{corpus.specs[wording.spec].resolve(u).number}" for u in wording.units)
    out: list[str] = []
    for ref in refs:
        spec, _, unit = ref.partition("/")
        key = f"{spec}/{corpus.specs[spec].resolve(unit).number}"
        if key not in out:
            out.append(key)
    order = list(corpus.specs)
    return sorted(out, key=lambda r: (order.index(r.split("/")[0]), natural_key(r.split("/")[1])))


def targets(unit: Unit) -> list[tuple[str, str]]:
    """What needs notes: content areas where a unit prints them (BTEC L2 Unit 1),
    otherwise its outcomes or learning aims."""
    if unit.content and all(not o.criteria for o in unit.outcomes):
        return [("content", a.id) for a in unit.content]
    return [("outcome", o.id) for o in unit.outcomes]


def target_has(entry: TeachingEntry | None, kind: str, tid: str) -> tuple[bool, bool]:
    """(has notes, has an activity) for one outcome or content area."""
    if entry is None:
        return False, False
    teaching = entry.teaching
    notes = any((n.outcome if kind == "outcome" else n.content) == tid for n in teaching.notes)
    activity = any((a.outcome if kind == "outcome" else a.content) == tid for a in teaching.activities)
    return notes, activity


def outcome_counts(unit: Unit, items: list[Item]) -> dict[str, int]:
    """Reviewed practice items per outcome of a unit, in one pass over the bank."""
    counts = {o.id: 0 for o in unit.outcomes}
    for item in items:
        if item.status == "reviewed" and item.outcome in counts:
            counts[item.outcome] += 1
    return counts


def coverage(corpus: ValidatedCorpus, layer: TeachingLayer | None = None, problems: object = None) -> list[str]:
    """Per specification with a teaching layer: outcomes with notes, activities per outcome,
    practice items per outcome.  Formatting only (the old arguments are ignored)."""
    layer = corpus.teaching
    lines = []
    for data in corpus.specs.values():
        if not data.spec.teaching_layer:
            continue
        total = with_notes = with_activity = 0
        items_low = []
        for number, unit in data.units.items():
            entry = layer.units.get((data.slug, number))
            for kind, tid in targets(unit):
                has_notes, has_activity = target_has(entry, kind, tid)
                total += 1
                with_notes += has_notes
                with_activity += has_activity
            counts = outcome_counts(unit, corpus.banks.items_for(data.slug, number))
            items_low += [f"{number}/{oid}" for oid, n in counts.items() if n < MIN_PRACTICE_ITEMS]
        lines.append(
            f"{data.slug}: {with_notes}/{total} outcomes or content areas with notes, "
            f"{with_activity}/{total} with activities, practice items short for: "
            f"{', '.join(items_low) if items_low else 'none'}"
        )
    used = {t for entry in layer.units.values() for t in entry.teaching.key_terms}
    undefined = sorted(used - set(layer.terms))
    lines.append(
        f"glossary: {len(layer.terms)} terms; terms used but undefined: {', '.join(undefined) if undefined else 'none'}"
    )
    lines.append(f"legislation: {len(layer.laws)} entries")
    return lines
