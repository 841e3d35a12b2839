"""The teaching layer in the built site: every unit of the three taught specifications has
its sections, glossary terms link with tooltips (never inside quizzes), every legislation
page shows status, source and last-reviewed date, and flashcards work with the keyboard.
Tests of the built site are marked slow; the coverage report and the export need no MkDocs
and run in-process on the real content, loaded once."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT, run_cli

TAUGHT = ("cg-4417", "btec-l2-cso", "btec-l3-cs")


def taught_units():
    # From the file names (the loader insists a unit file is named by its number), so that
    # collecting these tests loads nothing; test_taught_units_are_the_loaded_units checks it.
    return [
        (slug, path.stem)
        for slug in TAUGHT
        for path in sorted((ROOT / "content" / slug / "units").glob("*.yml"), key=lambda p: (len(p.stem), p.stem))
    ]


def test_taught_units_are_the_loaded_units(real_corpus):
    loaded = [(slug, number) for slug in TAUGHT for number in real_corpus.specs[slug].units]
    assert sorted(taught_units()) == sorted(loaded) and len(loaded) == len(set(loaded)) >= 12


@pytest.mark.parametrize("slug, number", taught_units())
@pytest.mark.slow
def test_unit_page_has_every_teaching_section(built_site, slug, number):
    html = (built_site / slug / "units" / number / "index.html").read_text(encoding="utf-8")
    for heading in ('id="in-brief"', 'id="learn-it"', 'id="key-terms"', 'id="for-tutors"', 'id="practice-quiz"'):
        assert heading in html, f"{slug}/{number} lacks {heading}"
    assert 'data-quiz-mode="practice"' in html
    # "Learn it" lists one page per outcome (or content area), each with the notes and
    # their examples, common mistakes and questions, and back and forth links.
    learn = html.split('id="learn-it"', 1)[1].split("</ol>", 1)[0]
    pages = re.findall(r'<a href="((?:lo|content)-[a-z0-9-]+)/">', learn)
    assert pages, f"{slug}/{number} lists no outcome pages"
    for sub in pages:
        part = (built_site / slug / "units" / number / sub / "index.html").read_text(encoding="utf-8")
        assert 'class="admonition example"' in part and "Common mistakes" in part and "Check yourself" in part
        assert f'href="../">All of Unit {number}</a>' in part or f'href="../">All of Unit {number}' in part
    assert "Delivery activities for this unit" in html
    # Every key term links to its glossary anchor, and the anchor exists.
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for anchor in re.findall(r'href="../../glossary/#([a-z0-9-]+)"', html):
        assert f'id="{anchor}"' in glossary, anchor


@pytest.mark.slow
def test_tooltips_in_notes_but_never_in_quizzes(built_site):
    html = (built_site / "cg-4417/units/201/lo-1/index.html").read_text(encoding="utf-8")
    assert 'class="csh-term"' in html and "data-tip=" in html
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for quiz in re.findall(r'<div class="csh-quiz".*?</script></div>', text, re.S):
            assert "csh-term" not in quiz and "<abbr" not in quiz and "data-tip" not in quiz, page


@pytest.mark.slow
def test_every_legislation_page_shows_status_source_and_review_date(built_site):
    pages = sorted((built_site / "legislation").glob("*/index.html"))
    assert len(pages) >= 25
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Status in 2026:" in html and 'class="csh-status' in html, page
        assert "Last reviewed:" in html and re.search(r"20\d\d-\d\d-\d\d", html), page
        assert re.search(
            r'Official source:</strong> <a href="https://(www\.)?(legislation\.gov\.uk|ico\.org\.uk|'
            r"handbook\.fca\.org\.uk|www\.fca\.org\.uk|www\.gov\.uk|www\.hse\.gov\.uk|"
            r"www\.equalityhumanrights\.com|[a-z.]+)",
            html,
        ), page


@pytest.mark.slow
def test_replaced_law_shows_spec_wording_and_current_position(built_site):
    html = (built_site / "legislation/sale-of-goods-act-1979/index.html").read_text(encoding="utf-8")
    assert 'Replaced by: <a href="../consumer-rights-act-2015/"' in html
    assert "What the specifications say" in html


@pytest.mark.slow
def test_glossary_has_enough_terms_with_anchors(built_site):
    html = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<h3 class="csh-term-name" id="([a-z0-9-]+)"', html)
    assert len(entries) >= 250 and len(entries) == len(set(entries))
    assert "unique-selling-point" in entries


@pytest.mark.slow
def test_tutors_page_gathers_activities(built_site):
    html = (built_site / "tutors/index.html").read_text(encoding="utf-8")
    for slug in TAUGHT:
        assert f'href="../{slug}/units/' in html
    assert html.count("Towards the assignment:") >= 5


def test_check_reports_coverage(real_corpus):
    code, out, err = run_cli("check", corpus=real_corpus)
    assert code == 0 and err == "", err
    for slug in TAUGHT:
        line = next(row for row in out.splitlines() if row.strip().startswith(f"{slug}:"))
        notes = re.search(r"(\d+)/(\d+) outcomes or content areas with notes", line)
        acts = re.search(r"(\d+)/(\d+) with activities", line)
        assert notes.group(1) == notes.group(2) and acts.group(1) == acts.group(2), line
        assert "practice items short for: none" in line
    assert "terms used but undefined: none" in out


def test_export_lists_legislation_and_glossary(real_corpus):
    code, out, err = run_cli("export", "json", corpus=real_corpus)
    assert code == 0, err
    data = json.loads(out)
    laws = {law["slug"]: law for law in data["legislation"]}
    assert laws["consumer-rights-act-2015"]["status"] == "in force"
    assert any(u.startswith("cg-4417/") for u in laws["consumer-rights-act-2015"]["units"])
    assert len(data["glossary"]) >= 250


@pytest.mark.slow
@pytest.mark.browser
def test_flashcards_keyboard_only_and_progress_kept(page, site_url):
    page.goto(site_url + "glossary/flashcards/")
    root = page.locator("[data-csh-flashcards]")
    card = root.locator(".csh-fc-card")
    first = card.get_attribute("data-slug")
    stats = root.locator(".csh-fc-stats").inner_text()
    counts = re.match(r"(\d+) new · 0 due today · 0 learning · 0 known$", stats)
    assert counts, stats
    total = int(counts.group(1))
    card.focus()
    page.keyboard.press("Space")
    assert root.locator(".csh-fc-back").is_visible()
    page.keyboard.press("k")  # knew it: the card is learning (due tomorrow) and a new card is shown
    assert card.get_attribute("data-slug") != first
    page.keyboard.press("Tab")  # focus moves on to the controls, all reachable by keyboard
    second = root.locator(".csh-fc-card").get_attribute("data-slug")
    root.locator(".csh-fc-card").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("n")  # not yet: back a few cards later, and due tomorrow
    after = root.locator(".csh-fc-stats").inner_text()
    assert after == f"{total - 2} new · 0 due today · 2 learning · 0 known"
    # Cards are scheduled with the questions (review-schedule.js): "knew it" is one right
    # answer in a row, "not yet" none; both are next due tomorrow.
    saved = json.loads(page.evaluate("localStorage.getItem('cs-hub:v1:review')"))["cards"]
    assert saved[first]["reps"] == 1 and saved[second]["reps"] == 0
    page.reload()
    assert page.locator("[data-csh-flashcards] .csh-fc-stats").inner_text() == after
    # A deck for one unit only shows that unit's terms.
    page.locator("#csh-fc-deck").select_option("cg-4417/201")
    assert "cg-4417/201" in page.evaluate("document.querySelector('#csh-fc-deck').value")
