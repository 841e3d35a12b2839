"""Write rendered files into docs/: only if their bytes changed, only generator-owned
paths, and remove files a previous build wrote that this build no longer produces.

A manifest (docs/.generated.json, hidden from MkDocs) records what the generator owns,
so a hand-written page is never overwritten or deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentError, Problems

MANIFEST = ".generated.json"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def inside(docs: Path, rel: str) -> Path | None:
    """The file docs/rel, or None if rel could reach outside docs/ (an absolute path, a
    '..' part, a link out of the tree).  Page paths are made from content ids, which the
    models restrict, but the writer refuses on its own account: it must never write or
    delete a file outside docs/, whatever a content file or an edited manifest says."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
        return None
    root = _resolved(docs)
    target = (root / rel).resolve()
    return target if target.is_relative_to(root) and target != root else None


def _resolved(folder: Path) -> Path:
    # Called once per page; resolving docs/ itself each time was a measurable part of a build.
    key = str(folder)
    if key not in _ROOTS:
        _ROOTS[key] = folder.resolve()
    return _ROOTS[key]


_ROOTS: dict[str, Path] = {}


def read_manifest(docs: Path) -> set[str]:
    try:
        return set(json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def hand_written(docs: Path) -> set[str]:
    """Paths of the files in docs/ that the generator does not own (hand-written pages)."""
    owned = read_manifest(docs)
    found = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()} if docs.is_dir() else set()
    return {rel for rel in found if rel not in owned and not rel.startswith(".")}


def check_ownership(docs: Path, files: dict[str, bytes], problems: Problems) -> None:
    """Refuse to overwrite a file the generator did not write (a hand-written page)."""
    owned = read_manifest(docs)
    for rel in sorted(files):
        target = inside(docs, rel)
        if target is None:
            problems.add(
                f"docs/{rel}",
                0,
                "",
                "this page would be written outside the docs/ folder",
                "ids used in page paths may hold only letters, digits and '-'",
            )
            continue
        if target.exists() and rel not in owned and target.read_bytes() != files[rel]:
            problems.add(
                f"docs/{rel}",
                0,
                "",
                "a hand-written file is in the way of a generated page",
                "move or rename the hand-written file; the generator never overwrites it",
            )


def write_tree(docs: Path, files: dict[str, bytes]) -> WriteReport:
    problems = Problems()
    check_ownership(docs, files, problems)
    if problems:
        raise ContentError(problems)
    report = WriteReport()
    previous = read_manifest(docs)
    for rel in sorted(files):
        target = inside(docs, rel)
        assert target is not None  # check_ownership has refused every path outside docs/
        data = files[rel]
        if target.exists() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        report.written.append(rel)
    for rel in sorted(previous - set(files)):
        target = inside(docs, rel)  # an edited manifest must not make us delete anything else
        if target is not None and target.is_file():
            target.unlink()
            report.removed.append(rel)
            _prune_empty_dirs(target.parent, docs.resolve())
    manifest = json.dumps({"files": sorted(files)}, indent=1) + "\n"
    if not (docs / MANIFEST).exists() or (docs / MANIFEST).read_text(encoding="utf-8") != manifest:
        (docs / MANIFEST).write_text(manifest, encoding="utf-8")
    return report


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
