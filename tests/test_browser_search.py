"""Search in a real browser: the index loads only when the learner opens search
(bootstrap/lazy-search.js), and what learners look for is still found in the slimmer index."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

INDEX = "search/search_index.json"


def _index_requests(page) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if INDEX in r.url else None)
    return asked


def _results(page) -> list[str]:
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=60000)  # the index is built when search opens
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_no_index_before_search_then_results(page, site_url, errors):
    asked = _index_requests(page)
    page.goto(site_url + "cg-4417/units/201/", wait_until="networkidle")
    page.wait_for_timeout(500)
    # Using the page, and instant navigation to another page, do not fetch it either.
    page.locator("article a[href$='lo-1/']").first.click()
    page.wait_for_url("**/cg-4417/units/201/lo-1/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert asked == []
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("complaint")
    hrefs = _results(page)
    assert len(asked) == 1
    assert any("/units/" in h for h in hrefs), hrefs
    assert errors == []


def test_phone_search_button_and_shortcut(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    asked = _index_requests(page)
    page.goto(site_url, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert asked == []
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").fill("Equality Act")
    assert any("legislation/equality-act-2010/" in h for h in _results(page))
    assert len(asked) == 1
    context.close()
