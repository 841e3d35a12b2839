"""Printable papers of the mock tests and their answer keys (generator/pages/papers.py,
generator/paper_draw.py), read back from the generated pages: each paper follows its test's
blueprint, the key's answers are the bank's, a paper is the same on every build, and the
keys stay in the tutors' area.  Their printed form is tested in tests/test_print.py."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from generator import urls
from generator.markdown_text import md_html
from generator.paper_draw import PAPER_NUMBERS, mulberry32, paper_seed, pick_marks, shuffle

from .conftest import ROOT

QUESTION = re.compile(
    r'<div class="csh-paper-q" id="q(?P<n>\d+)" data-type="(?P<type>[a-z-]+)" data-item-id="(?P<id>[^"]+)" '
    r'data-outcome="(?P<outcome>[^"]+)" data-unit="(?P<unit>[^"]+)" data-marks="(?P<marks>\d+)">'
    r"(?P<body>.*?)\n</div>\n",
    re.S,
)
OPTION = re.compile(r'<span class="csh-paper-letter">([A-Z])</span><span class="csh-paper-option">(.*?)</span></li>')
KEY_ROW = re.compile(r'<tr data-item-id="([^"]+)" data-answer="([^"]*)"><td>(\d+)</td>')
KEY_OUTCOME = re.compile(r'<tr data-unit="([^"]+)" data-outcome="([^"]+)" data-questions="(\d+)" data-marks="(\d+)">')


@pytest.fixture(scope="module")
def pages(real_pages) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in real_pages.items()}


def all_tests(corpus):
    return [(data, test) for data in corpus.specs.values() for test in data.spec.tests]


def questions_of(text: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in QUESTION.finditer(text)]


def test_every_mock_test_has_papers_and_keys_in_the_tutors_area(real_corpus, pages):
    tests = all_tests(real_corpus)
    assert len(tests) >= 6
    for data, test in tests:
        for n in PAPER_NUMBERS:
            paper = urls.paper_page(data.slug, test.id, n)
            key = urls.paper_key_page(data.slug, test.id, n)
            assert paper == f"{data.slug}/tests/{test.id}/paper-{n}.md"
            assert key.startswith("tutors/keys/") and paper in pages and key in pages
            assert questions_of(pages[paper]), f"{paper}: no questions found"
            # The mock test page offers the paper; the tutors' page lists its key.
            assert (
                f"]({urls.relative(urls.test_page(data.slug, test.id), paper)})"
                in pages[urls.test_page(data.slug, test.id)]
            )
            assert f"]({urls.relative(urls.TUTORS, key)})" in pages[urls.TUTORS]


def test_paper_keys_are_linked_only_from_tutors_pages(pages):
    """A centre build that drops tutors/ must leave no learner page linking into it."""
    linking = sorted(
        path
        for path, text in pages.items()
        if path.endswith(".md") and re.search(r"keys/[a-z0-9-]+-paper-\d+\.md", text)
    )
    assert linking and all(path.startswith("tutors/") for path in linking), linking


def test_each_paper_follows_its_blueprint(real_corpus, pages):
    for data, test in all_tests(real_corpus):
        for n in PAPER_NUMBERS:
            found = questions_of(pages[urls.paper_page(data.slug, test.id, n)])
            assert [int(q["n"]) for q in found] == list(range(1, len(found) + 1))
            assert len({(q["unit"], q["id"]) for q in found}) == len(found), "an item appears twice"
            count = Counter((q["unit"], q["outcome"]) for q in found)
            marks = Counter()
            for q in found:
                marks[(q["unit"], q["outcome"])] += int(q["marks"])
            for part in test.outcomes:
                unit = data.resolve(part.unit or test.units[0]).number
                where = f"{data.slug} {test.id} paper {n}, outcome {part.outcome}"
                if part.questions is not None:
                    assert count[(unit, part.outcome)] == part.questions, where
                else:
                    assert marks[(unit, part.outcome)] == part.marks, where
            # No question from outside the blueprint's outcomes.
            assert set(count) <= {(data.resolve(p.unit or test.units[0]).number, p.outcome) for p in test.outcomes}
            if test.format == "multiple-choice":
                assert {q["type"] for q in found} <= {"single", "true-false"}, f"{test.id}: not exam style"
        first, second = ([q["id"] for q in questions_of(pages[urls.paper_page(data.slug, test.id, n)])] for n in (1, 2))
        assert first != second, f"{data.slug} {test.id}: papers 1 and 2 are the same"


def test_answer_keys_match_the_bank(real_corpus, pages):
    for data, test in all_tests(real_corpus):
        for n in PAPER_NUMBERS:
            paper = questions_of(pages[urls.paper_page(data.slug, test.id, n)])
            key = pages[urls.paper_key_page(data.slug, test.id, n)]
            rows = KEY_ROW.findall(key)
            assert [(i, int(num)) for i, _, num in rows] == [(q["id"], int(q["n"])) for q in paper]
            answers = {item_id: answer for item_id, answer, _ in rows}
            for q in paper:
                item = next(i for i in real_corpus.banks.items_for(data.slug, q["unit"]) if i.id == q["id"])
                assert item.status == "reviewed" and item.type == q["type"] and item.marks == int(q["marks"])
                answer = html.unescape(answers[q["id"]])
                if item.type in ("single", "multiple"):
                    printed = dict(OPTION.findall(q["body"]))
                    assert sorted(printed.values()) == sorted(md_html(o.text) for o in item.options)
                    assert sorted(printed[letter] for letter in answer) == sorted(
                        md_html(o.text) for o in item.options if o.correct
                    ), f"{q['id']}: the key's letters are not the bank's correct options"
                elif item.type == "true-false":
                    assert answer == ("A" if item.answer else "B")
                elif item.type == "short":
                    assert answer.split("|") == list(item.accept)
                elif item.type == "ordering":
                    printed = re.findall(r'<span class="csh-paper-letter">[A-Z]</span> (.*?)</td>', q["body"])
                    ranks = [int(r) for r in answer.split("-")]
                    assert [html.unescape(s) for _, s in sorted(zip(ranks, printed, strict=True))] == item.sequence
            # Marks per outcome: the key's table adds up the paper.
            table = {(u, o): (int(c), int(m)) for u, o, c, m in KEY_OUTCOME.findall(key)}
            for (u, o), (c, m) in table.items():
                mine = [q for q in paper if (q["unit"], q["outcome"]) == (u, o)]
                assert (c, m) == (len(mine), sum(int(q["marks"]) for q in mine))
            assert sum(c for c, _ in table.values()) == len(paper)


def test_front_sheet_says_what_a_candidate_needs(pages):
    text = pages[urls.paper_page("cg-4417", "201", 1)]
    for needed in (
        "City &amp; Guilds Level 2 and Level 3 Certificate in Customer Service",
        "<dt>Unit</dt><dd>Unit 201:",
        "<dt>Paper number</dt><dd>1</dd>",
        "<dt>Time allowed</dt><dd>1 hour 15 minutes</dd>",
        "<dt>Questions</dt><dd>45</dd>",
        "<dt>Total marks</dt><dd>45</dd>",
        "Instructions to candidates",
        "Candidate number",
        "Your name",
    ):
        assert needed in text, needed


DRAW_SCRIPT = """
import json
from pathlib import Path
from generator.pipeline import Project, load_and_check
from generator.pages.base import Facts
from generator.pages.papers import draw_test_paper
corpus = load_and_check(Project(Path(".")))
facts = Facts(corpus)
out = {}
for data in facts.specs:
    for test in data.spec.tests:
        for n in (1, 2):
            paper = draw_test_paper(facts, data, test, n)
            out[f"{data.slug}/{test.id}/{n}"] = [[q.item.id, list(q.order)] for q in paper.questions]
