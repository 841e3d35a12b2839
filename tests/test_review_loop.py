"""The revision loop in a real browser: every practice and mock answer is scheduled
(review-schedule.js), comes back as due on a later day on /progress/ and on its unit page,
a review session runs and reschedules it, /progress/ names the weakest outcomes and the
unfinished mocks, and export -> clear -> import carries all of it.  The day is faked with
Playwright's page.clock."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from generator.payloads.storage import ProgressFile, ReviewSchedule

from .quizdriver import answer, bank_items, wait_for_paper
from .records import MOCK_ATTEMPT
from .test_offline import offline_site  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REVIEW = "cs-hub:v1:review"
UNIT_201 = "cg-4417/units/201/"
MOCK_201 = "cg-4417/tests/201/"
STATE_201 = "cs-hub:v1:mock:cg-4417-test-201"
NOTICE = ".csh-notice[role=status]"
DAY_1 = "2026-11-10T10:00:00"
DAY_3 = "2026-11-12T10:00:00"

STORAGE = """() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('cs-hub:v1:'))
    .sort().map(k => [k, localStorage.getItem(k)]))"""


def schedule(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{REVIEW}')") or "null")


def card(due: str, h: list[float] | None = None, o: str = "1", last: str = "2026-11-01T10:00:00.000Z") -> dict:
    c = {"ef": 2.5, "reps": 1, "interval": 1, "due": due, "last": last, "o": o}
    if h is not None:
        c["h"] = h
    return c


def seed(page, site_url, path, values: dict[str, object]) -> None:
    page.goto(site_url + path)
    page.evaluate(
        "values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, JSON.stringify(v)); }", values
    )
    page.reload()


def answer_all(root, items: dict[str, dict], limit: int = 50) -> list[str]:
    """Answer every question of a practice session rightly, to its results; the ids asked."""
    asked = []
    for _ in range(limit):
        if root.locator(".csh-results").count():
            return asked
        q = root.locator("section.csh-question")
        item_id = q.get_attribute("data-item-id")
        asked.append(item_id)
        answer(q, items[item_id.split("|")[-1]])
        root.locator("button.csh-check").click()
        root.locator("button.csh-next").click()
    raise AssertionError("the session did not end")


def practise(page, site_url, n: int) -> list[str]:
    """Answer the first n questions of Unit 201's practice quiz; their ids."""
    items = bank_items("cg-4417", "201")
    page.goto(site_url + UNIT_201)
    root = page.locator('.csh-quiz[data-quiz="cg-4417-201-practice"]:not(.csh-review-session)')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    ids = []
    for _ in range(n):
        q = root.locator("section.csh-question")
        ids.append(q.get_attribute("data-item-id"))
        answer(q, items[ids[-1]])
        root.locator("button.csh-check").click()
        root.locator("button.csh-next").click()
    return ids


def test_answers_are_scheduled_then_due_on_a_later_day(page, site_url, errors):
    page.clock.set_fixed_time(DAY_1)
    ids = practise(page, site_url, 2)
    items = schedule(page)["items"]
    assert sorted(items) == sorted(f"cg-4417-201-practice|{i}" for i in ids)
    assert {c["due"] for c in items.values()} == {"2026-11-11"}  # SM-2: the first interval is a day
    # Saved per answer: a reload keeps them, and answered today means not due today.
    page.reload()
    assert page.locator(".csh-review-unit").count() == 0
    page.goto(site_url + "progress/")
    due = page.locator(".csh-review-due")
    assert due.get_attribute("data-review-due") == "0"
    assert "Nothing is due today" in due.inner_text()
    assert page.locator("tr.csh-attempt").count() == 1
    # Two days on, both are due: on /progress/ and on the unit page.
    page.clock.set_fixed_time(DAY_3)
    page.reload()
    assert due.get_attribute("data-review-due") == "2"
    assert "Review due today: 2 questions" in due.inner_text()
    page.goto(site_url + UNIT_201)
    box = page.locator(".csh-review-unit")
    assert box.get_attribute("data-review-due") == "2"
    box.locator("button.csh-review-start").click()
    # The practice code arrives after the press (need "session"); the session then replaces the button.
    box.locator(".csh-review-session").wait_for()
    assert box.locator("button.csh-review-start").count() == 0
    asked = answer_all(box.locator(".csh-review-session"), bank_items("cg-4417", "201"))
    assert sorted(asked) == sorted(ids)
    after = schedule(page)["items"]
    assert all(c["due"] > "2026-11-12" and c["last"].startswith("2026-11-12") for c in after.values())
    page.reload()
    assert page.locator(".csh-review-unit").count() == 0
    assert errors == []


