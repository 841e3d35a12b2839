"""Search in a real browser: the index loads only when the learner opens search
(bootstrap/head.js), and what learners look for is still found in the slimmer index."""

from __future__ import annotations

import pytest

from .browser import ENGINE, SEARCH_HREFS_JS, SEARCH_INDEX, SEARCH_RESULT_LINKS, search_box, search_docs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

INDEX = SEARCH_INDEX
# Zensical's search fetches its index when the page loads, not when search opens: the page is
# usable meanwhile (the fetch is asynchronous), but the lazy loading is Material's only
# (README, "Engines").
LAZY = ENGINE == "mkdocs"


def _index_requests(page) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if INDEX in r.url else None)
    return asked


def _results(page) -> list[str]:
    results = page.locator(SEARCH_RESULT_LINKS)
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
    assert asked == [] if LAZY else len(asked) <= 2
    search_box(page).fill("complaint")
    hrefs = _results(page)
    assert len(asked) == 1 if LAZY else len(asked) <= 2
    assert any("/units/" in h for h in hrefs), hrefs
    assert errors == []


def test_phone_search_button_and_shortcut(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    asked = _index_requests(page)
    page.goto(site_url, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert asked == [] if LAZY else len(asked) == 1
    search_box(page, phone=True).fill("Equality Act")
    assert any("legislation/equality-act-2010/" in h for h in _results(page))
    assert len(asked) == 1
    context.close()


# What learners look for, and a page each query must still reach after the index was slimmed
# (generator/search_text.py and the data-search-exclude marks in the templates).
LEARNER_QUERIES = [
    ("Delivery of effective customer service", r"/cg-4417/units/201/(\?|$)"),  # a unit, by title
    ("Describe the principles of customer service", r"/cg-4417/units/201/lo-1/"),  # an outcome page
    ("1.1.2", r"/cg-4417/units/201/\?[^#]*#lo-1$"),  # a criterion, by its number
    ("Quality scorecard", r"/glossary/"),  # a glossary term
    ("Consumer Rights Act", r"/legislation/consumer-rights-act-2015/"),  # a law
    ("body language", r"/units/[^/]+/lo-\d+/\?[^#]*#body-language$"),  # a topic in the notes
]


def test_learner_queries_find_their_pages(page, site_url):
    page.goto(site_url + "btec-l2-cso/units/1/")
    box = search_box(page)
    for query, expected in LEARNER_QUERIES:
        box.fill(query)
        box.press("End")  # Material reads the query on keyup
        page.wait_for_function(
            f"(want) => ({SEARCH_HREFS_JS})().some((href) => new RegExp(want).test(href))",
            arg=expected,
            timeout=60000,
        )


def test_index_keeps_out_what_learners_never_search(built_site):
    """Answer keys, tutors' text, quiz boilerplate and repeated official lines stay out."""
    docs = search_docs(built_site)
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    locations = [d["location"] for d in docs]
    assert not any(loc.startswith(("tutors/", "content-format/")) for loc in locations)
    for boilerplate in ("Copy link to", "This quiz needs JavaScript", "Used in:", "Check yourself", "Retail example"):
        assert boilerplate not in text, boilerplate
    # A criterion is indexed once, on its unit page, not again on its outcome page.
    assert sum("Identify the purpose of customer service" in d["text"] for d in docs) == 1
