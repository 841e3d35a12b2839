"""Damaged saved progress, in a real browser: every state below once left a page blank or
threw; now the page recovers, keeps every readable record and says so in one line
(a role="status" notice)."""

from __future__ import annotations

import json
import re

import pytest

from .quizdriver import answer, bank_items, wait_for_paper
from .records import MOCK_ATTEMPT
from .records import mock_attempt as attempt

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MOCK_201 = "cg-4417/tests/201/"
STATE_201 = "cs-hub:v1:mock:cg-4417-test-201"
ATTEMPTS = "cs-hub:v1:attempts"
NOTICE = ".csh-notice[role=status]"

GOOD = MOCK_ATTEMPT


def seed(page, site_url, path, values):
    """Open `path`, write raw localStorage values, and load the page again."""
    page.goto(site_url + path)
    page.evaluate("values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }", values)
    page.reload()


def rows(page):
    return page.locator("tr.csh-attempt")


# ------------------------------------------------------------------ progress page


def test_progress_with_a_null_outcome_keeps_every_attempt(page, site_url, errors):
    broken = attempt(date="2026-11-02T10:00:00.000Z", outcomes=[None, GOOD["outcomes"][0]])
    seed(page, site_url, "progress/", {ATTEMPTS: json.dumps([GOOD, broken])})
    assert errors == []
    assert rows(page).count() == 2
    # The newest (the mended one) keeps its readable outcome.
    assert rows(page).first.locator("[data-result-outcome]").count() == 1
    assert page.locator(NOTICE).first.is_visible()
    # The original is kept aside, and the page still works: clearing empties it.
    assert page.evaluate("localStorage.getItem('cs-hub:v1:corrupt:attempts')") is not None
    page.locator("button.csh-clear").click()
    page.locator("button.csh-clear-confirm").click()
    assert "No attempts saved" in page.locator("[data-csh-progress-root]").inner_text()


ODD_ID = 'cg-4417-test-201"] x'


def test_progress_with_a_quote_in_a_quiz_id(page, site_url, errors):
    odd = attempt(quiz=ODD_ID, title='Pasted "test"', date="2026-11-02T10:00:00.000Z")
    seed(page, site_url, "progress/", {ATTEMPTS: json.dumps([GOOD, odd])})
    assert errors == []
    assert sorted(rows(page).evaluate_all("els => els.map(e => e.getAttribute('data-quiz'))")) == sorted(
        [GOOD["quiz"], ODD_ID]
    )
    odd_row = rows(page).first
    assert 'Pasted "test"' in odd_row.inner_text() and odd_row.locator("a").count() == 0
    assert rows(page).nth(1).locator("a").get_attribute("href").endswith("tests/201/")
    assert page.locator(NOTICE).first.is_visible()


def test_importing_a_quote_in_a_quiz_id(page, site_url, errors, tmp_path):
    file = tmp_path / "progress.json"
    file.write_text(json.dumps({"schema": "cs-hub/progress/1", "attempts": [attempt(quiz=ODD_ID), GOOD]}))
    page.goto(site_url + "progress/")
    page.locator("input.csh-import-file").set_input_files(str(file))
    page.locator(NOTICE).first.wait_for()
    assert errors == []
    assert "Imported 2 attempts" in page.locator("[data-csh-progress-root]").inner_text()
    assert rows(page).count() == 2
    # Reloading shows the same, so a pasted id cannot break the page for good.
    page.reload()
    assert errors == [] and rows(page).count() == 2


# ------------------------------------------------------------------------ mock test


def start_mock(page, site_url, paper=7):
    page.goto(site_url + MOCK_201)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("input[inputmode=numeric]").fill(str(paper))
    root.locator("button.csh-begin").click()
    root.locator("section.csh-question").first.wait_for(state="attached")
    return root


# Each edit runs with `s` (the saved state) and `id` (the first question that has options
# to shuffle, which the edit also puts on screen).
MOCK_DAMAGE = {
    "flags-null": "s.flags = null;",
    "missing-order": "delete s.orders[id];",
    "number-response": "s.responses[id] = 5;",
    "string-order": "s.orders[id] = '3,1,0,2';",
    "current-out-of-range": "s.current = 99;",
}