def test_a_review_across_units_runs_and_reschedules(page, site_url, errors):
    cg = next(i for i in bank_items("cg-4417", "201").values() if i["type"] == "single")
    btec = next(i for i in bank_items("btec-l2-cso", "1").values() if i["type"] in ("single", "true-false"))
    keys = [f"cg-4417-201-practice|{cg['id']}", f"btec-l2-cso-1-practice|{btec['id']}"]
    items = {keys[0]: card("2026-11-05", [1], o=cg["outcome"]), keys[1]: card("2026-11-01", [0], o=btec["outcome"])}
    page.clock.set_fixed_time(DAY_1)
    seed(page, site_url, "progress/", {REVIEW: {"v": 1, "items": items, "cards": {}}})
    due = page.locator(".csh-review-due")
    assert due.get_attribute("data-review-due") == "2"
    due.locator("button.csh-review-start").click()
    session = due.locator(".csh-review-session")
    asked = answer_all(session, {cg["id"]: cg, btec["id"]: btec})
    assert sorted(asked) == sorted(keys)
    after = schedule(page)["items"]
    # Right again after one right answer: SM-2's second interval, six days.
    assert {k: (c["reps"], c["interval"], c["due"]) for k, c in after.items()} == {
        k: (2, 6, "2026-11-16") for k in keys
    }
    assert after[keys[1]]["h"] == [0, 1]
    page.reload()
    assert due.get_attribute("data-review-due") == "0"
    assert errors == []


def test_weakest_outcomes_are_listed_with_working_links(page, site_url, errors):
    page.goto(site_url + "progress/")
    outcomes = page.locator(".csh-linkmap a[data-csh-outcome]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-csh-outcome'))"
    )
    chosen = [o for o in outcomes if o.startswith("cg-4417-201-practice/")][:3] + [
        next(o for o in outcomes if o.startswith("btec-l2-cso-1-practice/"))
    ]
    histories = [[1, 1], [1, 0], [0, 0], [0, 1]]  # strengths 1, 0.375, 0, 0.625
    items = {
        f"{o.split('/')[0]}|q{i}": card("2099-01-01", h, o=o.split("/")[1])
        for i, (o, h) in enumerate(zip(chosen, histories, strict=True))
    }
    seed(page, site_url, "progress/", {REVIEW: {"v": 1, "items": items, "cards": {}}})
    weak = page.locator(".csh-weakest li")
    assert weak.evaluate_all("els => els.map(e => e.dataset.weakOutcome)") == [chosen[2], chosen[1], chosen[3]]
    assert "Strength 0%, 0 of 2 right" in weak.first.inner_text()
    # Titles come from the build: the unit's own outcome title, not "Outcome 3: 0/2".
    link = weak.first.locator("a")
    title = link.inner_text()
    assert re.match(r"^Outcome \w+: \w", title)
    strengths = page.locator(".csh-strengths [data-strength-outcome]")
    assert strengths.count() == 4
    assert page.locator('.csh-strengths [data-strength-unit="btec-l2-cso-1-practice"] h4').count() == 1
    link.click()
    page.wait_for_load_state()
    assert re.search(r"/cg-4417/units/201/lo-\w+/$", page.url)
    assert title.split(": ", 1)[1] in page.locator("article").inner_text()
    assert errors == []


def start_mock(page, site_url):
    """Questions 1 and 2 of paper 2 answered, question 2 current."""
    page.goto(site_url + MOCK_201)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("input[inputmode=numeric]").fill("2")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    q = root.locator("section.csh-question:visible")
    q.locator("input").first.check()
    q.locator("button.csh-next").click()
    root.locator("section.csh-question:visible input").first.check()
    return root


def test_resume_reopens_an_unfinished_mock_where_it_was(page, site_url, errors):
    start_mock(page, site_url)
    state = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    assert state["current"] == 1 and len([r for r in state["responses"].values() if r]) == 2
    page.goto(site_url + "progress/")
    resume = page.locator('.csh-unfinished li[data-unfinished="cg-4417-test-201"]')
    assert "question 2 of 45, 2 answered" in resume.inner_text()
    resume.locator("a.csh-resume").click()
    root = page.locator('[data-quiz-mode="mock"]')
    q = root.locator("section.csh-question:visible")
    assert q.get_attribute("data-item-id") == state["paper"][1]
    assert q.locator("input").first.is_checked()
    again = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    assert again["responses"] == state["responses"] and again["paper"] == state["paper"]
    assert errors == []


def test_mock_answers_are_scheduled_when_submitted(page, site_url, errors):
    page.clock.set_fixed_time(DAY_1)
    root = start_mock(page, site_url)
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    root.locator(".csh-results").wait_for()
    items = schedule(page)["items"]
    state = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    assert sorted(items) == sorted(f"cg-4417-201-practice|{i}" for i in state["paper"][:2])
    assert errors == []


