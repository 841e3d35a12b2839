"""Mock test pages (test.md.j2), drawn to a published test specification, and their
answer keys for tutors (answer-key.md.j2), which work without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..corpus import SpecData
from ..markdown_text import front_matter, md_escape, md_inline
from ..models import TestSpec, Unit
from .base import Facts, Page, qualified_title, spec_trail, trail
from .outcome import revise_links
from .papers import paper_links
from .quiz_block import quiz_block
from .quiz_payloads import mock_payload, reviewed


def build(facts: Facts) -> Iterator[Page]:
    for data in facts.specs:
        for test in data.spec.tests:
            units = [facts.unit(data.slug, n) for n in test.units]
            payload = mock_test_payload(facts, data, test)
            path = urls.test_page(data.slug, test.id)
            key = urls.answer_key_page(data.slug, test.id)
            yield Page(path, "test.md.j2", _test_context(facts, data, test, units, payload, path, key))
            yield Page(key, "answer-key.md.j2", _key_context(facts, data, test, units, payload, key, path))


def mock_test_payload(facts: Facts, data: SpecData, test: TestSpec) -> dict[str, Any]:
    """The mock's payload: the same on its page and in its LMS packages (generator/lms/)."""
    units = [facts.unit(data.slug, n) for n in test.units]
    banks = facts.corpus.banks
    items = {u.number: reviewed(banks.items_for(data.slug, u.number)) if banks else [] for u in units}
    return mock_payload(data, test, items, facts.item_payloads)


def _parts(facts: Facts, data: SpecData, test: TestSpec) -> Iterator[tuple[Any, Unit]]:
    for part in test.outcomes:
        yield part, facts.unit(data.slug, part.unit or test.units[0])


def _test_context(
    facts: Facts, data: SpecData, test: TestSpec, units: list[Unit], payload: dict[str, Any], path: str, key: str
) -> dict[str, Any]:
    several = len(test.units) > 1
    rows = []
    for part, unit in _parts(facts, data, test):
        label = (f"Unit {unit.number}, " if several else "") + md_escape(labels.outcome_label(unit, part.outcome))
        href = urls.relative(path, urls.unit_page(data.slug, unit.number), urls.outcome_anchor(part.outcome))
        rows.append((label, href, part.marks if part.marks is not None else part.questions))
    return {
        "title": qualified_title(test.title, data.spec),
        "description": front_matter(f"A timed practice test drawn to the blueprint of the {test.title}"),
        "spec": data.spec,
        "test": test,
        "trail": spec_trail(facts, path, data.slug, test.title),
        "unit_links": [
            (n, urls.relative(path, urls.unit_page(data.slug, u.number)))
            for n, u in zip(test.units, units, strict=True)
        ],
        "basis": "" if test.official else md_inline(test.basis or ""),
        "part_heading": "Unit and outcome" if several else "Outcome",
        "amount_heading": "Marks" if test.marks else "Questions",
        "rows": rows,
        "total": test.marks if test.marks else test.questions,
        "papers": paper_links(path, data.slug, test.id),
        "quiz": quiz_block(
            path,
            payload,
            [u.number for u in units],
            key if facts.tutor_pages else None,
            revise=[link for u in units for link in revise_links(facts, data, u, path)],
        ),
    }


def _key_context(
    facts: Facts, data: SpecData, test: TestSpec, units: list[Unit], payload: dict[str, Any], path: str, test_path: str
) -> dict[str, Any]:
    groups = []
    for part, unit in _parts(facts, data, test):
        entries = [i for i in payload["items"] if i["unit"] == unit.number and i["outcome"] == part.outcome]
        label = (f"Unit {unit.number}, " if len(units) > 1 else "") + labels.outcome_label(unit, part.outcome)
        groups.append({"label": label, "entries": [(urls.key_item_anchor(i["id"]), i) for i in entries]})
    return {
        "title": front_matter(f"Answer key: {test.title} ({data.spec.short_title})"),
        "description": front_matter(
            f"Every question in the bank for the {test.title}, with its answer and explanation, for tutors."
        ),
        "test": test,
        "trail": trail(path, [("For tutors", urls.TUTORS)], f"Answer key: {test.title}"),
        "test_link": urls.relative(path, test_path),
        "groups": groups,
    }
