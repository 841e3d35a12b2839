"""Rules for quiz banks: each bank belongs to a unit, items are unique and point at the
unit's outcomes, criteria and content; and (completeness) every blueprint can be filled.
One rule per function; each walks the bank once, so checking stays linear in its size."""

from __future__ import annotations

from collections.abc import Iterator

from ..corpus import BankData, SpecData, ValidatedCorpus
from ..models import Unit
from ..problems import Problems
from ..quiz_stats import MAX_LENGTH_CUE_RATE, bank_stats
from ..quizzes import BANK_FACTOR, blueprint_rows
from ..teaching import MIN_PRACTICE_ITEMS, competence_unit, outcome_counts
from .common import repeated, report, taught_units, units_exist, unknown_in_unit, with_units


def _banks(corpus: ValidatedCorpus) -> Iterator[tuple[BankData, SpecData, Unit]]:
    """Banks whose unit exists (bank_unit_exists reports the others)."""
    return with_units(corpus, corpus.banks.by_unit)


def bank_unit_exists(corpus: ValidatedCorpus, problems: Problems) -> None:
    units_exist(corpus, problems, corpus.banks.by_unit, "use the unit's page number (for 271 use 201)")


def item_ids_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    for bank, _, _ in _banks(corpus):
        for p, item_id in repeated(item.id for item in bank.bank.items):
            report(
                problems,
                bank.origin,
                ("items", bank.indices[p], "id"),
                f"item id {item_id!r} is used more than once",
                "give every item its own id and never reuse an old one",
            )


def item_references_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Each item's outcome, criteria and content areas are the unit's own."""
    for bank, _, unit in _banks(corpus):
        outcomes = [o.id for o in unit.outcomes]
        criteria = {c.id for o in unit.outcomes for c in o.criteria}
        areas = {a.id for a in unit.content}
        knowledge = {k.id for k in unit.knowledge}
        for item, i in zip(bank.bank.items, bank.indices, strict=True):
            if item.outcome not in outcomes:
                report(
                    problems,
                    bank.origin,
                    ("items", i, "outcome"),
                    f"unit {unit.number} has no outcome {item.outcome!r}",
                    f"use one of: {', '.join(outcomes)}",
                )
            unknown_in_unit(
                problems, bank.origin, ("items", i, "criteria"), item.criteria, criteria, unit.number, "criterion"
            )
            unknown_in_unit(
                problems, bank.origin, ("items", i, "content"), item.content, areas, unit.number, "content area"
            )
            unknown_in_unit(
                problems,
                bank.origin,
                ("items", i, "knowledge"),
                item.knowledge,
                knowledge,
                unit.number,
                "knowledge statement",
            )


def items_cover_something(corpus: ValidatedCorpus, problems: Problems) -> None:
    for bank, _, _ in _banks(corpus):
        for item, i in zip(bank.bank.items, bank.indices, strict=True):
            if not item.criteria and not item.content and not item.knowledge:
                report(
                    problems,
                    bank.origin,
                    ("items", i),
                    "the item covers no criterion, content area or knowledge statement",
                    "add criteria: [...], content: [...] or knowledge: [...] so learners can revise from it",
                )


def length_cues_rare(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Validity: where the key is usually the longest option, "pick the longest" passes
    the test without knowing anything (rates from generator/quiz_stats.py)."""
    limit = f"{round(float(MAX_LENGTH_CUE_RATE) * 100)}%"
    for bank, _, _ in _banks(corpus):
        stats = bank_stats(bank.bank)
        for rate, ids, what in (
            (stats.single, stats.single_cued, "single-answer items have a key longer than every other option"),
            (
                stats.multiple,
                stats.multiple_cued,
                "multiple-response items have keys that are exactly their longest options",
            ),
        ):
            if rate.too_high:
                report(
                    problems,
                    bank.origin,
                    ("items",),
                    f"{rate.describe()} {what}; at most {limit} may",
                    f"make distractors as long and as specific as the key, or shorten the key "
                    f"(start with {', '.join(ids[:5])})",
                    field="answer length",
                )


def item_laws_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    laws = corpus.teaching.laws
    for bank, _, _ in _banks(corpus):
        for item, i in zip(bank.bank.items, bank.indices, strict=True):
            for li, slug in enumerate(item.legislation):
                if slug not in laws and slug not in corpus.broken.laws:
                    report(
                        problems,
                        bank.origin,
                        ("items", i, "legislation", li),
                        f"the legislation library has no entry {slug!r}",
                        f"use the file name of an entry in content/legislation/, e.g. {next(iter(laws), 'uk-gdpr')}",
                    )


def blueprints_fillable(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Completeness: reviewed items (or marks) for twice every test's blueprint."""
    for row in blueprint_rows(corpus):
        if row.ok or (row.data.slug, row.unit.number) in corpus.broken.banks:
            continue
        report(
            problems,
            row.data.origin,
            ("tests", row.test_index, "outcomes", row.outcome_index),
            f"the bank cannot fill test {row.test.id}: unit {row.unit.number} outcome {row.outcome}"
            f"{' (' + row.demand + ')' if row.demand else ''} needs {row.need} reviewed {row.measure} "
            f"({BANK_FACTOR} x {row.amount}), it has {row.have}",
            f"write and review more items in quizzes/{row.data.slug}/{row.unit.number}.yml, or lower the blueprint",
        )


def practice_items_enough(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Completeness: where a specification has a teaching layer, every outcome has practice."""
    for data, number, unit in taught_units(corpus, corpus.broken.banks):
        if competence_unit(unit):
            continue  # teaching.gaps asks for practice per knowledge group instead
        bank = corpus.banks.by_unit.get((data.slug, number))
        counts = outcome_counts(unit, corpus.banks.items_for(data.slug, number))
        for oid, n in counts.items():
            if n < MIN_PRACTICE_ITEMS:
                problems.add(
                    f"quizzes/{data.slug}/{number}.yml",
                    bank.origin.line("items") if bank else 0,
                    f"outcome {oid}",
                    f"unit {number} outcome {oid} has {n} reviewed practice items",
                    f"write at least {MIN_PRACTICE_ITEMS} reviewed items for every outcome",
                )


BANK_CHECKS = (bank_unit_exists, item_ids_unique, item_references_exist, items_cover_something, item_laws_exist)
# The length gate counts, like the blueprint checks, so it runs with them: as a reference
# check its failure would switch the blueprint checks off and hide their shortfalls.
BANK_COMPLETENESS = (blueprints_fillable, practice_items_enough, length_cues_rare)
