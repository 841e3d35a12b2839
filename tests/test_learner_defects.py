"""Browser tests for the learner-facing defects of issue #11, one test per defect, each named
after it.  Each test failed on the site before its fix.  Marked slow: they need the built site."""

from __future__ import annotations

import re

import pytest
import yaml

from .browser import SEARCH_RESULT_LINKS, search_box
from .conftest import ROOT
from .quizdriver import wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture()
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def _spec(slug: str) -> dict:
    return yaml.safe_load((ROOT / "content" / slug / "specification.yml").read_text(encoding="utf-8"))


def _aliases(slug: str) -> dict[str, str]:
    found = {}
    for path in (ROOT / "content" / slug / "units").glob("*.yml"):
        unit = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[str(unit["number"])] = str(unit["number"])
        for alias in unit.get("aliases", []):
            found[str(alias)] = str(unit["number"])
    return found


# 1. Home page cards count per qualification, not per specification.


@pytest.mark.parametrize("slug", ["nvq-cco", "cg-4417"])
def test_home_cards_count_per_qualification(page, site_url, errors, slug):
    spec, aliases = _spec(slug), _aliases(slug)
    page.goto(site_url)
    for qual in spec["qualifications"]:
        units = {aliases[str(n)] for g in qual["groups"] for n in g["units"]}
        mocks = [t for t in spec.get("tests", []) if all(aliases[str(n)] in units for n in t["units"])]
        card = page.locator(".grid.cards li", has=page.locator(f'a[href$="#{qual["id"]}"]'))
        text = card.inner_text()
        counts = {int(n) for n in re.findall(r"of its (\d+) units", text)}
        assert counts <= {len(units)}, f"{qual['id']}: {text!r} should count {len(units)} units"
        assert len(units) > 2 and ("every unit" in text or counts), text
        shown = re.search(r"(\d+) timed mock tests?", text)
        assert (int(shown.group(1)) if shown else 0) == len(mocks), f"{qual['id']}: {text!r}"
    assert errors == []


# 2. Review after a mock: the learner's answer and the right one are marked; filters.


def _start_mock(page, url, paper):
    page.goto(url)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("input[inputmode=numeric]").fill(str(paper))
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    return root


def test_mock_review_marks_answers_and_filters(page, site_url, errors):
    from .quizdriver import answer, bank_items

    items = bank_items("cg-4417", "201")
    root = _start_mock(page, site_url + "cg-4417/tests/201/", 7)
    ids = root.locator("section.csh-question").evaluate_all("els => els.map(e => e.dataset.itemId)")
    visible = root.locator("section.csh-question:visible")
    answer(visible, items[ids[0]], right=True)
    visible.locator("button.csh-next").click()
    answer(visible, items[ids[1]], right=False)
    visible.locator("button.csh-flag").click()
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    review = root.locator(".csh-review")
    first, second = (review.locator(f'section[data-item-id="{i}"]') for i in ids[:2])
    # Right: the one option is both the learner's answer and the correct answer.
    mine = first.locator("label.csh-option", has_text="Your answer")
    assert mine.count() == 1 and "Correct answer" in mine.inner_text()
    # Wrong: the learner's option and the correct option are named, each with an icon.
    mine = second.locator("label.csh-option", has_text="Your answer")
    right = second.locator("label.csh-option", has_text="Correct answer")
    assert mine.count() == 1 and right.count() == 1
    assert "Correct answer" not in mine.inner_text() and "Your answer" not in right.inner_text()
    for label in (mine, right):
        icon = label.locator(".csh-mark-icon")
        assert icon.count() == 1 and icon.get_attribute("aria-hidden") == "true"
        assert icon.evaluate("e => e.getBoundingClientRect().width") > 0
    # Filters: real buttons with counts, usable from the keyboard.
    filters = review.locator(".csh-review-filter button")
    assert filters.all_inner_texts() == ["All (45)", "Wrong (44)", "Flagged (1)"]
    assert filters.nth(0).get_attribute("aria-pressed") == "true"
    filters.nth(2).focus()
    page.keyboard.press("Enter")
    assert filters.nth(2).get_attribute("aria-pressed") == "true"
    assert review.locator("section.csh-question:visible").evaluate_all("els => els.map(e => e.dataset.itemId)") == [
        ids[1]
    ]
    filters.nth(1).focus()
    page.keyboard.press("Space")
    shown = review.locator("section.csh-question:visible").evaluate_all("els => els.map(e => e.dataset.itemId)")
    assert len(shown) == 44 and ids[0] not in shown
    filters.nth(0).click()
    assert review.locator("section.csh-question:visible").count() == 45
    assert errors == []


