"""The glossary as flashcards: a CSV file (term, definition, tags) that Anki, Quizlet and
spreadsheets read, and the card list the Anki package (apkg.py) is built from.

Definitions are Markdown; the cards carry them as plain text, because Quizlet shows
text only.  Tags name the units that use a term, 'cg-4417::unit-201', which Anki shows
as a tree of tags."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..corpus import Corpus
from ..markdown_text import md_html
from ..relations import term_units
from .html import plain_text


@dataclass(frozen=True)
class Card:
    slug: str
    term: str
    definition: str
    example: str
    tags: tuple[str, ...]


def unit_tag(ref: str) -> str:
    spec, _, number = ref.partition("/")
    return f"{spec}::unit-{number}"


def cards(corpus: Corpus) -> list[Card]:
    layer = corpus.teaching
    used = term_units(corpus)
    found = [
        Card(
            slug,
            term.term,
            plain_text(md_html(term.definition)),
            plain_text(md_html(term.example)),
            ("cs-hub", *(unit_tag(ref) for ref in used.get(slug, []))),
        )
        for slug, (term, _, _) in layer.terms.items()
    ]
    return sorted(found, key=lambda c: (c.term.lower(), c.slug))


def export_csv(corpus: Corpus) -> bytes:
    """RFC 4180 CSV: a header row, comma separated, fields quoted when they hold a comma,
    quote or line break, CRLF line ends, UTF-8 without a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Term", "Definition", "Tags"])
    for card in cards(corpus):
        writer.writerow([card.term, card.definition, " ".join(card.tags)])
    return out.getvalue().encode("utf-8")
