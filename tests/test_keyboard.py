"""Keyboard-only use of the quizzes and flashcards (no mouse at all), with the focus visible
at every stop; and the quiz controls under reduced motion and forced colours."""

from __future__ import annotations

import pytest

from .quizdriver import bank_items, wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MOCK_201 = "cg-4417/tests/201/"
PAPER = "2"  # a fixed paper of Unit 201 that draws every question type in the bank

# The focused element's ring: an outline or a box-shadow of at least 2 px whose colour has
# 3:1 contrast against the background behind the element (WCAG 2.4.7, 2.4.13 in spirit).
FOCUS_JS = """
() => {
  let el = document.activeElement;
  if (!el || el === document.body) return {ok: false, why: 'nothing focused'};
  // Material's palette toggle: a hidden radio whose label (the next sibling) shows the focus.
  if (el.matches('input.md-option') && el.form)
    el = [...el.form.querySelectorAll('label')].find(l => l.getBoundingClientRect().width > 0) || el;
  const r = el.getBoundingClientRect();
  const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
  const what = el.tagName.toLowerCase() + classes.map(c => '.' + c).join('')
               + ' ' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40);
  if (r.width === 0 && r.height === 0) return {ok: false, why: 'focused element is not rendered: ' + what};
  // WCAG 2.4.11: a quiz control is not entirely hidden by sticky content (the quiz bar, the header).
  const inQuiz = !!el.closest('.csh-quiz, [data-csh-flashcards]');
  const inset = (a, b) => a + Math.min(4, (b - a) / 2);
  const points = [[(r.left + r.right) / 2, (r.top + r.bottom) / 2],
                  [inset(r.left, r.right), inset(r.top, r.bottom)],
                  [r.right - (inset(r.left, r.right) - r.left), r.bottom - (inset(r.top, r.bottom) - r.top)]];
  const mine = hit => hit && (hit === el || el.contains(hit) || hit.contains(el)
                             || (el.labels && [...el.labels].some(l => l.contains(hit))));
  const seen = points.some(([x, y]) => mine(document.elementFromPoint(x, y)));
  if (inQuiz && !seen && r.bottom > 0 && r.top < innerHeight)
    return {ok: false, why: 'focused element is covered: ' + what};
  function rgb(s) { const m = (s.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number);
                    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
  function ratio(a, b) { const l1 = lum(a), l2 = lum(b); return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05); }
  let p = el.parentElement, bg = {r: 255, g: 255, b: 255, a: 1};
  while (p) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.a > 0.5) { bg = c; break; }
    p = p.parentElement;
  }
  const cs = getComputedStyle(el);
  const rings = [];
  if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2)
    rings.push({w: parseFloat(cs.outlineWidth), c: rgb(cs.outlineColor)});
  // box-shadow: "rgb(...) 0px 0px 0px 5px" (colour first in computed style), comma-separated
  if (cs.boxShadow && cs.boxShadow !== 'none') {
    for (const part of cs.boxShadow.split(/,(?![^(]*\\))/)) {
      const color = part.match(/rgba?\\([^)]*\\)/);
      const nums = part.replace(/rgba?\\([^)]*\\)/, '').match(/-?[\\d.]+px/g) || [];
      const spread = nums.length >= 4 ? parseFloat(nums[3]) : 0;
      if (color && spread >= 2 && !/inset/.test(part)) rings.push({w: spread, c: rgb(color[0])});
    }
  }
  const best = Math.max(0, ...rings.filter(x => x.c.a > 0.5).map(x => ratio(x.c, bg)));
  return {ok: best >= 3, why: 'focus ring ' + best.toFixed(2) + ':1 (' + rings.length + ' ring(s)) on ' + what, what};
}
"""


