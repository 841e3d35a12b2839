"""The teaching layer: which units cite a law, what needs notes, and the coverage report
`generator check` prints.  Loading is in generator/load/, the rules that record problems
in generator/checks/teaching.py; this module only relates and formats.

Files:
    content/<spec>/teaching/<unit>.yml    Teaching (notes, key terms, legislation, activities)
    content/glossary/*.yml                Glossary (terms)
    content/legislation/<slug>.yml        Law
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import (
    LawEntry,
    SpecData,
    TeachingEntry,
    TeachingLayer,
    TermEntry,
    ValidatedCorpus,
    natural_key,
)
from .models import Outcome, Unit
from .quiz_models import Item

__all__ = [
    "Gap",
    "LawEntry",
    "TeachingEntry",
    "TeachingLayer",
    "TermEntry",
    "competence_unit",
    "coverage",
    "gaps",
    "group_items",
    "knowledge_outcome",
    "law_units",
    "outcome_counts",
    "target_has",
    "targets",
]

MIN_PRACTICE_ITEMS = 3

# Assessment methods that judge a learner on evidence from real work, so the unit page
# explains the evidence and carries the evidence planner.
COMPETENCE_METHODS = frozenset({"workplace-evidence", "portfolio"})


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


def competence_unit(unit: Unit) -> bool:
    """Assessed on evidence from the learner's work (SVQ and NVQ units), not by exam or assignment."""
    return any(r.method in COMPETENCE_METHODS for r in unit.assessment)


def knowledge_outcome(outcome: Outcome) -> bool:
    """An NVQ-style "Understand..." or "Know..." outcome, taught by notes; the others
    ("Be able to...", SVQ elements) are shown through workplace evidence."""
    return outcome.kind != "element" and outcome.title.split(" ", 1)[0].lower() in ("understand", "know")


def group_items(items: list[Item], knowledge: list[str]) -> list[Item]:
    """The reviewed items that test at least one statement of a knowledge-notes group."""
    wanted = set(knowledge)
    return [i for i in items if i.status == "reviewed" and wanted.intersection(i.knowledge)]


@dataclass(frozen=True)
class Gap:
    """A section a unit page of a taught specification lacks: the teaching-file field to
    add it under, what is missing, and how to add it."""

    field: str
    message: str
    hint: str


def gaps(unit: Unit, entry: TeachingEntry | None, items: list[Item]) -> list[Gap]:
    """Every missing section of one unit (completeness for the check, counts for coverage).
    ``entry`` is the teaching file the unit's pages use (TeachingLayer.entry: its own or its twin's)."""
    if not competence_unit(unit):
        out = []
        for kind, tid in targets(unit):
            has_notes, has_activity = target_has(entry, kind, tid)
            if not has_notes:
                out.append(
                    Gap("notes", f"{kind} {tid} has no teaching notes", f'add a notes entry with {kind}: "{tid}"')
                )
            if not has_activity:
                out.append(
                    Gap("activities", f"{kind} {tid} has no tutor activity", f'add an activity with {kind}: "{tid}"')
                )
        if entry is not None and not entry.teaching.key_terms:
            out.append(Gap("key_terms", "has no key terms", "list the glossary slugs of its key terms"))
        return out
    return _competence_gaps(unit, entry, items)


