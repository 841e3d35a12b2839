"""Turning content text into safe page text: escaping official text for Markdown,
rendering our own Markdown to HTML, and embedding JSON in a page.

Official text (titles, criteria) is literal and always escaped.  Our own writing (notes,
feedback) is Markdown; the validate stage has already refused raw HTML and unsafe link
schemes in it (generator/checks), so here it only needs rendering.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import markdown as md_lib

# Characters that Markdown would treat as syntax inside official text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def md_escape(text: str) -> str:
    """Make text safe to place in Markdown as literal text (headings, table cells)."""
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def front_matter(text: str) -> str:
    """A page title or description for YAML front matter.  Material prints both into
    <title> and <meta content="..."> without escaping, so they are escaped here."""
    return json.dumps(html.escape(text, quote=True), ensure_ascii=False)


# Building a Markdown converter is far dearer than converting a sentence, and the site
# converts thousands of sentences, so one converter per extension set is reused.
_CONVERTERS: dict[tuple[str, ...], md_lib.Markdown] = {}


# Most quiz options and feedback are one plain sentence: no character Markdown treats as
# syntax, nothing at the start of the line that could open a block.  Python-Markdown turns
# such a sentence into "<p>sentence</p>", so it is returned as it is, without a parse
# (tests/test_pages.py checks the two agree on every text in the real content).
_PLAIN = re.compile(r"[A-Za-z£\"'(][^\n*_`\[\]<>&\\#!|{}~=+:@$^]*")


def is_plain(text: str) -> bool:
    return bool(_PLAIN.fullmatch(text)) and not text.endswith(" ")


def _to_html(text: str, extensions: tuple[str, ...]) -> str:
    if is_plain(text):
        return text
    converter = _CONVERTERS.get(extensions)
    if converter is None:
        converter = _CONVERTERS[extensions] = md_lib.Markdown(extensions=list(extensions), output_format="html")
    out: str = converter.reset().convert(text)
    # A single paragraph becomes inline HTML, so it can sit inside a sentence or a button.
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def md_inline(text: str) -> str:
    """Our own Markdown (a note, a rule basis) as inline HTML for a Markdown page."""
    return _to_html(text, ("attr_list",))


def md_html(text: str | None) -> str:
    """Our own Markdown in a quiz item (stems may hold tables) as HTML for the quiz engine."""
    return _to_html(text, ("attr_list", "tables")) if text else ""


_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+\.) ")


def demote_headings(markdown: str) -> str:
    """Headings inside notes sit under a ### notes heading, so they all become ####.
    Python-Markdown also needs a blank line before a list that follows a paragraph."""
    lines = re.sub(r"^#{1,6} ", "#### ", markdown, flags=re.M).split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if (
            _LIST_ITEM.match(line)
            and previous.strip()
            and not _LIST_ITEM.match(previous)
            and not previous.startswith(" ")
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


def embed_json(payload: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> element: no "</" can
    close the element early and no "<!--" can start a comment in it."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "\/" and "\u003c" are valid JSON escapes ("\!" is not: JSON.parse would throw).
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
