"""The offline build: opens from file:// with no server, links are .html files, aliases
redirect, quizzes run and no request leaves the machine."""

from __future__ import annotations

import re

import pytest

from .conftest import mkdocs_build
from .quizdriver import wait_for_paper

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
    wait_for_paper(quiz)
    assert quiz.locator("section.csh-question").count() == 1
    page.goto((offline_site / "cg-4417/tests/201.html").as_uri())
    page.locator("button.csh-begin").click()
    wait_for_paper(page)
    assert page.locator("section.csh-question").count() == 45
    # The review's explanations come from a generated script, which file:// allows.
    page.locator("button.csh-submit").click()
    page.locator("button.csh-confirm-submit").click()
    page.locator(".csh-review .csh-explanation").first.wait_for()
    assert page.locator(".csh-review .csh-explanation").count() == 45
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


# ---- site-offline.zip (`make offline`; generator/offline_zip.py) -----------------------


@pytest.fixture(scope="module")
def offline_zip(offline_site, tmp_path_factory):
    from generator.offline_zip import pack

    out = tmp_path_factory.mktemp("zip") / "site-offline.zip"
    assert pack(offline_site, out) > 100
    return out


@pytest.fixture(scope="module")
def unzipped(offline_zip, tmp_path_factory):
    import zipfile

    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(dest)
    return dest


def test_offline_zip_is_the_same_on_every_build(offline_site, offline_zip, tmp_path):
    """Another copy of the same files, with other timestamps, packs to the same bytes."""
    import os
    import shutil
    import zipfile

    from generator.offline_zip import pack

    copy = tmp_path / "copy"
    shutil.copytree(offline_site, copy)
    for path in copy.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    again = tmp_path / "again.zip"
    pack(copy, again)
    assert again.read_bytes() == offline_zip.read_bytes()
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        assert names == sorted(names) and "index.html" in names and "404.html" in names
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    files = sorted(p.relative_to(offline_site).as_posix() for p in offline_site.rglob("*") if p.is_file())
    assert names == files


def test_unzipped_copy_works_from_file_with_no_network(browser, unzipped):
    """Unzipped, from file://: a search, a practice question, a flashcard and a planner tick."""
    from .quizdriver import answer, bank_items

    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto((unzipped / "index.html").as_uri())
    page.keyboard.press("/")
    # From file:// the index loads through a script and a frame; a query typed before it is
    # ready is dropped, so wait for Material's "ready" text and type as a learner would.
    page.wait_for_function(
        "(document.querySelector('.md-search-result__meta') || {}).textContent === 'Type to start searching'",
        timeout=60000,
    )
    page.locator("input.md-search__input").press_sequentially("complaint")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=60000)
    assert ".html" in result.get_attribute("href")

    page.goto((unzipped / "cg-4417/units/201.html").as_uri())
    quiz = page.locator('[data-quiz-mode="practice"]')
    quiz.locator("button.csh-begin").click()
    wait_for_paper(quiz)
    question = quiz.locator("section.csh-question:visible")
    item = bank_items("cg-4417", "201")[question.get_attribute("data-item-id")]
    answer(question, item)
    quiz.locator("button.csh-check").click()
    assert quiz.locator(".csh-feedback").is_visible()

    page.goto((unzipped / "glossary/flashcards.html").as_uri())
    deck = page.locator("[data-csh-flashcards]")
    deck.locator("button.csh-fc-flip").click()
    deck.locator(".csh-fc-back").wait_for()
    assert deck.locator("button.csh-fc-know").is_visible()

    page.goto((unzipped / "svq-4-cs/units/1.html").as_uri())
    row = page.locator('.csh-planner-row[data-row="pc-2"]')
    row.locator("input[name=done]").check()
    page.goto((unzipped / "evidence.html").as_uri())
    counts = page.locator('.csh-portfolio-counts[data-evidence-unit="svq-4-cs/1"]')
    assert counts.get_attribute("data-criteria-done") == "1"
    assert outside == [] and errors == []


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
