"""The revision loop's loose ends (issue #11), in a real browser: older saved attempts count
towards strength, /progress/ redraws after a review, unpublished ids are not due, self-marked
mock answers are scheduled, and flashcards say when each card comes back."""

from __future__ import annotations

import pytest

from .quizdriver import answer, bank_items, wait_for_paper
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


def test_only_published_questions_are_due_and_the_rest_are_kept(page, site_url, errors):
    item = next(i for i in bank_items("cg-4417", "201").values() if i["type"] == "single")
    key = f"cg-4417-201-practice|{item['id']}"
    gone = ["cg-4417-201-practice|201-9-99-withdrawn", "old-spec-9-practice|9-1-01"]
    items = {key: card("2026-11-01", [0], o=item["outcome"])} | {k: card("2026-11-01", [0]) for k in gone}
    page.clock.set_fixed_time(DAY_1)
    seed(page, site_url, "progress/", {REVIEW: {"v": 1, "items": items, "cards": {}}})
    due = page.locator(".csh-review-due")
    assert due.get_attribute("data-review-due") == "1"
    assert "Review due today: 1 question" in due.locator("h2").inner_text()
    due.locator("button.csh-review-start").click()
    assert answer_all(due.locator(".csh-review-session"), {item["id"]: item}) == [key]
    assert due.get_attribute("data-review-due") == "0"
    stored = schedule(page)["items"]
    assert all(stored[k] == items[k] for k in gone)
    assert errors == []


def test_self_marked_mock_answers_are_scheduled_by_their_marks(page, site_url, errors):
    items = bank_items("btec-l2-cso", "1")
    page.clock.set_fixed_time(DAY_1)
    page.goto(site_url + "btec-l2-cso/tests/1/")
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("input[inputmode=numeric]").fill("60")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    drawn = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    at = next(n for n, i in enumerate(drawn) if items[i]["type"] == "extended")
    item_id = drawn[at]
    root.locator(".csh-nav-btn").nth(at).click()
    answer(root.locator("section.csh-question:visible"), items[item_id])
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    key = f"btec-l2-cso-1-practice|{item_id}"
    assert key not in (schedule(page) or {"items": {}})["items"]  # not marked yet
    points = root.locator(f'.csh-review section.csh-question[data-item-id="{item_id}"] .csh-points input')
    for i in range(points.count()):
        points.nth(i).check()
    got = schedule(page)["items"][key]
    # Every point ticked: right by the learner's own marking, SM-2 quality 4, one step.
    assert (got["reps"], got["interval"], got["due"], got["h"], got["ef"]) == (1, 1, "2026-11-11", [1], 2.5)
    for i in range(points.count()):
        points.nth(i).uncheck()
    got = schedule(page)["items"][key]
    assert (got["reps"], got["h"]) == (0, [0])  # the same answer re-marked, not a second one
    assert errors == []
