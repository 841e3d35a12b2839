"""Every page path, anchor and quiz id the site uses, each made by one function.

Tutors paste these links into lesson plans and centres' tools read them, so they are a
contract (see CONVENTIONS.md §2 and §3): the same printed id must always give the same
address.  Pages are addressed by their Markdown source path under docs/ (``cg-4417/
units/201.md``); MkDocs turns those into directory URLs, ``.html`` URLs or sub-path URLs
for each kind of build, so links between pages are always written source-relative with
:func:`relative` and never root-absolute.
"""

from __future__ import annotations

import functools
import posixpath
import re

# ---- anchors on a page -------------------------------------------------------------


def slugify(text: str) -> str:
    """Lower-case; every run of characters other than a-z0-9 becomes '-'; trimmed."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def outcome_anchor(outcome_id: str) -> str:
    """Outcome, learning aim, assessment outcome or SVQ element: ``#lo-1``, ``#lo-ao3``."""
    return f"lo-{slugify(outcome_id)}"


def criterion_anchor(outcome_kind: str, criterion_id: str) -> str:
    """SVQ elements hold performance criteria (``#pc-12``); every other outcome kind holds
    assessment criteria or indicative statements (``#ac-1-1-3``)."""
    prefix = "pc" if outcome_kind == "element" else "ac"
    return f"{prefix}-{slugify(criterion_id)}"


def knowledge_anchor(knowledge_id: str) -> str:
    return f"k-{slugify(knowledge_id)}"


def content_anchor(content_id: str) -> str:
    return f"content-{slugify(content_id)}"


def notes_anchor(target_id: str) -> str:
    """The 'Learn it' notes for one outcome or content area."""
    return f"notes-{target_id.lower().replace('.', '-')}"


def knowledge_notes_anchor(knowledge_ids: list[str]) -> str:
    """The notes for a group of knowledge statements, named by its first: ``#notes-k-1``."""
    return f"notes-k-{slugify(knowledge_ids[0])}"


def evidence_anchor(outcome_id: str) -> str:
    """What good evidence looks like for one element or competence outcome: ``#evidence-1``."""
    return f"evidence-{slugify(outcome_id)}"


def evidence_record_key(spec: str, number: str) -> str:
    """The localStorage key (after cs-hub:v1:) of one unit's evidence planner."""
    return f"evidence:{spec}/{number}"


def letter_anchor(letter: str) -> str:
    """A letter heading of the glossary (``#letter-b``)."""
    return f"letter-{letter.lower()}"


def planner_anchor(qualification_id: str) -> str:
    return f"planner-{qualification_id}"


def key_item_anchor(item_id: str) -> str:
    """One question on an answer-key page."""
    return f"item-{item_id.replace('.', '-')}"


# ---- quiz ids (localStorage keys and data-quiz hooks depend on them) ----------------


def practice_quiz_id(spec: str, unit: str) -> str:
    return f"{spec}-{unit}-practice"


def mock_quiz_id(spec: str, test_id: str) -> str:
    return f"{spec}-test-{test_id}"


def outcome_quiz_id(spec: str, unit: str, page_slug: str) -> str:
    """The practice quiz on one outcome page: cg-4417-201-lo-1-practice."""
    return f"{spec}-{unit}-{page_slug}-practice"


# ---- pages, as Markdown source paths under docs/ -----------------------------------

HOME = "index.md"
ABOUT = "about.md"
CONTENT_FORMAT = "content-format.md"
HOSTING = "hosting.md"
PROGRESS = "progress.md"
EVIDENCE = "evidence.md"
TUTORS = "tutors/index.md"
ITEM_STATS = "tutors/item-statistics.md"
# The LMS exports (generator/lms/): generated files, not pages.
TUTOR_DOWNLOADS = "tutors/downloads"
LMS_GUIDE = "lms.md"  # hand-written: how to import them
SCORM_GUIDE = "scorm.md"  # hand-written: how to upload a SCORM package to an LMS
GLOSSARY = "glossary/index.md"
FLASHCARDS = "glossary/flashcards.md"
LEGISLATION = "legislation/index.md"


def spec_page(spec: str) -> str:
    return f"{spec}/index.md"


def unit_page(spec: str, number: str) -> str:
    """The page of a unit; an alias number (271) gets a small redirect page at the same place."""
    return f"{spec}/units/{number}.md"


def outcome_page_slug(outcome_id: str | None, content_id: str | None) -> str:
    """The last part of an outcome page's address: the outcome's anchor (lo-1), or for
    notes on a content area (BTEC Level 2 Unit 1) that area's anchor (content-a1)."""
    return content_anchor(content_id) if content_id else outcome_anchor(outcome_id or "")


def outcome_page(spec: str, number: str, page_slug: str) -> str:
    """One outcome's teaching: /cg-4417/units/201/lo-1/ (CONVENTIONS.md §2)."""
    return f"{spec}/units/{number}/{page_slug}.md"


def test_page(spec: str, test_id: str) -> str:
    return f"{spec}/tests/{test_id}.md"


def answer_key_page(spec: str, test_id: str) -> str:
    return f"tutors/keys/{spec}-{test_id}.md"


def paper_page(spec: str, test_id: str, number: int) -> str:
    """A printable paper of a mock test: /cg-4417/tests/201/paper-1/ (CONVENTIONS.md §2)."""
    return f"{spec}/tests/{test_id}/paper-{number}.md"


def paper_key_page(spec: str, test_id: str, number: int) -> str:
    """Its answer key, in the tutors' area beside the test's own key."""
    return f"tutors/keys/{spec}-{test_id}-paper-{number}.md"


def law_page(slug: str) -> str:
    return f"legislation/{slug}.md"


def schema_file(name: str) -> str:
    return f"schemas/{name}"


@functools.lru_cache(maxsize=65536)
def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one page to another (or to a place on it), relative to the source
    page, so the site works at the root, under a sub-path and from file://."""
    fragment = f"#{anchor}" if anchor else ""
    if to_page == from_page:
        return fragment or posixpath.basename(to_page)
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".") + fragment
