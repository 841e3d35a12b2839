"""Rules for the teaching layer: teaching files, the glossary and the legislation library
refer to things that exist; glossary terms can be filed and anchored; and (completeness)
every outcome of a taught specification has notes and an activity.  One rule per function."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..corpus import Sourced, TeachingEntry, ValidatedCorpus
from ..models import Unit
from ..problems import Problems
from ..teaching import target_has, targets
from .common import report

# Anchors the glossary page itself uses: its title and the A to Z headings.
_RESERVED_TERM_ANCHOR = re.compile(r"^(glossary|letter-.*)$")
_UNIT_HINT = "write units as '<spec>/<unit>', e.g. 'cg-4417/201'"


def _taught(corpus: ValidatedCorpus) -> Iterator[tuple[TeachingEntry, Unit]]:
    """Teaching files whose unit exists (teaching_unit_exists reports the others)."""
    for (slug, number), entry in corpus.teaching.units.items():
        data = corpus.specs.get(slug)
        unit = data.units.get(number) if data else None
        if unit is not None:
            yield entry, unit


def teaching_unit_exists(corpus: ValidatedCorpus, problems: Problems) -> None:
    for (slug, number), entry in corpus.teaching.units.items():
        data = corpus.specs.get(slug)
        if (data and number in data.units) or corpus.broken.unit(slug, number):
            continue
        report(
            problems,
            entry.origin,
            ("unit",),
            f"{slug}/{number} is not a unit in content/",
            "use the unit's page number",
        )


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
            for ci, cid in enumerate(ids):
                if cid not in criteria:
                    report(
                        problems,
                        entry.origin,
                        loc + ("criteria", ci),
                        f"unit {unit.number} has no criterion {cid!r}",
                        "use a printed criterion id",
                    )


def activity_ids_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    for entry, _ in _taught(corpus):
        seen: set[str] = set()
        for i, activity in enumerate(entry.teaching.activities):
            if activity.id in seen:
                report(
                    problems,
                    entry.origin,
                    ("activities", i, "id"),
                    f"activity id {activity.id!r} is used more than once",
                    "give each activity its own id",
                )
            seen.add(activity.id)


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

    def missing(slug: str) -> bool:
        return slug not in corpus.teaching.laws and slug not in corpus.broken.laws

    for entry, _ in _taught(corpus):
        for i, law in enumerate(entry.teaching.legislation):
            if missing(law):
                report(
                    problems,
                    entry.origin,
                    ("legislation", i),
                    f"the legislation library has no entry {law!r}",
                    f"add content/legislation/{law}.yml, or correct the slug",
                )
    for law_entry in corpus.teaching.laws.values():
        for ri, other in enumerate(law_entry.law.replaced_by):
            if missing(other):
                report(
                    problems,
                    law_entry.origin,
                    ("replaced_by", ri),
                    f"the legislation library has no entry {other!r}",
                    f"add content/legislation/{other}.yml",
                )


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


def spec_wording_units_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for law, origin in corpus.teaching.laws.values():
        for wi, wording in enumerate(law.spec_wording):
            for ui, unit in enumerate(wording.units):
                if not corpus.unit_ref_ok(f"{wording.spec}/{unit}"):
                    report(
                        problems,
                        origin,
                        ("spec_wording", wi, "units", ui),
                        f"{wording.spec}/{unit} is not a unit",
                        "use a unit number of that specification",
                    )


def related_terms_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A term's 'See also' list names other terms of the glossary."""
    if corpus.broken.all_terms:
        return
    for slug, (term, origin, i) in corpus.teaching.terms.items():
        for ri, other in enumerate(term.related):
            if other == slug:
                report(
                    problems,
                    origin,
                    ("terms", i, "related", ri),
                    f"the term {term.term!r} lists itself as related",
                    "remove it from related:",
                )
            elif other not in corpus.teaching.terms and other not in corpus.broken.terms:
                report(
                    problems,
                    origin,
                    ("terms", i, "related", ri),
                    f"the glossary has no term {other!r}",
                    "use the slug of another term (its anchor on /glossary/), or add the term",
                )


