"""Printed papers of the mock tests (paper.md.j2) and their answer keys for tutors
(paper-key.md.j2): a front sheet, numbered questions with answer boxes, and a key listing
each answer and the marks per outcome.  Which questions a paper holds is decided in
generator/paper_draw.py; here it is only laid out.  Keys live under tutors/ and are linked
only from tutors' pages, so a build without tutors/ has no link to them."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..corpus import SpecData
from ..markdown_text import front_matter
from ..models import TestSpec
from ..paper_draw import PAPER_NUMBERS, Paper, PaperQuestion, draw_paper
from .base import Facts, Page, qualified_title, trail
from .quiz_payloads import reviewed

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def build(facts: Facts) -> Iterator[Page]:
    for data in facts.specs:
        for test in data.spec.tests:
            for number in PAPER_NUMBERS:
                paper = draw_test_paper(facts, data, test, number)
                path = urls.paper_page(data.slug, test.id, number)
                key = urls.paper_key_page(data.slug, test.id, number)
                questions = [_question(facts, data, n, q) for n, q in enumerate(paper.questions, 1)]
                yield Page(path, "paper.md.j2", _paper_context(facts, data, test, paper, questions, path))
                yield Page(key, "paper-key.md.j2", _key_context(facts, data, test, paper, questions, key, path))


def draw_test_paper(facts: Facts, data: SpecData, test: TestSpec, number: int) -> Paper:
    banks = facts.corpus.banks
    items = {
        n: reviewed(banks.items_for(data.slug, facts.unit(data.slug, n).number)) if banks else [] for n in _units(test)
    }
    return draw_paper(data.slug, test, items, number)


def _units(test: TestSpec) -> list[str]:
    """The unit numbers the blueprint uses, each once, in order."""
    return list(dict.fromkeys(part.unit or test.units[0] for part in test.outcomes))


def duration_text(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    parts = ([labels.plural(hours, "hour")] if hours else []) + ([labels.plural(mins, "minute")] if mins else [])
    return " ".join(parts)


def _question(facts: Facts, data: SpecData, number: int, q: PaperQuestion) -> dict[str, Any]:
    """One question as the paper prints it, and its answer as the key prints it."""
    unit = facts.unit(data.slug, q.unit)
    item = q.item
    payload = facts.item_payloads.get(data.slug, unit, item)
    view: dict[str, Any] = {
        "number": number,
        "id": item.id,
        "unit": unit.number,
        "outcome": item.outcome,
        "type": item.type,
        "marks": item.marks,
        "stem": payload["stem"],
        "options": [],
        "steps": [],
        "pairs": [],
        "choices": [],
        "lines": 0,
        "model_answer": "",
    }
    if item.type in ("single", "multiple"):
        view["options"] = [(LETTERS[pos], payload["options"][i]["html"]) for pos, i in enumerate(q.order)]
        correct = [LETTERS[pos] for pos, i in enumerate(q.order) if item.options[i].correct]
        view["instruction"] = "Tick one box." if item.type == "single" else f"Tick {len(correct)} boxes."
        view["answer"] = ", ".join(correct)
        view["key"] = "".join(correct)
    elif item.type == "true-false":
        view["options"] = [("A", "True"), ("B", "False")]
        view["instruction"] = "Tick one box."
        view["answer"] = "A (True)" if item.answer else "B (False)"
        view["key"] = "A" if item.answer else "B"
    elif item.type == "short":
        view["instruction"] = "Write your answer on the line."
        view["lines"] = 1
        view["answer"] = "; ".join(html.escape(a) for a in item.accept)
        view["key"] = "|".join(item.accept)
    elif item.type == "matching":
        view["choices"] = [(LETTERS[i], html.escape(c)) for i, c in enumerate(payload["choices"])]
        letter = {c: LETTERS[i] for i, c in enumerate(payload["choices"])}
        view["pairs"] = [p["prompt"] for p in payload["pairs"]]
        view["instruction"] = "Write the letter of the matching answer in each box. You will not use every letter."
        if len(payload["choices"]) == len(payload["pairs"]):
            view["instruction"] = "Write the letter of the matching answer in each box."
        view["answer"] = "; ".join(f"{n}: {letter[p.answer]}" for n, p in enumerate(item.pairs, 1))
        view["key"] = "".join(letter[p.answer] for p in item.pairs)
    elif item.type == "ordering":
        view["steps"] = [(LETTERS[pos], html.escape(item.sequence[i])) for pos, i in enumerate(q.order)]
        view["instruction"] = f"Number the steps 1 to {len(item.sequence)} in the order they happen."
        view["answer"] = ", ".join(f"{LETTERS[pos]}: {i + 1}" for pos, i in enumerate(q.order))
        view["key"] = "-".join(str(i + 1) for i in q.order)
    else:  # extended
        view["instruction"] = "Write your answer in the space below."
        view["lines"] = 3 + 2 * item.marks
        view["answer"] = "<ul>" + "".join(f"<li>{p}</li>" for p in payload["marking_points"]) + "</ul>"
        view["model_answer"] = payload["model_answer"]
        view["key"] = f"{len(item.marking_points)} marking points"
    return view


def _front(
    facts: Facts, data: SpecData, test: TestSpec, paper: Paper, questions: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    units = [facts.unit(data.slug, n) for n in test.units]
    quals = [
        q.number or q.title
        for q in data.spec.qualifications
        if any(u.number in g.units or set(u.aliases) & set(g.units) for g in q.groups for u in units)
    ]
    return [
        ("Qualification", data.spec.title),
        *([("Qualification number", ", ".join(quals))] if quals else []),
        ("Unit", "; ".join(f"Unit {u.number}: {u.title}" for u in units)),
        ("Test", test.title),
        ("Paper number", str(paper.number)),
        ("Time allowed", duration_text(test.duration_min)),
        ("Questions", str(len(questions))),
        ("Total marks", str(sum(q["marks"] for q in questions))),
    ]


def _paper_context(
    facts: Facts, data: SpecData, test: TestSpec, paper: Paper, questions: list[dict[str, Any]], path: str
) -> dict[str, Any]:
    return {
        "title": qualified_title(f"{test.title}, paper {paper.number}", data.spec),
        "description": front_matter(f"A printable paper of the {test.title}: the same questions every time."),
        "heading": f"{test.title}: paper {paper.number}",
        "trail": trail(
            path,
            [
                (facts.spec_titles[data.slug], urls.spec_page(data.slug)),
                (test.title, urls.test_page(data.slug, test.id)),
            ],
            f"Paper {paper.number}",
        ),
        "front": _front(facts, data, test, paper, questions),
        "number": paper.number,
        "exam_style": paper.exam_style,
        "official": test.official,
        "awarding_body": data.spec.awarding_body,
        "mixed_types": any(q["type"] not in ("single", "true-false") for q in questions),
        "questions": questions,
        "online_link": urls.relative(path, urls.test_page(data.slug, test.id)),
    }


def _key_context(
    facts: Facts,
    data: SpecData,
    test: TestSpec,
    paper: Paper,
    questions: list[dict[str, Any]],
    path: str,
    paper_path: str,
) -> dict[str, Any]:
    outcomes = []
    for part in test.outcomes:
        unit = facts.unit(data.slug, part.unit or test.units[0])
        mine = [q for q in questions if q["unit"] == unit.number and q["outcome"] == part.outcome]
        label = (f"Unit {unit.number}, " if len(test.units) > 1 else "") + labels.outcome_label(unit, part.outcome)
        outcomes.append(
            {
                "unit": unit.number,
                "id": part.outcome,
                "label": label,
                "questions": len(mine),
                "marks": sum(q["marks"] for q in mine),
            }
        )
    return {
        "title": front_matter(f"Answer key: {test.title}, paper {paper.number} ({data.spec.short_title})"),
        "description": front_matter(
            f"The answers and marks per outcome for paper {paper.number} of the {test.title}, for tutors."
        ),
        "heading": f"Answer key: {test.title}, paper {paper.number}",
        "trail": trail(path, [("For tutors", urls.TUTORS)], f"Answer key: {test.title}, paper {paper.number}"),
        "paper_link": urls.relative(path, paper_path),
        "number": paper.number,
        "questions": questions,
        "outcomes": outcomes,
        "total_questions": len(questions),
        "total_marks": sum(q["marks"] for q in questions),
    }


def paper_key_links(facts: Facts, from_page: str) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """For the tutors' page: (test title, specification, [(paper number, key link)])."""
    return [
        (
            test.title,
            data.spec.short_title,
            [(n, urls.relative(from_page, urls.paper_key_page(data.slug, test.id, n))) for n in PAPER_NUMBERS],
        )
        for data in facts.specs
        for test in data.spec.tests
    ]


def paper_links(from_page: str, spec: str, test_id: str) -> list[tuple[int, str]]:
    """For the mock test page: its printable papers."""
    return [(n, urls.relative(from_page, urls.paper_page(spec, test_id, n))) for n in PAPER_NUMBERS]
