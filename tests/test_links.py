"""Every internal link of the built site resolves, with the site at the server root and under
a sub-path, 404.html included (CONVENTIONS.md §2).

No browser: each HTML file is parsed, each href/src (and #anchor) is resolved the way a
browser resolves it against the page's own address, and the target must be a file of the
site (and, for an anchor, an id in it).  At the root, a link with one `../` too many or a
root-absolute link still lands inside the site; under /cs/ it leaves it.  That is why both
mounts are checked: most sub-path bugs are invisible at the root."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

# Attributes that make the browser fetch or navigate.
LINK_ATTRS = {
    ("a", "href"),
    ("link", "href"),
    ("area", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("form", "action"),
}
REFRESH_URL = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.I)


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        # 404.html's site-root probes (overrides/404.html) look for the site's top folder at
        # several depths, so all but one are meant to miss; the browser test in
        # tests/test_hosting.py checks that the right one is found.
        probe = tag == "script" and "data-csh-probe" in values
        for attr, value in attrs:
            if (tag, attr) in LINK_ATTRS and value is not None and not probe:
                self.links.append(value)
        # The alias pages' no-script fallback is a link too.
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = REFRESH_URL.match(values.get("content") or "")
            if match:
                self.links.append(match.group(1).strip("'\" "))


_parsed: dict[Path, Page] = {}


def parse(path: Path) -> Page:
    if path not in _parsed:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        _parsed[path] = page
    return _parsed[path]


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme) or url.startswith("//")


def page_address(site: Path, html: Path, mount: str) -> str:
    """The address the page is served at: directory URLs for index.html files."""
    rel = html.relative_to(site).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return "http://college.example" + mount + rel


def target_file(docroot: Path, path: str) -> Path | None:
    """The file a static server sends for an address path, or None."""
    candidate = docroot / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, docroot: Path, mount: str) -> list[str]:
    problems = []
    for html in sorted(site.rglob("*.html")):
        page = parse(html)
        base = page_address(site, html, mount)
        for link in page.links:
            if is_external(link):
                continue
            where = f"{html.relative_to(site)}: {link!r}"
            url = urlsplit(urljoin(base, link))
            if not url.path.startswith(mount):
                problems.append(f"{where} leaves the site ({url.path}, mounted at {mount})")
                continue
            target = target_file(docroot, url.path)
            if target is None:
                problems.append(f"{where} -> {url.path}: no such file")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in parse(target).ids:
                problems.append(f"{where} -> #{url.fragment}: no such anchor in {target.relative_to(docroot)}")
    return problems


@pytest.mark.slow
def test_every_internal_link_resolves_at_the_root(built_site):
    problems = broken_links(built_site, built_site, "/")
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems[:50])


@pytest.mark.slow
def test_every_internal_link_resolves_under_a_sub_path(built_site, tmp_path_factory):
    docroot = tmp_path_factory.mktemp("subpath")
    shutil.copytree(built_site, docroot / "cs")
    problems = broken_links(docroot / "cs", docroot, "/cs/")
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems[:50])


@pytest.mark.slow
def test_404_page_links_hold_for_a_missing_top_level_address(built_site, tmp_path_factory):
    """A server shows 404.html at the address that was asked for; in the site's top folder
    (/cs/no-such-page) its links must still reach the site's own files."""
    docroot = tmp_path_factory.mktemp("missing")
    shutil.copytree(built_site, docroot / "cs")
    page = parse(docroot / "cs" / "404.html")
    base = "http://college.example/cs/no-such-page"
    # A fragment-only link stays on this page, whatever its address.
    missing = [
        link
        for link in page.links
        if not is_external(link)
        and not link.startswith("#")
        and target_file(docroot, urlsplit(urljoin(base, link)).path) is None
    ]
    missing += [
        link for link in page.links if link.startswith("#") and len(link) > 1 and unquote(link[1:]) not in page.ids
    ]
    assert page.links and missing == [], missing


@pytest.mark.slow
def test_no_root_absolute_links_in_the_built_site(built_site):
    """CONVENTIONS.md §2: a link starting with "/" breaks under a sub-path and offline."""
    found = [
        f"{html.relative_to(built_site)}: {link}"
        for html in sorted(built_site.rglob("*.html"))
        for link in parse(html).links
        if link.startswith("/") and not link.startswith("//")
    ]
    assert found == [], "\n".join(found[:50])


ROOT_ABSOLUTE_MD = re.compile(r"""\]\(\s*/(?!/)|(?:href|src)\s*=\s*["']/(?!/)""")


def test_no_root_absolute_links_in_generated_pages():
    """The same rule at the source: no Markdown link or raw HTML that the generator writes
    starts at the server root.  On the fixture corpus (every page kind, a fraction of a
    second), so the quick loop catches it before any site build; the real corpus is covered
    by the built-site test above."""
    from generator.pipeline import Project, load_and_check, render

    from .conftest import FIXTURE

    pages = render(load_and_check(Project(FIXTURE)))
    found = [
        f"{path}: {match.group(0)}"
        for path, data in sorted(pages.items())
        if path.endswith((".md", ".html"))
        for match in ROOT_ABSOLUTE_MD.finditer(data.decode("utf-8"))
    ]
    assert pages and found == [], "\n".join(found[:50])
