"""Browser-test helpers: serve a built site on 127.0.0.1 and drive Debian's chromium.

Conventions §6: Playwright for Python with executable_path=/usr/bin/chromium, never a
downloaded browser, and only loopback addresses."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.bench.browser import CHROMIUM
from generator.bench.browser import LAUNCH_ARGS as LAUNCH_ARGS  # the same flags as the benchmark
from generator.csp import policy

# Which engine built the site under test: mkdocs, or zensical in CI's second run
# (`make test-zensical`, README "Engines").  Tests that meet a difference between the two (the
# search box, the policy's style hash) ask for it here.
ENGINE = os.environ.get("CSH_ENGINE", "mkdocs")
SITE_POLICY = policy(ENGINE)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextmanager
def serve(directory: Path, prefix: str = ""):
    """Serve `directory` at http://127.0.0.1:<port>/<prefix>; yields the base URL."""
    root = directory
    if prefix:
        root = directory.parent / f"served-{prefix.strip('/')}"
        if not root.exists():
            (root / prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(directory, root / prefix.strip("/"))
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix.strip('/') + '/' if prefix else ''}"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")


# Search differs between the engines (README, "Engines"): Material has a text box in the header
# and its own index file; Zensical opens a dialog inside a shadow root, which Playwright's CSS
# locators pierce, and writes search.json.  Tests go through these so both builds are tested.
SEARCH_INDEX = "search.json" if ENGINE == "zensical" else "search/search_index.json"
SEARCH_RESULT_LINKS = "dialog [role=listbox] a[role=option]" if ENGINE == "zensical" else ".md-search-result__item a"
# A result's own title, inside its link.
SEARCH_RESULT_TITLE = "h2" if ENGINE == "zensical" else "h1"

# In the page: every search result's href, looking inside shadow roots too.
SEARCH_HREFS_JS = """() => {
  const found = [];
  const walk = (root) => {
    root.querySelectorAll(SELECTOR).forEach((a) => found.push(a.getAttribute('href') || ''));
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); });
  };
  walk(document);
  return found;
}""".replace("SELECTOR", repr(SEARCH_RESULT_LINKS))


def search_box(page, phone: bool = False):
    """Open the site's search and return its text box, ready to fill."""
    if ENGINE == "zensical":
        # On a phone the header's search icon opens the dialog; the wide button is hidden.
        page.locator("label.md-header__button[for='__search']" if phone else "button.md-search__button").click()
        box = page.locator("dialog input[role=combobox]")
        box.wait_for()
        return box
    if phone:
        page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.click()
    return box


def search_docs(site: Path) -> list[dict]:
    """The entries of the built site's search index, whichever engine wrote it."""
    import json

    data = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    return data["items"] if ENGINE == "zensical" else data["docs"]


def search_by_keyboard(page):
    """Open search with the keyboard alone ("/", in both engines) and return its text box."""
    page.keyboard.press("/")
    box = page.locator("dialog input[role=combobox]" if ENGINE == "zensical" else "input.md-search__input")
    box.wait_for()
    return box
