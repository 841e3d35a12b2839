"""Accessibility checks in a real browser: text contrast in the light and dark schemes
(WCAG 2.2 AA, 4.5:1), a visible focus ring, and quiz controls with accessible names."""

from __future__ import annotations

import pytest

from .quizdriver import wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CONTRAST_JS = """
selector => {
  function rgb(s) {
    const m = s.match(/[\\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1};
  }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); }
  function background(el) {
    while (el) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.a > 0.5) return c; el = el.parentElement; }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  const out = [];
  document.querySelectorAll(selector).forEach(el => {
    if (!el.offsetParent || !el.textContent.trim()) return;
    const fg = rgb(getComputedStyle(el).color), bg = background(el);
    const a = fg.a;  // blend translucent text over its background
    const mix = {r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a)};
    const l1 = lum(mix), l2 = lum(bg);
    out.push([el.textContent.trim().slice(0, 30), (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)]);
  });
  return out;
}
"""

SELECTORS = [
    "article p",
    "article a:not(.headerlink)",
    "article li",
    ".csh-quiz .md-button",
    ".csh-nav-btn",
    ".csh-timer",
    ".csh-paper",
    ".csh-option span",
    ".csh-nav-summary",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_on_a_mock_test(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "cg-4417/tests/201/")
    page.locator('[data-quiz-mode="mock"] input[inputmode=numeric]').fill("201")  # a fixed paper
    page.locator("button.csh-begin").click()
    wait_for_paper(page)
    # Answer and flag the first question so the navigator shows every state.
    page.locator(".csh-navigator button.csh-nav-btn").nth(1).click()
    page.locator("section.csh-question:visible button.csh-flag").click()
    # Measure settled colours, not a frame in the middle of Material's colour transitions.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    low = []
    for selector in SELECTORS:
        for text, ratio in page.evaluate(CONTRAST_JS, selector):
            if ratio < 4.5:
                low.append((selector, text, round(ratio, 2)))
    context.close()
    assert low == [], low


def test_focus_is_visible_and_controls_are_named(page, site_url):
    page.goto(site_url + "cg-4417/tests/201/")
    page.locator("button.csh-begin").focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    wait_for_paper(page.locator(".csh-quiz"))
    unnamed = page.evaluate("""() => [...document.querySelectorAll(
        '.csh-quiz button, .csh-quiz input, .csh-quiz select')]
        .filter(e => e.offsetParent)
        .filter(e => !(e.getAttribute('aria-label') || e.labels && e.labels.length || e.textContent.trim()
                       || e.getAttribute('aria-labelledby')))
        .map(e => e.outerHTML.slice(0, 80))""")
    assert unnamed == []
