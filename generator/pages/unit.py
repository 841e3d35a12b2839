"""Unit pages (template unit.md.j2) and the small redirect page of each alias number
(alias.md.j2): the official text of a unit, how it is assessed, and where it appears
elsewhere.  The teaching layer of the page comes from unit_teaching.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..corpus import SpecData
from ..markdown_text import front_matter, md_escape, md_inline
from ..models import Outcome, Specification, TestSpec, Unit
from ..relations import tests_by_unit, used_by
from .base import Facts, Page, qualified_title, spec_trail, unit_link
from .evidence import planner_view
from .outcome import outcome_pages, revise_links
from .unit_compare import comparison
from .unit_teaching import practice_block, teaching_context


def build(facts: Facts) -> Iterator[Page]:
    for data in facts.specs:
        tests = tests_by_unit(data)
        quals = used_by(data)
        for number, unit in data.units.items():
            path = urls.unit_page(data.slug, number)
            context = unit_context(facts, data, unit, path, tests.get(number, []), quals.get(number, []))
            yield Page(path, "unit.md.j2", context)
            for alias in unit.aliases:
                alias_path = urls.unit_page(data.slug, alias)
                yield Page(
                    alias_path,
                    "alias.md.j2",
                    {
                        **alias_context(data.spec, unit, alias),
                        "trail": spec_trail(facts, alias_path, data.slug, f"Unit {alias}"),
                    },
                )


def unit_context(
    facts: Facts, data: SpecData, unit: Unit, path: str, tests: list[TestSpec], quals: list[str]
) -> dict[str, Any]:
    spec = data.spec
    teaching = teaching_context(facts, data, unit, path)
    return {
        "title": qualified_title(f"Unit {unit.number}: {unit.title}", spec),
        "description": front_matter(
            f"Outcomes and assessment criteria for {spec.short_title} unit {unit.number}, {unit.title}"
        ),
        "unit": unit,
        "spec": spec,
        "trail": spec_trail(facts, path, spec.slug, f"Unit {unit.number}"),
        "facts": _facts_rows(unit),
        "also_quals": "; ".join(md_escape(q) for q in quals) if len(quals) > 1 else "",
        "also_count": len(quals),
        "also_links": _also_links(facts, data, unit, path),
        "notes": [(*labels.unit_note(n.kind), md_inline(n.text)) for n in unit.notes],
        "simulation": labels.SIMULATION.get(unit.simulation, ""),
        "routes": [(r.number, labels.METHODS[r.method], r.detail) for r in unit.assessment],
        "tests": [_test_summary(facts, data, unit, t, path) for t in tests],
        "test_links": [(t.title, urls.relative(path, urls.test_page(spec.slug, t.id))) for t in tests],
        "outcomes": [_outcome_view(o) for o in unit.outcomes],
        "has_criteria": any(o.criteria for o in unit.outcomes),
        "content_areas": [(urls.content_anchor(a.id), a) for a in unit.content],
        "knowledge": [(urls.knowledge_anchor(k.id), k) for k in unit.knowledge],
        "comparisons": [comparison(data.slug, unit, data.units[p], path) for p in unit.parallel],
        "practice": practice_block(facts, data, unit, path, revise_links(facts, data, unit, path)),
        "outcome_links": [
            (f"{op.short}: {_target_title(unit, op.notes.outcome, op.notes.content)}", urls.relative(path, op.path))
            for op in outcome_pages(facts, data, unit)
        ],
        "planner": planner_view(data, unit, path),
        "simulation_rule": labels.SIMULATION_RULE[unit.simulation],
        "source_line": _source_line(data, unit),
        "about_link": urls.relative(path, urls.ABOUT),
        "tutors_link": facts.tutor_link(path, urls.TUTORS),
        **teaching,
    }


def _target_title(unit: Unit, outcome_id: str | None, content_id: str | None) -> str:
    if content_id:
        return md_escape(next(a.title for a in unit.content if a.id == content_id))
    return md_escape(labels.find_outcome(unit, outcome_id or "").title)


def _facts_rows(unit: Unit) -> list[tuple[str, str]]:
    rows = []
    if unit.reference:
        rows.append((md_escape(unit.reference_label), md_escape(unit.reference)))
    if unit.level:
        rows.append(("Level", md_escape(unit.level)))
    if unit.credits is not None:
        rows.append((md_escape(unit.credits_label), str(unit.credits)))
    if unit.glh is not None:
        rows.append(("Guided learning hours", str(unit.glh)))
    rows.extend((f"Assessed as unit {r.number}", labels.METHODS[r.method]) for r in unit.assessment)
    return rows


def _also_links(facts: Facts, data: SpecData, unit: Unit, path: str) -> list[tuple[str, str, str]]:
    """(link text, href, where) for each other place this unit appears."""
    out = []
    for link in facts.cross.get((data.slug, unit.number), []):
        href = urls.relative(path, urls.unit_page(link.spec, link.unit))
        text = f"Unit {link.unit}: {md_escape(link.title)}"
        where = " in this specification" if link.spec == data.slug else f", {md_escape(link.spec_title)}"
        out.append((text, href, f"{where} ({md_escape(link.relation)})"))
    return out


def _test_summary(facts: Facts, data: SpecData, unit: Unit, test: TestSpec, path: str) -> dict[str, Any]:
    """A test specification's blueprint as the unit page tables it."""
    total = test.marks or test.questions or 1
    rows = []
    for part in test.outcomes:
        part_unit = facts.unit(data.slug, part.unit) if part.unit else unit
        other = part_unit.number != unit.number
        amount = part.marks if part.marks is not None else part.questions
        rows.append(
            {
                "label": (f"Unit {part_unit.number}, " if other else "") + part.outcome,
                "href": unit_link(facts, path, data.slug, part_unit.number, urls.outcome_anchor(part.outcome))
                if other
                else "#" + urls.outcome_anchor(part.outcome),
                "title": md_escape(part.printed_title or labels.outcome_label(part_unit, part.outcome)),
                "amount": "" if amount is None else str(amount),
                "share": "" if amount is None else f"{round(100 * amount / total)}%",
            }
        )
    return {
        "test": test,
        "size": labels.test_size(test.duration_min, test.questions, test.marks),
        "basis": "" if test.official or not test.basis else md_inline(test.basis),
        "title_heading": "Title as the test table prints it" if test.official else "Title",
        "amount_heading": "Marks" if test.marks else "Questions",
        "rows": rows,
    }


