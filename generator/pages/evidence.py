"""The evidence planner (on the page of every unit assessed on workplace evidence) and the
learner's portfolio page, /evidence/ (evidence.md.j2).

The planner's checklist is printed into the page at build time, one row per performance
criterion (or assessment criterion) and knowledge statement, so that it prints and reads
without JavaScript.  overrides/assets/javascripts/evidence-planner.js keeps what the learner types
in localStorage under cs-hub:v1:evidence:<spec>/<unit>, and the portfolio page reads every
such record against the catalogue this module embeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, get_args

from .. import labels, urls
from ..corpus import SpecData
from ..markdown_text import embed_json, front_matter, md_escape
from ..models import Unit
from ..teaching import competence_unit
from ..teaching_models import EvidenceType
from .base import Facts, Page
from .quiz_block import MapLink

# The choices of the planner's "type of evidence" list, in the assessment strategy's order.
EVIDENCE_TYPES: tuple[str, ...] = get_args(EvidenceType)


@dataclass(frozen=True)
class Row:
    """One line of the checklist: what is to be evidenced."""

    key: str  # the stored row key, the same as its anchor on the unit page: pc-3, ac-1-2, k-7
    label: str  # PC 3, 1.2, K7
    text: str  # the official statement, as data (escaped by the template)
    kind: str  # "criterion" or "knowledge"


@dataclass(frozen=True)
class Group:
    heading: str
    rows: list[Row]


def planner_groups(unit: Unit) -> list[Group]:
    """The checklist of one unit: its criteria by element or outcome, then its knowledge."""
    groups = []
    for o in unit.outcomes:
        rows = [
            Row(
                urls.criterion_anchor(o.kind, c.id),
                f"PC {c.id}" if o.kind == "element" else c.id,
                c.text,
                "criterion",
            )
            for c in o.criteria
        ]
        if rows:
            groups.append(Group(f"{labels.OUTCOME_KINDS[o.kind]} {o.id}: {o.title}", rows))
    if unit.knowledge:
        rows = [Row(urls.knowledge_anchor(k.id), f"K{k.id}", k.text, "knowledge") for k in unit.knowledge]
        groups.append(Group("Knowledge and understanding", rows))
    return groups


def planner_view(data: SpecData, unit: Unit, path: str) -> dict[str, Any] | None:
    """What the unit page's planner section prints, or None for a unit assessed otherwise."""
    if not competence_unit(unit):
        return None
    groups = planner_groups(unit)
    rows = [r for g in groups for r in g.rows]
    return {
        "ref": f"{data.slug}/{unit.number}",
        "store_key": urls.evidence_record_key(data.slug, unit.number),
        "title": f"Unit {unit.number}: {unit.title}",
        "qualification": data.spec.short_title,
        "groups": groups,
        "criteria": sum(1 for r in rows if r.kind == "criterion"),
        "knowledge": sum(1 for r in rows if r.kind == "knowledge"),
        "types_attr": "|".join(EVIDENCE_TYPES),
        "portfolio_link": urls.relative(path, urls.EVIDENCE),
    }


def build(facts: Facts) -> Iterator[Page]:
    # A centre teaching no unit assessed on workplace evidence gets no portfolio page (its
    # navigation entry goes with it: generator/centre_site.py keeps only pages it builds).
    if facts.has_evidence_units:
        yield Page(urls.EVIDENCE, "evidence.md.j2", _portfolio(facts))


def _portfolio(facts: Facts) -> dict[str, Any]:
    """The catalogue of every planner (so the page can count and name gaps) and a link map
    to every unit page, resolved by MkDocs for the build's URL style."""
    catalogue: dict[str, Any] = {}
    links = []
    specs = []
    for data in facts.specs:
        count = 0
        for number, unit in data.units.items():
            if not competence_unit(unit):
                continue
            ref = f"{data.slug}/{number}"
            rows = [r for g in planner_groups(unit) for r in g.rows]
            catalogue[ref] = {
                "title": f"Unit {number}: {unit.title}",
                "spec": data.spec.short_title,
                "rows": [[r.key, r.label, r.kind] for r in rows],
            }
            links.append(
                MapLink(f"Unit {number}", urls.relative(urls.EVIDENCE, urls.unit_page(data.slug, number)), _attr(ref))
            )
            count += 1
        if count:
            specs.append(
                (md_escape(data.spec.short_title), urls.relative(urls.EVIDENCE, urls.spec_page(data.slug)), count)
            )
    return {
        "title": front_matter("Your evidence portfolio"),
        "catalogue_json": embed_json({"v": 1, "units": catalogue, "types": list(EVIDENCE_TYPES)}),
        "links": links,
        "specs": specs,
    }


def _attr(ref: str) -> str:
    # ref is '<slug>/<number>': both are restricted to [A-Za-z0-9-] by the models.
    return f'data-csh-evidence-unit="{ref}"'
