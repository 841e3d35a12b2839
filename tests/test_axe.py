"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page kind, in the light and the dark
scheme, with quizzes and flashcards driven into each of their states.  Zero violations of any
impact are allowed.

axe-core comes from npm (package.json, pinned; `make test` runs `npm ci`) and is injected
into each page with Playwright's add_script_tag."""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT
from .quizdriver import answer, bank_items, wait_for_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = ["light", "dark"]
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
MOCK_201 = "cg-4417/tests/201/"


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --no-audit --no-fund` (or `make test`)")
    # Measure settled colours, not a frame in the middle of Material's colour transitions.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    # content-visibility: auto (a mock's review) leaves off-screen blocks unrendered, which axe
    # would skip or measure at placeholder positions: render everything, so all of it is checked.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                          resultTypes: ['violations']})
        .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))""",
        TAGS,
    )
    return result


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -- {len(v['nodes'])} node(s)")
        for node in v["nodes"][:8]:
            lines.append(f"    {node['target']}: {(node['summary'] or '').splitlines()[-1].strip()[:160]}")
    return "\n".join(lines)


@pytest.fixture(params=SCHEMES)
def scheme_page(request, browser, site_url):
    """A fresh page whose browser prefers the given colour scheme; Material follows it (the
    palette's `media` entries) unless a palette is stored, so we store the same one too."""
    scheme = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    palette = {
        "index": SCHEMES.index(scheme),
        "color": {
            "media": f"(prefers-color-scheme: {scheme})",
            "scheme": MATERIAL_SCHEME[scheme],
            "primary": "indigo",
            "accent": "indigo" if scheme == "light" else "light-blue",
        },
    }
    # Material keeps the chosen palette under "<base path>.__palette"; set it for the site root.
    stored = json.dumps(json.dumps(palette))
    context.add_init_script(f"try {{ localStorage.setItem('/.__palette', {stored}); }} catch (e) {{}}")
    page = context.new_page()
    page.scheme = scheme
    yield page
    context.close()


def check(page, label: str) -> None:
    got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert got == MATERIAL_SCHEME[page.scheme], f"{label}: page is in scheme {got!r}, wanted {page.scheme}"
    violations = axe_violations(page)
    assert violations == [], f"{label} [{page.scheme}]:\n{describe(violations)}"


STATIC = {
    "home": "",
    "specification cg-4417 (route planner)": "cg-4417/",
    "specification nvq-cco (route planner)": "nvq-cco/",
    "unit": "cg-4417/units/201/",
    "outcome page (with a diagram)": "cg-4417/units/201/lo-3/",
    "content-area page": "btec-l2-cso/units/1/content-a1/",
    "item statistics": "tutors/item-statistics/",
    "glossary": "glossary/",
    "legislation index": "legislation/",
    "legislation entry": "legislation/consumer-rights-act-2015/",
    "progress (empty)": "progress/",
    "tutors": "tutors/",
    "printable paper": "cg-4417/tests/201/paper-1/",
    "printable paper's answer key": "tutors/keys/cg-4417-201-paper-1/",
    "LMS guide": "lms/",
    "SCORM guide": "scorm/",
    "centres guide": "centres/",
    "hosting guide": "hosting/",
    "404": "404.html",
}


@pytest.mark.parametrize("label", list(STATIC))
def test_static_page(scheme_page, site_url, label):
    scheme_page.goto(site_url + STATIC[label])
    check(scheme_page, label)


def test_alias_page_before_its_redirect(scheme_page, site_url):
    # The alias page sends the reader on at once; serve it with the redirect disarmed so the
    # page itself (seen for an instant, or with scripts blocked) is what axe checks.
    def disarm(route):
        response = route.fetch()
        # Both bootstrap/alias.js and hub.js (the data-csh-alias marker) redirect.
        body = (
            response.text()
            .replace("location.replace(", "void (")
            .replace("data-csh-alias=", "data-csh-alias-disarmed=")
        )
        route.fulfill(response=response, body=body)

    scheme_page.route("**/cg-4417/units/271/", disarm)
    # The redirect itself lives in a same-origin script (the strict CSP allows no inline one).
    scheme_page.route("**/bootstrap/alias.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    scheme_page.goto(site_url + "cg-4417/units/271/")
    assert "/units/271/" in scheme_page.url
    check(scheme_page, "alias 271")


def test_practice_quiz(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "cg-4417/units/201/")
    root = page.locator('[data-quiz-mode="practice"]').first
    check(page, "practice: start")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    question = root.locator("section.csh-question")
    question.wait_for()
    check(page, "practice: question shown")
    items = bank_items("cg-4417", "201")
    answer(question, items[question.get_attribute("data-item-id")], right=False)
    root.locator("button.csh-check").click()
    root.locator(".csh-feedback").wait_for()
    check(page, "practice: wrong answer with feedback")
    # A hovered link keeps its contrast (Material's accent colour did not, on dark panels).
    root.locator(".csh-feedback .csh-links a").first.hover()
    check(page, "practice: revise link hovered")
    root.locator("button.csh-next").click()
    question = root.locator("section.csh-question")
    answer(question, items[question.get_attribute("data-item-id")], right=True)
    root.locator("button.csh-check").click()
    root.locator(".csh-feedback").wait_for()
    check(page, "practice: right answer with feedback")


def test_mock_test_in_every_state(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + MOCK_201)
    root = page.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").wait_for()
    check(page, "mock: start screen")
    root.locator("input[inputmode=numeric]").fill("201")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    items = bank_items("cg-4417", "201")
    q = root.locator("section.csh-question:visible")
    answer(q, items[q.get_attribute("data-item-id")])
    q.locator("button.csh-flag").click()
    root.locator(".csh-navigator button.csh-nav-btn").nth(1).click()
    check(page, "mock: in progress (answered, flagged, current)")
    root.locator("button.csh-pause").click()
    check(page, "mock: paused")
    root.locator("button.csh-resume").click()
    root.locator("button.csh-submit").click()
    root.locator(".csh-confirm").wait_for()
    check(page, "mock: submit warning")
    root.locator("button.csh-confirm-submit").click()
    root.locator("[data-result-total]").wait_for()
    # The results screen holds the review of every answer below the table.
    assert root.locator(".csh-review section.csh-question").count() == 45
    check(page, "mock: results and review")
    page.goto(site_url + "progress/")
    page.locator("tr.csh-attempt").first.wait_for()
    check(page, "progress: after a mock result")


REVIEW_CARD = {"ef": 2.5, "reps": 1, "interval": 1, "due": "2026-11-01", "last": "2026-10-31T10:00:00.000Z"}
REVIEW_STATE = {
    "cs-hub:v1:review": {
        "v": 1,
        "items": {
            "cg-4417-201-practice|201-1-01": {**REVIEW_CARD, "o": "1", "h": [0, 1]},
            "cg-4417-201-practice|201-2-01": {**REVIEW_CARD, "o": "2", "h": [1]},
            "btec-l2-cso-1-practice|1-AO1-01": {**REVIEW_CARD, "o": "A", "h": [0]},
        },
        "cards": {"complaint": REVIEW_CARD},
    },
    "cs-hub:v1:mock:cg-4417-test-201": {
        "v": 1,
        "seed": 2,
        "paper": ["201-1-01", "201-1-02"],
        "responses": {},
        "current": 0,
        "submitted": False,
        "started": "2026-11-01T09:00:00.000Z",
    },
}


def test_progress_review_sections(scheme_page, site_url):
    page = scheme_page
    page.clock.set_fixed_time("2026-11-10T10:00:00")
    page.goto(site_url + "progress/")
    page.evaluate(
        "v => { for (const [k, x] of Object.entries(v)) localStorage.setItem(k, JSON.stringify(x)); }", REVIEW_STATE
    )
    page.reload()
    page.locator(".csh-strengths").wait_for()
    check(page, "progress: review due, revise next, unfinished mock, flashcards, strengths")
    page.locator(".csh-review-due button.csh-review-start").click()
    page.locator(".csh-review-session section.csh-question").wait_for()
    check(page, "progress: a review session")


def test_unit_page_with_a_review_due(scheme_page, site_url):
    page = scheme_page
    page.clock.set_fixed_time("2026-11-10T10:00:00")
    page.goto(site_url + "cg-4417/units/201/")
    page.evaluate(
        "v => { for (const [k, x] of Object.entries(v)) localStorage.setItem(k, JSON.stringify(x)); }", REVIEW_STATE
    )
    page.reload()
    box = page.locator(".csh-review-unit")
    box.locator("button.csh-review-start").wait_for()
    assert box.get_attribute("data-review-due") == "2"
    check(page, "unit: review due button")
    box.locator("button.csh-review-start").click()
    box.locator(".csh-review-session section.csh-question").wait_for()
    check(page, "unit: a review session")


def test_flashcards_front_and_back(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "glossary/flashcards/")
    root = page.locator("[data-csh-flashcards]")
    root.locator(".csh-fc-card").wait_for()
    check(page, "flashcards: front")
    root.locator("button.csh-fc-flip").click()
    root.locator(".csh-fc-back").wait_for()
    check(page, "flashcards: back")


def test_evidence_planner_and_portfolio(scheme_page, site_url):
    page = scheme_page
    page.goto(site_url + "svq-4-cs/units/10/")
    check(page, "SVQ unit: notes, evidence guidance, planner")
    row = page.locator('.csh-planner-row[data-row="pc-1"]')
    row.locator("input[name=done]").check()
    row.locator("input[name=evidence]").fill("Case file 12, 3 March")
    row.locator("select[name=type]").select_option("work products")
    row.locator("input[name=evidence]").blur()
    check(page, "planner: a line evidenced")
    page.goto(site_url + "evidence/")
    page.locator(".csh-portfolio-card").wait_for()
    check(page, "evidence portfolio: a unit started")
    page.locator("button.csh-evidence-clear").click()
    check(page, "evidence portfolio: confirm clear")
    page.locator("button.csh-evidence-clear-confirm").click()
    page.locator(".csh-portfolio-empty").wait_for()
    check(page, "evidence portfolio: empty")
