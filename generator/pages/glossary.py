"""The glossary (glossary.md.j2), one anchor per term under A-Z letter headings, and the
flashcards page (flashcards.md.j2) with the deck the flashcard script reads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import urls
from ..markdown_text import embed_json
from ..teaching_models import Term
from .base import Facts, Page, unit_link


def build(facts: Facts) -> Iterator[Page]:
    layer = facts.corpus.teaching
    if not layer:
        return
    terms = sorted(((slug, t) for slug, (t, _, _) in layer.terms.items()), key=lambda x: x[1].term.lower())
    related = _related(terms)
    letters: dict[str, list[dict[str, Any]]] = {}
    for slug, term in terms:
        first = term.term[0].upper()
        letter = first if first.isalpha() else "#"
        letters.setdefault(letter, []).append(_entry(facts, slug, term, related.get(slug, [])))
    yield Page(
        urls.GLOSSARY,
        "glossary.md.j2",
        {
            "count": len(terms),
            "flashcards_link": urls.relative(urls.GLOSSARY, urls.FLASHCARDS),
            "letters": [(letter, urls.letter_anchor(letter), entries) for letter, entries in sorted(letters.items())],
        },
    )
    yield Page(urls.FLASHCARDS, "flashcards.md.j2", {"payload_json": embed_json(_deck(facts, terms))})


def _related(terms: list[tuple[str, Term]]) -> dict[str, list[tuple[str, str]]]:
    """'See also' links for each term, from both ends: a term lists B, so B shows it too.
    In the glossary's A to Z order; each link is (term, anchor on this page)."""
    names = dict(terms)
    pairs: dict[str, set[str]] = {}
    for slug, term in terms:
        for other in term.related:
            if other in names and other != slug:
                pairs.setdefault(slug, set()).add(other)
                pairs.setdefault(other, set()).add(slug)
    order = {slug: i for i, (slug, _) in enumerate(terms)}
    return {
        slug: [(names[o].term, f"#{o}") for o in sorted(others, key=order.__getitem__)]
        for slug, others in pairs.items()
    }


def _entry(facts: Facts, slug: str, term: Term, related: list[tuple[str, str]]) -> dict[str, Any]:
    return {"slug": slug, "t": term, "used_in": _used_in(facts, slug), "related": related}


def _used_in(facts: Facts, slug: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The units that use a term, grouped by specification: its short name once, then a
    link per unit (a title repeated for every unit made the line unreadable)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for ref in facts.term_units[slug]:
        spec, _, number = ref.partition("/")
        groups.setdefault(spec, []).append((number, unit_link(facts, urls.GLOSSARY, spec, number)))
    return [(facts.spec_short_names[spec], links) for spec, links in groups.items()]


def _deck(facts: Facts, terms: list[tuple[str, Term]]) -> dict[str, Any]:
    """What the flashcard script needs: every card, and the units a learner can filter by."""
    return {
        "terms": [
            {
                "slug": slug,
                "term": t.term,
                "definition": t.definition,
                "example": t.example,
                "units": facts.term_units[slug],
            }
            for slug, t in terms
        ],
        "units": [
            {"ref": f"{d.slug}/{n}", "label": f"{d.spec.short_title}: unit {n}, {u.title}"}
            for d in facts.specs
            for n, u in d.units.items()
            if any(f"{d.slug}/{n}" in facts.term_units[slug] for slug, _ in terms)
        ],
    }
