"""Printing, in chromium's own PDF output: unit and outcome pages print as handouts (no site
chrome, quiz or planner controls; collapsed sections open; nothing wider than the paper),
printable papers put the front sheet on a page of its own and every question after it, and
the "Print evidence record" mode still prints the planner alone.

The viewport is the printable width of A4 (210 mm less the 14 mm margins of print.css,
182 mm = 688 CSS px), so a width check in print media is a check against the paper."""

from __future__ import annotations

import io
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PRINTABLE_WIDTH = 688  # CSS px: (210 - 2 * 14) mm at 96 px per inch

# Screen-only parts and whether every handout page has one (so the check is never vacuous).
SCREEN_ONLY = [
    (".md-header", True),
    (".md-sidebar--primary", True),
    (".md-footer", True),
    (".md-search", True),
    (".csh-trail", True),
    (".csh-quiz", True),
    ("h2#practice-quiz", True),
    (".headerlink", True),
    (".csh-copy", False),
    (".csh-jump", False),
    ("a.md-button", False),
    (".csh-planner", False),
    ("h2#evidence-planner", False),
]

# Everything that could run past the right margin.
WIDE_CANDIDATES = "article table, article figure, article svg, article pre, article .md-typeset__table, article img"


def pdf_text(pdf: bytes) -> tuple[int, list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]


@pytest.fixture()
def print_page(browser, site_url):
    context = browser.new_context(viewport={"width": PRINTABLE_WIDTH, "height": 1000})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((site_url, "data:")) else None)
    yield page
    context.close()
    assert outside == []


def hidden_in_print(page, selector: str) -> tuple[int, list[str]]:
    """How many elements match, and which of them still show in print media."""
    return page.evaluate(
        """sel => { const all = Array.from(document.querySelectorAll(sel));
           return [all.length, all.filter(e => getComputedStyle(e).display !== 'none')
                                   .map(e => e.outerHTML.slice(0, 80))]; }""",
        selector,
    )


def too_wide(page) -> list[str]:
    return page.evaluate(
        """([sel, width]) => Array.from(document.querySelectorAll(sel))
             .filter(e => e.getClientRects().length)
             .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > width + 1)
             .map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth + ' right '
                  + Math.round(e.getBoundingClientRect().right))""",
        [WIDE_CANDIDATES, PRINTABLE_WIDTH],
    )


@pytest.mark.parametrize(
    "address,min_pages,max_pages",
    [("cg-4417/units/201/", 4, 30), ("cg-4417/units/201/lo-1/", 2, 12), ("svq-4-cs/units/1/", 4, 40)],
    ids=["unit", "outcome", "competence-unit"],
)
def test_unit_and_outcome_pages_print_as_handouts(print_page, site_url, address, min_pages, max_pages):
    page = print_page
    page.goto(site_url + address)
    page.locator("details").first.wait_for(state="attached")
    closed = page.evaluate("Array.from(document.querySelectorAll('details:not([open])')).length")
    assert closed > 0, "expected collapsed sections to test"
    # Text only a collapsed section holds: it must reach the paper.
    inside = page.evaluate(
        "Array.from(document.querySelectorAll('details:not([open]) p, details:not([open]) li'))"
        ".map(e => e.textContent.replace(/\\s+/g, ' ').trim()).filter(t => t.length > 20).map(t => t.slice(0, 40))"
    )
    assert inside
    page.emulate_media(media="print")
    for selector, always in SCREEN_ONLY:
        count, showing = hidden_in_print(page, selector)
        assert not always or count > 0, f"{address}: no {selector} to check"
        assert showing == [], f"{selector} prints: {showing}"
    assert too_wide(page) == []
    # page.pdf() fires beforeprint and afterprint, as a real Print does.
    pages, texts = pdf_text(page.pdf(format="A4", print_background=False))
    assert min_pages <= pages <= max_pages, pages
    text = " ".join(texts)
    assert page.locator("h1").first.inner_text().split(":")[0] in text
    for snippet in inside:
        assert snippet[:30] in text, f"collapsed text missing: {snippet}"
    for screen_text in ("Practice quiz", "Go to the practice quiz", "Skip to content", "Made with", "Copy link"):
        assert screen_text not in text
    # afterprint closed again what beforeprint opened.
    assert page.evaluate("Array.from(document.querySelectorAll('details:not([open])')).length") == closed


