"""The site's rendered HTML (generator/markdown_text.md_html) in the shapes the formats
need: plain text for flashcards, and XHTML elements for QTI, which only allows a fixed
set of HTML elements in its own namespace and no style attributes."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

# What Python-Markdown with attr_list and tables produces, and QTI 2.1 allows in item bodies.
_BLOCK = {"p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "pre", "div"}
_INLINE = {"strong", "em", "b", "i", "code", "span", "sub", "sup", "br", "abbr"}
_VOID = {"br", "hr", "img"}
_KEEP_ATTRS = {"colspan", "rowspan"}
_TAGS = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    """Rendered HTML as one line of text: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(_TAGS.sub(" ", fragment)).split())


class _Builder(HTMLParser):
    def __init__(self, root: ET.Element, ns: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ns = ns
        self.stack = [root]

    def _append_text(self, text: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _BLOCK | _INLINE:
            return  # a link or an element QTI has no use for: keep only its text
        element = ET.SubElement(
            self.stack[-1], f"{{{self.ns}}}{tag}", {k: v or "" for k, v in attrs if k in _KEEP_ATTRS}
        )
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in _BLOCK | _INLINE:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == f"{{{self.ns}}}{tag}":
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._append_text(data)


def has_block(fragment: str) -> bool:
    return bool(re.search(r"<(p|ul|ol|table|blockquote|pre|div)\b", fragment))


def append_html(parent: ET.Element, fragment: str, ns: str) -> None:
    """Parse an HTML fragment into XHTML children of `parent`, in namespace `ns`."""
    if "<" not in fragment and "&" not in fragment:  # most options: one plain sentence
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + fragment
        else:
            parent.text = (parent.text or "") + fragment
        return
    builder = _Builder(parent, ns)
    builder.feed(fragment)
    builder.close()
