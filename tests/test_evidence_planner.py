"""The evidence planner and portfolio in a real browser: tick, name evidence, reload, see
the portfolio count, export, clear, import and see everything back; damaged and old
records; the offline build from file://; and the keyboard alone on a phone-sized screen."""

from __future__ import annotations

import json

import pytest

from generator import payloads

pytestmark = [pytest.mark.browser, pytest.mark.slow]

UNIT = "svq-4-cs/units/1/"
KEY = "cs-hub:v1:evidence:svq-4-cs/1"


def row(page, key):
    return page.locator(f'.csh-planner-row[data-row="{key}"]')


def fill_row(page, key, evidence, kind, note=""):
    r = row(page, key)
    r.locator("input[name=done]").check()
    r.locator("input[name=evidence]").fill(evidence)
    r.locator("select[name=type]").select_option(kind)
    if note:
        r.locator("textarea[name=note]").fill(note)
    r.locator("textarea[name=note]").blur()


def counts(page, ref="svq-4-cs/1"):
    card = page.locator(f'.csh-portfolio-counts[data-evidence-unit="{ref}"]')
    return card.get_attribute("data-criteria-done"), card.get_attribute("data-knowledge-done")


def test_tick_reload_portfolio_export_clear_import(page, site_url, errors, tmp_path):
    page.goto(site_url + UNIT)
    planner = page.locator("[data-csh-planner]")
    rows = planner.locator(".csh-planner-row")
    criteria = planner.locator('.csh-planner-row[data-kind="criterion"]').count()
    knowledge = planner.locator('.csh-planner-row[data-kind="knowledge"]').count()
    assert criteria >= 9 and knowledge >= 18 and rows.count() == criteria + knowledge
    fill_row(page, "pc-1", "Observation 3, 12 May", "observation", "Team briefing on the new returns policy")
    fill_row(page, "pc-6", "Witness testimony from J. Smith", "witness testimony")
    fill_row(page, "k-2", "Professional discussion, 2 June", "professional discussion")
    assert f"2 of {criteria} criteria and 1 of {knowledge} knowledge statements evidenced" in planner.inner_text()

    page.reload()
    assert row(page, "pc-1").locator("input[name=done]").is_checked()
    assert row(page, "pc-1").locator("input[name=evidence]").input_value() == "Observation 3, 12 May"
    assert row(page, "pc-1").locator("select[name=type]").input_value() == "observation"
    assert row(page, "pc-1").locator("textarea[name=note]").input_value() == "Team briefing on the new returns policy"
    assert not row(page, "pc-2").locator("input[name=done]").is_checked()

    page.goto(site_url + "evidence/")
    assert counts(page) == ("2", "1")
    card = page.locator(".csh-portfolio-card")
    assert card.count() == 1
    assert f"2 of {criteria} criteria evidenced; 1 of {knowledge} knowledge statements evidenced" in card.inner_text()
    # The gaps link back to the unit page's criteria.
    gap = card.locator(".csh-portfolio-gaps a", has_text="PC 2")
    assert gap.get_attribute("href").endswith("svq-4-cs/units/1/#pc-2")
    assert "PC 1" not in card.locator(".csh-portfolio-gaps").first.inner_text()

    with page.expect_download() as download:
        page.locator("button.csh-evidence-export").click()
    exported = tmp_path / "evidence.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    # What the browser stores and exports matches the published models (schemas/payloads/).
    payloads.EvidenceFile.model_validate(data)
    payloads.EvidenceRecord.model_validate_json(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert data["format"] == "cs-hub-evidence" and set(data["records"]) == {"svq-4-cs/1"}
    assert data["records"]["svq-4-cs/1"]["rows"]["pc-6"]["evidence"] == "Witness testimony from J. Smith"

    page.locator("button.csh-evidence-clear").click()
    page.locator("button.csh-evidence-clear-confirm").click()
    assert page.locator(".csh-portfolio-card").count() == 0
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None

    page.locator("input.csh-import-file").set_input_files(str(exported))
    page.locator(".csh-portfolio-card").wait_for()
    assert counts(page) == ("2", "1")
    assert "Imported 1 unit: 3 lines added" in page.locator(".csh-portfolio-result").inner_text()
    page.goto(site_url + UNIT)
    assert row(page, "k-2").locator("input[name=evidence]").input_value() == "Professional discussion, 2 June"
    assert errors == []


def test_import_merges_without_loss(page, site_url, errors, tmp_path):
    """A file with an older copy of one line and a line not here: the newer local line is
    kept, the new line is added, and nothing local disappears."""
    page.goto(site_url + UNIT)
    fill_row(page, "pc-1", "Observation 4 (newer)", "observation")
    fill_row(page, "pc-2", "Rota for March", "work products")
    older = {
        "done": True,
        "evidence": "Observation 1 (older)",
        "type": "observation",
        "note": "",
        "at": "2020-01-01T00:00:00.000Z",
    }
    other = {
        "done": True,
        "evidence": "Minutes, 3 May",
        "type": "work products",
        "note": "",
        "at": "2020-01-01T00:00:00.000Z",
    }
    file = tmp_path / "in.json"
    file.write_text(
        json.dumps(
            {
                "format": "cs-hub-evidence",
                "v": 1,
                "exported": "2020-01-02T00:00:00Z",
                "records": {
                    "svq-4-cs/1": {"v": 1, "title": "Unit 1", "rows": {"pc-1": older, "pc-3": other}},
                },
            }
        )
    )
    page.goto(site_url + "evidence/")
    page.locator("input.csh-import-file").set_input_files(str(file))
    page.locator(".csh-portfolio-result").wait_for()
    assert counts(page) == ("3", "0")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["rows"]["pc-1"]["evidence"] == "Observation 4 (newer)"
    assert stored["rows"]["pc-2"]["evidence"] == "Rota for March"
    assert stored["rows"]["pc-3"]["evidence"] == "Minutes, 3 May"
    assert errors == []


@pytest.mark.parametrize(
    "value",
    [
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"v": 1, "rows": None}),
        json.dumps({"v": 7, "rows": {}}),  # another version's record
    ],
)
def test_a_damaged_or_old_record_is_reported_and_the_rest_kept(page, site_url, errors, value):
    good = {"v": 1, "rows": {"pc-1": {"done": True, "evidence": "Obs 1", "type": "observation", "note": "", "at": "x"}}}
    page.goto(site_url + "evidence/")
    page.evaluate(
        "([bad, good]) => { localStorage.setItem('cs-hub:v1:evidence:nvq-cco/5', bad);"
        " localStorage.setItem('cs-hub:v1:evidence:svq-4-cs/1', good); }",
        [value, json.dumps(good)],
    )
    page.reload()
    assert page.locator(".csh-notice[role=status]").count() == 1
    assert counts(page) == ("1", "0")
    # Set aside, not deleted.
    assert page.evaluate("localStorage.getItem('cs-hub:v1:corrupt:evidence:nvq-cco/5')") == value
    assert errors == []


