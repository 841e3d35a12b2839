"""Rules for the teaching layer: teaching files, the glossary and the legislation library
refer to things that exist, and (completeness) every outcome of a taught specification has
notes and an activity.  One rule per function; the glossary's own rules are in glossary.py
and run here, in this list's order."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..corpus import Sourced, TeachingEntry, ValidatedCorpus
from ..models import Unit
from ..problems import Problems
from ..teaching import gaps, knowledge_outcome
from .common import missing, repeated, report, taught_units, units_exist, unknown_in_unit, with_units
from .glossary import related_terms_exist, term_anchors_free, terms_not_near_duplicates, terms_start_with_a_letter

_UNIT_HINT = "write units as '<spec>/<unit>', e.g. 'cg-4417/201'"


def _taught(corpus: ValidatedCorpus) -> Iterator[tuple[TeachingEntry, Unit]]:
    """Teaching files whose unit exists (teaching_unit_exists reports the others)."""
    return ((entry, unit) for entry, _, unit in with_units(corpus, corpus.teaching.units))


def teaching_unit_exists(corpus: ValidatedCorpus, problems: Problems) -> None:
    units_exist(corpus, problems, corpus.teaching.units, "use the unit's page number")


def teaching_targets_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Notes and activities are for an outcome or content area the unit has."""
    for entry, unit in _taught(corpus):
        outcomes = [o.id for o in unit.outcomes]
        areas = {a.id for a in unit.content}
        targeted = [(("notes", i), n.outcome, n.content) for i, n in enumerate(entry.teaching.notes)]
        targeted += [(("activities", i), a.outcome, a.content) for i, a in enumerate(entry.teaching.activities)]
        for loc, outcome, content in targeted:
            if outcome is not None and outcome not in outcomes:
                report(
                    problems,
                    entry.origin,
                    loc + ("outcome",),
                    f"unit {unit.number} has no outcome {outcome!r}",
                    f"use one of: {', '.join(outcomes)}",
                )
            if content is not None and content not in areas:
                report(
                    problems,
                    entry.origin,
                    loc + ("content",),
                    f"unit {unit.number} has no content area {content!r}",
                    "use a printed content id such as A1",
                )


def teaching_criteria_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for entry, unit in _taught(corpus):
        criteria = {c.id for o in unit.outcomes for c in o.criteria}
        lists = [(("notes", i), n.criteria) for i, n in enumerate(entry.teaching.notes)]
        lists += [(("activities", i), a.criteria) for i, a in enumerate(entry.teaching.activities)]
        for loc, ids in lists:
            unknown_in_unit(problems, entry.origin, (*loc, "criteria"), ids, criteria, unit.number, "criterion")


def activity_ids_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    for entry, _ in _taught(corpus):
        for i, aid in repeated((a.id for a in entry.teaching.activities), after_first=True):
            message = f"activity id {aid!r} is used more than once"
            report(problems, entry.origin, ("activities", i, "id"), message, "give each activity its own id")


def key_terms_defined(corpus: ValidatedCorpus, problems: Problems) -> None:
    broken = corpus.broken
    for entry, _ in _taught(corpus):
        for i, term in enumerate(entry.teaching.key_terms):
            if term not in corpus.teaching.terms and not broken.all_terms and term not in broken.terms:
                report(
                    problems,
                    entry.origin,
                    ("key_terms", i),
                    f"the glossary has no term {term!r}",
                    "add it to a file in content/glossary/, or correct the slug",
                )


