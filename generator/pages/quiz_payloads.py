"""Quiz payloads: the JSON the quiz engine (overrides/assets/javascripts/quiz-*.js) reads.

Markdown in stems, options and feedback is rendered to HTML here, at build time, so the
browser needs no Markdown library and glossary tooltips can never reach quiz markup.
Only reviewed items are published.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..corpus import SpecData
from ..labels import find_outcome, outcome_label
from ..markdown_text import md_html
from ..models import TestSpec, Unit
from ..quiz_models import Item


class ItemPayloads:
    """An item's payload is the same on its unit's practice quiz, on every mock test that
    draws on it and on the answer keys, so each is rendered once per build."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str, str], dict[str, Any]] = {}

    def get(self, spec: str, unit: Unit, item: Item) -> dict[str, Any]:
        key = (spec, unit.number, item.id)
        if key not in self._made:
            self._made[key] = item_payload(item, unit)
        return self._made[key]


def item_payload(item: Item, unit: Unit) -> dict[str, Any]:
    kind = find_outcome(unit, item.outcome).kind
    payload: dict[str, Any] = {
        "id": item.id,
        "unit": unit.number,
        "outcome": item.outcome,
        "type": item.type,
        "marks": item.marks,
        "stem": md_html(item.stem),
        "explanation": md_html(item.explanation),
        "links": [
            {"unit": unit.number, "anchor": urls.criterion_anchor(kind, cid), "label": cid} for cid in item.criteria
        ]
        + [{"unit": unit.number, "anchor": urls.content_anchor(aid), "label": aid} for aid in item.content]
        + [{"unit": unit.number, "anchor": urls.knowledge_anchor(k), "label": f"K{k}"} for k in item.knowledge],
    }
    payload["demand"] = item.demand
    payload["command_word"] = item.command_word
    if item.type in ("single", "multiple"):
        payload["options"] = [
            {"html": md_html(o.text), "correct": o.correct, "feedback": md_html(o.feedback)} for o in item.options
        ]
    elif item.type == "true-false":
        payload["answer"] = item.answer
    elif item.type == "short":
        payload["accept"] = list(item.accept)
        payload["case_sensitive"] = item.case_sensitive
    elif item.type == "matching":
        payload["pairs"] = [{"prompt": md_html(p.prompt), "answer": p.answer} for p in item.pairs]
        payload["choices"] = sorted({p.answer for p in item.pairs} | set(item.distractors))
    elif item.type == "ordering":
        payload["sequence"] = list(item.sequence)
    elif item.type == "extended":
        payload["model_answer"] = md_html(item.model_answer)
        payload["marking_points"] = [md_html(p) for p in item.marking_points]
    return payload


def mock_feedback_path(quiz_id: str) -> str:
    """Where a mock's feedback is written, under docs/ (CONVENTIONS.md §5)."""
    return f"assets/mock/{quiz_id}.js"


def split_feedback(payload: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A mock payload without its explanations and per-option feedback, and those apart.

    A mock shows them only in the review after the paper is submitted, so the page carries
    what drawing and marking need and quiz-mock.js loads the rest as a script (issue #14:
    they are half the bank's bytes).  The item dicts are shared, so copies are made."""
    lean, feedback = [], {}
    for item in payload["items"]:
        item = dict(item)
        entry: dict[str, Any] = {"explanation": item.pop("explanation")}
        if "options" in item:
            entry["feedback"] = [o["feedback"] for o in item["options"]]
            item["options"] = [{k: v for k, v in o.items() if k != "feedback"} for o in item["options"]]
        feedback[item["id"]] = entry
        lean.append(item)
    return {**payload, "items": lean}, feedback


def reviewed(items: list[Item]) -> list[Item]:
    return [item for item in items if item.status == "reviewed"]


def practice_payload(
    data: SpecData, unit: Unit, items: list[Item], made: ItemPayloads, quiz_id: str = "", title: str = ""
) -> dict[str, Any]:
    """A practice quiz on a unit (or, with quiz_id and title, on one of its outcome pages)."""
    used = {item.outcome for item in items}
    return {
        "id": quiz_id or urls.practice_quiz_id(data.slug, unit.number),
        "mode": "practice",
        "title": title or f"Unit {unit.number} practice",
        "spec": data.slug,
        "outcomes": [
            {"unit": unit.number, "id": o.id, "label": outcome_label(unit, o.id), "anchor": urls.outcome_anchor(o.id)}
            for o in unit.outcomes
            if o.id in used
        ],
        "items": [made.get(data.slug, unit, item) for item in items],
    }


def mock_payload(
    data: SpecData, test: TestSpec, items_by_unit: dict[str, list[Item]], made: ItemPayloads
) -> dict[str, Any]:
    outcomes = []
    for part in test.outcomes:
        unit = data.resolve(part.unit or test.units[0])
        assert unit is not None  # the cross-check stage has resolved every blueprint unit
        found = find_outcome(unit, part.outcome)
        outcomes.append(
            {
                "unit": unit.number,
                "id": part.outcome,
                "label": outcome_label(unit, part.outcome),
                "anchor": urls.outcome_anchor(part.outcome),
                "questions": part.questions,
                "marks": part.marks,
                "glh": found.glh,
            }
        )
    items: list[dict[str, Any]] = []
    for unit_number, unit_items in items_by_unit.items():
        unit = data.units[unit_number]
        items.extend(made.get(data.slug, unit, item) for item in unit_items)
    return {
        "id": urls.mock_quiz_id(data.slug, test.id),
        "mode": "mock",
        "title": test.title,
        "spec": data.slug,
        "test": {
            "id": test.id,
            "duration_min": test.duration_min,
            "questions": test.questions,
            "marks": test.marks,
            "weighting": test.weighting,
            "length_options": list(test.length_options),
            "understanding_percent": test.understanding_percent,
            "official": test.official,
            "format": test.format,
        },
        "outcomes": outcomes,
        "items": items,
    }