@pytest.mark.parametrize("case", list(MOCK_DAMAGE))
def test_mock_recovers_from_a_damaged_saved_paper(page, site_url, errors, case):
    items = bank_items("cg-4417", "201")
    start_mock(page, site_url)
    page.evaluate(
        """([key, edit]) => {
        const s = JSON.parse(localStorage.getItem(key));
        const at = s.paper.findIndex(i => s.orders[i] && s.orders[i].options);
        const id = s.paper[at];
        s.current = at;
        s.responses[id] = {};
        new Function('s', 'id', edit)(s, id);
        localStorage.setItem(key, JSON.stringify(s));
    }""",
        [STATE_201, MOCK_DAMAGE[case]],
    )
    page.reload()
    root = page.locator('[data-quiz-mode="mock"]')
    visible = root.locator("section.csh-question:visible")
    visible.wait_for()
    assert visible.count() == 1
    assert page.locator(NOTICE).first.is_visible()
    # The test still works: answer the question on screen, flag it and submit.
    item = items[visible.get_attribute("data-item-id")]
    if item.get("options"):
        assert visible.locator("label[data-option-index]").count() == len(item["options"])
    answer(visible, item)
    visible.locator("button.csh-flag").click()
    nav = root.locator(".csh-navigator button.csh-nav-btn.is-current")
    assert nav.get_attribute("data-state") == "answered" and nav.get_attribute("data-flagged") == "true"
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    total = root.locator("[data-result-total]")
    assert total.get_attribute("data-max") == "45" and int(total.get_attribute("data-score")) >= 1
    assert errors == []


def test_mock_with_infinite_time_left(page, site_url, errors):
    start_mock(page, site_url)
    # JSON.stringify cannot write Infinity, so the stored text is edited directly.
    page.evaluate(
        """key => {
        const raw = localStorage.getItem(key).replace(/"remainingMs":[^,}]*/, '"remainingMs":1e309');
        localStorage.setItem(key, raw);
    }""",
        STATE_201,
    )
    page.reload()
    timer = page.locator(".csh-timer")
    timer.wait_for()
    assert re.fullmatch(r"Time left \d+:\d\d", timer.inner_text()), timer.inner_text()
    assert timer.inner_text() in ("Time left 75:00", "Time left 74:59")  # the whole time, as saved
    assert page.locator(NOTICE).first.is_visible()
    page.wait_for_timeout(1200)
    assert json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))["remainingMs"] < 75 * 60000
    assert errors == []


# ------------------------------------------------------------------------ flashcards


def test_flashcards_keep_readable_cards(page, site_url, errors):
    boxes = {"unique-selling-point": {"box": 3, "due": 0}, "broken": {"box": "high"}, "gone": None}
    seed(page, site_url, "glossary/flashcards/", {"cs-hub:v1:flashcards": json.dumps(boxes)})
    assert page.locator(NOTICE).first.is_visible()
    # The old box 3 card, due long ago, is the one card due today; the broken ones are dropped.
    assert re.match(r"\d+ new · 1 due today · 0 learning · 0 known$", page.locator(".csh-fc-stats").inner_text())
    page.locator("button.csh-fc-flip").click()
    page.locator("button.csh-fc-know").click()
    assert json.loads(page.evaluate("localStorage.getItem('cs-hub:v1:flashcards')")).keys() >= {"unique-selling-point"}
    assert errors == []


# ---------------------------------------------------------------------- full storage

FILL = """() => {
    // Fill this origin's storage with one big value until not a single character fits.
    let n = 1 << 20, i = 0;
    while (n >= 1) {
        try { localStorage.setItem('filler-' + i, 'x'.repeat(n)); i++; } catch (e) { n = Math.floor(n / 2); }
    }
    return i;
}"""


def test_full_storage_is_reported_once(page, site_url, errors):
    items = bank_items("cg-4417", "201")
    page.goto(site_url + "cg-4417/units/201/")
    page.evaluate(FILL)
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    q = root.locator("section.csh-question")
    answer(q, items[q.get_attribute("data-item-id")])
    root.locator("button.csh-check").click()
    root.locator("button.csh-next").click()
    if root.locator("button.csh-end").count():
        root.locator("button.csh-end").click()
    assert root.locator("[data-result-total]").count() == 1
    notice = page.locator(NOTICE)
    notice.first.wait_for()
    assert notice.count() == 1 and "full" in notice.inner_text()
    assert page.evaluate(f"localStorage.getItem('{ATTEMPTS}')") is None
    # A mock test saves every half second; the learner is told once, not every time.
    page.goto(site_url + MOCK_201)
    page.locator("button.csh-begin").click()
    page.wait_for_timeout(1500)
    assert page.locator(NOTICE).count() == 1 and page.locator(NOTICE).is_visible()
    assert page.locator("section.csh-question:visible").count() == 1
    assert errors == []


def test_records_the_scripts_write_match_their_models(page, site_url, errors):
    """What the browser really stores validates against generator/payloads/."""
    from pydantic import TypeAdapter

    from generator import payloads

    items = bank_items("cg-4417", "201")
    root = start_mock(page, site_url, paper=11)
    answer(
        root.locator("section.csh-question:visible"),
        items[root.locator("section.csh-question:visible").get_attribute("data-item-id")],
    )
    root.locator("section.csh-question:visible button.csh-flag").click()
    payloads.MockState.model_validate_json(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    root.locator("[data-result-total]").wait_for()
    payloads.MockState.model_validate_json(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    TypeAdapter(payloads.AttemptList).validate_json(page.evaluate(f"localStorage.getItem('{ATTEMPTS}')"))
    assert errors == []
