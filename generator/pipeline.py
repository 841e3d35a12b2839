"""The one linear pipeline (CONVENTIONS.md §7).

    load -> validate each file -> cross-check the corpus -> render -> write

Every stage before "write" only collects problems; if there are any, the run stops
before a single file is written, so a content mistake never leaves half a site.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .checks.registry import run_checks
from .corpus import Corpus, ValidatedCorpus
from .load import load_corpus
from .problems import ContentError, Problems
from .quizzes import bank_report
from .render import Site, render_site
from .schema import schema_files
from .teaching import coverage
from .writer import WriteReport, write_tree


@dataclass
class Project:
    """Where things are.  Tests point this at temporary copies."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def quizzes(self) -> Path:
        return self.root / "quizzes"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def load_and_check(project: Project) -> ValidatedCorpus:
    """Stages 1-3: load, validate each file, cross-check.  Raises ContentError."""
    problems = Problems()
    # Stages 1 and 2: every file kind in generator/load/kinds.py, as safe YAML with line
    # numbers, then its typed model, then its name against its content.
    corpus = load_corpus(project.root, problems)
    # Stage 3: the corpus-wide rules in generator/checks/registry.py, in order; they only
    # record problems.  Files that failed above are known, so nothing is reported twice.
    run_checks(corpus, problems)
    if problems:
        raise ContentError(problems)
    # The reports `generator check` prints; formatting only, on a corpus with no problems.
    return replace(corpus, bank_lines=tuple(bank_report(corpus)), coverage_lines=tuple(coverage(corpus)))


def render(corpus: Corpus, downloads: bool = False) -> dict[str, bytes]:
    """Stage 4: every generated file as bytes, keyed by its path under docs/.  The binary
    downloads (LMS packages) only with `downloads`: the build wants them, while tests that
    read every generated page as text want the pages."""
    site: Site = render_site(corpus)
    files = {path: text.encode("utf-8") for path, text in site.pages.items()}
    for rel, text in schema_files().items():
        files[f"schemas/{rel.rsplit('/', 1)[-1]}"] = text.encode("utf-8")
    if downloads:
        files.update(site.downloads)
    return files


def build(project: Project) -> WriteReport:
    corpus = load_and_check(project)
    files = render(corpus, downloads=True)
    # Stage 5: write-if-changed into generator-owned paths; stale files removed.
    return write_tree(project.docs, files)