# 3. Short answers: normalised, one typo per six letters, and "I was right".

SHORT_CASES = [
    ("201-2-03", "a customer charter", True),
    ("201-2-03", "customer's charter", True),
    ("201-2-03", "The Customer Charters.", True),
    ("201-2-03", "chartre", True),  # two letters swapped: one typo
    ("201-2-03", "customer  -  charter", True),
    ("201-2-03", "policy", False),
    ("201-2-03", "zzz not it", False),
    ("201-1-24", "unique seling point", True),
    ("201-1-24", "Unique Selling Point\u2019s", True),
    ("201-1-24", "unique selling", False),
    ("201-1-24", "usp", False),
]


def _load_engine(page) -> None:
    """A unit page draws only its start screen; load the question code as Start would."""
    page.wait_for_function("() => !!(window.CSHub && window.CSHub.loader)")
    page.evaluate("() => CSHub.loader.need(CSHub.loader.NEEDS.session)")
    page.wait_for_function("() => !!(window.CSHub.engine && window.CSHub.engine.shortMatches)")


@pytest.mark.parametrize("item_id, text, right", SHORT_CASES)
def test_short_answers_forgive_form_and_typos(page, site_url, item_id, text, right):
    page.goto(site_url + "cg-4417/units/201/")
    _load_engine(page)
    item = {**next(i for i in _bank("cg-4417", "201") if i["id"] == item_id), "marks": 1}
    item.setdefault("case_sensitive", False)
    got = page.evaluate("a => window.CSHub.engine.score(a[0], {text: a[1]}).correct", [item, text])
    assert got is right, f"{text!r} for {item['accept']}"


def test_short_answer_distance_and_limits(page, site_url):
    page.goto(site_url + "cg-4417/units/201/")
    _load_engine(page)
    e = "window.CSHub.engine"
    assert page.evaluate(f"{e}.editDistance('abcd', 'abdc')") == 1
    assert page.evaluate(f"{e}.editDistance('kitten', 'sitting')") == 3
    # Under five letters nothing is forgiven; digits must match exactly.
    assert page.evaluate(f"{e}.shortMatches('cat', ['car'])") is False
    assert page.evaluate(f"{e}.shortMatches('Act 2010', ['Act 2015'])") is False
    assert page.evaluate(f"{e}.shortMatches('usp', ['USP'], true)") is False
    assert page.evaluate(f"{e}.shortMatches('the USP', ['USP'], true)") is True
    # An override counts as right; a stored override on an empty answer does not.
    item = {"type": "short", "marks": 2, "accept": ["charter"], "case_sensitive": False}
    assert page.evaluate(f"i => {e}.score(i, {{text: 'my words', override: true}}).score", item) == 2
    assert page.evaluate(f"i => {e}.score(i, {{text: '', override: true}}).score", item) == 0


def _bank(spec: str, unit: str) -> list[dict]:
    return yaml.safe_load((ROOT / "quizzes" / spec / f"{unit}.yml").read_text(encoding="utf-8"))["items"]


def test_short_answer_i_was_right_counts(page, site_url, errors):
    from .quizdriver import answer, bank_items

    items = bank_items("cg-4417", "201")
    page.goto(site_url + "cg-4417/units/201/lo-2/")
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    for _ in range(40):
        q = root.locator("section.csh-question")
        item = items[q.get_attribute("data-item-id")]
        if item["type"] == "short":
            break
        answer(q, item)
        root.locator("button.csh-check").click()
        root.locator("button.csh-next").click()
    else:
        pytest.fail("no short answer item came up")
    q.locator("input.csh-short").fill("my own words entirely")
    root.locator("button.csh-check").click()
    feedback = root.locator(".csh-feedback")
    assert "Not quite" in feedback.inner_text()
    overrule = feedback.get_by_role("button", name="I was right")
    overrule.focus()
    page.keyboard.press("Enter")
    assert "Marked right by you" in feedback.locator(".csh-verdict").inner_text()
    assert overrule.count() == 0 and "You marked this answer right." in feedback.inner_text()
    root.locator("button.csh-next").click()
    root.locator("button.csh-end").click()
    total = root.locator("[data-result-total]")
    assert total.get_attribute("data-score") == total.get_attribute("data-max")
    assert errors == []