def laws_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Teaching files and replaced_by lists name entries of the legislation library."""

    def known(slug: str) -> bool:
        return slug in corpus.teaching.laws or slug in corpus.broken.laws

    def no_entry(slug: str) -> str:
        return f"the legislation library has no entry {slug!r}"

    for entry, _ in _taught(corpus):
        for loc, law in missing(entry.teaching.legislation, ("legislation",), known):
            report(
                problems, entry.origin, loc, no_entry(law), f"add content/legislation/{law}.yml, or correct the slug"
            )
    for law_entry in corpus.teaching.laws.values():
        for loc, other in missing(law_entry.law.replaced_by, ("replaced_by",), known):
            report(problems, law_entry.origin, loc, no_entry(other), f"add content/legislation/{other}.yml")


def _refs(corpus: ValidatedCorpus) -> Iterator[tuple[Sourced, tuple[str | int, ...], str]]:
    for term, origin, i in corpus.teaching.terms.values():
        yield from ((origin, ("terms", i, "units", ui), ref) for ui, ref in enumerate(term.units))
    for law, origin in corpus.teaching.laws.values():
        yield from ((origin, ("units", ui), ref) for ui, ref in enumerate(law.units))


def unit_refs_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """'<spec>/<unit>' lists in glossary terms and laws name units."""
    for origin, loc, ref in _refs(corpus):
        if not corpus.unit_ref_ok(ref):
            report(problems, origin, loc, f"{ref!r} is not a unit", _UNIT_HINT)


def _unit_of(corpus: ValidatedCorpus, spec: str, number: str) -> bool:
    return corpus.unit_ref_ok(f"{spec}/{number}")


def spec_wording_units_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for law, origin in corpus.teaching.laws.values():
        for wi, wording in enumerate(law.spec_wording):
            hint = "use a unit number of that specification"
            ok = functools.partial(_unit_of, corpus, wording.spec)
            for loc, unit in missing(wording.units, ("spec_wording", wi, "units"), ok):
                report(problems, origin, loc, f"{wording.spec}/{unit} is not a unit", hint)


def notes_and_activities_cover(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Completeness: in a taught specification every unit has every section its kind
    needs (teaching.gaps).  A teaching file or bank that failed is reported there, not here."""
    failed = set(corpus.broken.teaching) | set(corpus.broken.banks)
    for data, number, unit in taught_units(corpus, failed):
        entry = corpus.teaching.entry(data.slug, number)
        where = entry.origin.display if entry else f"content/{data.slug}/teaching/{number}.yml"
        for gap in gaps(unit, entry, corpus.banks.items_for(data.slug, number)):
            line = entry.origin.line(gap.field) if entry else 0
            problems.add(where, line, gap.field, f"unit {number} {gap.message}", gap.hint)


def shared_notes_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """notes[].shared names a file of content/shared/."""
    for entry, _ in _taught(corpus):
        for i, notes in enumerate(entry.teaching.notes):
            if notes.shared is not None and notes.shared not in corpus.teaching.shared:
                report(
                    problems,
                    entry.origin,
                    ("notes", i, "shared"),
                    f"there is no shared notes file {notes.shared!r}",
                    f"add content/shared/{notes.shared}.yml, or correct the slug",
                )


def knowledge_ids_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Knowledge notes name statements the unit prints."""
    for entry, unit in _taught(corpus):
        known = {k.id for k in unit.knowledge}
        for i, group in enumerate(entry.teaching.knowledge_notes):
            unknown_in_unit(
                problems,
                entry.origin,
                ("knowledge_notes", i, "knowledge"),
                group.knowledge,
                known,
                unit.number,
                "knowledge statement",
            )


def evidence_targets_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Evidence guidance is for an element or competence outcome of the unit, once each."""
    for entry, unit in _taught(corpus):
        competence = [o.id for o in unit.outcomes if not knowledge_outcome(o)]
        seen: set[str] = set()
        for i, guide in enumerate(entry.teaching.evidence):
            if guide.outcome not in competence:
                hint = f"use one of: {', '.join(competence)}" if competence else "this unit has no competence outcomes"
                report(
                    problems,
                    entry.origin,
                    ("evidence", i, "outcome"),
                    f"unit {unit.number} has no element or competence outcome {guide.outcome!r}",
                    hint,
                )
            elif guide.outcome in seen:
                report(
                    problems,
                    entry.origin,
                    ("evidence", i, "outcome"),
                    f"evidence guidance for {guide.outcome!r} is given twice",
                    "merge the two entries",
                )
            seen.add(guide.outcome)


TEACHING_CHECKS = (
    teaching_unit_exists,
    teaching_targets_exist,
    teaching_criteria_exist,
    knowledge_ids_exist,
    shared_notes_exist,
    evidence_targets_exist,
    activity_ids_unique,
    key_terms_defined,
    related_terms_exist,
    laws_exist,
    unit_refs_exist,
    spec_wording_units_exist,
    terms_start_with_a_letter,
    term_anchors_free,
    terms_not_near_duplicates,
)
TEACHING_COMPLETENESS = (notes_and_activities_cover,)
