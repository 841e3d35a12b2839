"""The glossary as an Anki package (.apkg), made with genanki.

genanki stamps notes, cards and the note type with the time of the build and zips the
collection with today's date, so the package is built here from its parts instead: the
collection is written with one fixed timestamp into an in-memory SQLite database, and
zipped with a fixed date (zips.py).  Deck and note-type ids are fixed numbers and each
note's guid comes from its term's slug, so re-importing an updated deck updates the
cards a learner already has instead of adding copies."""

from __future__ import annotations

import itertools
import json
import sqlite3

import genanki

from ..corpus import Corpus
from .flashcards import cards
from .zips import deterministic_zip

# Random once, fixed for ever: Anki matches decks and note types by these ids.
DECK_ID = 1_734_105_600_101
MODEL_ID = 1_734_105_600_202
DECK_NAME = "Customer Service Study Hub: glossary"
# 2024-12-13 16:00 UTC; any fixed moment keeps two builds identical.
TIMESTAMP = 1_734_105_600.0

MODEL = genanki.Model(
    MODEL_ID,
    "CS Hub glossary term",
    fields=[{"name": "Term"}, {"name": "Definition"}, {"name": "Example"}],
    templates=[
        {
            "name": "Term to definition",
            "qfmt": "<div class=term>{{Term}}</div>",
            "afmt": "{{FrontSide}}<hr id=answer><div>{{Definition}}</div>"
            "{{#Example}}<p class=example><i>{{Example}}</i></p>{{/Example}}",
        }
    ],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n.term { font-weight: bold; }\n",
)


def _html(text: str) -> str:
    """Anki fields are HTML: plain text needs its &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def deck(corpus: Corpus) -> genanki.Deck:
    made = genanki.Deck(DECK_ID, DECK_NAME, description="Key customer service terms, in plain English.")
    for card in cards(corpus):
        made.add_note(
            genanki.Note(
                model=MODEL,
                fields=[_html(card.term), _html(card.definition), _html(card.example)],
                tags=list(card.tags),
                guid=genanki.guid_for(card.slug),
            )
        )
    return made


def collection_bytes(corpus: Corpus) -> bytes:
    conn = sqlite3.connect(":memory:")
    try:
        genanki.Package(deck(corpus)).write_to_db(conn.cursor(), TIMESTAMP, itertools.count(int(TIMESTAMP * 1000)))
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


def export(corpus: Corpus) -> bytes:
    return deterministic_zip({"collection.anki2": collection_bytes(corpus), "media": json.dumps({}).encode()})
