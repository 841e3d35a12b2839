"""Practice remembers every answer as it is given (issue: "practice is saved only on End
session"), its counter never goes up after a wrong answer, and focus lands on the first
question after "Start practice"."""

from __future__ import annotations

import json

import pytest

from .quizdriver import answer, bank_items, wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_each_answer_is_saved_before_the_session_ends(page, site_url):
    page.goto(site_url + "cg-4417/units/201/")
    root = page.locator('[data-quiz-mode="practice"]').first
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    # Focus moves to the first question, not to <body>.
    assert page.evaluate("document.activeElement.classList.contains('csh-qhead')")
    items = bank_items("cg-4417", "201")
    counts = []
    for right in (False, True):
        question = root.locator("section.csh-question")
        counts.append(question.locator(".csh-remaining").inner_text())
        answer(question, items[question.get_attribute("data-item-id")], right=right)
        root.locator("button.csh-check").click()
        root.locator(".csh-feedback").wait_for()
        root.locator("button.csh-next").click()
    counts.append(root.locator("section.csh-question .csh-remaining").inner_text())
    new = [int(c.split("·")[1].split()[0]) for c in counts]
    assert new[1] == new[0] - 1 and new[2] == new[1] - 1, counts  # never goes up
    assert "to try again" in counts[1] or "to try again" in counts[2]
    # Leave without "End session": both answers are already saved, as one attempt.
    page.goto(site_url + "progress/")
    attempts = json.loads(page.evaluate("localStorage.getItem('cs-hub:v1:attempts')"))
    practice = [a for a in attempts if a["quiz"] == "cg-4417-201-practice"]
    assert len(practice) == 1 and practice[0]["max"] == 2 and practice[0]["score"] == 1
    assert page.locator("tr.csh-attempt").count() == 1
