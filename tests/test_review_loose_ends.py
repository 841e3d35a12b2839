"""The revision loop's loose ends (issue #11), in a real browser: older saved attempts count
towards strength, /progress/ redraws after a review, unpublished ids are not due, self-marked
mock answers are scheduled, and flashcards say when each card comes back."""

from __future__ import annotations

import pytest

from .quizdriver import answer, bank_items
from .records import mock_attempt
from .test_review_loop import DAY_1, DAY_3, REVIEW, answer_all, card, schedule, seed  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def practice_attempt(started: str, outcomes: list[tuple[str, float, float]]) -> dict:
    return mock_attempt(
        quiz="cg-4417-201-practice",
        mode="practice",
        title="Unit 201 practice",
        date=started,
        started=started,
        outcome=None,
        score=sum(o[1] for o in outcomes),
        max=sum(o[2] for o in outcomes),
        outcomes=[{"unit": "201", "id": i, "label": f"Outcome {i}", "score": s, "max": m} for i, s, m in outcomes],
    )


def test_older_attempts_count_towards_strength_once(page, site_url, errors):
    since = "2026-11-01T09:00:00.000Z"
    review = {"v": 1, "items": {"cg-4417-201-practice|q1": card("2099-01-01", [1], o="1")}, "cards": {}, "since": since}
    attempts = [
        practice_attempt("2026-10-01T09:00:00.000Z", [("1", 1, 4), ("2", 3, 4)]),  # before the schedule
        practice_attempt("2026-11-02T09:00:00.000Z", [("1", 0, 3)]),  # already in the schedule
    ]
    seed(page, site_url, "progress/", {REVIEW: review, "cs-hub:v1:attempts": attempts})
    one = page.locator('[data-strength-outcome="cg-4417-201-practice/1"]')
    # Scheduled: 1 right (weight 1); older: 1 of 4 at 0.6 each: 1.6 / 3.4.
    assert (one.get_attribute("data-right"), one.get_attribute("data-answered")) == ("2", "5")
    assert one.get_attribute("data-strength") == "47"
    two = page.locator('[data-strength-outcome="cg-4417-201-practice/2"]')
    assert (two.get_attribute("data-strength"), two.get_attribute("data-answered")) == ("75", "4")
    assert errors == []


def test_progress_sections_refresh_after_a_review(page, site_url, errors):
    items = [i for i in bank_items("cg-4417", "201").values() if i["type"] == "single"][:2]
    keys = [f"cg-4417-201-practice|{i['id']}" for i in items]
    review = {
        "v": 1,
        "items": {k: card("2026-11-01", [0], o=i["outcome"]) for k, i in zip(keys, items, strict=True)},
        "cards": {},
    }
    page.clock.set_fixed_time(DAY_1)
    seed(page, site_url, "progress/", {REVIEW: review})
    due = page.locator(".csh-review-due")
    assert due.get_attribute("data-review-due") == "2"
    due.locator("button.csh-review-start").click()
    session = due.locator(".csh-review-session")
    q = session.locator("section.csh-question")
    first = q.get_attribute("data-item-id")
    answer(q, {i["id"]: i for i in items}[first.split("|")[1]])
    session.locator("button.csh-check").click()
    # The count goes down as each answer is saved, while the session runs.
    assert due.get_attribute("data-review-due") == "1"
    assert "Review due today: 1 question" in due.locator("h2").inner_text()
    session.locator("button.csh-next").click()
    answer_all(session, {i["id"]: i for i in items})
    # The session's end redraws every section, with no reload, and keeps its results.
    assert due.get_attribute("data-review-due") == "0"
    assert "Nothing is due today" in due.inner_text()
    assert due.locator(".csh-results").count() == 1
    answered = page.locator(".csh-strengths [data-strength-outcome]").evaluate_all(
        "els => els.map(e => e.dataset.answered)"
    )
    assert sum(int(a) for a in answered) == 4
    # Keyboard users are left on the session's summary.
    assert page.evaluate("document.activeElement.textContent") == "Practice results"
    assert errors == []