# 4. Multi-select feedback names its option; matching feedback names the wrong rows.


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`]", "", markdown).strip()


def test_multiple_and_matching_feedback_name_options_and_rows(page, site_url, errors):
    from .quizdriver import answer, bank_items

    items = bank_items("cg-4417", "201")
    page.goto(site_url + "cg-4417/units/201/lo-1/")
    root = page.locator('[data-quiz-mode="practice"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    seen: set[str] = set()
    for _ in range(80):
        q = root.locator("section.csh-question")
        item = items[q.get_attribute("data-item-id")]
        kind = item["type"]
        wrong = kind in ("multiple", "matching") and kind not in seen
        answer(q, item, right=not wrong)
        root.locator("button.csh-check").click()
        feedback = root.locator(".csh-feedback")
        if wrong and kind == "multiple":
            lines = feedback.locator(".csh-option-feedback").all_inner_texts()
            picked = [o for i, o in enumerate(item["options"]) if not o.get("correct") or i == 0]
            for option in picked:
                assert any(_plain(option["text"]) in line for line in lines), (option["text"], lines)
            assert all(("You chose" in line) or ("You did not choose" in line) for line in lines), lines
        if wrong and kind == "matching":
            rows = feedback.locator(".csh-match-review li").all_inner_texts()
            assert len(rows) == len(item["pairs"]), rows  # every row was shifted, so every row is wrong
            for pair, row in zip(item["pairs"], rows, strict=True):
                assert _plain(pair["prompt"]) in row and f"the right match is \u201c{pair['answer']}\u201d" in row
        if wrong:
            seen.add(kind)
        if seen == {"multiple", "matching"}:
            break
        root.locator("button.csh-next").click()
    assert seen == {"multiple", "matching"}
    assert errors == []


# 5. Key-term tooltips: a tap opens them in place and they stay on screen; keyboard too.


def test_term_tooltips_open_on_tap_and_stay_on_screen(browser, site_url, errors):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(site_url + "cg-4417/units/201/lo-1/")
        terms = phone.locator("article a.csh-term[data-tip]")
        assert terms.count() >= 3
        for i in range(3):
            term = terms.nth(i)
            term.scroll_into_view_if_needed()
            term.tap()
            tip = phone.locator(".csh-tooltip")
            tip.wait_for()
            assert phone.url.split("#")[0].endswith("/cg-4417/units/201/lo-1/"), "a tap left for the glossary"
            box = tip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
            assert term.get_attribute("aria-describedby") == tip.get_attribute("id")
            phone.keyboard.press("Escape")  # the open tip may cover the next term
        # Tapping elsewhere closes it; the link inside the tooltip goes to the glossary term.
        phone.locator("article h1").tap()
        assert phone.locator(".csh-tooltip").count() == 0
        term = terms.first
        href = term.get_attribute("href")
        term.tap()
        phone.locator(".csh-tooltip a").tap()
        phone.wait_for_url("**/glossary/#" + href.split("#")[1])
    finally:
        context.close()


def test_term_tooltips_follow_keyboard_focus(page, site_url, errors):
    page.goto(site_url + "cg-4417/units/201/lo-1/")
    term = page.locator("article a.csh-term[data-tip]").first
    term.focus()
    tip = page.locator(".csh-tooltip")
    assert tip.is_visible() and term.get_attribute("data-tip") in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.count() == 0
    assert errors == []


# 6. Matching selects on a phone do not widen the page.

RENDER_LONGEST_MATCHING = """(root, quiz) => {
    const H = window.CSHub;
    const longest = it => Math.max(...it.choices.map(c => c.length));
    const item = quiz.items.filter(it => it.type === "matching").sort((a, b) => longest(b) - longest(a))[0];
    root.innerHTML = "";
    const block = H.quiz.questionBlock(item, 0, 1);
    const order = H.engine.arrange(item, H.engine.rng(1));
    block.appendChild(H.quiz.controls(item, order, {}, () => {}, false));
    root.appendChild(block);
    return item.choices.slice().sort((a, b) => b.length - a.length)[0];
}"""


def _payload(url: str) -> dict:
    """The quiz payload exactly as the built page embeds it (the script empties its root)."""
    import json
    import urllib.request

    html = urllib.request.urlopen(url).read().decode("utf-8")
    raw = re.search(r'<script type="application/json" class="csh-quiz-data">(.*?)</script>', html, re.S)
    return json.loads(raw.group(1).replace("<\\/", "</"))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_matching_selects_fit_a_phone(browser, site_url, errors, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(site_url + "cg-4417/units/302/lo-3/")
        root = page.locator('[data-quiz-mode="practice"]')
        _load_engine(page)
        longest = root.evaluate(RENDER_LONGEST_MATCHING, _payload(site_url + "cg-4417/units/302/lo-3/"))
        assert len(longest) > 80
        selects = root.locator("table.csh-matching select")
        for i in range(selects.count()):
            selects.nth(i).select_option(longest)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{width} px wide"
        for i in range(selects.count()):
            box = selects.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    finally:
        context.close()


# 7. The route planner's sticky verdict is one line and never covers a checkbox.


@pytest.mark.parametrize("spec, qual", [("nvq-cco", "nvq-cco-l3"), ("svq-4-cs", "svq-4-cs")])
def test_route_verdict_is_one_line_and_covers_nothing(phone, site_url, errors, spec, qual):
    phone.goto(site_url + f"{spec}/")
    root = phone.locator(f'[data-route-planner="{qual}"]')
    boxes = root.locator("input[type=checkbox]")
    for i in range(3):  # an invalid selection: many reasons to show
        boxes.nth(i).check()
    summary = root.locator(".csh-planner-summary")
    target = boxes.nth(6)
    # Put a checkbox just above where an 80 px bar would start, then click where it is.
    target.scroll_into_view_if_needed()
    phone.evaluate("y => window.scrollBy(0, y)", target.bounding_box()["y"] - (PHONE["height"] - 90) + 10)
    bar = summary.bounding_box()
    assert bar["height"] < 80, f"verdict bar is {bar['height']} px tall"
    assert bar["y"] + bar["height"] <= PHONE["height"] + 1, "the verdict is not at the bottom of the screen"
    box = target.bounding_box()
    phone.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert target.is_checked(), "the verdict covered the checkbox"
    # The details open on demand, outside the sticky bar.
    more = summary.get_by_role("button", name="Details")
    assert more.get_attribute("aria-expanded") == "false"
    more.focus()
    phone.keyboard.press("Enter")
    details = root.locator(".csh-route-details")
    assert more.get_attribute("aria-expanded") == "true" and details.is_visible()
    assert details.locator("li").count() >= 1
    assert summary.bounding_box()["height"] < 80
    assert errors == []


# Earlier fixes that must hold: the editors' "Content format" page is not in learners' menu.


def test_content_format_is_not_in_the_learners_navigation(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(site_url + "glossary/")  # the home page hides the navigation
        nav = page.locator("nav.md-nav--primary")
        nav.get_by_role("link", name="About this content").wait_for()
        visible = [t.strip() for t in nav.locator("a:visible").all_inner_texts()]
        assert "About this content" in visible and "Content format" not in visible, visible
        assert nav.locator("label", has_text="For editors").count() >= 1
        page.goto(site_url + "content-format/")
        assert page.locator("h1").count() == 1
    finally:
        context.close()


# 8. Glossary: "Used in" grouped by qualification; a filter box with a live count.


def test_glossary_used_in_is_grouped_and_terms_filter(page, site_url, errors):
    page.goto(site_url + "glossary/")
    entry = page.locator(".csh-term-entry", has=page.locator("#internal-customer"))
    used = entry.locator("small").inner_text()
    titles = [_spec(s)["short_title"] for s in ("cg-4417", "nvq-cco", "btec-l2-cso")]
    assert not any(t in used for t in titles), used
    assert used.count("C&G 4417") == 1 and "201" in used and "202" in used, used
    box = page.get_by_label("Find a term")
    total = page.locator(".csh-term-entry").count()
    box.focus()
    page.keyboard.type("customer char")
    count = page.locator(".csh-glossary-count")
    assert count.get_attribute("aria-live") == "polite"
    shown = page.locator(".csh-term-entry:visible")
    assert 1 <= shown.count() < total
    assert count.inner_text() == f"{shown.count()} term{'s match' if shown.count() != 1 else ' matches'}."
    assert all("charter" in t.lower() for t in shown.locator(".csh-term-name").all_inner_texts())
    box.fill("")
    assert page.locator(".csh-term-entry:visible").count() == total
    assert errors == []


def test_glossary_shows_every_term_without_javascript(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "glossary/")
        assert page.locator(".csh-term-entry:visible").count() == page.locator(".csh-term-entry").count() > 50
        assert not page.locator("[data-csh-glossary-filter]").is_visible()
        assert page.locator("#internal-customer").count() == 1  # the term anchors are unchanged
    finally:
        context.close()


# 9. Search: a glossary hit opens its term, not the letter heading.


def test_search_opens_the_glossary_term(page, site_url, errors):
    page.goto(site_url + "glossary/")
    search_box(page).fill("internal customer")
    # The hit links to the term's own section (the engines add ?h=... before the anchor).
    page.locator(f'{SEARCH_RESULT_LINKS}[href*="glossary/"][href$="#internal-customer"]').first.wait_for()
    assert errors == []
