"""Outcome pages (template outcome.md.j2): one page per outcome (or, where notes are
written per content area, per content area) of a taught unit, with its official criteria,
the notes that teach it, and a practice quiz on that outcome alone.

Short pages suit learners revising on phones; the unit page keeps the official text and
anchors tutors link to, and lists these pages under "Learn it".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..corpus import SpecData
from ..labels import OUTCOME_KINDS, find_outcome
from ..markdown_text import front_matter
from ..models import Unit
from ..quiz_models import Item
from ..teaching_models import OutcomeNotes
from .base import Facts, Page, qualified_title, trail
from .quiz_block import MapLink, QuizBlock, quiz_block
from .quiz_payloads import practice_payload, reviewed
from .unit_teaching import figures, notes_view, term_forms


@dataclass(frozen=True)
class OutcomePage:
    slug: str  # lo-1, content-a1
    path: str
    short: str  # "Outcome 1", "Content area A1"
    notes: OutcomeNotes


def outcome_pages(facts: Facts, data: SpecData, unit: Unit) -> list[OutcomePage]:
    """The outcome pages of a unit, in the order its teaching file gives its notes."""
    layer = facts.corpus.teaching
    entry = layer.entry(data.slug, unit.number) if layer else None
    pages = []
    for notes in entry.teaching.notes if entry else []:
        slug = urls.outcome_page_slug(notes.outcome, notes.content)
        short = f"Content area {notes.content}" if notes.content else _kind_and_id(unit, notes.outcome or "")
        pages.append(OutcomePage(slug, urls.outcome_page(data.slug, unit.number, slug), short, notes))
    return pages


def _kind_and_id(unit: Unit, outcome_id: str) -> str:
    return f"{OUTCOME_KINDS[find_outcome(unit, outcome_id).kind]} {outcome_id}"


def anchor_homes(facts: Facts, data: SpecData, unit: Unit, from_page: str) -> dict[str, str]:
    """Unit-page anchor -> the link (from from_page) to the outcome page that teaches it:
    each outcome (lo-1) or content area (content-a1) to its page, and each criterion
    (ac-1-1-3) to its place on its outcome's page."""
    homes = {}
    for op in outcome_pages(facts, data, unit):
        homes[op.slug] = urls.relative(from_page, op.path)
        if op.notes.outcome:
            outcome = find_outcome(unit, op.notes.outcome)
            for c in outcome.criteria:
                anchor = urls.criterion_anchor(outcome.kind, c.id)
                homes[anchor] = urls.relative(from_page, op.path, anchor)
    entry = facts.corpus.teaching.entry(data.slug, unit.number) if facts.corpus.teaching else None
    for group in entry.teaching.knowledge_notes if entry else []:
        # A knowledge statement is taught by its group's notes on the unit page.
        notes = urls.relative(
            from_page, urls.unit_page(data.slug, unit.number), urls.knowledge_notes_anchor(group.knowledge)
        )
        for k in group.knowledge:
            homes[urls.knowledge_anchor(k)] = notes
    return homes


def revise_links(facts: Facts, data: SpecData, unit: Unit, from_page: str) -> list[MapLink]:
    """Where the quiz engine's "Revise" links go, looked up as data-csh-revise="<unit>/<anchor>"."""
    return [
        MapLink(anchor, href, f'data-csh-revise="{unit.number}/{anchor}"')
        for anchor, href in anchor_homes(facts, data, unit, from_page).items()
    ]


