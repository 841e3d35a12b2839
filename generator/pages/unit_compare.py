"""The "How Unit 202 differs from Unit 272" section of a unit page: two parallel units
that cover the same topics, compared outcome by outcome."""

from __future__ import annotations

import itertools
from typing import Any

from .. import urls
from ..markdown_text import md_escape
from ..models import Criterion, Outcome, Unit
from .base import methods_of


def comparison(spec: str, unit: Unit, other: Unit, path: str) -> dict[str, Any]:
    other_page = urls.relative(path, urls.unit_page(spec, other.number))
    rows = [
        (md_escape(unit.reference_label), md_escape(unit.reference or ""), md_escape(other.reference or "")),
        ("Assessed by", methods_of(unit), methods_of(other)),
        ("Outcomes", str(len(unit.outcomes)), str(len(other.outcomes))),
        ("Criteria", str(_criteria_count(unit)), str(_criteria_count(other))),
    ]
    outcomes = []
    for left, right in itertools.zip_longest(unit.outcomes, other.outcomes):
        summary = f"Outcome {left.id if left else ''}"
        if left and right:
            summary += f" compared with outcome {right.id}"
        pairs = []
        if left and right:
            for a, b in itertools.zip_longest(left.criteria, right.criteria):
                pairs.append((_cell(left, a, ""), _cell(right, b, other_page)))
        outcomes.append(
            {
                "summary": summary,
                "left": md_escape(left.title if left else ""),
                "right": md_escape(right.title if right else ""),
                "pairs": pairs,
            }
        )
    return {"other": other, "other_page": other_page, "rows": rows, "outcomes": outcomes}


def _criteria_count(unit: Unit) -> int:
    return sum(len(o.criteria) for o in unit.outcomes)


def _cell(outcome: Outcome, criterion: Criterion | None, page: str) -> str:
    if criterion is None:
        return ""
    href = f"{page}#{urls.criterion_anchor(outcome.kind, criterion.id)}"
    return f"[{criterion.id}]({href}) {md_escape(criterion.text)}"
