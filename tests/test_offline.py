"""The offline build: opens from file:// with no server, links are .html files, aliases
redirect, quizzes run and no request leaves the machine."""

from __future__ import annotations

import re

import pytest

from .conftest import mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def offline_site(built_site):
    project = built_site.parent  # the temporary project the session build used
    if not (project / "mkdocs-offline.yml").exists():
        pytest.skip("prebuilt site without its project")  # only with CSH_PREBUILT_SITE
    result = mkdocs_build(project, "mkdocs-offline.yml", "site-offline")
    assert result.returncode == 0, result.stderr
    return project / "site-offline"


def test_offline_alias_quiz_and_no_network(browser, offline_site):
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto((offline_site / "cg-4417/units/271.html").as_uri() + "#ac-1-1-3")
    page.wait_for_url(re.compile(r".*/cg-4417/units/201\.html#ac-1-1-3$"))
    quiz = page.locator('[data-quiz-mode="practice"]')
    quiz.locator("button.csh-begin").click()
    assert quiz.locator("section.csh-question").count() == 1
    page.goto((offline_site / "cg-4417/tests/201.html").as_uri())
    page.locator("button.csh-begin").click()
    assert page.locator("section.csh-question").count() == 45
    assert outside == []
    page.close()


def test_offline_evidence_planner(browser, offline_site):
    """A tick in the planner from file:// is saved and counted on the portfolio page."""
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto((offline_site / "svq-4-cs/units/1.html").as_uri())
    row = page.locator('.csh-planner-row[data-row="pc-1"]')
    row.locator("input[name=done]").check()
    row.locator("input[name=evidence]").fill("Observation 2")
    row.locator("input[name=evidence]").blur()
    page.goto((offline_site / "evidence.html").as_uri())
    counts = page.locator('.csh-portfolio-counts[data-evidence-unit="svq-4-cs/1"]')
    assert counts.get_attribute("data-criteria-done") == "1"
    href = page.locator(".csh-portfolio-unit a").get_attribute("href")
    assert href.endswith("svq-4-cs/units/1.html")
    assert outside == []
    page.close()


def test_offline_search_index_loads_only_when_search_is_opened(browser, offline_site):
    """From file:// the index is search/search_index.js; it too waits until search is used."""
    page = browser.new_page()
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "search_index" in r.url else None)
    page.goto((offline_site / "cg-4417/units/201.html").as_uri())
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert asked == []
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("Consumer Rights Act")
    box.press("End")  # Material reads the query on keyup
    page.locator(".md-search-result__item a").first.wait_for(timeout=60000)
    assert asked and all("search_index" in url for url in asked)
    page.close()
