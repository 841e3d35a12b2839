"""Quiz banks against the test specifications: what each blueprint needs, what the bank
has, and the report `generator check` prints.  The rule that a shortfall is a problem is
in generator/checks/banks.py; this module only counts and formats."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .corpus import BankData, Banks, SpecData, ValidatedCorpus
from .models import TestSpec, Unit
from .quiz_models import Item
from .quiz_stats import MAX_LENGTH_CUE_RATE, bank_stats, uncertain_law_items

__all__ = [
    "BANK_FACTOR",
    "WARNINGS",
    "BankData",
    "Banks",
    "BlueprintRow",
    "allocate",
    "bank_report",
    "blueprint_needs",
    "blueprint_rows",
    "validity_report",
]

# Each outcome needs this many times its blueprint share of reviewed items, so that two
# attempts at the same test are different papers.
BANK_FACTOR = 2

Need = tuple[str | None, str, int, str, str | None]


def allocate(weights: list[int], total: int) -> list[int]:
    """Largest-remainder shares of `total`; ties go to the earlier outcome.  Whole-number
    arithmetic, so quiz-engine.js's allocate() gives exactly the same answer for any length."""
    weight_sum = sum(weights)
    counts = [w * total // weight_sum for w in weights]
    remainders = [w * total % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def blueprint_needs(test: TestSpec) -> list[Need]:
    """(unit, outcome, amount, measure, demand) a bank must supply for one test, counted
    for the longest length a learner may choose."""
    needs: list[Need] = []
    scale = max(test.length_options) / test.questions if (test.length_options and test.questions) else 1
    for part in test.outcomes:
        if part.marks is not None:
            needs.append((part.unit, part.outcome, part.marks, "marks", None))
        elif part.questions is not None:
            count = int(-(-part.questions * scale // 1)) if scale != 1 else part.questions
            if test.understanding_percent is not None:
                understanding = round(count * test.understanding_percent / 100)
                needs.append((part.unit, part.outcome, understanding, "items", "understanding"))
                needs.append((part.unit, part.outcome, count - understanding, "items", "knowledge"))
            else:
                needs.append((part.unit, part.outcome, count, "items", None))
    return needs


@dataclass(frozen=True)
class BlueprintRow:
    """One test outcome (and demand) against the reviewed items that can fill it."""

    data: SpecData
    test_index: int
    test: TestSpec
    unit: Unit
    unit_ref: str | None
    outcome: str
    amount: int
    measure: str  # "items" or "marks"
    demand: str | None
    have: int
    ok: bool

    @property
    def need(self) -> int:
        return self.amount * BANK_FACTOR

    @property
    def label(self) -> str:
        return f"{self.data.slug} test {self.test.id}: unit {self.unit.number} outcome {self.outcome}" + (
            f" ({self.demand})" if self.demand else ""
        )

    @property
    def outcome_index(self) -> int:
        """Where this outcome stands in the test's outcomes: list, for the problem's line."""
        default = self.test.units[0]
        units = (self.unit_ref or default, self.unit.number)
        return next(
            i for i, p in enumerate(self.test.outcomes) if p.outcome == self.outcome and (p.unit or default) in units
        )


def blueprint_rows(corpus: ValidatedCorpus) -> Iterator[BlueprintRow]:
    for data in corpus.specs.values():
        for ti, test in enumerate(data.spec.tests):
            for unit_ref, outcome, amount, measure, demand in blueprint_needs(test):
                unit = data.find(unit_ref or test.units[0])
                if unit is None:
                    continue
                items = [
                    it
                    for it in corpus.banks.items_for(data.slug, unit.number)
                    if it.outcome == outcome and it.status == "reviewed" and (demand is None or it.demand == demand)
                ]
                have = sum(it.marks for it in items) if measure == "marks" else len(items)
                ok = have >= amount * BANK_FACTOR and (measure != "marks" or _can_make(items, amount))
                yield BlueprintRow(data, ti, test, unit, unit_ref, outcome, amount, measure, demand, have, ok)


def bank_report(corpus: ValidatedCorpus, banks: Banks | None = None, problems: object = None) -> list[str]:
    """One line per test and outcome: reviewed items (or marks) against what the blueprint
    needs.  Formatting only (the old banks/problems arguments are ignored)."""
    return [
        f"{'ok  ' if row.ok else 'LOW '} {row.label}: {row.have} reviewed {row.measure}, needs {row.need}"
        for row in blueprint_rows(corpus)
    ] + validity_report(corpus)


# What each warning means, as the report prints it before the item ids.
WARNINGS = (
    ("echoes", "a key repeats a word of the stem and no distractor does"),
    ("above", "an option is 'all/none of the above'"),
    ("negatives", "the question is negative (not, except, least...) without **bold** or CAPITALS"),
)


def validity_report(corpus: ValidatedCorpus) -> list[str]:
    """Per bank: the answer-length cue rates (FAIL is a problem, reported by the check in
    generator/checks/banks.py) and the warnings, which never stop a build."""
    limit = round(float(MAX_LENGTH_CUE_RATE) * 100)
    lines = [f"Answer-length cues (key is the longest option; at most {limit}% per bank) and item warnings:"]
    for (spec, unit), data in corpus.banks.by_unit.items():
        stats = bank_stats(data.bank)
        verdict = "FAIL" if stats.single.too_high or stats.multiple.too_high else "ok  "
        lines.append(f"{verdict} {spec}/{unit}: single {stats.single.describe()}, multiple {stats.multiple.describe()}")
        for name, meaning in WARNINGS:
            ids: tuple[str, ...] = getattr(stats, name)
            if ids:
                lines.append(f"warn {spec}/{unit}: {meaning}: {', '.join(ids)}")
    for spec, unit, item_id, slugs in uncertain_law_items(corpus):
        lines.append(f"law? {spec}/{unit} item {item_id}: check the key against 'uncertain' in {', '.join(slugs)}")
    return lines


def _can_make(items: list[Item], target: int) -> bool:
    """Whether some subset of the items' marks adds up to exactly `target` marks."""
    reachable = {0}
    for item in items:
        reachable |= {r + item.marks for r in reachable if r + item.marks <= target}
    return target in reachable
