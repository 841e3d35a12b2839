"""Browser tests for the last learner defects of issue #11: page titles and search results
that name the qualification, flashcard stats in plain words, and "I was right" in a
practice session.  Each failed on the site before its fix.  Marked slow: they need the built site."""

from __future__ import annotations

import json
import re

import pytest

from .browser import SEARCH_RESULT_LINKS, SEARCH_RESULT_TITLE, search_box
from .conftest import ROOT
from .quizdriver import wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# "I was right" on a wrong short answer: it counts as right and does not come back.


def test_i_was_right_takes_the_question_out_of_the_retry_queue(page, site_url, errors):
    from .quizdriver import answer, bank_items

    items = bank_items("cg-4417", "201")
    outcome = [i for i in items.values() if i["outcome"] == "4"]
    short = next(i["id"] for i in outcome if i["type"] == "short")
    page.goto(site_url + "cg-4417/units/201/lo-4/")
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    asked: list[str] = []
    counters: list[str] = []
    for _ in range(3 * len(outcome)):
        q = root.locator("section.csh-question")
        if q.count() == 0:
            break
        item_id = q.get_attribute("data-item-id") or ""
        asked.append(item_id)
        counters.append(q.locator(".csh-remaining").inner_text())
        if item_id == short:
            q.locator("input.csh-short").fill("my own words entirely")
            root.locator("button.csh-check").click()
            feedback = root.locator(".csh-feedback")
            assert root.get_by_role("button", name="Try again now").count() == 1
            feedback.get_by_role("button", name="I was right").click()
            # Nothing is left to try again: the offer goes, and the counter no longer counts it.
            assert root.get_by_role("button", name="Try again now").count() == 0
            at = len(asked)
        else:
            answer(q, items[item_id])
            root.locator("button.csh-check").click()
        root.locator("button.csh-next").click()
    else:
        pytest.fail("the session never ended")
    assert asked.count(short) == 1, asked
    assert sorted(asked) == sorted(i["id"] for i in outcome)
    assert not any("to try again" in c for c in counters[at:]), counters[at:]
    total = root.locator("[data-result-total]")
    assert total.get_attribute("data-score") == total.get_attribute("data-max")
    # The saved attempt and the review schedule count it right too (a claimed right: SM-2 quality 4).
    attempts = json.loads(page.evaluate("localStorage.getItem('cs-hub:v1:attempts')"))
    mine = [a for a in attempts if a["quiz"].startswith("cg-4417-201") and a["mode"] == "practice"]
    assert mine and mine[-1]["score"] == mine[-1]["max"]
    review = json.loads(page.evaluate("localStorage.getItem('cs-hub:v1:review')"))
    card = review["items"][f"cg-4417-201-practice|{short}"]
    assert card["reps"] == 1 and card["h"] == [1] and card["ef"] == 2.5, card
    assert errors == []


# Flashcard stats in plain words, from the scheduler's state (flashcards.js, Deck.stage).


def _card(interval: int, due: str) -> dict:
    return {"ef": 2.6, "reps": 2, "interval": interval, "due": due, "last": "2026-01-01T09:00:00.000Z"}


def test_flashcard_stats_say_new_due_learning_known(page, site_url, built_site, errors):
    html = (built_site / "glossary" / "flashcards" / "index.html").read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" class="csh-flashcard-data">(.*?)</script>', html, re.S)
    assert data
    slugs = [t["slug"] for t in json.loads(data.group(1))["terms"]]
    page.goto(site_url + "glossary/flashcards/")
    # Due yesterday; next turn in 6 days (learning); next turn in 16 days (known).
    cards = {slugs[0]: _card(6, "2000-01-01"), slugs[1]: _card(6, "2999-01-01"), slugs[2]: _card(16, "2999-01-01")}
    page.evaluate("c => localStorage.setItem('cs-hub:v1:review', JSON.stringify({v: 1, items: {}, cards: c}))", cards)
    page.reload()
    root = page.locator("[data-csh-flashcards]")
    stats = root.locator(".csh-fc-stats").inner_text()
    assert stats == f"{len(slugs) - 3} new · 1 due today · 1 learning · 1 known", stats
    # The due card comes first, and the line above it says so in words.
    assert root.locator(".csh-fc-card").get_attribute("data-slug") == slugs[0]
    assert root.locator(".csh-fc-count").inner_text().endswith("this card is due today")
    root.locator("button.csh-fc-flip").click()
    root.locator("button.csh-fc-know").click()
    assert root.locator(".csh-fc-stats").inner_text() == f"{len(slugs) - 3} new · 0 due today · 1 learning · 2 known"
    assert errors == []


# Titles and search results name the qualification: four specifications have a "Unit 1".

TITLES = [
    ("cg-4417/units/201/", "Unit 201: Delivery of effective customer service · C&amp;G 4417"),
    ("cg-4417/units/201/lo-1/", "Unit 201, Outcome 1: Describe the principles of customer service · C&amp;G 4417"),
    ("btec-l2-cso/units/1/content-a1/", "Unit 1, Content area A1: Features of businesses · BTEC L2 CSO"),
    ("cg-4417/tests/201/", "Unit 201 online test · C&amp;G 4417"),
    ("cg-4417/tests/201/paper-1/", "Unit 201 online test, paper 1 · C&amp;G 4417"),
    ("cg-4417/", "City &amp; Guilds 4417 Certificate in Customer Service · C&amp;G 4417"),
]


@pytest.mark.parametrize("path, title", TITLES)
def test_page_titles_name_the_qualification(built_site, path, title):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    assert f"<title>{title} - Customer Service Study Hub</title>" in html
    # The heading is unchanged, so its anchor and the links to it still work.
    heading = re.search(r"<h1[^>]*>.*?</h1>", html, re.S)
    assert heading and " · " not in heading.group(0)


def test_every_unit_1_title_says_which_qualification(built_site):
    import html

    import yaml

    pages = sorted(built_site.glob("*/units/1/index.html"))
    assert len(pages) >= 3
    for path in pages:
        slug = path.parts[-4]
        spec = yaml.safe_load((ROOT / "content" / slug / "specification.yml").read_text(encoding="utf-8"))
        title = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"))
        assert title and f" · {html.escape(spec['short_name'])} - " in title.group(1), (slug, title)


def test_a_unit_title_search_shows_the_short_name(page, site_url, errors):
    page.goto(site_url + "btec-l3-cs/")
    box = search_box(page)
    box.fill("Delivery of effective customer service")
    box.press("End")  # Material reads the query on keyup
    hit = page.locator(f"{SEARCH_RESULT_LINKS}[href*='/cg-4417/units/201/']").first
    hit.wait_for(timeout=60000)
    title = hit.locator(SEARCH_RESULT_TITLE).first.inner_text()
    assert title == "Unit 201: Delivery of effective customer service · C&G 4417"
    assert errors == []


def test_the_home_page_title_names_the_site_once(built_site):
    title = re.search(r"<title>(.*?)</title>", (built_site / "index.html").read_text(encoding="utf-8"))
    assert title and title.group(1) == "Customer Service Study Hub"
