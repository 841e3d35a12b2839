"""Quizzes as a learner takes them, in a real browser: the cg-4417 Unit 201 mock test,
and a BTEC Level 2 Unit 1 practice run and mock run with a self-marked item."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from .quizdriver import answer, bank_items, wait_for_paper
from .records import mock_attempt

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MOCK_201 = "cg-4417/tests/201/"
STATE_201 = "cs-hub:v1:mock:cg-4417-test-201"


def start_mock(page, url, paper=None):
    page.goto(url)
    root = page.locator('[data-quiz-mode="mock"]')
    if paper is not None:
        root.locator("input[inputmode=numeric]").fill(str(paper))
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    return root


def visible_question(root):
    return root.locator("section.csh-question:visible")


def answer_all(root, items, wrong_ids=()):
    total = root.locator("section.csh-question").count()
    for i in range(total):
        root.locator(f".csh-navigator button.csh-nav-btn >> nth={i}").click()
        q = visible_question(root)
        item_id = q.get_attribute("data-item-id")
        answer(q, items[item_id], right=item_id not in wrong_ids)


def results(root):
    total = root.locator("[data-result-total]")
    per = {
        el.get_attribute("data-result-outcome"): (
            int(el.get_attribute("data-score")),
            int(el.get_attribute("data-max")),
        )
        for el in root.locator("[data-result-outcome]").all()
    }
    return (int(total.get_attribute("data-score")), int(total.get_attribute("data-max"))), per


def test_201_mock_draws_to_the_blueprint_and_marks_the_known_keys(page, site_url):
    items = bank_items("cg-4417", "201")
    root = start_mock(page, site_url + MOCK_201, paper=4417)
    questions = root.locator("section.csh-question")
    assert questions.count() == 45
    outcomes = Counter(questions.evaluate_all("els => els.map(e => e.dataset.outcome)"))
    assert outcomes == {"1": 15, "2": 9, "3": 8, "4": 5, "5": 8}
    ids = questions.evaluate_all("els => els.map(e => e.dataset.itemId)")
    assert len(set(ids)) == 45
    answer_all(root, items)
    root.locator("button.csh-submit").click()
    (score, maximum), per = results(root)
    assert (score, maximum) == (45, 45)
    assert per == {"1": (15, 15), "2": (9, 9), "3": (8, 8), "4": (5, 5), "5": (8, 8)}
    # The review shows every answer with its explanation.
    assert root.locator(".csh-review section.csh-question").count() == 45
    assert root.locator(".csh-review .csh-explanation").count() == 45


def test_wrong_answers_lower_the_right_outcome(page, site_url):
    items = bank_items("cg-4417", "201")
    root = start_mock(page, site_url + MOCK_201, paper=99)
    drawn = root.locator("section.csh-question").evaluate_all(
        "els => els.map(e => [e.dataset.itemId, e.dataset.outcome])"
    )
    wrong = [i for i, o in drawn if o == "3"][:2]
    answer_all(root, items, wrong_ids=set(wrong))
    root.locator("button.csh-submit").click()
    (score, maximum), per = results(root)
    assert (score, maximum) == (43, 45)
    assert per["3"] == (6, 8)
    assert all(per[o] == (m, m) for o, m in (("1", 15), ("2", 9), ("4", 5), ("5", 8)))
    # The weak outcome links to the outcome page that teaches it.
    link = root.locator('[data-result-outcome="3"] a')
    assert link.get_attribute("href").endswith("cg-4417/units/201/lo-3/")
    link.click()
    page.wait_for_url("**/cg-4417/units/201/lo-3/")
    assert page.locator("h1").inner_text().startswith("Outcome 3:")


def test_same_paper_number_gives_the_same_paper(page, site_url):
    root = start_mock(page, site_url + MOCK_201, paper=12345)
    first = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    page.evaluate("localStorage.clear()")
    root = start_mock(page, site_url + MOCK_201, paper=12345)
    again = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    assert first == again
    page.evaluate("localStorage.clear()")
    root = start_mock(page, site_url + MOCK_201, paper=54321)
    other = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    assert other != first


def test_flags_navigator_reload_and_submit_warning(page, site_url):
    items = bank_items("cg-4417", "201")
    root = start_mock(page, site_url + MOCK_201, paper=7)
    nav = root.locator(".csh-navigator button.csh-nav-btn")
    # Answer question 1, flag question 2, jump to question 5 with the keyboard.
    q = visible_question(root)
    first_id = q.get_attribute("data-item-id")
    answer(q, items[first_id])
    root.locator("section.csh-question:visible button.csh-next").click()
    root.locator("section.csh-question:visible button.csh-flag").click()
    assert nav.nth(1).get_attribute("data-flagged") == "true"
    assert "flagged" in nav.nth(1).get_attribute("aria-label")
    assert nav.nth(0).get_attribute("data-state") == "answered"
    assert nav.nth(2).get_attribute("data-state") == "unanswered"
    nav.nth(4).focus()
    page.keyboard.press("Enter")
    assert visible_question(root).locator("h3").inner_text().startswith("Question 5 of 45")
    # Reload: same paper, answers and flags kept.
    page.reload()
    root = page.locator('[data-quiz-mode="mock"]')
    nav = root.locator(".csh-navigator button.csh-nav-btn")
    assert root.locator("section.csh-question").first.get_attribute("data-item-id") == first_id
    assert nav.nth(0).get_attribute("data-state") == "answered"
    assert nav.nth(1).get_attribute("data-flagged") == "true"
    # Submitting with unanswered questions asks first; "Keep working" goes back.
    root.locator("button.csh-submit").click()
    dialog = root.locator(".csh-confirm")
    assert "44 unanswered questions" in dialog.inner_text()
    dialog.locator("button.csh-confirm-cancel").click()
    assert root.locator("[data-result-total]").count() == 0
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    (score, maximum), _ = results(root)
    assert (score, maximum) == (1, 45)


def test_pause_and_extra_time(page, site_url):
    page.goto(site_url + MOCK_201)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("select").last.select_option("50")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    state = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    assert state["totalMs"] == 75 * 60000 * 1.5
    root.locator("button.csh-pause").click()
    assert root.locator(".csh-stage").is_hidden()
    before = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))["remainingMs"]
    page.wait_for_timeout(1500)
    after = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))["remainingMs"]
    assert after == before  # the clock stops while paused
    root.locator("button.csh-resume").click()
    assert root.locator(".csh-stage").is_visible()


def test_timer_auto_submits_and_results_reach_progress(page, site_url):
    root = start_mock(page, site_url + MOCK_201, paper=3)
    # A short test: cut the remaining time to two seconds, then reload (resume).
    page.evaluate(f"""() => {{
        const s = JSON.parse(localStorage.getItem('{STATE_201}'));
        s.remainingMs = 2000;
        localStorage.setItem('{STATE_201}', JSON.stringify(s));
    }}""")
    page.reload()
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("[data-result-total]").wait_for(timeout=10000)
    assert "Time ran out" in root.inner_text()
    page.goto(site_url + "progress/")
    row = page.locator('tr.csh-attempt[data-quiz="cg-4417-test-201"]')
    assert row.count() == 1
    assert row.locator("[data-result-total]").get_attribute("data-max") == "45"
    assert row.locator("[data-result-outcome]").count() == 5


def test_progress_survives_corrupt_storage_and_exports(page, site_url):
    page.goto(site_url + "progress/")
    page.evaluate("""() => {
        localStorage.setItem('cs-hub:v1:attempts', '{not json');
        localStorage.setItem('cs-hub:v1:mock:cg-4417-test-201', '[1,2');
        localStorage.setItem('someone-else', 'keep me');
    }""")
    page.reload()
    assert "No attempts saved" in page.locator("[data-csh-progress-root]").inner_text()
    assert page.evaluate("localStorage.getItem('someone-else')") == "keep me"
    assert page.evaluate("localStorage.getItem('cs-hub:v1:corrupt:attempts')") == "{not json"
    # A mock test with a corrupt saved state starts fresh instead of breaking.
    page.goto(site_url + MOCK_201)
    assert page.locator('[data-quiz-mode="mock"] button.csh-begin').is_visible()


def test_export_import_and_clear(page, site_url, tmp_path):
    attempt = mock_attempt()
    file = tmp_path / "progress.json"
    file.write_text(json.dumps({"schema": "cs-hub/progress/1", "attempts": [attempt]}))
    page.goto(site_url + "progress/")
    page.locator("input.csh-import-file").set_input_files(str(file))
    page.locator(".csh-attempt").first.wait_for()
    assert "Imported 1 attempt" in page.locator("[data-csh-progress-root]").inner_text()
    with page.expect_download() as download:
        page.locator("button.csh-export").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["schema"] == "cs-hub/progress/2" and exported["attempts"][0]["score"] == 30
    page.locator("button.csh-clear").click()
    page.locator("button.csh-clear-confirm").click()
    assert "No attempts saved" in page.locator("[data-csh-progress-root]").inner_text()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('cs-hub:v1:'))") == []


def test_btec_l2_unit1_practice_run(page, site_url):
    items = bank_items("btec-l2-cso", "1")
    page.goto(site_url + "btec-l2-cso/units/1/")
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("select").select_option("AO1")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    seen = []
    for _ in range(5):
        q = root.locator("section.csh-question")
        item = items[q.get_attribute("data-item-id")]
        assert q.get_attribute("data-outcome") == "AO1"
        wrong = not seen  # get the first one wrong, so it comes back later
        answer(q, item, right=not wrong)
        root.locator("button.csh-check").click()
        feedback = root.locator(".csh-feedback")
        assert feedback.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('csh-feedback')")
        if wrong and item["type"] != "extended":
            assert "Not quite" in feedback.inner_text() or "Partly" in feedback.inner_text()
            assert root.locator(".csh-explanation").is_visible()
        seen.append(item["id"])
        root.locator("button.csh-next").click()
    # The first question was answered wrongly, so it came back later in the session.
    assert seen[4] == seen[0] and len(set(seen[:4])) == 4
    root.locator("button.csh-end").click()
    assert root.locator("[data-result-total]").count() == 1
    assert root.locator('[data-result-outcome="AO1"]').count() == 1


def test_btec_l2_unit1_mock_with_a_self_marked_item(page, site_url):
    items = bank_items("btec-l2-cso", "1")
    root = start_mock(page, site_url + "btec-l2-cso/tests/1/", paper=60)
    questions = root.locator("section.csh-question")
    drawn = questions.evaluate_all("els => els.map(e => [e.dataset.itemId, e.dataset.outcome])")
    marks = Counter()
    for item_id, outcome in drawn:
        marks[outcome] += items[item_id].get("marks", 1)
    assert marks == {"AO1": 15, "AO2": 17, "AO3": 14, "AO4": 14}
    answer_all(root, items)
    root.locator("button.csh-submit").click()
    (score, maximum), _per = results(root)
    assert maximum == 60
    total = root.locator("[data-result-total]")
    auto, self_marked = int(total.get_attribute("data-auto-score")), int(total.get_attribute("data-self-score"))
    assert self_marked == 0 and auto == score
    # Tick the marking points of one extended answer: the self-marked score goes up.
    extended = [i for i, _ in drawn if items[i]["type"] == "extended"]
    assert extended, "the paper has self-marked questions"
    block = root.locator(f'.csh-review section.csh-question[data-item-id="{extended[0]}"]')
    points = block.locator(".csh-points input[type=checkbox]")
    for i in range(points.count()):
        points.nth(i).check()
    total = root.locator("[data-result-total]")
    assert int(total.get_attribute("data-self-score")) == items[extended[0]].get("marks", 1)
    assert int(total.get_attribute("data-score")) == score + items[extended[0]].get("marks", 1)


def test_exam_style_is_the_default_for_a_multiple_choice_test(page, site_url):
    """City & Guilds tests are multiple-choice: the mock starts in exam style (single-answer
    questions only, to the same blueprint); unticking it mixes every question type."""
    from .quizdriver import bank_items

    items = bank_items("cg-4417", "201")
    page.goto(site_url + "cg-4417/tests/201/")
    root = page.locator('[data-quiz-mode="mock"]')
    assert root.locator("input.csh-exam-style").is_checked()
    root.locator("input[inputmode=numeric]").fill("4242")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    ids = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    assert len(ids) == 45 and {items[i]["type"] for i in ids} <= {"single", "true-false"}
    # The blueprint still holds: 15, 9, 8, 5 and 8 questions on outcomes 1 to 5.
    outcomes = [items[i]["outcome"] for i in ids]
    assert [outcomes.count(o) for o in "12345"] == [15, 9, 8, 5, 8]
    page.evaluate("localStorage.clear()")
    page.reload()
    root.locator("input.csh-exam-style").uncheck()
    root.locator("input[inputmode=numeric]").fill("4242")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    ids = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    assert len({items[i]["type"] for i in ids}) > 2
