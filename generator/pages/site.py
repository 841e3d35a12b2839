"""Pages about the whole site: home (home.md.j2), the learner's progress page
(progress.md.j2), the tutors' index (tutors.md.j2), "About this content" (about.md.j2) and
the content format reference (content-format.md.j2)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..formatdoc import CONTENT_MODELS, model_tables
from ..markdown_text import md_escape
from . import papers
from .activities import activity_view
from .base import Facts, Page
from .offers import offer
from .outcome import outcome_items, outcome_pages
from .quiz_block import MapLink
from .quiz_payloads import reviewed
from .review import progress_links


def build(facts: Facts) -> Iterator[Page]:
    yield Page(urls.HOME, "home.md.j2", _home(facts))
    yield Page(urls.PROGRESS, "progress.md.j2", _progress(facts))
    yield Page(urls.TUTORS, "tutors.md.j2", _tutors(facts))
    yield Page(
        urls.ABOUT,
        "about.md.j2",
        {
            "specs": [
                {
                    "spec": d.spec,
                    "href": urls.relative(urls.ABOUT, urls.spec_page(d.slug)),
                    "offers": offer(facts, d).sentence(),
                }
                for d in facts.specs
            ],
            "evidence_units": facts.has_evidence_units,
        },
    )
    tables = [
        (
            t["name"].lower(),
            {**t, "rows": [{**r, "required": "**required**" if r["required"] else ""} for r in t["rows"]]},
        )
        for t in model_tables(CONTENT_MODELS)
    ]
    yield Page(urls.CONTENT_FORMAT, "content-format.md.j2", {"tables": tables})


def _home(facts: Facts) -> dict[str, Any]:
    cards = []
    for data in facts.specs:
        for qual in data.spec.qualifications:
            offers = offer(facts, data, qual).sentence()
            title = md_escape(qual.title) + (f" ({md_escape(qual.number)})" if qual.number else "")
            about = md_escape(data.spec.awarding_body)
            if qual.level:
                about += " · Level " + md_escape(qual.level.replace("Level ", ""))
            cards.append((title, urls.relative(urls.HOME, urls.spec_page(data.slug), qual.id), about, offers))
    example = facts.specs[0].slug if facts.specs else "spec"
    return {"cards": cards, "example_link": f"{example}/units/…/#ac-…", "evidence_step": facts.has_evidence_units}


def _progress(facts: Facts) -> dict[str, Any]:
    links, tests = [], []
    banks = facts.corpus.banks
    for data in facts.specs:
        for test in data.spec.tests:
            href = urls.relative(urls.PROGRESS, urls.test_page(data.slug, test.id))
            links.append(
                MapLink(md_escape(test.title), href, f'data-csh-quiz="{urls.mock_quiz_id(data.slug, test.id)}"')
            )
            tests.append((md_escape(test.title), href, md_escape(data.spec.short_title)))
        for number, unit in data.units.items():
            if banks and reviewed(banks.items_for(data.slug, number)):
                links.append(
                    MapLink(
                        f"Unit {number}",
                        urls.relative(urls.PROGRESS, urls.unit_page(data.slug, number)),
                        f'data-csh-quiz="{urls.practice_quiz_id(data.slug, number)}"',
                    )
                )
            for op in outcome_pages(facts, data, unit):
                if outcome_items(facts, data, unit, op):
                    quiz = urls.outcome_quiz_id(data.slug, number, op.slug)
                    links.append(
                        MapLink(
                            f"Unit {number}, {op.short}",
                            urls.relative(urls.PROGRESS, op.path),
                            f'data-csh-quiz="{quiz}"',
                        )
                    )
    return {"links": links + progress_links(facts), "tests": tests}


def _tutors(facts: Facts) -> dict[str, Any]:
    layer = facts.corpus.teaching
    sections = []
    for data in facts.specs:
        units = []
        for number, unit in data.units.items():
            # A unit printed twice is listed once, under its first number.
            entry = layer.units.get((data.slug, number)) if layer else None
            if entry:
                href = urls.relative(urls.TUTORS, urls.unit_page(data.slug, number))
                prompts = [
                    (labels.outcome_label(unit, g.outcome), href + "#" + urls.evidence_anchor(g.outcome), g.discussion)
                    for g in entry.teaching.evidence
                    if g.discussion
                ]
                units.append(
                    {
                        "unit": unit,
                        "href": href,
                        "count": len(entry[0].activities),
                        "activities": [activity_view(a, unit, href, with_target=True) for a in entry[0].activities],
                        "prompts": prompts,
                    }
                )
        if units:
            sections.append((data.spec.short_title, units))
    keys = [
        (
            md_escape(t.title),
            urls.relative(urls.TUTORS, urls.answer_key_page(d.slug, t.id)),
            md_escape(d.spec.short_title),
        )
        for d in facts.specs
        for t in d.spec.tests
    ]
    return {
        "sections": sections,
        "keys": keys,
        "paper_keys": papers.paper_key_links(facts, urls.TUTORS),
        "item_stats_link": urls.relative(urls.TUTORS, urls.ITEM_STATS),
        "lms_link": urls.relative(urls.TUTORS, urls.LMS_GUIDE),
        "downloads": [
            {
                "title": md_escape(d.title),
                "href": urls.relative(urls.TUTORS, d.path),
                "file": md_escape(d.path.rsplit("/", 1)[-1]),
                "size": d.size,
                "count": f"{d.count} {'quiz items' if d.counts == 'items' else 'glossary terms'}",
            }
            for d in facts.downloads
        ],
        "scorm": _scorm_downloads(facts),
        "scorm_guide": urls.relative(urls.TUTORS, urls.SCORM_GUIDE),
        "evidence_units": facts.has_evidence_units,
    }


def _scorm_downloads(facts: Facts) -> list[tuple[str, str, str, str]]:
    """(test title, link, specification, size) for each mock's SCORM package."""
    from ..lms.scorm import DOCS_FOLDER, package_name

    rows = []
    for d in facts.specs:
        for t in d.spec.tests:
            path = f"{DOCS_FOLDER}/{package_name(d.slug, t.id)}"
            size = f"{max(1, round(len(facts.scorm_packages[path]) / 1024))} KB"
            rows.append((md_escape(t.title), urls.relative(urls.TUTORS, path), md_escape(d.spec.short_title), size))
    return rows
