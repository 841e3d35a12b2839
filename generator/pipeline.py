"""The one linear pipeline (CONVENTIONS.md §7).

    load -> validate each file -> cross-check the corpus -> render -> write

Every stage before "write" only collects problems; if there are any, the run stops
before a single file is written, so a content mistake never leaves half a site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, load_content
from .crosscheck import crosscheck
from .problems import ContentError, Problems
from .quizzes import bank_report, crosscheck_banks, load_banks
from .teaching import coverage, crosscheck_teaching, load_teaching
from .render import Site, render_site
from .schema import schema_files
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


def load_and_check(project: Project) -> Corpus:
    """Stages 1-3: load, validate each file, cross-check.  Raises ContentError."""
    problems = Problems()
    # Stages 1 and 2: safe YAML with line numbers, then typed models per file.
    corpus = load_content(project.content, problems)
    corpus.banks = load_banks(project.quizzes, problems)
    corpus.teaching = load_teaching(project.content, problems)
    # Stage 3: the corpus-wide cross-check sees everything that loaded, and every test
    # specification must be fillable from its bank.
    crosscheck(corpus, problems)
    crosscheck_banks(corpus, corpus.banks, problems)
    crosscheck_teaching(corpus, corpus.teaching, problems)
    if not problems:
        corpus.bank_lines = bank_report(corpus, corpus.banks, problems)
        corpus.coverage_lines = coverage(corpus, corpus.teaching, problems)
    if problems:
        raise ContentError(problems)
    return corpus


def render(corpus: Corpus) -> dict[str, bytes]:
    """Stage 4: every generated file as bytes, keyed by its path under docs/."""
    site: Site = render_site(corpus)
    files = {path: text.encode("utf-8") for path, text in site.pages.items()}
    for rel, text in schema_files().items():
        files[f"schemas/{rel.rsplit('/', 1)[-1]}"] = text.encode("utf-8")
    return files


def build(project: Project) -> WriteReport:
    corpus = load_and_check(project)
    files = render(corpus)
    # Stage 5: write-if-changed into generator-owned paths; stale files removed.
    return write_tree(project.docs, files)
