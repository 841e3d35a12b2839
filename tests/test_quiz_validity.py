"""Quiz validity: the answer-length cue gate, the item warnings and the uncertain-law
report.  Each rule has a bad example it must catch and a near miss it must let through;
small banks are built here, and whole-pipeline cases break a copy of the fixture corpus
in one place."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from generator import urls
from generator.pipeline import Project, load_and_check, render
from generator.problems import ContentError
from generator.quiz_models import Bank, Item
from generator.quiz_stats import (
    MAX_LENGTH_CUE_RATE,
    bank_stats,
    key_echoes_stem,
    multiple_length_cue,
    single_length_cue,
    unemphasised_negative,
    uses_above_option,
)
from generator.quizzes import validity_report

from .conftest import FIXTURE, run_cli

BANK_202 = "quizzes/cg-4417/202.yml"
BANK_201 = "quizzes/cg-4417/201.yml"


def single(key: str, *others: str, stem: str = "Which one is right?", item_id: str = "q1") -> Item:
    options: list[dict[str, Any]] = [{"text": key, "correct": True}, *({"text": o} for o in others)]
    return Item.model_validate(
        {
            "id": item_id,
            "outcome": "1",
            "criteria": ["1.1"],
            "type": "single",
            "stem": stem,
            "options": options,
            "explanation": "Because.",
        }
    )


def multiple(keys: list[str], others: list[str], stem: str = "Which two are right?") -> Item:
    options = [*({"text": k, "correct": True} for k in keys), *({"text": o} for o in others)]
    return Item.model_validate(
        {
            "id": "m1",
            "outcome": "1",
            "criteria": ["1.1"],
            "type": "multiple",
            "stem": stem,
            "options": options,
            "explanation": "Because.",
        }
    )


def bank(items: list[Item]) -> Bank:
    return Bank.model_validate({"spec": "demo", "unit": "1", "items": [i.model_dump() for i in items]})


def problems_of(root: Path) -> list[str]:
    try:
        load_and_check(Project(root))
    except ContentError as exc:
        return [p.format() for p in exc.problems.items]
    return []


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} not once in {path}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def cue_one_key(root: Path) -> None:
    """Shorten the distractor that was lengthened to beat the key: 1 of 2 items is cued."""
    edit(
        root,
        BANK_202,
        "A travel agent booking rooms at the hotel for a large group of its clients",
        "A travel agent booking rooms",
    )


# ---- the cue itself ----------------------------------------------------------------


def test_single_cue_is_a_key_longer_than_every_other_option():
    assert single_length_cue(single("A much longer right answer", "Short", "Shorter"))
    assert not single_length_cue(single("Right", "A much longer wrong answer"))


def test_a_tie_for_longest_is_no_cue():
    assert not single_length_cue(single("Twelve chars", "Twelve chars!"[:12], "Short"))


def test_surrounding_space_and_emphasis_marks_do_not_count():
    assert not single_length_cue(single("Same size   ", "Same size"))
    assert not single_length_cue(single("**Same** size", "Same size"))


def test_multiple_cue_is_keys_exactly_the_longest_ones():
    assert multiple_length_cue(multiple(["A long right answer", "Another long one"], ["Short", "Tiny"]))
    # One distractor is longer than one key: "tick the longest two" gets it wrong.
    assert not multiple_length_cue(multiple(["A long right answer", "Short key"], ["A long wrong answer!", "No"]))


def test_rate_limit_is_inclusive_at_thirty_percent():
    assert float(MAX_LENGTH_CUE_RATE) == 0.30
    cued = [single("A longer right answer", "Wrong", item_id=f"c{i}") for i in range(3)]
    fair = [single("Right", "A longer wrong answer", item_id=f"f{i}") for i in range(7)]
    assert not bank_stats(bank(cued + fair)).single.too_high  # 3/10 is allowed
    extra = single("A longer right answer", "Wrong", item_id="c4")
    stats = bank_stats(bank(cued + fair[:6] + [extra]))
    assert stats.single.too_high and stats.single.describe() == "4/10 (40%)"
    assert stats.single_cued == ("c0", "c1", "c2", "c4")


def test_a_bank_without_multiple_items_has_no_multiple_rate():
    stats = bank_stats(bank([single("Right", "Wrong answer")]))
    assert stats.multiple.value is None and not stats.multiple.too_high and stats.multiple.percent == "n/a"


# ---- the gate, through the pipeline ---------------------------------------------------


def test_fixture_corpus_passes_the_gate():
    assert problems_of(FIXTURE) == []


def test_a_bank_of_long_keys_fails_with_one_line_at_the_bank(fixture_copy):
    cue_one_key(fixture_copy)
    assert problems_of(fixture_copy) == [
        f"{BANK_202}:4: answer length: 1/2 (50%) single-answer items have a key longer than every other option; "
        "at most 30% may. Hint: make distractors as long and as specific as the key, or shorten the key "
        "(start with 202-1-02)"
    ]


def test_multiple_response_items_have_their_own_gate(fixture_copy):
    edit(fixture_copy, BANK_201, "The chef's contract of employment with the restaurant", "The chef's contract")
    problems = problems_of(fixture_copy)
    assert len(problems) == 1 and "1/2 (50%) multiple-response items" in problems[0]
    assert "201-2-05" in problems[0]


def test_a_length_failure_does_not_hide_a_blueprint_shortfall(fixture_copy):
    cue_one_key(fixture_copy)
    edit(
        fixture_copy,
        BANK_201,
        "long-term relationships.\n    status: reviewed",
        "long-term relationships.\n    status: draft",
    )
    problems = problems_of(fixture_copy)
    assert len(problems) == 2
    assert "the bank cannot fill test 201" in problems[0] and "answer length" in problems[1]


def test_check_prints_the_rates_per_bank():
    code, out, _ = run_cli("--root", str(FIXTURE), "check")
    assert code == 0
    assert "ok   cg-4417/201: single 0/2 (0%), multiple 0/2 (0%)" in out
    assert "ok   cg-4417/272: single 0/2 (0%), multiple 0/0 (n/a)" in out


# ---- warnings: reported, never failures ----------------------------------------------


def test_key_echoing_the_stem_is_warned():
    stem = "What should you do about a delay?"
    assert key_echoes_stem(single("Say sorry for the delay", "Offer a refund", stem=stem))
    # A distractor echoes the stem too, so the echo is no clue.
    assert not key_echoes_stem(single("Say sorry for the delay", "Ignore the delay", stem="What about a delay?"))
    # Common words are no clue.
    assert not key_echoes_stem(single("Which would help", "Nothing", stem="Which would you choose?"))


@pytest.mark.parametrize("text", ["All of the above", "none of the above", "Both of the above"])
def test_all_or_none_of_the_above_is_warned(text):
    assert uses_above_option(single("Right", text))


def test_ordinary_options_are_not_above_options():
    assert not uses_above_option(single("The one above the door", "Above all, safety"))


@pytest.mark.parametrize(
    "stem, warned",
    [
        ("Which of these is not a legal right?", True),
        ("Which of these would you never say to a customer?", True),
        ("All of these help EXCEPT which one?", False),
        ("Which of these is **not** a legal right?", False),
        ("Which of these is NOT a legal right?", False),
        # A scenario may be negative; only the question itself counts.
        ("A customer is not happy. What should you do first?", False),
    ],
)
def test_negative_questions_need_emphasis(stem, warned):
    assert unemphasised_negative(single("Right", "Wrong", stem=stem)) is warned


def test_true_or_false_statements_are_not_negative_questions():
    item = Item.model_validate(
        {
            "id": "t1",
            "outcome": "1",
            "criteria": ["1.1"],
            "type": "true-false",
            "stem": "True or false? You should never interrupt.",
            "answer": True,
            "explanation": "Because.",
        }
    )
    assert not unemphasised_negative(item)


def test_warnings_are_listed_in_the_report_and_do_not_fail(fixture_copy):
    edit(
        fixture_copy,
        BANK_201,
        '"To deal with complaints once something has already gone wrong"',
        '"None of the above, because something has already gone wrong"',
    )
    corpus = load_and_check(Project(fixture_copy))
    assert "warn cg-4417/201: an option is 'all/none of the above': 201-1-01" in validity_report(corpus)


# ---- legislation tags and the doubts they carry -------------------------------------


def test_an_unknown_law_slug_is_a_problem(fixture_copy):
    edit(fixture_copy, BANK_202, '  - id: "202-1-02"\n', '  - id: "202-1-02"\n    legislation: [no-such-act]\n')
    problems = problems_of(fixture_copy)
    assert len(problems) == 1
    assert problems[0].startswith(f"{BANK_202}:")
    assert "items[1].legislation[0]: the legislation library has no entry 'no-such-act'" in problems[0]


def test_items_tagged_with_an_uncertain_law_are_reported(fixture_copy):
    edit(
        fixture_copy,
        BANK_202,
        '  - id: "202-1-02"\n',
        '  - id: "202-1-02"\n    legislation: [consumer-rights-act-2015, sale-of-goods-act-1979]\n',
    )
    lines = validity_report(load_and_check(Project(fixture_copy)))
    # The Sale of Goods Act entry records no doubt, so only the other is named.
    assert "law? cg-4417/202 item 202-1-02: check the key against 'uncertain' in consumer-rights-act-2015" in lines


def test_items_without_doubtful_laws_are_not_reported(fixture_copy):
    edit(
        fixture_copy,
        BANK_202,
        '  - id: "202-1-02"\n',
        '  - id: "202-1-02"\n    legislation: [sale-of-goods-act-1979]\n',
    )
    lines = validity_report(load_and_check(Project(fixture_copy)))
    assert not [line for line in lines if line.startswith("law?")]


# ---- the tutors' item-statistics page -------------------------------------------------


def page_of(root: Path) -> str:
    return render(load_and_check(Project(root)))[urls.ITEM_STATS].decode("utf-8")


def test_item_statistics_page_counts_by_outcome_and_type():
    text = page_of(FIXTURE)
    section = text.split("unit 202:", 1)[1].split("\n## ", 1)[0]
    assert "| Single answer | 2 |" in section and "| Matching | 1 |" in section
    assert "| Single answer | 0/2 (0%) | within the limit | none |" in section


def test_item_statistics_page_shows_the_rate_the_gate_uses(fixture_copy):
    # Just under the gate: the page must print the same count the check would fail on.
    cue_one_key(fixture_copy)
    edit(
        fixture_copy,
        BANK_202,
        '  - id: "202-1-02"\n',
        '  - id: "202-1-02"\n    legislation: [consumer-rights-act-2015]\n',
    )
    patch = pytest.MonkeyPatch()
    patch.setattr("generator.quiz_stats.MAX_LENGTH_CUE_RATE", Fraction(1, 2))
    try:
        text = page_of(fixture_copy)
    finally:
        patch.undo()
    section = text.split("unit 202:", 1)[1].split("\n## ", 1)[0]
    assert "| Single answer | 1/2 (50%) | within the limit | 202-1-02 |" in section
    assert "- Item 202-1-02: [Consumer Rights Act 2015](../legislation/consumer-rights-act-2015.md)" in section


def test_tutors_page_links_to_item_statistics():
    pages = render(load_and_check(Project(FIXTURE)))
    assert "](item-statistics.md)" in pages[urls.TUTORS].decode("utf-8")
    assert urls.relative(urls.TUTORS, urls.ITEM_STATS) == "item-statistics.md"
