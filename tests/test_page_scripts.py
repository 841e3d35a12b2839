"""The per-page script loader (overrides/assets/javascripts/loader.js): its table names every
page script, every need a page asks for is in it, and pages load only what they need."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .quizdriver import wait_for_paper
from .records import MOCK_ATTEMPT, mock_attempt

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
ALWAYS = {"core.js", "loader.js", "print.js"}  # mkdocs.yml extra_javascript
PACKAGE_ONLY = {"scorm.js"}  # only in the SCORM packages (generator/lms/scorm.py), never on the site


def loaded(page) -> set[str]:
    """The file names of the scripts the page has added so far (ours and Material's)."""
    names = "() => [...document.scripts].map((s) => s.src.split('/').pop()).filter((s) => s.endsWith('.js'))"
    return set(page.evaluate(names))


def _table() -> tuple[list[str], dict[str, list[str]]]:
    text = (SCRIPTS / "loader.js").read_text(encoding="utf-8")
    order = re.findall(r'"([\w-]+\.js)"', text[text.index("var SCRIPTS") : text.index("];")])
    quiz = re.findall(r'"([\w-]+\.js)"', text[text.index("var QUIZ") : text.index("var NEEDS")])
    needs: dict[str, list[str]] = {}
    for name, body in re.findall(r"^\s+([\w-]+): (.+?)(?:,)?$", text[text.index("var NEEDS") :], re.M):
        if name in ("SCRIPTS", "NEEDS", "wanted", "loadPage"):
            continue
        needs[name] = (quiz if "QUIZ" in body else []) + re.findall(r'"([\w-]+\.js)"', body)
    return order, needs


def test_every_page_script_is_in_the_loader_table():
    order, needs = _table()
    files = {p.name for p in SCRIPTS.glob("*.js")} - ALWAYS - PACKAGE_ONLY
    assert sorted(order) == sorted(files), "add new scripts to SCRIPTS in loader.js"
    assert len(order) == len(set(order))
    used = {f for fs in needs.values() for f in fs}
    assert used <= set(order)
    assert used == set(order), f"scripts no need pulls in: {set(order) - used}"


def test_mkdocs_loads_only_the_always_scripts():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("extra_javascript:") :].split("\n\n")[0]
    assert re.findall(r"javascripts/([\w-]+\.js)", block) == ["core.js", "loader.js", "print.js"]


def test_every_need_a_page_asks_for_is_known(real_pages):
    _, needs = _table()
    asked = set()
    for text in real_pages.values():
        for value in re.findall(rb'data-csh-needs="([^"]*)"', text):
            asked.update(value.decode().split())
    assert asked, "no page asks for a script"
    assert asked <= set(needs), asked - set(needs)
    # Every kind of page root asks for its scripts.
    assert {"practice", "mock", "progress", "routes", "flashcards", "planner", "portfolio"} <= asked


@pytest.mark.browser
@pytest.mark.slow
def test_pages_load_only_what_they_need_and_instant_navigation_adds_the_rest(page, site_url, errors):
    page.goto(site_url + "glossary/")
    page.wait_for_load_state("networkidle")
    own = loaded(page) - {"bundle.a5f9d56c.min.js"}
    assert not any(s.startswith(("quiz", "evidence", "routes", "flashcards")) for s in own), own
    # Instant navigation to a unit page: the practice scripts arrive, and the quiz starts.
    page.locator("article a[href*='cg-4417/units/201/']").first.click()
    page.wait_for_url("**/cg-4417/units/201/")
    quiz = page.locator('[data-quiz-mode="practice"]')
    quiz.locator("button.csh-begin").click()
    wait_for_paper(quiz)
    assert quiz.locator("section.csh-question").count() == 1
    assert "quiz-mock.js" not in loaded(page)
    # And on to the mock test, which needs quiz-mock.js the unit page did not load.
    page.locator("a[href*='cg-4417/tests/201/']").first.click()
    page.wait_for_url("**/cg-4417/tests/201/")
    page.locator('[data-quiz-mode="mock"] button.csh-begin').click()
    wait_for_paper(page.locator('[data-quiz-mode="mock"]'))
    assert page.locator("section.csh-question").count() == 45
    assert errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_hub_js_comes_only_to_pages_with_its_markup(page, site_url, errors):
    """hub.js (copy links, term tips, the glossary filter) is asked for by the markup it works
    on (loader.js MARKS), so /progress/ goes without it, and on a unit page and the glossary
    it arrives and works."""
    page.goto(site_url + "progress/")
    page.locator("[data-csh-progress-root] .csh-progress-tools").wait_for()
    page.wait_for_load_state("networkidle")
    assert "hub.js" not in loaded(page)
    page.goto(site_url + "cg-4417/units/201/")
    copy = page.locator("button.csh-copy[data-anchor]").first
    copy.wait_for()  # hub.js shows the buttons; without it they stay hidden
    assert "hub.js" in loaded(page)
    page.goto(site_url + "cg-4417/units/201/lo-1/")  # teaching notes, with their terms marked
    term = page.locator("article a.csh-term[data-tip]").first
    term.focus()
    page.locator(".csh-tooltip").wait_for()
    page.goto(site_url + "glossary/")
    page.locator("[data-csh-glossary-filter] input").wait_for()
    assert "hub.js" in loaded(page)
    assert errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_a_mock_page_loads_its_start_screen_only_and_start_brings_the_paper(page, site_url, errors):
    """Issue #14: a mock page's first visit carries quiz-start.js, not the question types,
    records and mock code; Start loads them, the paper is drawn and focus moves into it; a
    reload resumes the saved paper straight away."""
    page.goto(site_url + "cg-4417/tests/201/")
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").wait_for()
    page.wait_for_load_state("networkidle")
    own = loaded(page)
    assert "quiz-start.js" in own
    assert not own & {"quiz-engine.js", "quiz-types-choice.js", "quiz-records.js", "quiz-ui.js", "quiz-mock.js"}, own
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    assert {"quiz-engine.js", "quiz-mock.js", "quiz-mock-results.js"} <= loaded(page)
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('csh-qhead')")
    paper = root.locator(".csh-paper").inner_text()
    page.reload()
    wait_for_paper(root)
    assert root.locator(".csh-paper").inner_text() == paper
    assert root.locator("button.csh-begin").count() == 0
    assert errors == []