def export(page) -> dict:
    with page.expect_download() as download:
        page.locator("button.csh-export").click()
    return json.loads(Path(download.value.path()).read_text(encoding="utf-8"))


def test_export_clear_import_restores_everything(page, site_url, errors, tmp_path):
    page.clock.set_fixed_time(DAY_1)
    practise(page, site_url, 2)
    start_mock(page, site_url)
    page.goto(site_url + "glossary/flashcards/")
    page.locator("button.csh-fc-flip").click()
    page.locator("button.csh-fc-know").click()
    page.goto(site_url + "progress/")
    before = page.evaluate(STORAGE)
    assert {REVIEW, STATE_201, "cs-hub:v1:attempts"} <= set(before)
    assert json.loads(before[REVIEW])["cards"] and json.loads(before[REVIEW])["items"]
    data = export(page)
    assert data["schema"] == "cs-hub/progress/2"
    # The browser's own records match their published models.
    TypeAdapter(ReviewSchedule).validate_json(before[REVIEW])
    TypeAdapter(ProgressFile).validate_python(data)
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(data))
    page.locator("button.csh-clear").click()
    page.locator("button.csh-clear-confirm").click()
    assert page.evaluate(STORAGE) == {}
    page.locator("input.csh-import-file").set_input_files(str(file))
    page.locator(".csh-attempt").first.wait_for()
    assert page.evaluate(STORAGE) == before
    assert page.locator(".csh-unfinished li").count() == 1
    assert errors == []


def test_merging_two_exports_keeps_both(page, site_url, errors, tmp_path):
    def progress_file(name, attempts, items, remaining):
        mock = {"v": 1, "seed": 2, "paper": ["201-1-01"], "responses": {}, "started": "2026-11-01T09:00:00.000Z"}
        data = {
            "schema": "cs-hub/progress/2",
            "attempts": attempts,
            "mocks": {"cg-4417-test-201": {**mock, "submitted": False, "remainingMs": remaining}},
            "review": {
                "v": 1,
                "items": items,
                "cards": {"complaint": card("2026-11-11", last=f"2026-11-0{remaining}")},
            },
            "flashcards": {},
        }
        path = tmp_path / name
        path.write_text(json.dumps(data))
        return str(path)

    one = progress_file(
        "a.json",
        [MOCK_ATTEMPT],
        {"x|1": card("2026-11-02", last="2026-11-01T00:00:00Z"), "y|1": card("2026-11-03")},
        5,
    )
    two = progress_file(
        "b.json",
        [dict(MOCK_ATTEMPT, date="2026-11-05T10:00:00.000Z", score=40)],
        {"x|1": card("2026-11-09", last="2026-11-04T00:00:00Z"), "z|1": card("2026-11-04")},
        3,
    )
    page.goto(site_url + "progress/")
    page.locator("input.csh-import-file").set_input_files(one)
    page.locator(".csh-attempt").first.wait_for()
    page.locator("input.csh-import-file").set_input_files(two)
    page.get_by_text("Imported 1 attempt,").wait_for()
    assert page.locator("tr.csh-attempt").count() == 2
    items = schedule(page)["items"]
    assert sorted(items) == ["x|1", "y|1", "z|1"] and items["x|1"]["due"] == "2026-11-09"
    assert schedule(page)["cards"]["complaint"]["last"] == "2026-11-05"  # the later answer
    mock = json.loads(page.evaluate(f"localStorage.getItem('{STATE_201}')"))
    assert mock["remainingMs"] == 3  # the same paper, answered for longer
    # An old (version 1) file is still read, and importing it twice adds nothing.
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema": "cs-hub/progress/1", "attempts": [MOCK_ATTEMPT]}))
    page.locator("input.csh-import-file").set_input_files(str(old))
    page.get_by_text("Imported 0 attempts").wait_for()
    assert page.locator("tr.csh-attempt").count() == 2
    assert errors == []


GOOD_CARD = card("2026-11-01", [1])


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "not an object",
        {"v": 1, "items": [1, 2], "cards": "x"},
        {"v": 1, "items": {"cg-4417-201-practice|201-1-01": {**GOOD_CARD, "ef": 1e308, "interval": 1e300}}},
        {"v": 1, "items": {"cg-4417-201-practice|201-1-01": {**GOOD_CARD, "due": None, "h": "lots"}}},
    ],
    ids=["null", "string", "wrong-types", "huge-numbers", "bad-fields"],
)
def test_damaged_review_schedule_recovers_with_a_notice(page, site_url, errors, stored):
    seed(page, site_url, "progress/", {REVIEW: stored})
    assert page.locator(NOTICE).first.is_visible()
    assert page.locator(".csh-review-due").get_attribute("data-review-due") == "0"
    assert page.evaluate("localStorage.getItem('cs-hub:v1:corrupt:review')") is not None
    page.goto(site_url + UNIT_201)
    assert page.locator('[data-quiz-mode="practice"] button.csh-begin').first.is_visible()
    assert errors == []