def test_bad_rows_are_dropped_and_stored_text_stays_text(page, site_url, errors):
    record = {
        "v": 1,
        "rows": {
            "pc-1": {
                "done": True,
                "evidence": "<img src=x onerror=window.__pwned=1>",
                "type": "observation",
                "note": "",
                "at": "x",
            },
            "pc-2": {"done": "yes", "evidence": 3},
            'pc-3"]': {"done": True, "evidence": "", "type": "", "note": "", "at": ""},
        },
    }
    page.goto(site_url + UNIT)
    page.evaluate("v => localStorage.setItem('cs-hub:v1:evidence:svq-4-cs/1', v)", json.dumps(record))
    page.reload()
    assert row(page, "pc-1").locator("input[name=evidence]").input_value().startswith("<img")
    assert page.locator(".csh-notice[role=status]").count() == 1
    page.goto(site_url + "evidence/")
    assert counts(page) == ("1", "0")
    assert page.evaluate("window.__pwned") is None
    assert errors == []


def test_progress_clear_keeps_the_evidence_planner(page, site_url, errors):
    page.goto(site_url + UNIT)
    fill_row(page, "pc-1", "Observation 3", "observation")
    page.goto(site_url + "progress/")
    page.locator("button.csh-clear").click()
    page.locator("button.csh-clear-confirm").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is not None


def test_keyboard_alone_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + UNIT)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('.csh-planner-row[data-row="pc-1"] a').first.focus()
    page.keyboard.press("Tab")  # the tick box
    assert page.evaluate("document.activeElement.name") == "done"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Observation 5")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "type"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("typed with the keyboard")
    page.keyboard.press("Tab")
    page.reload()
    r = row(page, "pc-1")
    assert r.locator("input[name=done]").is_checked()
    assert r.locator("input[name=evidence]").input_value() == "Observation 5"
    assert r.locator("select[name=type]").input_value() != ""
    assert r.locator("textarea[name=note]").input_value() == "typed with the keyboard"
    context.close()


def test_print_shows_the_planner_alone_with_signature_lines(page, site_url):
    page.goto(site_url + UNIT)
    fill_row(page, "pc-1", "Observation 3", "observation")
    page.evaluate("document.documentElement.classList.add('csh-printing-planner')")
    page.emulate_media(media="print")
    assert page.locator(".csh-signatures").is_visible()
    assert "Assessor's signature" in page.locator(".csh-signatures").inner_text()
    assert not page.locator("#practice-quiz, h2#outcomes-and-assessment-criteria").first.is_visible()
    assert not page.locator(".csh-planner-tools").is_visible()
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF"
