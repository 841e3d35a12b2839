"""The in-page time to draw, render and score a 45-question mock (issue #14: under 50 ms of
script time), measured in chromium with `performance.now`."""

from __future__ import annotations

from typing import Any

# Runs in the page.  Goes through the DOM only (conventions §5 hooks and the visible
# controls), so it does not depend on how the quiz scripts are split.
# Drawing is synchronous; the results wait for the feedback script if it has not arrived,
# so both ends wait on a MutationObserver.
_MOCK_JS = """
async (seed) => {
  const root = document.querySelector('[data-quiz-mode="mock"]');
  const until = (test) => new Promise((resolve) => {
    if (test()) { resolve(performance.now()); return; }
    const obs = new MutationObserver(() => { if (test()) { obs.disconnect(); resolve(performance.now()); } });
    obs.observe(root, { childList: true, subtree: true, attributes: true });
  });
  const paper = root.querySelector('input[inputmode=numeric]');
  if (paper) paper.value = String(seed);
  // The paper's scripts load when the learner points at or tabs into the start screen
  // (quiz-start.js).  That is network time, not script time: it is reported apart as
  // load_ms, and the draw is timed from the press, as a learner who tabbed to Start sees it.
  const tl = performance.now();
  (paper || root).dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  while (!window.CSHub.Mock) await new Promise((r) => setTimeout(r, 2));
  const loadMs = performance.now() - tl;
  const t0 = performance.now();
  root.querySelector('button.csh-begin').click();
  const t1 = await until(() => root.querySelectorAll('section.csh-question').length > 0);
  void document.body.offsetHeight;  // style and layout of the drawn paper
  const t1l = performance.now();
  // The review's feedback script, requested when the paper starts, arrives while a learner
  // reads the first questions (minutes, not milliseconds): wait for it, and report when.
  const quizId = root.getAttribute('data-quiz');
  const feedbackAt = await new Promise((resolve) => {
    const check = () => (window.CSHub.mockFeedback || {})[quizId] ? resolve(performance.now())
      : performance.now() - t0 > 5000 ? resolve(-1) : setTimeout(check, 5);
    check();
  });
  const questions = root.querySelectorAll('section.csh-question');
  const ta = performance.now();
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  for (const q of questions) {
    const option = q.querySelector('label.csh-option input');
    if (option) { option.click(); continue; }
    const text = q.querySelector('input.csh-short, textarea');
    if (text) { text.value = 'an answer'; fire(text, 'input'); continue; }
    const selects = q.querySelectorAll('select');
    if (selects.length) { selects.forEach((s) => { s.selectedIndex = 1; fire(s, 'change'); }); continue; }
    const move = q.querySelector('button.csh-move:not([disabled])');
    if (move) move.click();
  }
  const t2 = performance.now();
  root.querySelector('button.csh-submit').click();
  if (!root.querySelector('[data-result-total]')) {
    const anyway = root.querySelector('.csh-confirm-submit');
    if (anyway) anyway.click();
  }
  const t3 = await until(() => root.querySelector('[data-result-total]') !== null);
  void document.body.offsetHeight;
  const t3l = performance.now();
  return { questions: questions.length, load_ms: loadMs, draw_ms: t1 - t0, draw_layout_ms: t1l - t0,
           feedback_ms: feedbackAt < 0 ? -1 : feedbackAt - t0,  // -1: never arrived
           answer_ms: t2 - ta, score_ms: t3 - t2, score_layout_ms: t3l - t2,
           script_ms: (t1 - t0) + (t3 - t2), with_layout_ms: (t1l - t0) + (t3l - t2) };
}
"""


def mock_timing(browser: Any, url: str, seed: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector('[data-quiz-mode="mock"] button.csh-begin')
        result: dict[str, float] = page.evaluate(_MOCK_JS, seed)
        return result
    finally:
        context.close()
