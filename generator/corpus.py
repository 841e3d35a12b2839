"""Read every content file into one validated corpus.

Layout of ``content/``::

    content/<spec>/specification.yml     one Specification
    content/<spec>/units/<number>.yml    one Unit per file

Extra content kinds (glossary, legislation, teaching notes, quiz banks) are loaded by
their own modules and attached here, so that the cross-check stage sees everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Specification, Unit
from .problems import ContentError, Problems
from .validate import validate_file
from .yamlload import Loaded, load_yaml


def natural_key(text: str) -> tuple:
    """Sort '2' before '10' and '201' before '271'; letters after digits."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.lower())
                 for part in re.findall(r"\d+|[^\d]+", text))


@dataclass
class Sourced:
    """A validated model together with where it came from, for error messages."""

    display: str
    loaded: Loaded

    def line(self, *loc: str | int) -> int:
        return self.loaded.line_for(loc)


@dataclass
class SpecData:
    spec: Specification
    origin: Sourced
    units: dict[str, Unit] = field(default_factory=dict)
    unit_origin: dict[str, Sourced] = field(default_factory=dict)
    # Unit files that failed to load: references to them are not reported again, so one
    # mistake gives one problem line, not a cascade.
    broken: set[str] = field(default_factory=set)

    @property
    def slug(self) -> str:
        return self.spec.slug

    def alias_map(self) -> dict[str, str]:
        """Every unit number and alias -> the unit number whose page it is."""
        result = {}
        for number, unit in self.units.items():
            result[number] = number
            for alias in unit.aliases:
                result.setdefault(alias, number)
        return result

    def resolve(self, number: str) -> Unit | None:
        target = self.alias_map().get(number)
        return self.units.get(target) if target else None


@dataclass
class Corpus:
    root: Path
    specs: dict[str, SpecData] = field(default_factory=dict)
    broken_specs: set[str] = field(default_factory=set)  # folders whose specification.yml failed
    banks: Any = None  # quizzes.Banks, attached by the pipeline
    bank_lines: list[str] = field(default_factory=list)
    teaching: Any = None  # teaching.TeachingLayer, attached by the pipeline
    coverage_lines: list[str] = field(default_factory=list)

    def all_units(self):
        for data in self.specs.values():
            for unit in data.units.values():
                yield data, unit


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def load_content(content_dir: Path, problems: Problems) -> Corpus:
    """Load and validate every specification and unit file under ``content_dir``."""
    corpus = Corpus(root=content_dir)
    if not content_dir.is_dir():
        problems.add(str(content_dir), 0, "", "the content folder does not exist",
                     "run the generator from the project folder, or pass --root")
        return corpus
    loaded_specs = []
    for spec_dir in sorted(p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        spec_file = spec_dir / "specification.yml"
        if not spec_file.is_file():
            continue  # other content kinds (glossary, legislation) have their own loaders
        display = display_path(spec_file, content_dir)
        loaded = load_yaml(spec_file, display, problems)
        spec = validate_file(loaded, Specification, display, problems) if loaded else None
        if spec is None:
            corpus.broken_specs.add(spec_dir.name)
            continue
        if spec.slug != spec_dir.name:
            problems.add(display, loaded.line_for(("slug",)), "slug",
                         f"slug {spec.slug!r} does not match the folder name {spec_dir.name!r}",
                         f"rename the folder to content/{spec.slug}/ or set slug: {spec_dir.name}")
        data = SpecData(spec=spec, origin=Sourced(display, loaded))
        for unit_file in sorted((spec_dir / "units").glob("*.y*ml"), key=lambda p: natural_key(p.stem)):
            udisplay = display_path(unit_file, content_dir)
            if unit_file.suffix != ".yml":
                problems.add(udisplay, 0, "", "content files must end in .yml", f"rename it to {unit_file.stem}.yml")
                continue
            uloaded = load_yaml(unit_file, udisplay, problems)
            unit = validate_file(uloaded, Unit, udisplay, problems) if uloaded else None
            if unit is None:
                data.broken.add(unit_file.stem)
                raw = uloaded.data if uloaded else _lenient_load(unit_file)
                if isinstance(raw, dict) and isinstance(raw.get("aliases"), list):
                    data.broken.update(a for a in raw["aliases"] if isinstance(a, str))
                continue
            if unit.number != unit_file.stem:
                problems.add(udisplay, uloaded.line_for(("number",)), "number",
                             f"unit number {unit.number!r} does not match the file name {unit_file.name!r}",
                             f"rename the file to {unit.number}.yml")
                data.broken.update({unit_file.stem, unit.number, *unit.aliases})
                continue
            data.units[unit.number] = unit
            data.unit_origin[unit.number] = Sourced(udisplay, uloaded)
        loaded_specs.append(data)
    # Specifications appear in the order of their seed files (000, 001, ...).
    for data in sorted(loaded_specs, key=lambda d: d.spec.source.seed):
        corpus.specs[data.slug] = data
    return corpus


def require(problems: Problems) -> None:
    if problems:
        raise ContentError(problems)


def _lenient_load(path: Path):
    """Best-effort parse of a file that failed strict loading, only to learn its aliases."""
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - any failure just means "aliases unknown"
        return None
