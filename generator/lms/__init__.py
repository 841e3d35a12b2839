"""Exports of the item bank and the glossary for learning platforms (CONVENTIONS.md §4b).

FORMATS is the registry the CLI (`python -m generator export NAME`) and the tutors'
downloads read: name -> Format.  Each format's `build` takes the validated corpus and
returns the file's bytes; a package of many files (QTI) is returned as one zip.
Another single-file format is one module and one entry here.  SCORM (lms/scorm.py) is the
exception: one package per mock test, made from the mock pages' own payloads, so it is built
from the page builders' Facts and listed in its own section of the tutors' page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..corpus import Corpus
from . import apkg, flashcards, gift, moodle, qti
from .bank import ExportBank


@dataclass(frozen=True)
class Format:
    filename: str  # its name under docs/tutors/downloads/ and the default --out name
    title: str  # how the tutors' page names it
    build: Callable[[Corpus], bytes]
    counts: str  # "items" (quiz items) or "terms" (glossary terms)


def _bank(export: Callable[[ExportBank], bytes]) -> Callable[[Corpus], bytes]:
    return lambda corpus: export(bank_of(corpus))


# One ExportBank per corpus, so the downloads share one rendering of every item.
_BANKS: dict[int, tuple[Corpus, ExportBank]] = {}


def bank_of(corpus: Corpus) -> ExportBank:
    cached = _BANKS.get(id(corpus))
    if cached is None or cached[0] is not corpus:
        _BANKS.clear()
        cached = _BANKS[id(corpus)] = (corpus, ExportBank(corpus))
    return cached[1]


FORMATS: dict[str, Format] = {
    "moodle": Format("cs-hub-moodle.xml", "Moodle XML question bank", _bank(moodle.export), "items"),
    "gift": Format("cs-hub-questions.gift.txt", "GIFT question bank (Moodle)", _bank(gift.export), "items"),
    "qti": Format("cs-hub-qti21.zip", "QTI 2.1 package (Canvas, Blackboard)", _bank(qti.export), "items"),
    "anki-csv": Format(
        "cs-hub-glossary.csv", "Glossary flashcards, CSV (Anki, Quizlet)", flashcards.export_csv, "terms"
    ),
    "apkg": Format("cs-hub-glossary.apkg", "Glossary flashcards, Anki deck", apkg.export, "terms"),
}
