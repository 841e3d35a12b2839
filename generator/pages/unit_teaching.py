"""The teaching layer of a unit page: "In brief", the "Learn it" notes with glossary
tooltips, key terms, the law cards, tutors' activities and the practice quiz.

Which laws a unit page shows is decided by relations.law_links, the same relation that
lists the units on each law's page.
"""

from __future__ import annotations

from typing import Any

from .. import labels, urls
from ..corpus import SpecData, TeachingLayer
from ..diagrams import figure_html
from ..glossary_links import TermForm, link_terms
from ..markdown_text import demote_headings, md_escape
from ..models import Unit
from ..relations import unit_laws
from ..search_text import index_lead_only
from ..teaching_models import EvidenceGuide, KnowledgeNotes, OutcomeNotes, SharedNotes, Teaching
from .activities import activity_view
from .base import Facts
from .quiz_block import MapLink, QuizBlock, quiz_block
from .quiz_payloads import practice_payload, reviewed


def teaching_context(facts: Facts, data: SpecData, unit: Unit, path: str) -> dict[str, Any]:
    """Everything the unit page needs from the teaching layer (empty when there is none)."""
    layer = facts.corpus.teaching
    entry = layer.entry(data.slug, unit.number) if layer else None
    laws = _law_cards(facts, data, unit, path)
    if not entry:
        return {
            "teaching": None,
            "key_terms": [],
            "laws": laws,
            "activities": [],
            "knowledge_notes": [],
            "evidence": [],
        }
    teaching = entry[0]
    forms = term_forms(facts, teaching.key_terms, f"{data.slug}/{unit.number}") if teaching.knowledge_notes else []
    glossary = urls.relative(path, urls.GLOSSARY)
    return {
        "teaching": teaching,
        "knowledge_notes": [knowledge_notes_view(n, forms, glossary) for n in teaching.knowledge_notes],
        "evidence": [evidence_view(unit, g) for g in teaching.evidence],
        "key_terms": [(urls.relative(path, urls.GLOSSARY, slug), layer.terms[slug][0]) for slug in teaching.key_terms],
        "flashcards_link": urls.relative(path, urls.FLASHCARDS),
        "laws": laws,
        "activities": [activity_view(a, unit, "", with_target=False) for a in teaching.activities],
    }


def term_forms(facts: Facts, key_terms: list[str], ref: str) -> list[TermForm]:
    """The glossary terms whose tooltips a unit's notes may show: its key terms first, then
    every other term the glossary says the unit uses."""
    layer = facts.corpus.teaching
    assert layer is not None
    wanted = list(dict.fromkeys(key_terms + [s for s, refs in facts.term_units.items() if ref in refs]))
    forms = []
    for slug in wanted:
        term = layer.terms[slug][0]
        if term.tooltip:
            forms.append(TermForm(slug, [term.term, *term.aliases], term.definition, term.term))
    return forms


def figures(layer: TeachingLayer, teaching: Teaching, notes: OutcomeNotes) -> list[str]:
    """The diagrams the teaching file places in these notes, as figure HTML, in file order."""
    target = notes.outcome or notes.content or ""
    return [
        figure_html(layer.diagrams[use.diagram].diagram, f"fig-{urls.notes_anchor(target)}-{use.diagram}")
        for use in teaching.diagrams
        if (use.outcome, use.content) == (notes.outcome, notes.content)
    ]


def notes_view(
    unit: Unit, notes: OutcomeNotes, forms: list[TermForm], glossary: str, shared: SharedNotes | None = None
) -> dict[str, Any]:
    """One outcome's notes.  With shared notes (notes.shared), the shared explanation comes
    first and this unit's own text follows under "In this unit"; examples, mistakes and
    questions are the shared ones and then the unit's own."""
    if notes.content:
        area = next(a for a in unit.content if a.id == notes.content)
        heading = f"{notes.content} {md_escape(area.title)}"
        kind = unit.outcomes[0].kind  # content areas sit under the unit's outcomes
    else:
        assert notes.outcome is not None  # the model requires one of outcome and content
        outcome = labels.find_outcome(unit, notes.outcome)
        heading = f"{labels.OUTCOME_KINDS[outcome.kind]} {outcome.id}: {md_escape(outcome.title)}"
        kind = outcome.kind
    explanation = notes.explanation
    if shared is not None:
        own = f"\n\n### In this unit\n\n{notes.explanation}" if notes.explanation.strip() else ""
        explanation = f"{shared.explanation.rstrip()}{own}"
    examples = [*(shared.examples if shared else []), *notes.examples]
    return {
        "n": notes,
        "heading": heading,
        "anchor": urls.notes_anchor(notes.outcome or notes.content or ""),
        "criteria": [(c, urls.criterion_anchor(kind, c)) for c in notes.criteria],
        "explanation": index_lead_only(link_terms(demote_headings(explanation), forms, glossary)),
        "examples": [(labels.SECTORS[ex.sector], ex.text) for ex in examples],
        "mistakes": [*(shared.mistakes if shared else []), *notes.mistakes],
        "check_yourself": [*(shared.check_yourself if shared else []), *notes.check_yourself],
    }


def knowledge_notes_view(notes: KnowledgeNotes, forms: list[TermForm], glossary: str) -> dict[str, Any]:
    return {
        "n": notes,
        "title": md_escape(notes.title),
        "anchor": urls.knowledge_notes_anchor(notes.knowledge),
        "knowledge": [(k, urls.knowledge_anchor(k)) for k in notes.knowledge],
        "explanation": index_lead_only(link_terms(demote_headings(notes.explanation), forms, glossary)),
        "examples": [(labels.SECTORS[ex.sector], ex.text) for ex in notes.examples],
    }


def evidence_view(unit: Unit, guide: EvidenceGuide) -> dict[str, Any]:
    outcome = labels.find_outcome(unit, guide.outcome)
    return {
        "e": guide,
        "heading": f"{labels.OUTCOME_KINDS[outcome.kind]} {outcome.id}: {md_escape(outcome.title)}",
        "anchor": urls.evidence_anchor(guide.outcome),
        "types": labels.sentence_list([t.capitalize() if i == 0 else t for i, t in enumerate(guide.types)]),
    }


def _law_cards(facts: Facts, data: SpecData, unit: Unit, path: str) -> list[dict[str, Any]]:
    layer = facts.corpus.teaching
    if not layer:
        return []
    cards = []
    for slug in unit_laws(facts.law_links, (data.slug, unit.number)):
        law = layer.laws[slug][0]
        status_class, status_label = labels.status_badge(law.status)
        cards.append(
            {
                "law": law,
                "added": not _named_by_spec(facts, data, unit, slug),
                "href": urls.relative(path, urls.law_page(slug)),
                "status_class": status_class,
                "status_label": status_label,
            }
        )
    return cards


def practice_block(facts: Facts, data: SpecData, unit: Unit, path: str, revise: list[MapLink]) -> QuizBlock | None:
    banks = facts.corpus.banks
    items = reviewed(banks.items_for(data.slug, unit.number)) if banks else []
    if not items:
        return None
    payload = practice_payload(data, unit, items, facts.item_payloads)
    return quiz_block(path, payload, [unit.number], revise=revise)


def _named_by_spec(facts: Facts, data: SpecData, unit: Unit, slug: str) -> bool:
    """Whether the specification itself names this law for this unit: the law entry quotes its
    wording.  A law listed only by our teaching file or the entry's own units list is ours."""
    law = facts.corpus.teaching.laws[slug].law
    return any(
        wording.spec == data.slug and any(facts.unit(data.slug, u).number == unit.number for u in wording.units)
        for wording in law.spec_wording
    )