def _outcome_view(o: Outcome) -> dict[str, Any]:
    label = labels.OUTCOME_KINDS[o.kind]
    return {
        "o": o,
        "label": label,
        "anchor": urls.outcome_anchor(o.id),
        "criteria": [(urls.criterion_anchor(o.kind, c.id), c) for c in o.criteria],
    }


def _source_line(data: SpecData, unit: Unit) -> str:
    source = data.spec.source
    text = f"Official text on this page is from the {md_escape(data.spec.awarding_body)} {md_escape(source.document)}"
    if source.version:
        text += f", version {md_escape(source.version)}"
    text += f" ({md_escape(source.issued)})"
    # unit.source_lines (where the unit sits in the converted seed text) is for editors;
    # learners are shown only the document and its issue.
    return text


def alias_context(spec: Specification, unit: Unit, alias: str) -> dict[str, Any]:
    methods = {r.number: labels.METHODS[r.method] for r in unit.assessment}
    return {
        "title": qualified_title(f"Unit {alias} is Unit {unit.number}: {unit.title}", spec),
        "target": front_matter(unit.number),
        "unit": unit,
        "alias": alias,
        "alias_method": methods.get(alias, "another method").lower(),
        "unit_method": methods.get(unit.number, "another method").lower(),
        "unit_link": urls.relative(urls.unit_page("", alias), urls.unit_page("", unit.number)),
    }
