"""Quiz payloads: the JSON the quiz engine (overrides/assets/javascripts/quiz.js) reads.

Markdown in stems, options and feedback is rendered to HTML here, at build time, so the
browser needs no Markdown library and glossary tooltips can never reach quiz markup.
Only reviewed items are published.
"""

from __future__ import annotations

import json
from typing import Any

import markdown as md_lib

from .anchors import content_anchor, criterion_anchor, outcome_anchor
from .corpus import SpecData
from .models import TestSpec, Unit
from .quiz_models import Item


def md_html(text: str | None) -> str:
    if not text:
        return ""
    html = md_lib.markdown(text, extensions=["attr_list", "tables"], output_format="html")
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def outcome_label(unit: Unit, outcome_id: str) -> str:
    outcome = next(o for o in unit.outcomes if o.id == outcome_id)
    kind = {"outcome": "Outcome", "learning-aim": "Learning aim", "assessment-outcome": "Assessment outcome",
            "element": "Element"}[outcome.kind]
    return f"{kind} {outcome.id}: {outcome.title}"


def item_payload(item: Item, unit: Unit) -> dict[str, Any]:
    outcome = next(o for o in unit.outcomes if o.id == item.outcome)
    payload: dict[str, Any] = {
        "id": item.id,
        "unit": unit.number,
        "outcome": item.outcome,
        "type": item.type,
        "marks": item.marks,
        "stem": md_html(item.stem),
        "explanation": md_html(item.explanation),
        "links": [{"unit": unit.number, "anchor": criterion_anchor(outcome, cid), "label": cid}
                  for cid in item.criteria]
                 + [{"unit": unit.number, "anchor": content_anchor(aid), "label": aid} for aid in item.content],
    }
    payload["demand"] = item.demand
    payload["command_word"] = item.command_word
    if item.type in ("single", "multiple"):
        payload["options"] = [{"html": md_html(o.text), "correct": o.correct, "feedback": md_html(o.feedback)}
                              for o in item.options]
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


def reviewed(items: list[Item]) -> list[Item]:
    return [item for item in items if item.status == "reviewed"]


def practice_payload(data: SpecData, unit: Unit, items: list[Item]) -> dict[str, Any]:
    used = {item.outcome for item in items}
    return {
        "id": f"{data.slug}-{unit.number}-practice",
        "mode": "practice",
        "title": f"Unit {unit.number} practice",
        "spec": data.slug,
        "outcomes": [{"unit": unit.number, "id": o.id, "label": outcome_label(unit, o.id),
                      "anchor": outcome_anchor(o.id)} for o in unit.outcomes if o.id in used],
        "items": [item_payload(item, unit) for item in items],
    }


def mock_payload(data: SpecData, test: TestSpec, items_by_unit: dict[str, list[Item]]) -> dict[str, Any]:
    outcomes = []
    for part in test.outcomes:
        unit = data.resolve(part.unit or test.units[0])
        outcome = next(o for o in unit.outcomes if o.id == part.outcome)
        outcomes.append({
            "unit": unit.number, "id": part.outcome, "label": outcome_label(unit, part.outcome),
            "anchor": outcome_anchor(part.outcome), "questions": part.questions, "marks": part.marks,
            "glh": outcome.glh,
        })
    items = []
    for unit_number, unit_items in items_by_unit.items():
        unit = data.units[unit_number]
        items.extend(item_payload(item, unit) for item in unit_items)
    return {
        "id": f"{data.slug}-test-{test.id}",
        "mode": "mock",
        "title": test.title,
        "spec": data.slug,
        "test": {
            "id": test.id, "duration_min": test.duration_min, "questions": test.questions, "marks": test.marks,
            "weighting": test.weighting, "length_options": list(test.length_options),
            "understanding_percent": test.understanding_percent, "official": test.official,
        },
        "outcomes": outcomes,
        "items": items,
    }


def embed_json(payload: dict[str, Any]) -> str:
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")
