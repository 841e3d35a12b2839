"""Is a Markdown text field free of raw HTML and unsafe links?

Text fields are rendered by Python-Markdown, which passes raw HTML straight through and
lets attr_list set any attribute.  So the text is rendered here once with the same
extensions the site uses, and the HTML is scanned against an allow-list: the tags and
attributes Markdown itself produces, and links to http, https, mailto or this site only.
A pure function of the text: no files, no state beyond one reused Markdown instance.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown  # type: ignore[import-untyped,unused-ignore]  # no stubs published

HINT = "write plain text; raw HTML is not allowed"
LINK_HINT = "link only to http, https or mailto addresses, or to a page of this site"

# Every tag Python-Markdown writes for these extensions.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "a",
        "img",
        "abbr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
    }
)
ALLOWED_ATTRS = frozenset({"href", "src", "alt", "title", "class", "id"})
URL_ATTRS = frozenset({"href", "src"})
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})
# Raw HTML that real content uses and that is harmless: none so far.  Add a tag here only
# after checking every template that prints the field.
RAW_ALLOWED: frozenset[str] = frozenset()

# Real content: longest text 6,594 characters, at most 13 '[' in one text.
MAX_LENGTH = 20_000
MAX_BRACKETS = 200
_DEEP = re.compile(r"^(?:[ \t]{40,}|(?:>[ \t]*){10,})", re.MULTILINE)

# Without one of these characters Markdown can produce no raw HTML, no link and no
# attribute, so the (slow) render is skipped: most text fields are plain prose.
_SUSPECT = re.compile(r"[<\[{]")
# Without '<' (raw HTML, autolinks), '{' (attributes) or '&' (entities that could spell a
# scheme), the only addresses Markdown can make are link and image targets "](...)" and
# reference definitions "[id]: ...": when all of those are safe, the render is skipped too.
# Anything else goes through the full render and scan below.
_NEEDS_RENDER = re.compile(r"[<{&]")
_LINK_TARGET = re.compile(r"\]\(([^)]*)")
_REF_TARGET = re.compile(r"^[ ]{0,3}\[[^\]]*\]:[ \t]*(\S*)", re.MULTILINE)
_TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);?$")
_ENTITY = re.compile(r"^&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")
_TAG = re.compile(r"<\s*([A-Za-z][A-Za-z0-9-]*)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

_MD = markdown.Markdown(
    extensions=["attr_list", "def_list", "tables", "abbr", "admonition", "md_in_html"], output_format="html"
)


class _Scan(HTMLParser):
    """Collects the first thing in the HTML that is not on the allow-list."""

    def __init__(self, tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.problem: tuple[str, str] | None = None

    def _fail(self, message: str, hint: str = HINT) -> None:
        if self.problem is None:
            self.problem = (message, hint)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.tags:
            self._fail(f"contains raw HTML (<{tag}>)")
            return
        for name, value in attrs:
            if name == "style" and tag in ("th", "td") and _TABLE_ALIGN.match(value or ""):
                continue  # the tables extension aligns columns this way
            if name not in ALLOWED_ATTRS:
                self._fail(f"sets the HTML attribute {name!r} on <{tag}>")
            elif name in URL_ATTRS and not safe_url(value or ""):
                self._fail(f"links to {(value or '')[:60]!r}, which is not a safe web address", LINK_HINT)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self._fail("contains an HTML comment (<!-- -->)")

    def handle_decl(self, decl: str) -> None:
        self._fail(f"contains raw HTML (<!{decl[:20]}>)")

    def handle_pi(self, data: str) -> None:
        self._fail("contains raw HTML (<?...>)")

    def unknown_decl(self, data: str) -> None:
        self._fail("contains raw HTML (<![...]>)")


def safe_url(url: str) -> bool:
    """http, https, mailto or relative.  Browsers ignore tabs, newlines and spaces inside a
    scheme ('java\\tscript:'), so those are removed before the scheme is read."""
    compact = _INVISIBLE.sub("", url)
    try:
        scheme = urlsplit(compact).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def _scan(html: str, tags: frozenset[str]) -> tuple[str, str] | None:
    scan = _Scan(tags)
    scan.feed(html)
    scan.close()
    return scan.problem


def _limits(text: str) -> tuple[str, str] | None:
    """Text that would make Python-Markdown recurse past Python's limit (deep lists or
    quotes) or take seconds (thousands of '['), refused before anything renders it."""
    if len(text) > MAX_LENGTH:
        return (
            f"is {len(text):,} characters long, more than {MAX_LENGTH:,}",
            "split it up; a text field holds a paragraph or a few, not a document",
        )
    if text.count("[") > MAX_BRACKETS:
        return (f"has more than {MAX_BRACKETS} '[' characters", "write plain text with at most a few links")
    if _DEEP.search(text):
        return (
            "is nested too deeply (lists or quotes more than a few levels in)",
            "use at most three or four levels of lists or quotes",
        )
    return None


@lru_cache(maxsize=8192)
def markup_problem(text: str) -> tuple[str, str] | None:
    """(what is wrong, hint) for the first unsafe thing in ``text``, or None."""
    limit = _limits(text)
    if limit or not _SUSPECT.search(text):
        return limit
    if not _NEEDS_RENDER.search(text) and all(
        safe_url(target) for target in (*_LINK_TARGET.findall(text), *_REF_TARGET.findall(text))
    ):
        return None
    _MD.reset()
    try:
        html: str = _MD.convert(text)
    except RecursionError:
        return (
            "is nested too deeply (lists or quotes more than a few levels in)",
            "use at most three or four levels of lists or quotes",
        )
    # Raw HTML in the text is kept aside by Markdown; anything there but an entity is raw.
    # (md_in_html leaves an empty entry where it turned a raw block into elements.)
    for block in _MD.htmlStash.rawHtmlBlocks:
        raw = block if isinstance(block, str) else ""
        if raw.strip() and _ENTITY.match(raw.strip()):
            continue
        found = _scan(raw, RAW_ALLOWED) if raw.strip() else None
        if found:
            return found
        if not raw.strip():
            tag = _TAG.search(text)
            return (f"contains raw HTML (<{tag.group(1).lower() if tag else 'html'}>)", HINT)
    return _scan(html, ALLOWED_TAGS)
