"""Every page kind under the site's strict Content-Security-Policy (generator/csp.py), served
the way docs/hosting.md tells centres to serve it.

A policy violation does not break a page loudly: the blocked script is skipped and the page
half-works (no scheme toggle, no search, no quizzes).  So each page records every
`securitypolicyviolation` event, console error and uncaught exception from before its first
script, and the test fails on any of them, or on a request to any host but the local one."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.csp import policy

from .browser import SEARCH_RESULT_LINKS, SITE_POLICY, QuietHandler, search_by_keyboard

# Every test here drives chromium except the last, which only reads docs/hosting.md.
browser_test = pytest.mark.browser
slow_test = pytest.mark.slow


class CSPHandler(QuietHandler):
    """Sends the policy with every response, and 404.html (status 404) for a missing file,
    as the hosting guide's Apache, nginx and IIS settings do."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", SITE_POLICY)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve_with_csp(directory: Path) -> Iterator[str]:
    handler = functools.partial(CSPHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def csp_url(built_site):
    with serve_with_csp(built_site) as url:
        yield url


# Installed before any page script, on every document the page loads (redirects included).
WATCH = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cshReport(e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
                     " in " + e.sourceFile + ":" + e.lineNumber + " " + (e.sample || ""));
}, true);
"""


@pytest.fixture()
def csp_page(browser, csp_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.outside = []
    page.expose_function("__cshReport", lambda text: page.problems.append("CSP: " + text))
    page.add_init_script(WATCH)

    def console(message):
        # Chromium's own line for the 404 document itself is the server doing its job.
        if message.type == "error" and not (
            "status of 404" in message.text and message.location.get("url", "").endswith("/no-such-page")
        ):
            page.problems.append(f"console: {message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: page.problems.append(f"exception: {error}"))
    page.on(
        "request",
        lambda r: None if r.url.startswith((csp_url, "data:", "blob:", "about:")) else page.outside.append(r.url),
    )
    yield page
    context.close()


def settle(page):
    page.wait_for_load_state("load")
    # Material's bundle, the quiz engine and the page tools run on load; give any late
    # violation (a worker, a deferred script) time to be reported.
    page.wait_for_timeout(300)


def start_mock(page):
    page.locator('[data-quiz-mode="mock"] button.csh-begin').click()
    page.locator('[data-quiz-mode="mock"] section.csh-question:visible').wait_for()


def route_planner_drawn(page):
    # The planner is drawn by script: its checkboxes exist only if routes.js ran.
    page.locator("[data-route-planner] input[type=checkbox]").first.wait_for()


# (name, address, what to do there before checking, what the page must show)
PAGE_KINDS = [
    ("home", "", None, "Customer Service Study Hub"),
    ("specification with route planner", "cg-4417/", route_planner_drawn, "4417-02"),
    ("unit", "cg-4417/units/201/", None, "Unit 201"),
    ("alias", "cg-4417/units/271/", None, "Unit 201"),
    ("mock test start", "cg-4417/tests/201/", None, None),
    ("mock test in progress", "cg-4417/tests/201/", start_mock, None),
    ("answer key", "tutors/keys/cg-4417-201/", None, None),
    ("printable paper", "cg-4417/tests/201/paper-1/", None, "Paper 1"),
    ("printable paper's answer key", "tutors/keys/cg-4417-201-paper-1/", None, None),
    ("glossary", "glossary/", None, "Glossary"),
    ("flashcards", "glossary/flashcards/", None, None),
    ("legislation index", "legislation/", None, "Legislation"),
    ("legislation entry", "legislation/consumer-rights-act-2015/", None, "Consumer Rights Act 2015"),
    ("progress", "progress/", None, None),
    ("tutors", "tutors/", None, None),
    ("LMS guide", "lms/", None, None),
    ("SCORM guide", "scorm/", None, None),
    ("centres guide", "centres/", None, None),
    ("hosting guide", "hosting/", None, None),
    ("about", "about/", None, None),
    # A missing address in the site's top folder: there the 404 page's relative links hold
    # wherever the site is hosted (overrides/404.html says why deeper ones need site_url).
    ("404", "no-such-page", None, "Page not found"),
]


@browser_test
@slow_test
@pytest.mark.parametrize("name,address,action,text", PAGE_KINDS, ids=[k[0] for k in PAGE_KINDS])
def test_page_kind_runs_clean_under_the_policy(csp_page, csp_url, name, address, action, text):
    page = csp_page
    response = page.goto(csp_url + address)
    assert response.headers.get("content-security-policy") == SITE_POLICY
    if name == "alias":
        page.wait_for_url(re.compile(r".*/cg-4417/units/201/$"))
    settle(page)
    if action:
        action(page)
        settle(page)
    # Material's storage helper is the first thing a blocked bootstrap script takes with it.
    assert page.evaluate("typeof __md_get") == "function"
    if text:
        assert text in page.locator("article").inner_text()
    assert page.problems == [], "\n".join(page.problems)
    assert page.outside == [], page.outside


@browser_test
@slow_test
@pytest.mark.parametrize(
    "address", ["", "cg-4417/units/201/", "glossary/", "no-such-page"], ids=["home", "unit", "glossary", "404"]
)
def test_scheme_toggle_works_and_is_restored(csp_page, csp_url, address):
    page = csp_page
    page.goto(csp_url + address)
    toggle = page.locator("label.md-header__button[for^='__palette']:visible")
    assert toggle.count() == 1, "the scheme toggle is missing"
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    toggle.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert after != before
    # The choice is saved and restored on the next full load (palette.js).
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == after
    assert page.problems == [], "\n".join(page.problems)


@browser_test
@slow_test
def test_saved_scheme_is_applied_before_the_content_is_parsed(csp_page, csp_url):
    """No flash of the light scheme: the restore must run before the page body below the
    header exists (a parser-blocking script, not async, deferred or at the end)."""
    page = csp_page
    page.goto(csp_url)
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    saved = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.add_init_script("""
      window.__cshFlash = null;
      new MutationObserver(function (records, observer) {
        if (document.querySelector(".md-content") && document.body) {
          window.__cshFlash = document.body.getAttribute("data-md-color-scheme");
          observer.disconnect();
        }
      }).observe(document, {childList: true, subtree: true});
    """)
    page.goto(csp_url + "cg-4417/units/201/")
    assert page.evaluate("window.__cshFlash") == saved


@browser_test
@slow_test
@pytest.mark.parametrize("address", ["", "cg-4417/units/201/", "no-such-page"], ids=["home", "unit", "404"])
def test_search_finds_a_known_word(csp_page, csp_url, address):
    page = csp_page
    page.goto(csp_url + address)
    search_by_keyboard(page).fill("complaint")
    results = page.locator(SEARCH_RESULT_LINKS)
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    settle(page)
    assert page.problems == [], "\n".join(page.problems)
    assert page.outside == [], page.outside


# A header in a server snippet: Apache's `Header always set NAME "..."`, nginx's
# `add_header NAME "..." always;`, IIS's `name="NAME" value="..."`.
GUIDE_HEADER = re.compile(r'Content-Security-Policy"?\s+(?:value=)?"([^"]*)"')


def test_hosting_guide_shows_the_policy_the_tests_use(root, tmp_path):
    """Centres copy the header from docs/hosting.md: every server snippet (the nginx and
    Apache folders, Apache, nginx and IIS) and the plain copy must give exactly the header
    this file's test server sends."""
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with serve_with_csp(tmp_path) as url, urllib.request.urlopen(url) as response:
        served = response.headers["Content-Security-Policy"]
    assert served == SITE_POLICY
    # The snippets give the policy for the site `make site` builds; the Zensical build's
    # (one extra style hash) is printed once, with a word on when to use it.
    guide = (root / "docs" / "hosting.md").read_text(encoding="utf-8")
    snippets = GUIDE_HEADER.findall(guide)
    assert len(snippets) >= 5, snippets
    assert set(snippets) == {policy("mkdocs")}
    assert f"\n{policy('mkdocs')}\n" in guide  # the plain copy
    assert f"\n{policy('zensical')}\n" in guide
    assert "frame-ancestors 'self' https://lms." in guide  # how to allow an LMS to embed it
    assert "frame-ancestors 'self' https://moodle." in guide
