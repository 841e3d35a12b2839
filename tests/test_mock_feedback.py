"""A mock page carries only what drawing and marking need; its explanations and option feedback
are in assets/mock/<quiz id>.js, loaded when a paper starts (issue #14, CONVENTIONS.md §5)."""

from __future__ import annotations

import json
import re
import zipfile
from io import BytesIO

import pytest
from pydantic import TypeAdapter

from generator.payloads.embedded import MockFeedback

from .conftest import ROOT

PAYLOAD = re.compile(rb'<script type="application/json" class="csh-quiz-data">(.*?)</script>', re.S)
FEEDBACK = re.compile(r'^window\.CSHub\.mockFeedback\[("[^"]+")\] = (\{.*\});$', re.M)


def _payload(text: bytes) -> dict:
    match = PAYLOAD.search(text)
    assert match
    return json.loads(match.group(1).replace(b"<\\/", b"</"))


def _feedback(text: str) -> tuple[str, dict]:
    match = FEEDBACK.search(text)
    assert match, text[:200]
    return json.loads(match.group(1)), json.loads(match.group(2))


def _mocks(real_pages) -> dict[str, dict]:
    found = {}
    for path, text in real_pages.items():
        if path.endswith(".md") and b"csh-quiz-data" in text:
            data = _payload(text)
            if data["mode"] == "mock":
                found[path] = data
    assert found
    return found


def _practice_items(real_pages) -> dict[tuple[str, str], dict]:
    items = {}
    for path, text in real_pages.items():
        if path.startswith("assets/review/"):
            data = re.search(r"^window\.CSHub\.reviewItems\[[^\]]+\] = (\{.*\});$", text.decode("utf-8"), re.M)
            assert data, path
            for item in json.loads(data.group(1))["items"]:
                items[(item["unit"], item["id"])] = item
    return items


def test_mock_pages_leave_out_explanations_and_option_feedback(real_pages):
    for path, data in _mocks(real_pages).items():
        for item in data["items"]:
            assert "explanation" not in item, (path, item["id"])
            assert all("feedback" not in o for o in item.get("options", [])), (path, item["id"])


def test_each_mock_has_its_feedback_script_with_every_item(real_pages):
    practice = _practice_items(real_pages)
    for path, data in _mocks(real_pages).items():
        script = real_pages[f"assets/mock/{data['id']}.js"].decode("utf-8")
        quiz, feedback = _feedback(script)
        assert quiz == data["id"]
        TypeAdapter(MockFeedback).validate_python(feedback)
        assert sorted(feedback) == sorted(i["id"] for i in data["items"]), path
        for item in data["items"]:
            # The same text the unit's practice quiz shows for that item.
            full = practice[(item["unit"], item["id"])]
            assert feedback[item["id"]]["explanation"] == full["explanation"]
            if "options" in full:
                assert feedback[item["id"]]["feedback"] == [o["feedback"] for o in full["options"]]


@pytest.mark.slow
def test_scorm_package_carries_the_feedback_script(real_corpus):
    from generator.lms.scorm import packages
    from generator.pages.base import Facts

    zips = packages(Facts(real_corpus))
    with zipfile.ZipFile(BytesIO(zips["cg-4417-201-scorm12.zip"])) as z:
        names = set(z.namelist())
        assert "assets/mock/cg-4417-test-201.js" in names
        assert "assets/mock/cg-4417-test-201.js" in z.read("imsmanifest.xml").decode()
        page = z.read("index.html")
    assert b'"explanation"' not in page
    assert (ROOT / "generator" / "templates" / "mock-feedback.js.j2").exists()


SCRIPTS = "() => [...document.scripts].map((s) => s.src.split('/').slice(-2).join('/'))"


@pytest.mark.browser
@pytest.mark.slow
def test_the_review_gets_its_feedback_and_schedule_only_once_a_paper_starts(page, site_url, errors):
    from .quizdriver import answer, bank_items

    items = bank_items("cg-4417", "201")
    page.goto(site_url + "cg-4417/tests/201/")
    page.wait_for_load_state("networkidle")
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").wait_for()
    loaded = page.evaluate(SCRIPTS)
    assert "javascripts/review-schedule.js" not in loaded and "mock/cg-4417-test-201.js" not in loaded
    assert page.evaluate("!window.CSHub.review && !window.CSHub.mockFeedback")
    root.locator("input[inputmode=numeric]").fill("3")
    root.locator("button.csh-begin").click()
    page.wait_for_function("!!(window.CSHub.review && window.CSHub.mockFeedback)")
    # Answer the first question wrongly, submit: its review shows the feedback the bank wrote.
    q = root.locator("section.csh-question:visible")
    item = items[q.get_attribute("data-item-id")]
    while item["type"] not in ("single", "multiple"):
        root.locator("section.csh-question:visible button.csh-next").click()
        q = root.locator("section.csh-question:visible")
        item = items[q.get_attribute("data-item-id")]
    answer(q, item, right=False)
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    block = root.locator(f'.csh-review section.csh-question[data-item-id="{item["id"]}"]')
    explanation = block.locator(".csh-explanation").inner_text()
    assert explanation.startswith("Why:") and len(explanation) > len("Why: ") + 10
    assert block.locator(".csh-option-feedback").count() >= 1
    assert root.locator(".csh-review .csh-explanation").count() == 45
    # The answered question was scheduled (review-schedule.js, loaded on demand).
    schedule = json.loads(page.evaluate("localStorage.getItem('cs-hub:v1:review')"))
    assert f"cg-4417-201-practice|{item['id']}" in schedule["items"]
    # Reopening the submitted paper shows the same review.
    page.reload()
    page.locator('[data-quiz-mode="mock"] [data-result-total]').wait_for()
    assert page.locator('[data-quiz-mode="mock"] .csh-review .csh-explanation').count() == 45
    assert errors == []
