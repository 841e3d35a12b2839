"""What a learner's browser downloads per page kind, and the script time of a mock test.

The built site is served by http.server on 127.0.0.1 and driven with Playwright in
Debian's chromium (conventions §6; never a downloaded browser).

Transfer.  Playwright's request events list every response the page and its workers
(Material's search worker) receive; each is sized as gzip level 6 of the file on disk
(Apache's default level), except already-compressed images and fonts, counted raw.
Assumption for the repeat visit: a normal static server sends Last-Modified but no
Cache-Control, so chromium keeps assets by heuristic freshness; the HTML is counted
again anyway (a deploy may have changed it and it is what a revisit must revalidate;
for an alias page, both the alias and the unit page it forwards to), plus whatever the
server really sent again with a body (status 200) on the second visit.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .mock_timing import mock_timing

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# One page of each kind; the unit and mock test are the heaviest quiz pages.
PAGE_KINDS = {
    "home": "",
    "specification": "cg-4417/",
    "unit": "cg-4417/units/201/",
    "unit (BTEC L2)": "btec-l2-cso/units/1/",
    "outcome": "cg-4417/units/201/lo-1/",
    "alias": "cg-4417/units/271/",
    "mock test": "cg-4417/tests/201/",
    "answer key": "tutors/keys/cg-4417-201/",
    "glossary": "glossary/",
    "flashcards": "glossary/flashcards/",
    "legislation index": "legislation/",
    "legislation entry": "legislation/equality-act-2010/",
    "progress": "progress/",
    "tutors": "tutors/",
}
MOCK_PAGE = "cg-4417/tests/201/"
# "After use": what a learner does first with a page kind's main feature, through the visible
# controls.  Scripts and data loaded on demand arrive then, and are counted apart from the
# first visit's load (issue #14's own-JS budget is per page load).
_PRACTICE_USE = """async () => {
  const root = document.querySelector('[data-quiz-mode="practice"]');
  if (!root) return false;
  root.querySelector('button.csh-begin').click();
  // "Start practice" loads the question code first (quiz-start.js), so the question appears a moment later.
  while (!root.querySelector('section.csh-question')) await new Promise((r) => setTimeout(r, 10));
  const q = root.querySelector('section.csh-question');
  const option = q && q.querySelector('label.csh-option input');
  if (option) option.click();
  const text = q && q.querySelector('input.csh-short, textarea');
  if (text) { text.value = 'an answer'; text.dispatchEvent(new Event('input', { bubbles: true })); }
  const check = root.querySelector('button.csh-check');
  if (check) check.click();
  return true;
}"""
_MOCK_USE = """async () => {
  const root = document.querySelector('[data-quiz-mode="mock"]');
  if (!root) return false;
  root.querySelector('button.csh-begin').click();
  // Start loads the paper's scripts first (quiz-start.js), so the paper appears a moment later.
  while (!root.querySelector('button.csh-submit')) await new Promise((r) => setTimeout(r, 10));
  root.querySelector('button.csh-submit').click();
  const anyway = root.querySelector('.csh-confirm-submit');
  if (anyway) anyway.click();
  return true;
}"""
USES = {
    "unit": _PRACTICE_USE,
    "unit (BTEC L2)": _PRACTICE_USE,
    "outcome": _PRACTICE_USE,
    "mock test": _MOCK_USE,
}
RAW = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2")


@dataclass
class Transfer:
    """Gzipped bytes of one visit, split by who owns them."""

    html: int = 0
    own: int = 0  # the project's CSS and JS (overrides/assets)
    own_js: int = 0  # the JS part of `own` (issue #14: at most 25 kB per page)
    theme: int = 0  # Material's bundle, stylesheets, search worker, favicon
    data: int = 0  # search index, sitemap, generated JSON
    requests: int = 0

    @property
    def total(self) -> int:
        return self.html + self.own + self.theme + self.data


@dataclass
class PageTransfer:
    path: str
    html_raw: int
    first: Transfer
    repeat: Transfer
    # First visit plus what the page's main feature loads on demand (USES); None: no such use.
    after_use: Transfer | None = None


@dataclass
class BrowserResults:
    pages: dict[str, PageTransfer] = field(default_factory=dict)
    mock_ms: list[dict[str, float]] = field(default_factory=list)


class _Handler(http.server.SimpleHTTPRequestHandler):
    served: list[tuple[str, int]]  # (path, status), set per server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the table clean

    def send_response(self, code: int, message: str | None = None) -> None:
        self.served.append((urlsplit(self.path).path, code))
        super().send_response(code, message)


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """Serve site on 127.0.0.1; yields the base URL and the live log of what was served."""
    served: list[tuple[str, int]] = []
    handler = type("Handler", (_Handler,), {"served": served})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served
    finally:
        server.shutdown()
        server.server_close()


def file_for(site: Path, url_path: str) -> Path:
    rel = unquote(url_path).lstrip("/")
    path = site / rel
    return path / "index.html" if rel == "" or rel.endswith("/") or path.is_dir() else path


@functools.cache
def gz_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in RAW else len(gzip.compress(data, compresslevel=6, mtime=0))


def owner(url_path: str, own_assets: set[str]) -> str:
    if url_path in own_assets:
        return "own"
    if url_path.startswith("/assets/"):
        # Generated data scripts (review questions, a mock's feedback) are data, not theme.
        return "data" if url_path.startswith(("/assets/data/", "/assets/review/", "/assets/mock/")) else "theme"
    return "data"


def _add(t: Transfer, kind: str, size: int) -> None:
    setattr(t, kind, getattr(t, kind) + size)


def _settle(page: Any, seen: list[tuple[str, str]]) -> None:
    """Late fetches: the search worker and the scripts loader.js adds can finish after
    networkidle on a busy machine, so wait until nothing new arrives for 300 ms."""
    count = -1
    for _ in range(20):
        page.wait_for_timeout(300)
        if len(seen) == count:
            break
        count = len(seen)


def _transfer(site: Path, visit: dict[str, str], own_assets: set[str]) -> Transfer:
    """Sizes of one visit's responses.  requestfinished also fires for memory-cache hits (the
    alias page loads its target, which reuses the assets), so each URL counts once."""
    t = Transfer()
    for path, rtype in visit.items():
        size = gz_size(file_for(site, path))
        _add(t, "html" if rtype == "document" else owner(path, own_assets), size)
        if path in own_assets and path.endswith(".js"):
            t.own_js += size
        t.requests += 1
    return t


def measure_pages(
    site: Path, own_assets: set[str], kinds: dict[str, str] = PAGE_KINDS, mock_runs: int = 5
) -> BrowserResults:
    from playwright.sync_api import Request, sync_playwright

    out = BrowserResults()
    with serve(site) as (base, served), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for kind, rel in kinds.items():
                # A fresh context is a browser with an empty cache: the first visit.
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                seen: list[tuple[str, str]] = []

                def finished(request: Request, seen: list[tuple[str, str]] = seen) -> None:
                    parts = urlsplit(request.url)
                    if parts.hostname == "127.0.0.1":
                        seen.append((parts.path, request.resource_type))

                context.on("requestfinished", finished)
                page = context.new_page()
                page.goto(base + rel, wait_until="networkidle")
                _settle(page, seen)
                visit = dict(seen)
                first = _transfer(site, visit, own_assets)
                documents = {file_for(site, path) for path, rtype in visit.items() if rtype == "document"}
                after_use = None
                if kind in USES and page.evaluate(USES[kind]):
                    _settle(page, seen)
                    after_use = _transfer(site, dict(seen), own_assets)
                # Repeat visit in the same browser: leave, come back, see what the server sends.
                page.goto("about:blank")
                served.clear()
                page.goto(base + rel, wait_until="networkidle")
                page.wait_for_timeout(300)
                repeat = Transfer(html=sum(gz_size(d) for d in documents), requests=len(documents))
                for path in {path for path, status in served if status == 200}:
                    if file_for(site, path) not in documents:
                        _add(repeat, owner(path, own_assets), gz_size(file_for(site, path)))
                        repeat.requests += 1
                html_raw = file_for(site, "/" + rel).stat().st_size
                out.pages[kind] = PageTransfer(rel, html_raw, first, repeat, after_use)
                context.close()
            for seed in range(mock_runs):
                out.mock_ms.append(mock_timing(browser, base + MOCK_PAGE, 4417 + seed))
        finally:
            browser.close()
    return out
