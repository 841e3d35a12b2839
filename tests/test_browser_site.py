"""The foundation in a real browser: unit pages, criterion links, aliases, search,
copy-link buttons, and no request leaving 127.0.0.1."""

from __future__ import annotations

import re

import pytest

from .browser import SEARCH_RESULT_LINKS, search_by_keyboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_unit_page_and_criterion_link(page, site_url):
    page.goto(site_url + "cg-4417/units/201/")
    assert page.title().startswith("Unit 201: Delivery of effective customer service")
    link = page.locator('a.csh-crit-id[href$="#ac-1-3-4"]')
    link.click()
    assert page.url.endswith("#ac-1-3-4")
    target = page.locator("#ac-1-3-4")
    assert "non verbal communication" in target.inner_text()
    # The targeted criterion is in view.
    box = target.bounding_box()
    assert box and 0 <= box["y"] < 900


def test_alias_keeps_the_criterion_anchor(page, site_url):
    page.goto(site_url + "cg-4417/units/271/#ac-1-1-3")
    page.wait_for_url(re.compile(r".*/cg-4417/units/201/#ac-1-1-3$"))
    assert page.locator("#ac-1-1-3").is_visible()
    page.goto(site_url + "cg-4417/units/371/")
    page.wait_for_url(re.compile(r".*/cg-4417/units/301/$"))


def test_copy_link_button_copies_an_absolute_criterion_link(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "cg-4417/units/202/")
    button = page.locator('button.csh-copy[data-anchor="ac-2-1-5"]')
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('button.csh-copy[data-anchor=\"ac-2-1-5\"]').dataset.link")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site_url + "cg-4417/units/202/#ac-2-1-5"
    context.close()


def test_search_finds_unique_selling_point_on_unit_201(page, site_url):
    page.goto(site_url)
    search_by_keyboard(page).fill("Unique Selling Point")
    results = page.locator(SEARCH_RESULT_LINKS)
    results.first.wait_for(timeout=60000)  # the index is built when search opens
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("cg-4417/units/201/" in h for h in hrefs), hrefs


def test_dark_mode_toggle_and_home_links(page, site_url):
    page.goto(site_url)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme
    page.locator("article a[href*='/cg-4417/#cg-4417-02']").first.click()
    page.wait_for_url(re.compile(r".*/cg-4417/(#cg-4417-02)?$"))
    assert "4417-02" in page.content()


def test_site_works_under_a_sub_path(browser, built_site):
    from .browser import serve

    with serve(built_site, prefix="college/cs") as url:
        page = browser.new_page()
        bad = []
        page.on("response", lambda r: bad.append(r.url) if r.status >= 400 else None)
        page.goto(url + "cg-4417/units/301/")
        page.locator("a", has_text="City & Guilds 4417 Certificate in Customer Service").first.click()
        page.wait_for_url(re.compile(r".*/college/cs/cg-4417/$"))
        assert bad == [], bad
        page.close()