class Keys:
    """Tab through a page as a keyboard user does, checking the focus ring at every stop."""

    def __init__(self, page):
        self.page = page
        self.stops = 0
        self.problems: list[str] = []
        self.last = "start"

    def check_focus(self):
        state = self.page.evaluate(FOCUS_JS)
        if not state["ok"]:  # measure the settled page, not a frame of a scroll into view
            self.page.wait_for_timeout(400)
            state = self.page.evaluate(FOCUS_JS)
        self.stops += 1
        why = state["why"] + ("" if state["ok"] else f" (after: {self.last})")
        if not state["ok"] and why not in self.problems:
            self.problems.append(why)

    def press(self, key: str):
        if key not in ("Tab", "Shift+Tab"):
            self.last = (
                key
                + " on "
                + self.active(
                    "el.tagName + '.' + el.className + ' ' + (el.type || '') + ' in '"
                    " + ((el.closest('[data-item-id]') || {}).dataset || {}).itemId"
                )
            )
        self.page.keyboard.press(key)
        if key in ("Tab", "Shift+Tab"):
            self.check_focus()

    def tab_to(self, selector: str, back: bool = False, limit: int = 400, nth: int | None = None):
        for _ in range(limit):
            if self.page.evaluate(
                """([s, n]) => { const el = document.activeElement;
                    return !!el && (n === null ? el.matches(s) : document.querySelectorAll(s)[n] === el); }""",
                [selector, nth],
            ):
                return
            self.press("Shift+Tab" if back else "Tab")
        raise AssertionError(f"Tab never reached {selector}")

    def active(self, js: str):
        return self.page.evaluate(f"() => {{ const el = document.activeElement; return {js}; }}")


