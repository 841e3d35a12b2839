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
