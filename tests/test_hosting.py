"""The site hosted under a sub-path (https://college.example/cs/), served the way
docs/hosting.md tells centres to: a real HTTP server on 127.0.0.1 with the strict
Content-Security-Policy, answering every missing address with 404.html and status 404.

Most sub-path bugs are invisible at the server root, and a not-found page at a deep address
is where relative links break (overrides/404.html, bootstrap/site-root.js).  So a missing deep
address must come up styled, with search and links that stay on the site, and one page of
every kind must have links that all resolve under /cs/."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from .browser import SEARCH_RESULT_LINKS, SITE_POLICY, QuietHandler, search_by_keyboard
from .test_browser_csp import WATCH

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MOUNT = "cs"


class SubPathHandler(QuietHandler):
    """A static server with the site in /cs/: the CSP on every response, and /cs/404.html
    with status 404 for any missing file (Apache `ErrorDocument 404 /cs/404.html`, nginx
    `error_page 404 /cs/404.html`)."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", SITE_POLICY)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / MOUNT / "404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def cs_url(built_site, tmp_path_factory):
    docroot = tmp_path_factory.mktemp("hosted")
    shutil.copytree(built_site, docroot / MOUNT)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(docroot))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{MOUNT}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def cs_page(browser, cs_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.failed = []
    page.expose_function("__cshReport", lambda text: page.problems.append("CSP: " + text))
    page.add_init_script(WATCH)
    page.on("pageerror", lambda error: page.problems.append(f"exception: {error}"))
    page.on("response", lambda r: page.failed.append(r.url) if r.status >= 400 else None)
    origin = cs_url.split(f"/{MOUNT}/")[0]
    outside = []
    page.on(
        "request", lambda r: None if r.url.startswith((origin, "data:", "blob:", "about:")) else outside.append(r.url)
    )
    yield page
    context.close()
    assert outside == []


def links_on(page) -> set[str]:
    """Every address the page links to or loads, as the browser resolved it, less fragments."""
    found = page.evaluate(
        """() => [...document.querySelectorAll('a[href], link[href], script[src]:not([data-csh-probe]), img[src]')]
              .map(e => e.href || e.src)"""
    )
    return {urldefrag(url)[0] for url in found if url.startswith("http")}


def check_links(page, urls: set[str], cs_url: str, checked: dict[str, int]) -> list[str]:
    problems = []
    origin = cs_url.split(f"/{MOUNT}/")[0] + "/"
    for url in sorted(u for u in urls if u.startswith(origin)):  # other hosts: credits in the footer
        if not url.startswith(cs_url):
            problems.append(f"{url} leaves the site")
            continue
        if url not in checked:
            checked[url] = page.request.get(url, max_redirects=0).status
        if checked[url] != 200:
            problems.append(f"{url}: status {checked[url]}")
    return problems


@pytest.mark.parametrize("missing", ["no-such-page", "cg-4417/units/999/", "cg-4417/units/201/lo-9/extra/"])
def test_a_missing_address_gets_a_styled_404_page_under_a_sub_path(cs_page, cs_url, missing):
    page = cs_page
    response = page.goto(cs_url + missing)
    assert response.status == 404
    assert "Page not found" in page.locator("article").inner_text()
    # site-root.js found the top folder and every stylesheet loaded from there.
    assert page.evaluate("document.baseURI") == cs_url
    sheets = page.evaluate(
        """() => [...document.querySelectorAll('link[rel=stylesheet]')]
              .map(l => [l.href, !!(l.sheet && l.sheet.cssRules.length)])"""
    )
    assert sheets and all(href.startswith(cs_url + "assets/") and loaded for href, loaded in sheets), sheets
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("document.documentElement.classList.contains('no-js')") is False  # Material's bundle ran
    # Every link leads into the site (with <base> set, an in-page link would not stay on
    # the page: there must be none).
    assert check_links(page, links_on(page), cs_url, {}) == []
    assert page.locator("a[href^='#']").count() == 0
    # Search looks for its index in the site's top folder, and finds pages there.
    search_by_keyboard(page).fill("complaint")
    result = page.locator(SEARCH_RESULT_LINKS).first
    result.wait_for(timeout=60000)
    assert result.get_attribute("href").startswith(cs_url)
    # Only the not-found document itself and its page files asked for at the wrong depth
    # before <base> was known (the browser's look-ahead fetches) may fail.
    here = cs_url + missing
    stray = [u for u in page.failed if u != here and not (u.startswith(here) or u.endswith("bootstrap/site-root.js"))]
    assert stray == []
    assert page.problems == [], page.problems


# One page of every kind, and the not-found page at a deep address.
PAGE_KINDS = [
    "",
    "cg-4417/",
    "cg-4417/units/201/",
    "cg-4417/units/271/",
    "cg-4417/units/201/lo-1/",
    "btec-l2-cso/units/1/content-a1/",
    "svq-4-cs/units/1/",
    "cg-4417/tests/201/",
    "cg-4417/tests/201/paper-1/",
    "tutors/keys/cg-4417-201/",
    "tutors/keys/cg-4417-201-paper-1/",
    "glossary/",
    "glossary/flashcards/",
    "legislation/",
    "legislation/consumer-rights-act-2015/",
    "progress/",
    "evidence/",
    "tutors/",
    "tutors/item-statistics/",
    "about/",
    "content-format/",
    "hosting/",
    "cg-4417/units/999/",
]


def test_links_from_every_page_kind_resolve_under_a_sub_path(cs_page, cs_url):
    page = cs_page
    checked: dict[str, int] = {}
    problems = []
    for address in PAGE_KINDS:
        page.failed.clear()
        response = page.goto(cs_url + address)
        assert response.status == (404 if address.endswith("999/") else 200), address
        if address == "cg-4417/units/271/":
            page.wait_for_url(cs_url + "cg-4417/units/201/")
        page.wait_for_load_state("load")
        found = links_on(page)
        assert len(found) > 10, f"{address}: only {len(found)} links"
        problems += [f"{address}: {p}" for p in check_links(page, found, cs_url, checked)]
        if not address.endswith("999/"):
            problems += [f"{address}: failed to load {u}" for u in page.failed]
    assert problems == [], "\n".join(problems[:40])
    assert len(checked) > 100  # the walk really covered the site
    assert page.problems == [], page.problems
