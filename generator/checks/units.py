"""Rules for unit files: anchors unique, routes and parallels named, aliases unique,
cross-links resolving.  One rule per function."""

from __future__ import annotations

from ..corpus import ValidatedCorpus
from ..problems import Problems
from ..urls import content_anchor, criterion_anchor, knowledge_anchor, outcome_anchor
from ..yamlload import Path_
from .common import report


def unit_anchors_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Outcome, criterion, knowledge and content anchors on one unit page never repeat."""
    for data, unit in corpus.all_units():
        origin = data.unit_origin[unit.number]
        seen: dict[str, Path_] = {}
        claims: list[tuple[str, Path_, str]] = []
        for oi, outcome in enumerate(unit.outcomes):
            claims.append((outcome_anchor(outcome.id), ("outcomes", oi, "id"), f"outcome {outcome.id!r}"))
            claims += [
                (criterion_anchor(outcome.kind, c.id), ("outcomes", oi, "criteria", ci, "id"), f"criterion {c.id!r}")
                for ci, c in enumerate(outcome.criteria)
            ]
        claims += [
            (knowledge_anchor(k.id), ("knowledge", ki, "id"), f"knowledge statement {k.id!r}")
            for ki, k in enumerate(unit.knowledge)
        ]
        claims += [
            (content_anchor(a.id), ("content", ai, "id"), f"content area {a.id!r}") for ai, a in enumerate(unit.content)
        ]
        for anchor, loc, what in claims:
            if anchor in seen:
                message = f"{what} gives the anchor #{anchor}, already used on line {origin.line(*seen[anchor])}"
                report(problems, origin, loc, message, "ids must be unique within a unit; check the printed id")
            else:
                seen[anchor] = loc


def marks_ranges_ordered(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data, unit in corpus.all_units():
        for oi, outcome in enumerate(unit.outcomes):
            r = outcome.marks_range
            if r and (len(r) != 2 or r[0] > r[1]):
                report(
                    problems,
                    data.unit_origin[unit.number],
                    ("outcomes", oi, "marks_range"),
                    "must be [lowest, highest]",
                    "e.g. [1, 4]",
                )


def assessment_routes_named(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Each assessment route is registered under the unit's own number or an alias."""
    for data, unit in corpus.all_units():
        routes = {unit.number, *unit.aliases}
        for ri, route in enumerate(unit.assessment):
            if route.number not in routes:
                report(
                    problems,
                    data.unit_origin[unit.number],
                    ("assessment", ri, "number"),
                    f"{route.number!r} is neither this unit's number nor one of its aliases",
                    f"use one of: {', '.join(sorted(routes))}",
                )


def parallels_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data, unit in corpus.all_units():
        for pi, other in enumerate(unit.parallel):
            if corpus.broken.unit(data.slug, other):
                continue
            if other not in data.units or other == unit.number:
                report(
                    problems,
                    data.unit_origin[unit.number],
                    ("parallel", pi),
                    f"unit {other!r} is not another unit of {data.slug}",
                    "list the number of a different unit in this specification",
                )


def aliases_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A number names one unit page: no alias repeats a unit number or another alias."""
    for data in corpus.specs.values():
        owner: dict[str, str] = {n: n for n in data.units}
        for number, unit in data.units.items():
            for ai, alias in enumerate(unit.aliases):
                if alias in owner:
                    other = owner[alias]
                    taken = "a unit number" if other == alias else f"an alias of unit {other}"
                    message = f"alias {alias!r} is already {taken}"
                    report(
                        problems,
                        data.unit_origin[number],
                        ("aliases", ai),
                        message,
                        "each number may name only one unit page",
                    )
                else:
                    owner[alias] = number


def cross_links_resolve(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data, unit in corpus.all_units():
        for li, link in enumerate(unit.also_in):
            if not corpus.unit_ref_ok(f"{link.spec}/{link.unit}"):
                report(
                    problems,
                    data.unit_origin[unit.number],
                    ("also_in", li),
                    f"{link.spec}/{link.unit} is not a unit in the content",
                    "check the specification slug and unit number",
                )


UNIT_CHECKS = (
    unit_anchors_unique,
    marks_ranges_ordered,
    assessment_routes_named,
    parallels_exist,
    aliases_unique,
    cross_links_resolve,
)
