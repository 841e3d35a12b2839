"""The site navigation, handed to MkDocs through docs/.nav.json.

Titles are HTML-escaped here because Material prints navigation titles as they are: a
title is content, never markup.
"""

from __future__ import annotations

import html
from typing import Any

from .. import urls
from ..corpus import natural_key
from .base import Facts

NavEntry = str | dict[str, Any]


def _entry(title: str, target: str | list[NavEntry]) -> dict[str, Any]:
    return {html.escape(title, quote=False): target}


def build_nav(facts: Facts) -> list[NavEntry]:
    nav: list[NavEntry] = [_entry("Home", urls.HOME)]
    quals: list[NavEntry] = []
    for data in facts.specs:
        units: list[NavEntry] = [_entry(f"{u.number}: {u.title}", urls.unit_page(data.slug, u.number))
                                 for u in sorted(data.units.values(), key=lambda u: natural_key(u.number))]
        section: list[NavEntry] = [urls.spec_page(data.slug), _entry("Units", units)]
        if data.spec.tests:
            section.append(_entry("Mock tests", [_entry(t.title, urls.test_page(data.slug, t.id))
                                                 for t in data.spec.tests]))
        quals.append(_entry(data.spec.short_title, section))
    nav.append(_entry("Qualifications", quals))
    layer = facts.corpus.teaching
    if layer and layer.terms:
        nav.append(_entry("Glossary", [urls.GLOSSARY, urls.FLASHCARDS]))
    if layer and layer.laws:
        laws = sorted(layer.laws.items(), key=lambda x: x[1][0].title.lower())
        nav.append(_entry("Legislation", [urls.LEGISLATION, *(_entry(law.title, urls.law_page(slug))
                                                               for slug, (law, _) in laws)]))
    nav.append(_entry("Your progress", urls.PROGRESS))
    tutors: list[NavEntry] = [urls.TUTORS]
    for data in facts.specs:
        for t in data.spec.tests:
            tutors.append(_entry(f"Answer key: {data.spec.short_title}, {t.title}",
                                 urls.answer_key_page(data.slug, t.id)))
    nav.append(_entry("For tutors", tutors))
    nav.append(_entry("About", [urls.ABOUT, urls.CONTENT_FORMAT, urls.HOSTING]))
    return nav
