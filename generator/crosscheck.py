"""Corpus-wide checks that no single file can make on its own: ids unique within a unit,
anchors that would collide, aliases, and every reference between files resolving."""

from __future__ import annotations

from collections import Counter

from .anchors import content_anchor, criterion_anchor, knowledge_anchor, outcome_anchor
from .corpus import Corpus, SpecData
from .problems import Problems
from .yamlload import format_loc as _fmt


def crosscheck(corpus: Corpus, problems: Problems) -> None:
    qualification_ids: dict[str, str] = {}
    for data in corpus.specs.values():
        _check_units(data, problems)
        _check_aliases(data, problems)
        _check_qualifications(data, problems, qualification_ids)
        _check_tests(data, problems)
    _check_cross_links(corpus, problems)


def _check_units(data: SpecData, problems: Problems) -> None:
    for number, unit in data.units.items():
        origin = data.unit_origin[number]
        seen: dict[str, tuple] = {}

        def claim(anchor: str, loc: tuple, what: str) -> None:
            if anchor in seen:
                first = seen[anchor]
                problems.add(origin.display, origin.line(*loc), _fmt(loc),
                             f"{what} gives the anchor #{anchor}, already used on line {origin.line(*first)}",
                             "ids must be unique within a unit; check the printed id")
            else:
                seen[anchor] = loc

        for oi, outcome in enumerate(unit.outcomes):
            claim(outcome_anchor(outcome.id), ("outcomes", oi, "id"), f"outcome {outcome.id!r}")
            for ci, criterion in enumerate(outcome.criteria):
                claim(criterion_anchor(outcome, criterion.id), ("outcomes", oi, "criteria", ci, "id"),
                      f"criterion {criterion.id!r}")
            if outcome.marks_range and (len(outcome.marks_range) != 2 or outcome.marks_range[0] > outcome.marks_range[1]):
                problems.add(origin.display, origin.line("outcomes", oi, "marks_range"),
                             f"outcomes[{oi}].marks_range", "must be [lowest, highest]", "e.g. [1, 4]")
        for ki, statement in enumerate(unit.knowledge):
            claim(knowledge_anchor(statement.id), ("knowledge", ki, "id"), f"knowledge statement {statement.id!r}")
        for ai, area in enumerate(unit.content):
            claim(content_anchor(area.id), ("content", ai, "id"), f"content area {area.id!r}")
        routes = {number, *unit.aliases}
        for ri, route in enumerate(unit.assessment):
            if route.number not in routes:
                problems.add(origin.display, origin.line("assessment", ri, "number"), f"assessment[{ri}].number",
                             f"{route.number!r} is neither this unit's number nor one of its aliases",
                             f"use one of: {', '.join(sorted(routes))}")
        for pi, other in enumerate(unit.parallel):
            if other in data.broken:
                continue
            if other not in data.units or other == number:
                problems.add(origin.display, origin.line("parallel", pi), f"parallel[{pi}]",
                             f"unit {other!r} is not another unit of {data.slug}",
                             "list the number of a different unit in this specification")


def _check_aliases(data: SpecData, problems: Problems) -> None:
    owner: dict[str, str] = {n: n for n in data.units}
    for number, unit in data.units.items():
        origin = data.unit_origin[number]
        for ai, alias in enumerate(unit.aliases):
            if alias in owner:
                other = owner[alias]
                problems.add(origin.display, origin.line("aliases", ai), f"aliases[{ai}]",
                             f"alias {alias!r} is already " + ("a unit number" if other == alias else f"an alias of unit {other}"),
                             "each number may name only one unit page")
            else:
                owner[alias] = number


def _check_qualifications(data: SpecData, problems: Problems, seen_ids: dict[str, str]) -> None:
    origin = data.origin
    known = set(data.alias_map()) | data.broken
    for qi, qual in enumerate(data.spec.qualifications):
        base = ("qualifications", qi)
        if qual.id in seen_ids:
            problems.add(origin.display, origin.line(*base, "id"), _fmt(base + ("id",)),
                         f"qualification id {qual.id!r} is already used in {seen_ids[qual.id]}",
                         "qualification ids must be unique across the whole site")
        seen_ids[qual.id] = origin.display
        group_ids = Counter(g.id for g in qual.groups)
        for gi, group in enumerate(qual.groups):
            gloc = base + ("groups", gi)
            if group_ids[group.id] > 1:
                problems.add(origin.display, origin.line(*gloc, "id"), _fmt(gloc + ("id",)),
                             f"group id {group.id!r} is used more than once", "give each group its own id")
            for ui, number in enumerate(group.units):
                if number not in known:
                    problems.add(origin.display, origin.line(*gloc, "units", ui), _fmt(gloc + ("units", ui)),
                                 f"unit {number!r} is not a unit of {data.slug}",
                                 f"add content/{data.slug}/units/{number}.yml, or correct the number")
            for low, high in (("min_units", "max_units"), ("min_credits", "max_credits")):
                lo, hi = getattr(group, low), getattr(group, high)
                if lo is not None and hi is not None and lo > hi:
                    problems.add(origin.display, origin.line(*gloc, low), _fmt(gloc + (low,)),
                                 f"{low} ({lo}) is more than {high} ({hi})", "swap or correct them")
            if group.max_units is not None and group.max_units > len(group.units):
                problems.add(origin.display, origin.line(*gloc, "max_units"), _fmt(gloc + ("max_units",)),
                             f"max_units ({group.max_units}) is more than the {len(group.units)} units in the group",
                             "correct the number or list the missing units")
            if group.min_units is not None and group.min_units > len(group.units):
                problems.add(origin.display, origin.line(*gloc, "min_units"), _fmt(gloc + ("min_units",)),
                             f"min_units ({group.min_units}) is more than the {len(group.units)} units in the group",
                             "correct the number or list the missing units")
        for pi, pool in enumerate(qual.pools):
            for gi, gid in enumerate(pool.groups):
                if gid not in group_ids:
                    problems.add(origin.display, origin.line(*base, "pools", pi, "groups", gi),
                                 _fmt(base + ("pools", pi, "groups", gi)),
                                 f"there is no group {gid!r} in this qualification",
                                 f"use one of: {', '.join(group_ids)}")
        for bi, barred in enumerate(qual.barred):
            for ui, number in enumerate(barred):
                if number not in known:
                    problems.add(origin.display, origin.line(*base, "barred", bi, ui), _fmt(base + ("barred", bi, ui)),
                                 f"unit {number!r} is not a unit of {data.slug}", "correct the unit number")
            if len(barred) < 2:
                problems.add(origin.display, origin.line(*base, "barred", bi), _fmt(base + ("barred", bi)),
                             "a barred combination needs at least two units", "list the units that may not be taken together")