# What "Start practice" needs and a unit page does not load up front.
QUIZ_CODE = {
    "quiz-engine.js",
    "quiz-types-choice.js",
    "quiz-records.js",
    "quiz-ui.js",
    "quiz-practice.js",
    "review-schedule.js",
}


@pytest.mark.browser
@pytest.mark.slow
def test_a_unit_page_loads_its_practice_start_screen_only_and_tabbing_in_fetches_the_rest(page, site_url, errors):
    """Issue #14: a unit page's first visit carries quiz-start.js and review-due.js, not the
    question types, records, scheduler and practice code; tabbing into the start screen
    fetches them before the press, and Start practice puts focus on the first question."""
    page.goto(site_url + "cg-4417/units/201/")
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("button.csh-begin").wait_for()
    page.wait_for_load_state("networkidle")
    own = loaded(page)
    assert {"quiz-start.js", "review-due.js"} <= own
    assert not own & QUIZ_CODE, own
    # Focus arriving in the start screen (as Tab would bring it) warms the session's scripts.
    root.locator("select").focus()
    page.wait_for_function("() => !!(window.CSHub && window.CSHub.Practice)")
    assert loaded(page) >= QUIZ_CODE
    assert root.locator("section.csh-question").count() == 0, "warming must not start the quiz"
    root.locator("button.csh-begin").click()
    root.locator("section.csh-question").wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('csh-qhead')")
    assert errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_focus_in_a_mock_start_screen_fetches_the_paper_scripts_before_start(page, site_url, errors):
    page.goto(site_url + "cg-4417/tests/201/")
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").wait_for()
    page.wait_for_load_state("networkidle")
    assert "quiz-mock.js" not in loaded(page)
    root.locator("select").first.focus()
    page.wait_for_function("() => !!(window.CSHub && window.CSHub.Mock)")
    assert {"quiz-engine.js", "quiz-mock.js"} <= loaded(page)
    assert root.locator("button.csh-begin").count() == 1, "warming must not start the paper"
    assert errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_flashcards_load_no_quiz_code_and_still_shuffle(page, site_url, errors):
    """The flashcard page needs the scheduler and its own script only (issue #14): the
    shuffle is core.js's, so no quiz script arrives, and two visits can differ in order."""
    orders = set()
    for _ in range(4):
        page.goto(site_url + "glossary/flashcards/")
        card = page.locator("[data-csh-flashcards] .csh-fc-card")
        card.wait_for()
        page.wait_for_load_state("networkidle")
        own = loaded(page)
        assert {"review-schedule.js", "flashcards.js"} <= own
        assert not {f for f in own if f.startswith("quiz")}, own
        orders.add(card.get_attribute("data-slug"))
    assert len(orders) > 1, "the deck comes up in the same order on every visit"
    assert errors == []


# A due review and a finished mock, as the progress page finds them in storage.
_DUE = {"ef": 2.5, "reps": 1, "interval": 1, "due": "2026-11-01", "last": "2026-10-31T10:00:00.000Z"}
_PROGRESS_STATE = {
    "cs-hub:v1:review": {"v": 1, "items": {"cg-4417-201-practice|201-1-01": {**_DUE, "o": "1", "h": [0]}}},
    "cs-hub:v1:attempts": [mock_attempt()],
}
_LATER_ON_PROGRESS = {
    "quiz-engine.js",
    "quiz-ui.js",
    "quiz-types-choice.js",
    "quiz-types-text.js",
    "quiz-types-arrange.js",
    "quiz-practice.js",
}


@pytest.mark.browser
@pytest.mark.slow
def test_the_progress_page_loads_its_review_and_file_code_only_when_used(page, site_url, errors):
    """/progress/ draws its attempts and review summary without the quiz engine, the question
    types, the scheduler, the practice code or the progress file's code (issue #14); Export brings progress-file.js and
    "Start review" the rest, and both still work."""
    page.clock.set_fixed_time("2026-11-10T10:00:00")
    page.goto(site_url + "progress/")
    page.evaluate(
        "v => { for (const [k, x] of Object.entries(v)) localStorage.setItem(k, JSON.stringify(x)); }",
        _PROGRESS_STATE,
    )
    page.reload()
    page.locator("tr.csh-attempt").wait_for()
    start = page.locator(".csh-review-due button.csh-review-start")
    start.wait_for()
    page.wait_for_load_state("networkidle")
    own = loaded(page)
    # Drawn from the two readers alone: no scheduler, quiz code or hub.js (no markup for it).
    assert {"quiz-records.js", "review-store.js", "quiz-progress.js", "progress-review.js"} <= own
    assert not own & (_LATER_ON_PROGRESS | {"progress-file.js", "review-due.js", "review-schedule.js", "hub.js"}), own
    with page.expect_download() as download:
        page.locator("button.csh-export").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [a["quiz"] for a in exported["attempts"]] == [MOCK_ATTEMPT["quiz"]]
    assert "progress-file.js" in loaded(page)
    start.click()
    page.locator(".csh-review-session section.csh-question").wait_for()
    assert _LATER_ON_PROGRESS | {"review-due.js"} <= loaded(page)
    assert errors == []
