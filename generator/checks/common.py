"""What every check shares: its signature and one way to record a problem at a place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Protocol, TypeVar

from ..corpus import Sourced, SpecData, ValidatedCorpus
from ..models import Unit
from ..problems import Problems
from ..yamlload import Path_, format_loc

Check = Callable[[ValidatedCorpus, Problems], None]
F = TypeVar("F")


class Filed(Protocol):
    """A file filed under a unit: a bank or a teaching file."""

    @property
    def origin(self) -> Sourced: ...


def report(problems: Problems, origin: Sourced, loc: Path_, message: str, hint: str, field: str | None = None) -> None:
    """A problem at ``loc`` in the file ``origin`` came from."""
    problems.add(origin.display, origin.line(*loc), format_loc(loc) if field is None else field, message, hint)


def with_units(corpus: ValidatedCorpus, files: Mapping[tuple[str, str], F]) -> Iterator[tuple[F, SpecData, Unit]]:
    """The files filed under a unit (banks, teaching files) whose unit exists."""
    for (spec, number), file in files.items():
        data = corpus.specs.get(spec)
        unit = data.units.get(number) if data else None
        if data is not None and unit is not None:
            yield file, data, unit


def taught_units(corpus: ValidatedCorpus, failed: Collection[tuple[str, str]]) -> Iterator[tuple[SpecData, str, Unit]]:
    """The units of specifications with a teaching layer, but those whose file in
    ``failed`` (a bank or teaching file) was already reported: completeness counts them."""
    for data in corpus.specs.values():
        if data.spec.teaching_layer:
            for number, unit in data.units.items():
                if (data.slug, number) not in failed:
                    yield data, number, unit


def units_exist(corpus: ValidatedCorpus, problems: Problems, files: Mapping[tuple[str, str], Filed], hint: str) -> None:
    """Each file filed under a unit names a unit in content/ (or a unit file that failed)."""
    for (spec, number), file in files.items():
        data = corpus.specs.get(spec)
        if (data and number in data.units) or corpus.broken.unit(spec, number):
            continue
        report(problems, file.origin, ("unit",), f"{spec}/{number} is not a unit in content/", hint)


def repeated(values: Iterable[str], after_first: bool = False) -> Iterator[tuple[int, str]]:
    """(position, value) of every occurrence of a value that occurs more than once, or
    with ``after_first`` of every occurrence but the first."""
    listed = list(values)
    counts = Counter(listed)
    seen: set[str] = set()
    for i, value in enumerate(listed):
        if counts[value] > 1 and (not after_first or value in seen):
            yield i, value
        seen.add(value)


def missing(refs: Iterable[str], loc: Path_, ok: Callable[[str], bool]) -> Iterator[tuple[Path_, str]]:
    """(loc + (position,), ref) of each entry of the list at ``loc`` that ``ok`` refuses."""
    return ((loc + (i,), ref) for i, ref in enumerate(refs) if not ok(ref))


def unknown_in_unit(
    problems: Problems, origin: Sourced, loc: Path_, refs: Iterable[str], known: Collection[str], unit: str, what: str
) -> None:
    """Each entry of the list at ``loc`` that is not among the unit's ``known`` ids (its
    criteria or content areas): 'unit 201 has no criterion ...'."""
    hints = {"criterion": "use a printed criterion id", "knowledge statement": "use a printed statement number"}
    hint = hints.get(what, "use a printed content id such as A1")
    for rloc, ref in missing(refs, loc, known.__contains__):
        report(problems, origin, rloc, f"unit {unit} has no {what} {ref!r}", hint)
