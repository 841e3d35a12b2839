"""The tutors' item-statistics page (item-stats.md.j2): per quiz bank, how many items
assess each outcome and of which type, how often the key is the longest option, the
warnings `generator check` prints, and the items whose key rests on a law we are unsure
of.  The numbers come from generator/quiz_stats.py, the same function the check uses,
so the page and the gate can never disagree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..markdown_text import md_escape
from ..models import Unit
from ..quiz_stats import MAX_LENGTH_CUE_RATE, BankStats, Rate, bank_stats, uncertain_law_items
from .base import Facts, Page

PAGE = urls.ITEM_STATS

# The words this page prints for each item type (the quiz pages never name types).
TYPE_NAMES = {
    "single": "Single answer",
    "true-false": "True or false",
    "multiple": "Multiple response",
    "short": "Short answer",
    "matching": "Matching",
    "ordering": "Ordering",
    "extended": "Extended answer",
}

WARNING_NAMES = (
    ("echoes", "The key repeats a word of the question and no wrong option does"),
    ("above", "An option is 'all of the above' or 'none of the above'"),
    ("negatives", "A negative question (not, except, least) without bold or capitals"),
)


def build(facts: Facts) -> Iterator[Page]:
    yield Page(
        PAGE,
        "item-stats.md.j2",
        {
            "limit": f"{round(float(MAX_LENGTH_CUE_RATE) * 100)}%",
            "tutors_href": urls.relative(PAGE, urls.TUTORS),
            "banks": list(_banks(facts)),
        },
    )


def _banks(facts: Facts) -> Iterator[dict[str, Any]]:
    doubts: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for spec, number, item_id, slugs in uncertain_law_items(facts.corpus):
        laws = [
            (md_escape(facts.corpus.teaching.laws[s].law.title), urls.relative(PAGE, urls.law_page(s))) for s in slugs
        ]
        doubts.setdefault((spec, number), []).append({"id": md_escape(item_id), "laws": laws})
    for data in facts.specs:
        for number, unit in data.units.items():
            bank = facts.corpus.banks.by_unit.get((data.slug, number))
            if bank is None:
                continue
            stats = bank_stats(bank.bank)
            yield {
                "title": md_escape(f"{data.spec.short_title}, unit {number}: {unit.title}"),
                "href": urls.relative(PAGE, urls.unit_page(data.slug, number)),
                "total": len(bank.bank.items),
                "outcomes": [(md_escape(labels.outcome_label(unit, oid)), n) for oid, n in _in_unit_order(unit, stats)],
                "types": [(name, dict(stats.by_type)[t]) for t, name in TYPE_NAMES.items() if t in dict(stats.by_type)],
                "rates": [
                    _rate("Single answer", stats.single, stats.single_cued),
                    _rate("Multiple response", stats.multiple, stats.multiple_cued),
                ],
                "warnings": _warnings(stats),
                "doubts": doubts.get((data.slug, number), []),
            }


def _in_unit_order(unit: Unit, stats: BankStats) -> list[tuple[str, int]]:
    """Outcome counts in the order the specification prints its outcomes."""
    counts = dict(stats.by_outcome)
    return [(o.id, counts[o.id]) for o in unit.outcomes if o.id in counts]


def _rate(name: str, rate: Rate, ids: tuple[str, ...]) -> dict[str, Any]:
    verdict = "n/a" if rate.value is None else ("over the limit" if rate.too_high else "within the limit")
    cued = ", ".join(md_escape(i) for i in ids) or "none"
    return {"name": name, "rate": rate.describe(), "verdict": verdict, "cued": cued}


def _warnings(stats: BankStats) -> list[tuple[str, str]]:
    found = []
    for attr, name in WARNING_NAMES:
        ids: tuple[str, ...] = getattr(stats, attr)
        if ids:
            found.append((name, ", ".join(md_escape(i) for i in ids)))
    return found
