"""What of a page's prose goes into the search index.

The index is the largest file the site serves (issue #14: at most 300 kB gzipped).  Learners
search for units, outcomes, criteria, terms and laws, and for topics, which the notes'
headings name.  So each notes section is indexed by its heading and its first paragraph; the
rest of the section is still on the page, inside a <section data-search-exclude>,
which Material's search plugin skips.  Text is never removed from a page, only from the index.
"""

from __future__ import annotations

import re

# A block that is a plain paragraph: not a list, table, quote, HTML, admonition or indented.
_NOT_PLAIN = re.compile(r"^(\s|[-*+] |\d+[.)] |[|>#<!?]|```|~~~)")
# A <section>, not a <div>: Material's search parser compares elements by tag name only, so
# the first nested </div> (an admonition's) would end a <div> wrapper's exclusion early.
_OPEN = '<section class="csh-more" data-search-exclude="" markdown>'


def index_lead_only(markdown: str) -> str:
    """The same Markdown, with every block after the first paragraph under each heading (and
    before the first heading) wrapped in an element the search index skips.  A section that
    does not open with a plain paragraph is indexed by its heading alone; lists are never split."""
    out: list[str] = []
    rest: list[str] = []
    lead_done = False

    def flush() -> None:
        if rest:
            out.extend([_OPEN, *rest, "</section>"])
            rest.clear()

    # A heading line is a block of its own, even with no blank line after it.
    spaced = re.sub(r"^(#{1,6} .*)$", "\n\\1\n", markdown.strip(), flags=re.M)
    for block in re.split(r"\n[ \t]*\n", spaced):
        block = block.strip("\n")
        if not block.strip():
            continue
        if re.match(r"^#{1,6} ", block):
            flush()
            out.append(block)
            lead_done = False
        elif not lead_done and not _NOT_PLAIN.match(block):
            out.append(first_sentences(block))
            lead_done = True
        else:
            lead_done = True
            rest.append(block)
    flush()
    return "\n\n".join(out)


# The lead is cut after the first sentence that ends at least this far in.
LEAD_CHARS = 100
_CLOSE = {"[": "]", "(": ")", "{": "}"}


def first_sentences(paragraph: str) -> str:
    """The paragraph with everything after its first sentence (or sentences, up to LEAD_CHARS)
    in an inline <span> the index skips.  A sentence ends at . ! or ? then a space and a capital,
    outside any link, parenthesis or attribute list, so Markdown syntax is never cut."""
    stack: list[str] = []
    quote = ""
    for i, ch in enumerate(paragraph):
        if quote:
            quote = "" if ch == quote else quote
        elif stack and stack[-1] == "}" and ch in "\"'":
            quote = ch
        elif ch in _CLOSE:
            stack.append(_CLOSE[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif not stack and ch in ".!?" and i >= LEAD_CHARS and re.match(r"[ \n]+[A-Z*]", paragraph[i + 1 :]):
            head, tail = paragraph[: i + 1], paragraph[i + 1 :].lstrip()
            return f'{head} <span data-search-exclude="">{tail}</span>'
    return paragraph
