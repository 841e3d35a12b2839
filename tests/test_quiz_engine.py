"""Unit tests of the quiz engine's pure functions (drawing, allocation, scoring), run in
a real browser so that they test the JavaScript learners actually use."""

from __future__ import annotations

import json

import pytest

from generator.quizzes import allocate

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def engine(page, site_url):
    page.goto(site_url + "cg-4417/tests/201/")
    # The engine arrives when a paper starts (quiz-start.js); load it as Start would.
    page.wait_for_function("!!(window.CSHub && window.CSHub.loader)")
    page.evaluate("CSHub.loader.need(CSHub.loader.NEEDS.paper)")
    page.wait_for_function("window.CSHQuiz !== undefined")
    return page


@pytest.fixture()
def bank201(site_url):
    """The quiz payload exactly as the built page embeds it."""
    import re
    import urllib.request

    html = urllib.request.urlopen(site_url + "cg-4417/tests/201/").read().decode("utf-8")
    raw = re.search(r'<script type="application/json" class="csh-quiz-data">(.*?)</script>', html, re.S)
    return json.loads(raw.group(1).replace("<\\/", "</"))


def test_draw_is_seeded_reproducible_and_never_repeats(engine, bank201):
    papers = engine.evaluate("""quiz => [1, 1, 2, 3, 4, 5].map(seed => window.CSHQuiz.draw(quiz, seed))""", bank201)
    assert papers[0] == papers[1]
    assert len({tuple(p) for p in papers[1:]}) == 5
    outcome_of = {item["id"]: item["outcome"] for item in bank201["items"]}
    for paper in papers:
        assert len(paper) == len(set(paper)) == 45
        counts = {o: sum(1 for i in paper if outcome_of[i] == o) for o in "12345"}
        assert counts == {"1": 15, "2": 9, "3": 8, "4": 5, "5": 8}


def test_draw_fails_loudly_when_the_bank_is_short(engine, bank201):
    short = dict(bank201, items=[i for i in bank201["items"] if i["outcome"] != "4"][:])
    error = engine.evaluate(
        """quiz => { try { window.CSHQuiz.draw(quiz, 1); return null } catch (e) { return e.message } }""", short
    )
    assert error and "outcome 4" in error


def test_marks_blueprint_is_exact(engine):
    items = [{"id": f"i{n}", "unit": "1", "outcome": "AO3", "marks": m} for n, m in enumerate([6, 4, 4, 2, 5, 3, 2])]
    quiz = {
        "test": {"understanding_percent": None, "weighting": "printed"},
        "outcomes": [{"unit": "1", "id": "AO3", "marks": 14, "questions": None}],
        "items": items,
    }
    for seed in range(1, 30):
        paper = engine.evaluate("a => window.CSHQuiz.draw(a[0], a[1])", [quiz, seed])
        assert sum(next(i["marks"] for i in items if i["id"] == pid) for pid in paper) == 14
        assert len(paper) == len(set(paper))


def test_demand_split(engine):
    items = [{"id": f"u{n}", "unit": "1", "outcome": "1", "marks": 1, "demand": "understanding"} for n in range(12)] + [
        {"id": f"k{n}", "unit": "1", "outcome": "1", "marks": 1, "demand": "knowledge"} for n in range(12)
    ]
    quiz = {
        "test": {"understanding_percent": 60, "weighting": "printed"},
        "outcomes": [{"unit": "1", "id": "1", "questions": 10, "marks": None}],
        "items": items,
    }
    paper = engine.evaluate("q => window.CSHQuiz.draw(q, 8)", quiz)
    assert sum(1 for p in paper if p.startswith("u")) == 6 and len(paper) == 10


@pytest.mark.parametrize(
    "weights, total",
    [([17, 11, 12, 9, 9, 8, 14, 10], 45), ([17, 11, 12, 9, 9, 8, 14, 10], 30), ([1, 1, 1], 2), ([5, 3], 7)],
)
def test_allocation_matches_python(engine, weights, total):
    assert engine.evaluate("a => window.CSHQuiz.allocate(a[0], a[1])", [weights, total]) == allocate(weights, total)


SCORING = [
    ({"type": "single", "marks": 1, "options": [{"correct": False}, {"correct": True}]}, {"choice": 1}, 1),
    ({"type": "single", "marks": 1, "options": [{"correct": False}, {"correct": True}]}, {"choice": 0}, 0),
    ({"type": "single", "marks": 1, "options": [{"correct": False}, {"correct": True}]}, {}, 0),
    ({"type": "true-false", "marks": 1, "answer": False}, {"value": False}, 1),
    ({"type": "true-false", "marks": 1, "answer": False}, {"value": True}, 0),
    (
        {"type": "multiple", "marks": 1, "options": [{"correct": True}, {"correct": True}, {"correct": False}]},
        {"choices": [0, 1]},
        1,
    ),
    (
        {"type": "multiple", "marks": 1, "options": [{"correct": True}, {"correct": True}, {"correct": False}]},
        {"choices": [0]},
        0,
    ),
    (
        {"type": "multiple", "marks": 1, "options": [{"correct": True}, {"correct": True}, {"correct": False}]},
        {"choices": [0, 1, 2]},
        0,
    ),
    (
        {"type": "multiple", "marks": 2, "options": [{"correct": True}, {"correct": True}, {"correct": False}]},
        {"choices": [0, 2]},
        0,
    ),
    (
        {"type": "multiple", "marks": 2, "options": [{"correct": True}, {"correct": True}, {"correct": False}]},
        {"choices": [0]},
        1,
    ),
    (
        {"type": "multiple", "marks": 2, "options": [{"correct": True}, {"correct": True}, {"correct": False}]},
        {"choices": [0, 1]},
        2,
    ),
    (
        {"type": "short", "marks": 1, "accept": ["Unique Selling Point"], "case_sensitive": False},
        {"text": "  unique   selling point. "},
        1,
    ),
    ({"type": "short", "marks": 1, "accept": ["USP"], "case_sensitive": True}, {"text": "usp"}, 0),
    ({"type": "short", "marks": 1, "accept": ["USP"], "case_sensitive": False}, {"text": ""}, 0),
    ({"type": "matching", "marks": 1, "pairs": [{"answer": "a"}, {"answer": "b"}]}, {"matches": ["a", "b"]}, 1),
    ({"type": "matching", "marks": 1, "pairs": [{"answer": "a"}, {"answer": "b"}]}, {"matches": ["a", ""]}, 0),
    (
        {"type": "matching", "marks": 2, "pairs": [{"answer": "a"}, {"answer": "b"}, {"answer": "c"}]},
        {"matches": ["a", "b", "x"]},
        1,
    ),
    ({"type": "ordering", "marks": 1, "sequence": ["x", "y", "z"]}, {"order": [0, 1, 2]}, 1),
    ({"type": "ordering", "marks": 1, "sequence": ["x", "y", "z"]}, {"order": [1, 0, 2]}, 0),
    ({"type": "extended", "marks": 4, "marking_points": ["a", "b", "c", "d"]}, {"ticks": [0, 2]}, 2),
]


@pytest.mark.parametrize("item, response, expected", SCORING)
def test_scoring_rules(engine, item, response, expected):
    result = engine.evaluate("a => window.CSHQuiz.score(a[0], a[1])", [item, response])
    assert result["score"] == expected and result["max"] == item["marks"]
    assert result["self"] == (item["type"] == "extended")
