"""A throwaway copy of the project, optionally with every specification replicated.

`make_corpus(dest, factor)` copies what a build needs (as tests/conftest.py copy_project
does) and, for factor N > 1, adds N - 1 copies of each specification under new slugs
(`<slug>-x2` ... `<slug>-xN`) with their units, quiz banks and teaching files.  The copies
must still pass `load_and_check`, so every place a slug or id is shared is rewritten:

- spec slug == folder name; teaching files and banks name their spec;
- qualification ids are unique site-wide, so each copy's get a suffix;
- source.seed orders specifications, so a copy sorts right after its original;
- also_in links point at the same copy number of the other specification;
- glossary terms and legislation entries list '<spec>/<unit>', so each copy is added.

Titles and unit references get a suffix too.  Without it every copy would be "the same
unit" as the others (render.cross_links matches equal titles and references across
specifications), and each unit page's "Also in" panel would grow with the factor: a
quadratic effect the real corpus does not have.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from . import ROOT

try:  # the C parser and emitter make the 10x corpus several times faster to write
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Data = dict[str, Any]


class _NoAliases(_Dumper):
    """The loader refuses YAML anchors and aliases, and a copied corpus shares lists between
    files, so every value is written out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


PROJECT_DIRS = ("content", "quizzes", "overrides", "generator")
CONFIGS = ("mkdocs.yml", "mkdocs-offline.yml")


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """Everything a build needs (not .venv, site/ or generated docs) copied into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_DIRS:
        if (root / name).exists():
            shutil.copytree(root / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    # docs/: only the hand-written pages; the generator's manifest lists the files it owns.
    owned: set[str] = set()
    manifest = root / "docs" / ".generated.json"
    if manifest.exists():
        owned = set(json.loads(manifest.read_text(encoding="utf-8"))["files"])
    for path in (root / "docs").rglob("*"):
        rel = path.relative_to(root / "docs").as_posix()
        if path.is_file() and rel not in owned and not rel.startswith("."):
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / "docs" / rel)
    (dest / "docs").mkdir(exist_ok=True)
    for name in CONFIGS:
        shutil.copy2(root / name, dest / name)
    return dest


def make_corpus(dest: Path, factor: int = 1, root: Path = ROOT) -> Path:
    """A project in dest with `factor` times the specifications of the one at root."""
    if factor < 1:
        raise ValueError("factor must be 1 or more")
    copy_project(dest, root)
    if factor > 1:
        replicate(dest, factor)
    return dest


def _load(path: Path) -> Data:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(data, dict), path
    return data


def _dump(path: Path, data: Data) -> None:
    # safe_dump quotes every string YAML 1.1 would read as a number, date or boolean, so the
    # strict loader reads back exactly the text it was given.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8"
    )


def spec_slugs(content: Path) -> list[str]:
    return sorted(p.name for p in content.iterdir() if (p / "specification.yml").is_file())


def copy_slug(slug: str, k: int) -> str:
    return f"{slug}-x{k}"


def replicate(project: Path, factor: int) -> None:
    """Add copies 2..factor of every specification in project (in place)."""
    content, quizzes = project / "content", project / "quizzes"
    slugs = spec_slugs(content)
    copies = range(2, factor + 1)
    for slug in slugs:
        for k in copies:
            _copy_spec(content, quizzes, slug, k, set(slugs))
    for path in sorted((content / "glossary").glob("*.yml")):
        glossary = _load(path)
        for term in glossary["terms"]:
            term["units"] = _with_copies(term["units"], set(slugs), copies)
        _dump(path, glossary)
    for path in sorted((content / "legislation").glob("*.yml")):
        law = _load(path)
        if law.get("units"):
            law["units"] = _with_copies(law["units"], set(slugs), copies)
        wording = law.get("spec_wording") or []
        law_copies = [{**w, "spec": copy_slug(w["spec"], k)} for k in copies for w in wording if w["spec"] in slugs]
        if law_copies:
            law["spec_wording"] = wording + law_copies
        _dump(path, law)


def _with_copies(refs: list[str], slugs: set[str], copies: range) -> list[str]:
    """'<spec>/<unit>' references plus the same unit in every copy of its specification."""
    out = list(refs)
    for k in copies:
        for ref in refs:
            spec, _, unit = ref.partition("/")
            if spec in slugs:
                out.append(f"{copy_slug(spec, k)}/{unit}")
    return out


def _copy_spec(content: Path, quizzes: Path, slug: str, k: int, slugs: set[str]) -> None:
    new = copy_slug(slug, k)
    suffix = f" (copy {k})"
    spec = _load(content / slug / "specification.yml")
    spec["slug"] = new
    spec["title"] += suffix
    spec["short_title"] += suffix
    # Seeds sort the specifications; '<seed>.x02' sorts right after '<seed>'.
    spec["source"]["seed"] = f"{spec['source']['seed']}.x{k:02d}"
    for qual in spec["qualifications"]:
        qual["id"] = copy_slug(qual["id"], k)
    _dump(content / new / "specification.yml", spec)
    for path in sorted((content / slug / "units").glob("*.yml")):
        unit = _load(path)
        unit["title"] += suffix
        if unit.get("reference"):
            unit["reference"] = f"{unit['reference']}{suffix}"
        for link in unit.get("also_in") or []:
            if link["spec"] in slugs:
                link["spec"] = copy_slug(link["spec"], k)
        _dump(content / new / "units" / path.name, unit)
    for path in sorted((content / slug / "teaching").glob("*.yml")):
        teaching = _load(path)
        teaching["spec"] = new
        _dump(content / new / "teaching" / path.name, teaching)
    for path in sorted((quizzes / slug).glob("*.yml")) if (quizzes / slug).is_dir() else []:
        bank = _load(path)
        bank["spec"] = new
        _dump(quizzes / new / path.name, bank)
