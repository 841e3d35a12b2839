"""Specification pages (template specification.md.j2): the qualifications a specification
holds, their structures and rules of combination with a route planner, its assessment
model, its test specifications and the list of every unit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..corpus import SpecData
from ..markdown_text import embed_json, front_matter, md_escape, md_inline
from ..models import Qualification
from ..routes import has_options, rules_data
from .base import Facts, Page, methods_of, qualified_title, unit_link
from .offers import offer


def build(facts: Facts) -> Iterator[Page]:
    for data in facts.specs:
        path = urls.spec_page(data.slug)
        yield Page(path, "specification.md.j2", spec_context(facts, data, path))


def spec_context(facts: Facts, data: SpecData, path: str) -> dict[str, Any]:
    spec = data.spec
    source = md_escape(spec.source.document)
    if spec.source.version:
        source += f", version {md_escape(spec.source.version)}"
    return {
        "title": qualified_title(spec.short_title, spec),
        "description": front_matter(f"Qualifications, structure, units and assessment for the {spec.title}"),
        "spec": spec,
        "offers": offer(facts, data).sentence(),
        "evidence_link": urls.relative(path, urls.EVIDENCE) if offer(facts, data).with_planner else "",
        "source": source,
        "notes": [(labels.spec_note_heading(n.kind), md_inline(n.text)) for n in spec.notes],
        "qualifications": [_qualification(facts, data, q, path) for q in spec.qualifications],
        "tests": [
            {
                "title": t.title,
                "href": urls.relative(path, urls.test_page(data.slug, t.id)),
                "size": labels.test_size(t.duration_min, t.questions, t.marks),
                "units": [(n, unit_link(facts, path, data.slug, n)) for n in t.units],
            }
            for t in spec.tests
        ],
        "units": [
            {
                "label": " / ".join([number, *unit.aliases]),
                "href": urls.relative(path, urls.unit_page(data.slug, number)),
                "unit": unit,
                "unlisted": unit.status == "not-in-structure",
            }
            for number, unit in data.units.items()
        ],
    }


def _qualification(facts: Facts, data: SpecData, qual: Qualification, path: str) -> dict[str, Any]:
    rows = [
        (label, value)
        for label, value in (
            ("Qualification number", md_escape(qual.number or "")),
            ("Accreditation number", md_escape(qual.accreditation or "")),
            ("Level", md_escape(qual.level or "")),
            ("Credits required", "" if qual.credits is None else str(qual.credits)),
            ("Guided learning hours", "" if qual.glh is None else str(qual.glh)),
            ("Total qualification time", "" if qual.tqt is None else f"{qual.tqt} hours"),
            ("Age", md_escape(qual.age or "")),
        )
        if value
    ]
    groups = []
    for group in qual.groups:
        first = data.resolve(group.units[0])
        groups.append(
            {
                "title": group.title,
                "rule": labels.group_rule(group.min_units, group.max_units, group.min_credits, group.max_credits),
                "reference_label": md_escape(first.reference_label if first else "Reference"),
                "rows": [_group_row(facts, data, number, path) for number in group.units],
            }
        )
    barred = []
    for units in qual.barred:
        links = [f"[{n}]({unit_link(facts, path, data.slug, n)})" for n in units]
        barred.append(", ".join(links[:-1]) + (" and " if len(links) > 1 else "") + links[-1])
    planner = embed_json(rules_data(data, qual)) if has_options(qual) else ""
    return {
        "q": qual,
        "rows": rows,
        "groups": groups,
        "barred": barred,
        "notes": [md_inline(n.text) for n in qual.notes],
        "planner_anchor": urls.planner_anchor(qual.id),
        "planner_json": planner,
    }


def _group_row(facts: Facts, data: SpecData, number: str, path: str) -> list[str]:
    unit = facts.unit(data.slug, number)
    return [
        f"[{number}]({urls.relative(path, urls.unit_page(data.slug, number))})",
        md_escape(unit.title),
        md_escape(unit.reference or ""),
        md_escape(unit.level or ""),
        "" if unit.glh is None else str(unit.glh),
        "" if unit.credits is None else str(unit.credits),
        methods_of(unit, number),
    ]