def _competence_gaps(unit: Unit, entry: TeachingEntry | None, items: list[Item]) -> list[Gap]:
    """A unit assessed on workplace evidence.  Every one needs "In brief" and evidence
    guidance per element or competence outcome.  One in a current structure also needs
    notes and practice on what learners must know (knowledge statements or knowledge
    outcomes), key terms, law cards, and for each outcome an assessor's task or prompts."""
    if entry is None:
        return [Gap("in_brief", "has no teaching file", "add in_brief, evidence and the other sections")]
    t = entry.teaching
    out = []
    guides = {g.outcome: g for g in t.evidence}
    current = unit.status != "not-in-structure"
    for o in unit.outcomes:
        activities = [a for a in t.activities if a.outcome == o.id]
        if knowledge_outcome(o):
            if not current:
                continue
            if not any(n.outcome == o.id for n in t.notes):
                out.append(
                    Gap("notes", f"outcome {o.id} has no teaching notes", f'add a notes entry with outcome: "{o.id}"')
                )
            if sum(1 for i in items if i.status == "reviewed" and i.outcome == o.id) < MIN_PRACTICE_ITEMS:
                out.append(
                    Gap(
                        "notes",
                        f"outcome {o.id} has fewer than {MIN_PRACTICE_ITEMS} reviewed practice items",
                        f'add reviewed items with outcome: "{o.id}" to the unit\'s bank',
                    )
                )
            if not activities:
                out.append(
                    Gap("activities", f"outcome {o.id} has no activity", f'add an activity with outcome: "{o.id}"')
                )
            continue
        what = labels_kind(o)
        guide = guides.get(o.id)
        if guide is None:
            out.append(
                Gap(
                    "evidence",
                    f"{what} {o.id} has no evidence guidance",
                    f'add an evidence entry with outcome: "{o.id}"',
                )
            )
        if not current:
            continue
        workplace = any(a.setting == "workplace" and a.discussion for a in activities)
        if o.kind == "element" and not workplace:
            # SVQ: an assessor's workplace task with discussion prompts for every element.
            out.append(
                Gap(
                    "activities",
                    f"{what} {o.id} has no workplace task with professional-discussion prompts",
                    f'add an activity with outcome: "{o.id}", setting: workplace and discussion: prompts',
                )
            )
        elif o.kind != "element" and not workplace and not activities and not (guide and len(guide.discussion) >= 2):
            out.append(
                Gap(
                    "activities",
                    f"{what} {o.id} has no activity or professional-discussion prompts",
                    f'add an activity with outcome: "{o.id}", or discussion: prompts to its evidence entry',
                )
            )
    if current:
        covered = {k for n in t.knowledge_notes for k in n.knowledge}
        for k in unit.knowledge:
            if k.id not in covered:
                out.append(
                    Gap(
                        "knowledge_notes",
                        f"knowledge statement {k.id} has no notes",
                        f'list "{k.id}" in a knowledge_notes group',
                    )
                )
        for i, group in enumerate(t.knowledge_notes):
            found = len(group_items(items, group.knowledge))
            if found < MIN_PRACTICE_ITEMS:
                ids = ", ".join(group.knowledge)
                out.append(
                    Gap(
                        "knowledge_notes",
                        f"knowledge notes {i + 1} ({ids}) have {found} reviewed items, not {MIN_PRACTICE_ITEMS}",
                        f"add reviewed items with knowledge: [{ids}] to the unit's bank",
                    )
                )
        if not t.key_terms:
            out.append(Gap("key_terms", "has no key terms", "list the glossary slugs of its key terms"))
        if not t.legislation:
            out.append(Gap("legislation", "has no legislation cards", "list the laws that apply in legislation:"))
    return out


def labels_kind(outcome: Outcome) -> str:
    return "element" if outcome.kind == "element" else "outcome"


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
            lines.append(f"{data.slug}: no teaching layer yet; its {len(data.units)} unit pages show the official text")
            continue
        if any(competence_unit(u) for u in data.units.values()):
            lines.append(_competence_coverage(corpus, data))
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


def _competence_coverage(corpus: ValidatedCorpus, data: SpecData) -> str:
    """One line for a specification assessed on workplace evidence: complete units, and
    the first few gaps of the others."""
    complete = 0
    missing: list[str] = []
    for number, unit in data.units.items():
        entry = corpus.teaching.entry(data.slug, number)
        found = gaps(unit, entry, corpus.banks.items_for(data.slug, number))
        if found:
            missing.append(f"{number} ({len(found)})")
        else:
            complete += 1
    shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12 else "")
    return (
        f"{data.slug}: {complete}/{len(data.units)} units with every section their kind needs (brief, notes, "
        f"evidence guidance, key terms, law cards, assessors' tasks or prompts, practice items); missing sections in: "
        f"{shown if missing else 'none'}"
    )
