"""At 390 px (a phone), no page kind scrolls sideways, and controls that should be hidden
are hidden.  Marked slow: it needs the built site."""

from __future__ import annotations

import pytest

from .quizdriver import wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_KINDS = {
    "home": "",
    "specification with planner": "nvq-cco/",
    "taught unit": "cg-4417/units/201/",
    "outcome page": "cg-4417/units/201/lo-3/",
    "content-area page": "btec-l2-cso/units/1/content-a1/",
    "SVQ unit with evidence planner": "svq-4-cs/units/10/",
    "NVQ unit": "nvq-cco/units/39/",
    "unit not in a structure": "nvq-cco/units/83/",
    "mock test": "cg-4417/tests/201/",
    "answer key": "tutors/keys/cg-4417-201/",
    "printable paper 1": "cg-4417/tests/201/paper-1/",
    "printable paper 2": "cg-4417/tests/201/paper-2/",
    "printable paper's answer key": "tutors/keys/cg-4417-201-paper-1/",
    "glossary": "glossary/",
    "flashcards": "glossary/flashcards/",
    "legislation index": "legislation/",
    "legislation entry": "legislation/consumer-rights-act-2015/",
    "progress": "progress/",
    "evidence portfolio": "evidence/",
    "tutors": "tutors/",
    "item statistics": "tutors/item-statistics/",
    "LMS guide": "lms/",
    "SCORM guide": "scorm/",
    "centres guide": "centres/",
    "hosting guide": "hosting/",
    "about": "about/",
    "404": "404.html",
}


@pytest.fixture()
def phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_kind_scrolls_sideways(phone, site_url, kind):
    phone.goto(site_url + PAGE_KINDS[kind])
    phone.wait_for_load_state("load")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{kind}: {width} px wide"


def test_a_flashcard_cannot_be_rated_before_it_is_turned(phone, site_url):
    phone.goto(site_url + "glossary/flashcards/")
    root = phone.locator("[data-csh-flashcards]")
    root.locator(".csh-fc-card").wait_for()
    visible = root.locator("button:visible").all_inner_texts()
    assert not any(t.startswith(("I knew it", "Not yet")) for t in visible), visible
    root.locator("button.csh-fc-flip").click()
    visible = root.locator("button:visible").all_inner_texts()
    assert any(t.startswith("I knew it") for t in visible) and "Show answer" not in visible


def test_mock_bar_is_one_row_and_the_question_map_folds_away(phone, site_url):
    phone.goto(site_url + "cg-4417/tests/201/")
    root = phone.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    bar = root.locator(".csh-bar")
    tops = bar.locator(".csh-timer, button").evaluate_all(
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
    )
    assert max(tops) - min(tops) < 12, tops  # one row
    assert bar.bounding_box()["height"] < 60
    fold = root.locator("details.csh-nav-fold")
    assert fold.get_attribute("open") is None
    assert root.locator(".csh-nav-summary").inner_text().startswith("Question map: 0 of 45 answered")
    assert not root.locator(".csh-navigator button.csh-nav-btn").first.is_visible()
    root.locator(".csh-nav-summary").click()
    root.locator(".csh-navigator button.csh-nav-btn").nth(2).click()
    assert root.locator("section.csh-question:visible .csh-qhead").inner_text().startswith("Question 3")
    # Material's "Back to top" button never sits over the bar.
    phone.mouse.wheel(0, 1500)
    phone.mouse.wheel(0, -300)
    assert not phone.locator(".md-top").is_visible()


def test_a_card_not_known_comes_back_later_not_next(phone, site_url):
    phone.goto(site_url + "glossary/flashcards/")
    root = phone.locator("[data-csh-flashcards]")
    root.locator(".csh-fc-card").wait_for()
    first = root.locator(".csh-fc-card").get_attribute("data-slug")
    seen = [first]
    root.locator("button.csh-fc-flip").click()
    root.locator("button.csh-fc-again").click()
    for _ in range(4):
        slug = root.locator(".csh-fc-card").get_attribute("data-slug")
        seen.append(slug)
        root.locator("button.csh-fc-flip").click()
        root.locator("button.csh-fc-know").click()
    # Three other cards, then the one not known again.
    assert first not in seen[1:4] and seen[4] == first, seen