def _check_tests(data: SpecData, problems: Problems) -> None:
    origin = data.origin
    ids = Counter(t.id for t in data.spec.tests)
    for ti, test in enumerate(data.spec.tests):
        base = ("tests", ti)
        if ids[test.id] > 1:
            problems.add(origin.display, origin.line(*base, "id"), _fmt(base + ("id",)),
                         f"test id {test.id!r} is used more than once", "each test needs its own id (it is its URL)")
        units = []
        for ui, number in enumerate(test.units):
            unit = data.resolve(number)
            if unit is None and number in data.broken:
                continue
            if unit is None:
                problems.add(origin.display, origin.line(*base, "units", ui), _fmt(base + ("units", ui)),
                             f"unit {number!r} is not a unit of {data.slug}", "correct the unit number")
            else:
                units.append(unit)
        if len(units) != len(test.units):
            continue
        for oi, part in enumerate(test.outcomes):
            oloc = base + ("outcomes", oi)
            if part.unit is None and len(units) > 1:
                problems.add(origin.display, origin.line(*oloc), _fmt(oloc),
                             "this test covers several units, so each outcome needs 'unit:'",
                             f"add unit: with one of {', '.join(test.units)}")
                continue
            unit = data.resolve(part.unit) if part.unit else units[0]
            if unit is None or unit not in units:
                problems.add(origin.display, origin.line(*oloc, "unit"), _fmt(oloc + ("unit",)),
                             f"unit {part.unit!r} is not one of this test's units", f"use one of {', '.join(test.units)}")
                continue
            if part.outcome not in {o.id for o in unit.outcomes}:
                problems.add(origin.display, origin.line(*oloc, "outcome"), _fmt(oloc + ("outcome",)),
                             f"unit {unit.number} has no outcome {part.outcome!r}",
                             f"use one of: {', '.join(o.id for o in unit.outcomes)}")
        if test.weighting == "glh":
            _check_glh_weighting(data, test, base, problems)
        for total_key in ("questions", "marks"):
            total = getattr(test, total_key)
            parts = [getattr(p, total_key) for p in test.outcomes]
            if total is not None and all(v is not None for v in parts) and sum(parts) != total:
                problems.add(origin.display, origin.line(*base, total_key), _fmt(base + (total_key,)),
                             f"the outcomes' {total_key} add up to {sum(parts)}, not {total}",
                             f"correct the per-outcome {total_key} or the total")


def _check_cross_links(corpus: Corpus, problems: Problems) -> None:
    for data, unit in corpus.all_units():
        origin = data.unit_origin[unit.number]
        for li, link in enumerate(unit.also_in):
            target = corpus.specs.get(link.spec)
            if target is None or target.resolve(link.unit) is None:
                problems.add(origin.display, origin.line("also_in", li), f"also_in[{li}]",
                             f"{link.spec}/{link.unit} is not a unit in the content",
                             "check the specification slug and unit number")


def _check_glh_weighting(data: SpecData, test, base: tuple, problems: Problems) -> None:
    """A GLH-weighted blueprint must share its questions out exactly as the engine will."""
    from .quizzes import allocate

    origin = data.origin
    glh = []
    for part in test.outcomes:
        unit = data.resolve(part.unit or test.units[0])
        outcome = next((o for o in unit.outcomes if o.id == part.outcome), None) if unit else None
        glh.append(outcome.glh if outcome else None)
    if any(g is None for g in glh) or test.questions is None:
        problems.add(origin.display, origin.line(*base, "weighting"), _fmt(base + ("weighting",)),
                     "weighting: glh needs questions: and a glh: on every outcome it covers",
                     "add glh: to each outcome in the unit files, or use weighting: printed")
        return
    expected = allocate(glh, test.questions)
    printed = [p.questions for p in test.outcomes]
    if printed != expected:
        problems.add(origin.display, origin.line(*base, "outcomes"), _fmt(base + ("outcomes",)),
                     f"questions per outcome {printed} do not follow the outcomes' guided learning hours",
                     f"for {test.questions} questions use {expected}")
    for n in test.length_options:
        if n < len(test.outcomes):
            problems.add(origin.display, origin.line(*base, "length_options"), _fmt(base + ("length_options",)),
                         f"a {n}-question test cannot cover {len(test.outcomes)} outcomes", "use a longer length")