def test_print_evidence_record_still_prints_the_planner_alone(print_page, site_url):
    page = print_page
    page.goto(site_url + "svq-4-cs/units/1/")
    page.locator(".csh-planner-row input[name=done]").first.wait_for()
    page.evaluate("document.documentElement.classList.add('csh-printing-planner')")  # what the button does
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.csh-planner')).display") != "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.csh-planner-print-head')).display") == "block"
    assert hidden_in_print(page, "article h1")[1] == []
    _, texts = pdf_text(page.pdf(format="A4"))
    assert "Evidence record" in texts[0] and "In brief" not in " ".join(texts)


def test_a_paper_prints_front_sheet_then_questions(print_page, site_url):
    page = print_page
    page.goto(site_url + "cg-4417/tests/201/paper-1/")
    button = page.locator("button[data-csh-print]")
    assert button.is_visible()  # print.js shows it; without script it stays hidden
    page.emulate_media(media="print")
    assert not button.is_visible()
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".csh-trail", ".csh-paper-screen"):
        count, showing = hidden_in_print(page, selector)
        assert count and showing == [], selector
    assert too_wide(page) == []
    pages, texts = pdf_text(page.pdf(format="A4"))
    assert 4 <= pages <= 20, pages
    front = texts[0]
    for needed in ("Paper number 1", "Time allowed 1 hour 15 minutes", "Questions 45", "Total marks 45"):
        assert needed in front
    assert "Candidate number" in front and "Instructions to candidates" in front
    assert "Question 1" not in front, "the front sheet must be a page of its own"
    assert "Question 1 " in texts[1]
    body = " ".join(texts[1:])
    numbers = [int(n) for n in re.findall(r"Question (\d+) \(", body)]
    assert numbers == list(range(1, 46)), numbers
    assert "End of paper" in texts[-1]
    for screen_text in ("Skip to content", "Made with", "online version", "Print this paper"):
        assert screen_text not in " ".join(texts)


def test_paper_key_prints_whole_tables(print_page, site_url):
    page = print_page
    page.goto(site_url + "tutors/keys/btec-l2-cso-1-paper-1/")
    page.emulate_media(media="print")
    assert too_wide(page) == []
    # A row split over two pages would print its cells twice in part; each row avoids it.
    assert page.evaluate("getComputedStyle(document.querySelector('.csh-key-answers tr')).breakInside") == "avoid"
    pages, texts = pdf_text(page.pdf(format="A4"))
    assert 1 <= pages <= 10
    assert "Marks per outcome" in texts[0]


def test_paper_random_numbers_are_the_quiz_engines(page, site_url):
    """generator/paper_draw.py's mulberry32 and shuffle give exactly quiz-engine.js's
    numbers, so the two can never quietly drift apart."""
    from generator.paper_draw import mulberry32, shuffle

    page.goto(site_url + "cg-4417/tests/201/")
    # The engine arrives when a paper starts (quiz-start.js); load it as Start would.
    page.wait_for_function("!!(window.CSHub && window.CSHub.loader)")
    page.evaluate("CSHub.loader.need(CSHub.loader.NEEDS.paper)")
    page.wait_for_function("window.CSHub && window.CSHub.engine")
    for seed in (1, 70000, 0x042DCF36, 0xFFFFFFFF):
        js = page.evaluate(
            "seed => { const r = CSHub.engine.rng(seed); return Array.from({length: 20}, () => r()); }", seed
        )
        py = mulberry32(seed)
        assert js == [py() for _ in range(20)]
        js_order = page.evaluate(
            "seed => CSHub.engine.shuffle(Array.from({length: 30}, (_, i) => i), CSHub.engine.rng(seed))", seed
        )
        assert js_order == shuffle(list(range(30)), mulberry32(seed))
