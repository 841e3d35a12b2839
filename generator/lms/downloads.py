"""The LMS exports as downloads on the tutors' page: every format in FORMATS, built once
per site build and written under docs/tutors/downloads/ (CONVENTIONS.md §4b)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..corpus import Corpus
from . import FORMATS, bank_of
from .flashcards import cards


@dataclass(frozen=True)
class Download:
    name: str  # its key in FORMATS
    path: str  # docs-relative
    title: str
    data: bytes
    count: int
    counts: str  # "items" or "terms"

    @property
    def size(self) -> str:
        """'2.5 MB', '120 KB': decimal units, as file managers show them."""
        n = len(self.data)
        if n >= 1_000_000:
            return f"{n / 1_000_000:.1f} MB"
        return f"{max(1, round(n / 1000))} KB"


def downloads(corpus: Corpus) -> list[Download]:
    items = len(bank_of(corpus).items)
    terms = len(cards(corpus)) if corpus.teaching else 0
    return [
        Download(
            name,
            f"{urls.TUTOR_DOWNLOADS}/{fmt.filename}",
            fmt.title,
            fmt.build(corpus),
            items if fmt.counts == "items" else terms,
            fmt.counts,
        )
        for name, fmt in FORMATS.items()
    ]