def test_a_quote_in_a_review_id_is_kept_and_harmless(page, site_url, errors):
    odd = 'cg-4417-201-practice|201-1-01"] x'
    items = {odd: GOOD_CARD, "cg-4417-201-practice|201-1-02": card("2026-11-01", [0])}
    page.clock.set_fixed_time(DAY_1)
    seed(page, site_url, UNIT_201, {REVIEW: {"v": 1, "items": items, "cards": {}}})
    assert page.locator(".csh-review-unit").get_attribute("data-review-due") == "1"
    page.goto(site_url + "progress/")
    # The odd id is no published question: kept, but not due.
    assert page.locator(".csh-review-due").get_attribute("data-review-due") == "1"
    page.locator(".csh-review-due button.csh-review-start").click()
    assert page.locator(".csh-review-session section.csh-question").get_attribute("data-item-id") == (
        "cg-4417-201-practice|201-1-02"
    )
    assert odd in schedule(page)["items"]
    assert page.locator(NOTICE).count() == 0
    assert errors == []


def test_flashcards_due_today_come_first_and_old_boxes_still_count(page, site_url, errors):
    page.clock.set_fixed_time(DAY_1)
    page.goto(site_url + "glossary/flashcards/")
    root = page.locator("[data-csh-flashcards]")
    known = root.locator(".csh-fc-card").get_attribute("data-slug")
    root.locator("button.csh-fc-flip").click()
    root.locator("button.csh-fc-know").click()
    assert schedule(page)["cards"][known]["due"] == "2026-11-11"
    assert root.locator(".csh-fc-card").get_attribute("data-slug") != known
    page.goto(site_url + "progress/")
    assert page.locator(".csh-cards-due").get_attribute("data-cards-due") == "0"
    page.clock.set_fixed_time(DAY_3)
    page.reload()
    assert page.locator(".csh-cards-due").get_attribute("data-cards-due") == "1"
    page.locator(".csh-cards-due a").click()
    root.locator(".csh-fc-card").wait_for()
    assert root.locator(".csh-fc-card").get_attribute("data-slug") == known
    assert errors == []


def test_a_review_runs_offline_from_file_urls(browser, offline_site):  # noqa: F811 (the fixture)
    """The unit's questions load as a local script: chromium refuses a JSON fetch from file://."""
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    found: list[str] = []
    page.on("pageerror", lambda e: found.append(str(e)))
    page.clock.set_fixed_time(DAY_1)
    item = next(i for i in bank_items("cg-4417", "201").values() if i["type"] == "single")
    key = f"cg-4417-201-practice|{item['id']}"
    page.goto((offline_site / "progress.html").as_uri())
    state = {"v": 1, "items": {key: card("2026-11-01", [0], o=item["outcome"])}, "cards": {}}
    page.evaluate("s => localStorage.setItem('cs-hub:v1:review', JSON.stringify(s))", state)
    page.reload()
    due = page.locator(".csh-review-due")
    due.locator("button.csh-review-start").click()
    assert answer_all(due.locator(".csh-review-session"), {item["id"]: item}) == [key]
    assert schedule(page)["items"][key]["due"] == "2026-11-16"  # right after one right: six days
    page.locator(".csh-weakest a").first.click()
    page.wait_for_load_state()
    assert re.search(r"/cg-4417/units/201/lo-\w+\.html$", page.url)
    assert outside == [] and found == []
    page.close()


def test_outcome_page_answers_are_filed_under_their_unit(page, site_url, errors):
    """One schedule per question, wherever it was answered: its unit's practice quiz id."""
    page.clock.set_fixed_time(DAY_1)
    items = bank_items("cg-4417", "201")
    page.goto(site_url + "cg-4417/units/201/lo-1/")
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    q = root.locator("section.csh-question")
    item_id = q.get_attribute("data-item-id")
    answer(q, items[item_id], right=False)
    root.locator("button.csh-check").click()
    root.locator(".csh-feedback").wait_for()
    got = schedule(page)["items"]
    assert list(got) == [f"cg-4417-201-practice|{item_id}"]
    assert got[f"cg-4417-201-practice|{item_id}"]["reps"] == 0 and got[f"cg-4417-201-practice|{item_id}"]["h"] == [0]
    assert errors == []