def build(facts: Facts) -> Iterator[Page]:
    for data in facts.specs:
        for unit in data.units.values():
            pages = outcome_pages(facts, data, unit)
            for i, op in enumerate(pages):
                neighbours = (pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
                yield Page(op.path, "outcome.md.j2", _context(facts, data, unit, op, neighbours))


def _context(
    facts: Facts, data: SpecData, unit: Unit, op: OutcomePage, neighbours: tuple[OutcomePage | None, OutcomePage | None]
) -> dict[str, Any]:
    path = op.path
    unit_page = urls.unit_page(data.slug, unit.number)
    forms = term_forms(facts, _key_terms(facts, data, unit), f"{data.slug}/{unit.number}")
    shared = facts.corpus.teaching.shared.get(op.notes.shared or "")
    view = notes_view(unit, op.notes, forms, urls.relative(path, urls.GLOSSARY), shared.notes if shared else None)
    outcome = next((o for o in unit.outcomes if o.id == op.notes.outcome), None)
    area = next((a for a in unit.content if a.id == op.notes.content), None)
    criteria = [(urls.criterion_anchor(outcome.kind, c.id), c) for c in outcome.criteria] if outcome else []
    here = {anchor for anchor, _ in criteria} | ({urls.content_anchor(area.id)} if area else set())
    entry = facts.corpus.teaching.entry(data.slug, unit.number)
    assert entry is not None  # an outcome page exists only for notes in a teaching file
    view = {
        **view,
        "explanation": _retarget(view["explanation"], here, facts, data, unit, path),
        "diagrams": figures(facts.corpus.teaching, entry.teaching, op.notes),
    }
    heading_plain = f"Unit {unit.number}, {op.short}"
    prev, nxt = neighbours
    return {
        "title": qualified_title(
            f"{heading_plain}: {outcome.title if outcome else area.title if area else ''}", data.spec
        ),
        "description": front_matter(f"Notes, examples and practice for {heading_plain} of the {data.spec.short_title}"),
        "trail": trail(
            path,
            [(facts.spec_titles[data.slug], urls.spec_page(data.slug)), (f"Unit {unit.number}", unit_page)],
            op.short,
        ),
        "heading": view["heading"],
        "unit": unit,
        "unit_link": urls.relative(path, unit_page),
        "criteria": criteria,
        "area": (urls.content_anchor(area.id), area) if area else None,
        "v": view,
        "practice": _practice(facts, data, unit, op),
        "prev": (prev.short, urls.relative(path, prev.path)) if prev else None,
        "next": (nxt.short, urls.relative(path, nxt.path)) if nxt else None,
    }


_IN_PAGE_LINK = re.compile(r"\]\(#([A-Za-z0-9_-]+)\)")


def _retarget(markdown: str, here: set[str], facts: Facts, data: SpecData, unit: Unit, path: str) -> str:
    """Notes were written for one long unit page, so their links to "#content-b5" or
    "#ac-2-1" must now go to the page that holds that anchor: this one, another outcome
    page of the unit, or else the unit page (which keeps every official anchor)."""
    elsewhere = anchor_homes(facts, data, unit, path)
    unit_page = urls.relative(path, urls.unit_page(data.slug, unit.number))

    def swap(match: re.Match[str]) -> str:
        anchor = match.group(1)
        if anchor in here:
            return match.group(0)
        return f"]({elsewhere.get(anchor, f'{unit_page}#{anchor}')})"

    return _IN_PAGE_LINK.sub(swap, markdown)


def _key_terms(facts: Facts, data: SpecData, unit: Unit) -> list[str]:
    layer = facts.corpus.teaching
    entry = layer.entry(data.slug, unit.number) if layer else None
    return list(entry.teaching.key_terms) if entry else []


def outcome_items(facts: Facts, data: SpecData, unit: Unit, op: OutcomePage) -> list[Item]:
    """The reviewed items on the outcome (or content area) an outcome page teaches."""
    return [
        i
        for i in reviewed(facts.corpus.banks.items_for(data.slug, unit.number))
        if (op.notes.content in i.content if op.notes.content else i.outcome == op.notes.outcome)
    ]


def _practice(facts: Facts, data: SpecData, unit: Unit, op: OutcomePage) -> QuizBlock | None:
    items = outcome_items(facts, data, unit, op)
    if not items:
        return None
    payload = practice_payload(
        data,
        unit,
        items,
        facts.item_payloads,
        quiz_id=urls.outcome_quiz_id(data.slug, unit.number, op.slug),
        title=f"Unit {unit.number}, {op.short} practice",
    )
    return quiz_block(op.path, payload, [unit.number], revise=revise_links(facts, data, unit, op.path))