print(json.dumps(out))
"""


@pytest.mark.slow  # 5-8 s over the whole corpus: out of the fast loop, still in make test
def test_a_paper_is_the_same_on_every_build(pages):
    """Two fresh interpreters with different hash seeds (set and dict order, hash()) draw the
    same papers as the session's render: nothing depends on the process or the clock."""
    runs = []
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", DRAW_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr
        runs.append(json.loads(result.stdout))
    assert runs[0] == runs[1]
    printed = [q["id"] for q in questions_of(pages[urls.paper_page("cg-4417", "201", 1)])]
    assert [item_id for item_id, _ in runs[0]["cg-4417/201/1"]] == printed


def test_the_seed_and_the_random_numbers_never_change():
    """Published papers stay the same between versions: the seed formula and the generator
    are pinned here.  (tests/test_print.py checks the generator against quiz-engine.js.)"""
    assert paper_seed("cg-4417", "201", 1) == 0x042DCF36
    assert paper_seed("cg-4417", "201", 2) != paper_seed("cg-4417", "201", 1)
    random = mulberry32(1)
    assert [round(random(), 10) for _ in range(3)] == [0.6270739406, 0.0027357212, 0.52744704]
    assert shuffle(list(range(6)), mulberry32(7)) == shuffle(list(range(6)), mulberry32(7))


def test_pick_marks_hits_the_target_or_says_it_cannot():
    class Stub:
        def __init__(self, marks: int) -> None:
            self.marks = marks

    items = [Stub(4), Stub(1), Stub(6), Stub(2)]
    chosen = pick_marks(items, 7)  # type: ignore[arg-type]
    assert chosen is not None and sum(i.marks for i in chosen) == 7
    assert chosen[0] is items[0]  # prefers the order given
    assert pick_marks(items, 14) is None  # type: ignore[arg-type]