def answer_by_keys(keys: Keys, q, item: dict) -> None:
    """Answer the visible question `q` with the key, using the keyboard only."""
    page = keys.page
    kind = item["type"]
    qsel = f'section.csh-question[data-item-id="{item["id"]}"]'
    if kind in ("single", "true-false"):
        if kind == "single":
            want = next(i for i, o in enumerate(item["options"]) if o.get("correct"))
            target = f'{qsel} label[data-option-index="{want}"] input'
        else:
            target = f'{qsel} label[data-option-value="{str(item["answer"]).lower()}"] input'
        keys.tab_to(f"{qsel} input[type=radio]")
        keys.press("Space")
        for _ in range(12):  # arrow keys move the choice within the group
            if page.evaluate("s => document.querySelector(s).checked", target):
                break
            keys.press("ArrowDown")
            keys.check_focus()
        assert page.evaluate("s => document.querySelector(s).checked", target)
    elif kind == "multiple":
        # In the order shown (options are shuffled), as a keyboard user moves down the list.
        shown = q.locator("label[data-option-index]").evaluate_all("els => els.map(e => +e.dataset.optionIndex)")
        for i in shown:
            if item["options"][i].get("correct"):
                keys.tab_to(f'{qsel} label[data-option-index="{i}"] input')
                keys.press("Space")
    elif kind == "short":
        keys.tab_to(f"{qsel} input.csh-short")
        page.keyboard.type(item["accept"][0])
    elif kind == "matching":
        answers = [p["answer"] for p in item["pairs"]]
        for i, want in enumerate(answers):
            keys.tab_to(f"{qsel} select", nth=i)
            for _ in range(len(answers) + 3):
                value = keys.active("[el.value, el.options[el.selectedIndex] ? el.options[el.selectedIndex].text : '']")
                if want in value:
                    break
                keys.press("ArrowDown")
            assert want in keys.active("[el.value, el.options[el.selectedIndex].text]"), (item["id"], want)
    elif kind == "ordering":
        n = len(item["sequence"])
        for pos in range(n):
            for _ in range(n):
                order = q.locator("ol.csh-ordering li").evaluate_all("els => els.map(e => +e.dataset.step)")
                if order.index(pos) == pos:
                    break
                keys.tab_to(f'{qsel} ol.csh-ordering li[data-step="{pos}"] button.csh-move:not([disabled])')
                assert keys.active("el.textContent").startswith("Move up")
                keys.press("Enter")
        order = q.locator("ol.csh-ordering li").evaluate_all("els => els.map(e => +e.dataset.step)")
        assert order == list(range(n))
    elif kind == "extended":
        keys.tab_to(f"{qsel} textarea")
        page.keyboard.type("My answer covers the main points.")
    else:
        raise AssertionError(kind)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_whole_mock_test_by_keyboard(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    keys = Keys(page)
    page.goto(site_url + MOCK_201)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").wait_for()
    keys.tab_to('[data-quiz-mode="mock"] input[inputmode=numeric]')  # from the top of the page
    page.keyboard.type(PAPER)
    # The real test is multiple-choice, so exam style is on: turn it off, by keyboard, to
    # meet every question type.
    keys.tab_to("input.csh-exam-style")
    assert page.locator("input.csh-exam-style").is_checked()
    keys.press("Space")
    assert not page.locator("input.csh-exam-style").is_checked()
    keys.tab_to("button.csh-begin")
    keys.press("Enter")
    wait_for_paper(root)
    items = bank_items("cg-4417", "201")
    total = root.locator("section.csh-question").count()
    seen = set()
    for i in range(total):
        q = root.locator("section.csh-question:visible")
        item = items[q.get_attribute("data-item-id")]
        seen.add(item["type"])
        answer_by_keys(keys, q, item)
        if i == 0:
            keys.tab_to("section.csh-question:not([hidden]) button.csh-flag")
            keys.press("Enter")
            assert q.locator("button.csh-flag").get_attribute("aria-pressed") == "true"
        if i < total - 1:
            keys.tab_to("section.csh-question:not([hidden]) button.csh-next")
            keys.press("Enter")
            assert root.locator("section.csh-question:visible").get_attribute("data-item-id") != item["id"]
    assert seen >= {"single", "multiple", "true-false", "short", "matching", "ordering"}, seen
    # The navigator: back to question 1 (flagged) from the keyboard.  On a phone the
    # question map is folded away: open it from its summary first.
    folded = root.locator("details.csh-nav-fold").get_attribute("open") is None
    if folded:
        keys.tab_to(".csh-nav-summary", back=True)
        keys.press("Enter")
    # The map's buttons follow its summary: forwards from there, backwards from below.
    keys.tab_to(".csh-navigator button.csh-nav-btn[data-flagged=true]", back=not folded)
    keys.press("Enter")
    assert root.locator("section.csh-question:visible h3").inner_text().startswith("Question 1 of")
    assert root.locator(".csh-nav-summary").inner_text().startswith(f"Question map: {total} of {total} answered")
    # Pause and resume.
    keys.tab_to("button.csh-pause", back=True)
    keys.press("Enter")
    assert root.locator(".csh-stage").is_hidden()
    keys.tab_to("button.csh-resume")
    keys.press("Enter")
    assert root.locator(".csh-stage").is_visible()
    # Submit: everything is answered, so no warning is needed (the dialog may still confirm).
    keys.tab_to("button.csh-submit", back=True)
    keys.press("Enter")
    if root.locator(".csh-confirm").is_visible():
        keys.tab_to("button.csh-confirm-submit", back=True)
        keys.press("Enter")
    total_el = root.locator("[data-result-total]")
    total_el.wait_for()
    assert total_el.get_attribute("data-score") == total_el.get_attribute("data-max")
    keys.tab_to("button.csh-new")  # the results and review are reachable too
    assert keys.problems == [], f"focus not visible at {len(keys.problems)} stop(s) of {keys.stops}:\n" + "\n".join(
        keys.problems
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_flashcard_session_by_keyboard(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    keys = Keys(page)
    page.goto(site_url + "glossary/flashcards/")
    root = page.locator("[data-csh-flashcards]")
    card = root.locator(".csh-fc-card")
    first = card.get_attribute("data-slug")
    keys.tab_to(".csh-fc-card")
    keys.press("Space")  # show the answer on the card itself
    assert root.locator(".csh-fc-back").is_visible()
    keys.check_focus()
    keys.press("k")
    assert card.get_attribute("data-slug") != first
    keys.tab_to("button.csh-fc-flip")  # or with the buttons
    keys.press("Enter")
    assert root.locator(".csh-fc-back").is_visible()
    keys.check_focus()  # focus moved to "I knew it"
    keys.tab_to("button.csh-fc-know, button.csh-fc-not, button.csh-fc-notyet, .csh-fc-controls button")
    keys.press("Enter")
    # Two cards known once each: both are learning now (next turn tomorrow), none still new.
    assert " · 0 due today · 2 learning · 0 known" in root.locator(".csh-fc-stats").inner_text()
    context.close()
    assert keys.problems == [], f"focus not visible ({scheme}):\n" + "\n".join(keys.problems)


def start_mock_and_answer_one(page, site_url):
    """Questions 1 and 2 answered, question 2 current and flagged, the rest untouched."""
    page.goto(site_url + MOCK_201)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("input[inputmode=numeric]").fill(PAPER)
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    q = root.locator("section.csh-question:visible")
    q.locator("input").first.check()
    q.locator("button.csh-next").click()
    root.locator("section.csh-question:visible input").first.check()
    root.locator("section.csh-question:visible button.csh-flag").click()
    return root


def test_reduced_motion_stops_quiz_transitions(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    start_mock_and_answer_one(page, site_url)
    slow = page.evaluate("""() => {
      const secs = v => Math.max(...v.split(',')
        .map(s => s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)));
      return [...document.querySelectorAll('.csh-quiz, .csh-quiz *')].map(el => {
        const cs = getComputedStyle(el);
        const t = secs(cs.transitionDuration), a = cs.animationName !== 'none' ? secs(cs.animationDuration) : 0;
        return [el.tagName.toLowerCase() + '.' + [...el.classList].join('.'), t, a];
      }).filter(([_, t, a]) => t > 0.01 || a > 0.01);
    }""")
    context.close()
    assert slow == [], slow[:10]


def test_forced_colours_keep_quiz_state_and_focus_visible(browser, site_url):
    context = browser.new_context(forced_colors="active")
    page = context.new_page()
    root = start_mock_and_answer_one(page, site_url)
    state = page.evaluate("""() => {
      const style = el => { const cs = getComputedStyle(el), after = getComputedStyle(el, '::after');
        return [cs.borderStyle, cs.borderWidth, cs.outlineStyle, cs.outlineWidth, cs.textDecorationLine, cs.fontWeight,
                cs.backgroundColor, cs.color, after.content].join('|'); };
      const nav = [...document.querySelectorAll('.csh-nav-btn')];
      const has = (b, c) => b.classList.contains(c);
      const answered = nav.find(b => has(b, 'is-answered') && !has(b, 'is-flagged') && !has(b, 'is-current'));
      const plain = nav.find(b => !has(b, 'is-answered') && !has(b, 'is-flagged') && !has(b, 'is-current'));
      const radio = document.querySelector('section.csh-question:not([hidden]) input:checked');
      const rr = radio.getBoundingClientRect(), rs = getComputedStyle(radio);
      return {forced: matchMedia('(forced-colors: active)').matches,
              answered: answered && style(answered), plain: plain && style(plain),
              radioShown: rr.width >= 10 && rr.height >= 10 && rs.opacity !== '0' && rs.visibility !== 'hidden'
                          && rs.appearance !== 'none'};
    }""")
    assert state["forced"] and state["answered"] and state["plain"], state
    assert state["radioShown"], "the chosen option's own radio button must stay visible"
    # Forced colours flatten colour: the answered state needs a border, outline or mark too
    # (the colours are compared only with colour removed).
    strip = lambda s: "|".join(s.split("|")[:6] + s.split("|")[8:])  # noqa: E731
    assert strip(state["answered"]) != strip(state["plain"]), state
    # Focus on a quiz control keeps a visible outline (box-shadows are dropped).
    root.locator("section.csh-question:visible button.csh-next").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("(cs => [cs.outlineStyle, cs.outlineWidth])(getComputedStyle(document.activeElement))")
    context.close()
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, outline


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_a_paper_link_is_reached_and_shows_its_focus(browser, site_url, scheme):
    """The mock test's "Print a paper version" links are reached by Tab from the top of the
    page, with a visible focus ring, and Enter opens the paper; on the paper page every
    stop (links, and the print button once print.js shows it) shows its focus too."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    keys = Keys(page)
    page.goto(site_url + MOCK_201)
    page.locator('[data-quiz-mode="mock"] button.csh-begin').wait_for()
    # (Material's instant loading rewrites each href to a full address, so match by place.)
    keys.tab_to(".csh-paper-links a", nth=0)
    keys.check_focus()
    assert page.locator(".csh-paper-links a").first.inner_text() == "paper 1"
    box = page.locator(".csh-paper-links a").first.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 900, f"the focused link is off screen: {box}"
    keys.press("Enter")
    page.wait_for_url("**/tests/201/paper-1/")
    button = page.locator("button.csh-print-button")
    button.wait_for()  # print.js unhides it
    keys.tab_to("button.csh-print-button")
    keys.tab_to("footer a", limit=200)  # and on through the paper's links to the footer
    context.close()
    assert keys.problems == [], f"focus not visible at {len(keys.problems)} stop(s) of {keys.stops}:\n" + "\n".join(
        keys.problems
    )
