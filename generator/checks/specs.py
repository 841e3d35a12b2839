"""Rules for specification files: qualification structures and test blueprints.
One rule per function."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..corpus import SpecData, ValidatedCorpus
from ..models import TestSpec, Unit, UnitGroup
from ..problems import Problems
from ..quizzes import allocate
from ..yamlload import Path_
from .common import missing, repeated, report


def _known(corpus: ValidatedCorpus, data: SpecData, number: str) -> bool:
    """A unit number or alias of this spec, or one in a file that already failed."""
    return data.find(number) is not None or corpus.broken.unit(data.slug, number)


def _units_known(
    corpus: ValidatedCorpus, problems: Problems, data: SpecData, loc: Path_, units: Iterable[str], hint: str
) -> None:
    """Each entry of the unit list at ``loc`` is a unit of the specification."""
    for uloc, number in missing(units, loc, lambda n: _known(corpus, data, n)):
        report(problems, data.origin, uloc, f"unit {number!r} is not a unit of {data.slug}", hint)


def qualification_ids_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for data in corpus.specs.values():
        for qi, qual in enumerate(data.spec.qualifications):
            if qual.id in seen:
                report(
                    problems,
                    data.origin,
                    ("qualifications", qi, "id"),
                    f"qualification id {qual.id!r} is already used in {seen[qual.id]}",
                    "qualification ids must be unique across the whole site",
                )
            seen[qual.id] = data.origin.display


def group_ids_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data in corpus.specs.values():
        for qi, qual in enumerate(data.spec.qualifications):
            for gi, gid in repeated(g.id for g in qual.groups):
                report(
                    problems,
                    data.origin,
                    ("qualifications", qi, "groups", gi, "id"),
                    f"group id {gid!r} is used more than once",
                    "give each group its own id",
                )


def _groups(corpus: ValidatedCorpus) -> Iterator[tuple[SpecData, Path_, UnitGroup]]:
    """Every unit group of every qualification, with its place in the file."""
    for data in corpus.specs.values():
        for qi, qual in enumerate(data.spec.qualifications):
            for gi, group in enumerate(qual.groups):
                yield data, ("qualifications", qi, "groups", gi), group


def group_units_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data, gloc, group in _groups(corpus):
        for loc, number in missing(group.units, (*gloc, "units"), lambda n: _known(corpus, data, n)):
            hint = f"add content/{data.slug}/units/{number}.yml, or correct the number"
            report(problems, data.origin, loc, f"unit {number!r} is not a unit of {data.slug}", hint)


def group_limits_consistent(corpus: ValidatedCorpus, problems: Problems) -> None:
    """min_* is not more than max_*, and no limit asks for more units than the group has."""
    for data, gloc, group in _groups(corpus):
        for low, high in (("min_units", "max_units"), ("min_credits", "max_credits")):
            lo, hi = getattr(group, low), getattr(group, high)
            if lo is not None and hi is not None and lo > hi:
                message = f"{low} ({lo}) is more than {high} ({hi})"
                report(problems, data.origin, (*gloc, low), message, "swap or correct them")
        for key in ("max_units", "min_units"):
            value = getattr(group, key)
            if value is not None and value > len(group.units):
                message = f"{key} ({value}) is more than the {len(group.units)} units in the group"
                report(problems, data.origin, (*gloc, key), message, "correct the number or list the missing units")


def pool_groups_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data in corpus.specs.values():
        for qi, qual in enumerate(data.spec.qualifications):
            ids = list(dict.fromkeys(g.id for g in qual.groups))
            for pi, pool in enumerate(qual.pools):
                for loc, gid in missing(pool.groups, ("qualifications", qi, "pools", pi, "groups"), ids.__contains__):
                    report(
                        problems,
                        data.origin,
                        loc,
                        f"there is no group {gid!r} in this qualification",
                        f"use one of: {', '.join(ids)}",
                    )


def barred_combinations_valid(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A barred combination names at least two units of the specification."""
    for data in corpus.specs.values():
        for qi, qual in enumerate(data.spec.qualifications):
            for bi, barred in enumerate(qual.barred):
                _units_known(
                    corpus, problems, data, ("qualifications", qi, "barred", bi), barred, "correct the unit number"
                )
                if len(barred) < 2:
                    report(
                        problems,
                        data.origin,
                        ("qualifications", qi, "barred", bi),
                        "a barred combination needs at least two units",
                        "list the units that may not be taken together",
                    )