def terms_start_with_a_letter(corpus: ValidatedCorpus, problems: Problems) -> None:
    """The A to Z files a term under its first letter; a digit or symbol has no heading."""
    for term, origin, i in corpus.teaching.terms.values():
        if not term.term[:1].isalpha():
            report(
                problems,
                origin,
                ("terms", i, "term"),
                f"the term {term.term!r} does not start with a letter, so the A to Z cannot file it",
                "start it with a word (write 'Twenty-four-hour service', not '24-hour service') "
                "and put the other form in aliases",
            )


def term_anchors_free(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A term's anchor on /glossary/ must not be one the page uses for itself."""
    for slug, (term, origin, i) in corpus.teaching.terms.items():
        if not slug or _RESERVED_TERM_ANCHOR.match(slug):
            loc = ("terms", i, "slug" if term.slug else "term")
            report(
                problems,
                origin,
                loc,
                f"the anchor #{slug} is used by the glossary page itself"
                if slug
                else f"the term {term.term!r} gives an empty anchor",
                "set slug: to another name, e.g. the term in lower case with hyphens",
            )


_WORD = re.compile(r"[a-z0-9]+")
# Plural endings that take "es" (boxes, branches, addresses); other plurals just add "s".
_ES_PLURAL = ("sses", "ches", "shes", "xes", "zes")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(_ES_PLURAL):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def term_key(name: str) -> tuple[str, ...]:
    """What a term's name comes to once plurals and word order are ignored:
    'Features and benefits' and 'benefit and feature' give the same key."""
    return tuple(sorted(_singular(w) for w in _WORD.findall(name.lower())))


def terms_not_near_duplicates(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Two glossary entries must not be the same term in another form: a singular and its
    plural, or the same words in another order.  Aliases count as forms of their term."""
    first: dict[tuple[str, ...], tuple[str, str]] = {}  # key -> (slug, the form that gave it)
    for slug, (term, origin, i) in corpus.teaching.terms.items():
        forms: list[tuple[tuple[str | int, ...], str]] = [(("terms", i, "term"), term.term)]
        forms += [(("terms", i, "aliases", ai), alias) for ai, alias in enumerate(term.aliases)]
        for loc, form in forms:
            key = term_key(form)
            if not key:
                continue
            seen = first.setdefault(key, (slug, form))
            if seen[0] != slug:
                report(
                    problems,
                    origin,
                    loc,
                    f"{form!r} is the same term as {seen[1]!r} (glossary entry {seen[0]!r}) in another form",
                    f"merge the two entries and keep {form!r} as an alias of one of them",
                )


def notes_and_activities_cover(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Completeness: in a taught specification every outcome (or content area) has notes
    and an activity.  A teaching file that failed is reported there, not per outcome."""
    for data in corpus.specs.values():
        if not data.spec.teaching_layer:
            continue
        for number, unit in data.units.items():
            if (data.slug, number) in corpus.broken.teaching:
                continue
            entry = corpus.teaching.units.get((data.slug, number))
            where = entry.origin.display if entry else f"content/{data.slug}/teaching/{number}.yml"
            for kind, tid in targets(unit):
                has_notes, has_activity = target_has(entry, kind, tid)
                if not has_notes:
                    problems.add(
                        where,
                        entry.origin.line("notes") if entry else 0,
                        "notes",
                        f"unit {number} {kind} {tid} has no teaching notes",
                        f'add a notes entry with {kind}: "{tid}"',
                    )
                if not has_activity:
                    problems.add(
                        where,
                        entry.origin.line("activities") if entry else 0,
                        "activities",
                        f"unit {number} {kind} {tid} has no tutor activity",
                        f'add an activity with {kind}: "{tid}"',
                    )


TEACHING_CHECKS = (
    teaching_unit_exists,
    teaching_targets_exist,
    teaching_criteria_exist,
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