def test_ids_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data in corpus.specs.values():
        for ti, tid in repeated(t.id for t in data.spec.tests):
            report(
                problems,
                data.origin,
                ("tests", ti, "id"),
                f"test id {tid!r} is used more than once",
                "each test needs its own id (it is its URL)",
            )


def test_units_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data in corpus.specs.values():
        for ti, test in enumerate(data.spec.tests):
            _units_known(corpus, problems, data, ("tests", ti, "units"), test.units, "correct the unit number")


def _units(data: SpecData, test: TestSpec) -> list[Unit] | None:
    """The test's units, or None when one is missing (reported by test_units_exist)."""
    units = [data.find(n) for n in test.units]
    return [u for u in units if u is not None] if all(units) else None


def test_outcomes_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Each blueprint outcome names one of the test's units and an outcome of it."""
    for data in corpus.specs.values():
        for ti, test in enumerate(data.spec.tests):
            units = _units(data, test)
            if units is None:
                continue
            for oi, part in enumerate(test.outcomes):
                oloc = ("tests", ti, "outcomes", oi)
                if part.unit is None and len(units) > 1:
                    report(
                        problems,
                        data.origin,
                        oloc,
                        "this test covers several units, so each outcome needs 'unit:'",
                        f"add unit: with one of {', '.join(test.units)}",
                    )
                    continue
                unit = data.find(part.unit) if part.unit else units[0]
                if unit is None or unit not in units:
                    report(
                        problems,
                        data.origin,
                        oloc + ("unit",),
                        f"unit {part.unit!r} is not one of this test's units",
                        f"use one of {', '.join(test.units)}",
                    )
                    continue
                if part.outcome not in {o.id for o in unit.outcomes}:
                    report(
                        problems,
                        data.origin,
                        oloc + ("outcome",),
                        f"unit {unit.number} has no outcome {part.outcome!r}",
                        f"use one of: {', '.join(o.id for o in unit.outcomes)}",
                    )


def glh_weighting_matches(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A GLH-weighted blueprint shares its questions out exactly as the quiz engine will."""
    for data in corpus.specs.values():
        for ti, test in enumerate(data.spec.tests):
            if test.weighting != "glh" or _units(data, test) is None:
                continue
            base = ("tests", ti)
            glh: list[int | None] = []
            for part in test.outcomes:
                unit = data.find(part.unit or test.units[0])
                outcome = next((o for o in unit.outcomes if o.id == part.outcome), None) if unit else None
                glh.append(outcome.glh if outcome else None)
            known = [g for g in glh if g is not None]
            if len(known) != len(glh) or test.questions is None:
                report(
                    problems,
                    data.origin,
                    base + ("weighting",),
                    "weighting: glh needs questions: and a glh: on every outcome it covers",
                    "add glh: to each outcome in the unit files, or use weighting: printed",
                )
                continue
            expected = allocate(known, test.questions) if sum(known) else None
            printed = [p.questions for p in test.outcomes]
            if printed != expected:
                report(
                    problems,
                    data.origin,
                    base + ("outcomes",),
                    f"questions per outcome {printed} do not follow the outcomes' guided learning hours",
                    f"for {test.questions} questions use {expected}"
                    if expected
                    else "give the outcomes guided learning hours above 0",
                )
            for n in test.length_options:
                if n < len(test.outcomes):
                    report(
                        problems,
                        data.origin,
                        base + ("length_options",),
                        f"a {n}-question test cannot cover {len(test.outcomes)} outcomes",
                        "use a longer length",
                    )


def test_totals_add_up(corpus: ValidatedCorpus, problems: Problems) -> None:
    for data in corpus.specs.values():
        for ti, test in enumerate(data.spec.tests):
            if _units(data, test) is None:
                continue
            for key in ("questions", "marks"):
                total = getattr(test, key)
                parts = [getattr(p, key) for p in test.outcomes]
                if total is not None and all(v is not None for v in parts) and sum(parts) != total:
                    report(
                        problems,
                        data.origin,
                        ("tests", ti, key),
                        f"the outcomes' {key} add up to {sum(parts)}, not {total}",
                        f"correct the per-outcome {key} or the total",
                    )


SPEC_CHECKS = (
    qualification_ids_unique,
    group_ids_unique,
    group_units_exist,
    group_limits_consistent,
    pool_groups_exist,
    barred_combinations_valid,
    test_ids_unique,
    test_units_exist,
    test_outcomes_exist,
    glh_weighting_matches,
    test_totals_add_up,
)
