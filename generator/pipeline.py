"""The one linear pipeline (CONVENTIONS.md §7).

    load -> validate each file -> cross-check the corpus -> render -> write

Every stage before "write" only collects problems; if there are any, the run stops
before a single file is written, so a content mistake never leaves half a site.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from .centre import CentreConfig, find_centre, load_centre
from .centre_site import LEARNERS_CONFIG, TUTORS_CONFIG, centre_files, mkdocs_config
from .checks.registry import run_checks
from .corpus import Corpus, ValidatedCorpus
from .load import load_corpus
from .problems import ContentError, Problems
from .quizzes import bank_report
from .render import Site, render_site
from .schema import schema_files
from .subset import restrict
from .teaching import coverage
from .tutor_content import without_tutor_content
from .writer import WriteReport, hand_written, write_tree


@dataclass
class Project:
    """Where things are.  Tests point this at temporary copies."""

    root: Path
    centre: Path | None = None  # a centre file named with --centre; else centre.yml if present

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


def render(corpus: Corpus, tutor_pages: bool = True) -> dict[str, bytes]:
    """Stage 4: every generated page and schema (UTF-8 text) as bytes, keyed by its path
    under docs/.  tutor_pages=False: without tutor content, and without links to it.  The
    binary downloads are left out; render_all adds them."""
    return _render(corpus, tutor_pages)[0]


def render_all(corpus: Corpus, tutor_pages: bool = True) -> dict[str, bytes]:
    """Everything a build writes: the pages and schemas, and the LMS downloads (tutor
    content, under tutors/downloads/, so only with tutor_pages)."""
    text, downloads = _render(corpus, tutor_pages)
    return {**text, **downloads} if tutor_pages else text


def _render(corpus: Corpus, tutor_pages: bool) -> tuple[dict[str, bytes], dict[str, bytes]]:
    site: Site = render_site(corpus, tutor_pages=tutor_pages)
    files = {path: text.encode("utf-8") for path, text in site.pages.items()}
    for rel, text in schema_files().items():
        files[f"schemas/{rel.rsplit('/', 1)[-1]}"] = text.encode("utf-8")
    if not tutor_pages:
        return without_tutor_content(files, site.tutor_only), {}
    return files, dict(site.files)


Audience = Literal["learners", "tutors"]


def load_centre_of(project: Project, corpus: Corpus) -> CentreConfig | None:
    """The project's centre file, checked against the corpus; None when there is none."""
    path = find_centre(project.root, project.centre)
    return load_centre(path, project.root, list(corpus.specs)) if path else None


def centre_corpus(project: Project, corpus: ValidatedCorpus) -> tuple[CentreConfig | None, ValidatedCorpus]:
    """The centre file and the part of the corpus it teaches (all of it without one)."""
    config = load_centre_of(project, corpus)
    return config, (restrict(corpus, config.specs(list(corpus.specs))) if config else corpus)


def build(project: Project, audience: Audience = "learners") -> WriteReport:
    corpus = load_and_check(project)
    config, part = centre_corpus(project, corpus)
    if config is None and audience == "learners":
        # No centre file: the full public site, exactly as before, from mkdocs.yml itself.
        return write_tree(project.docs, render_all(corpus))
    tutor_pages = audience == "tutors" or (config is not None and config.centre.tutor_content == "include")
    files = render_all(part, tutor_pages=tutor_pages)
    if config is not None:
        files.update(centre_files(config))
    name = TUTORS_CONFIG if audience == "tutors" else LEARNERS_CONFIG
    text = mkdocs_config(project.root, config, name, set(files) | hand_written(project.docs), tutor_pages)
    # Stage 5: write-if-changed into generator-owned paths; stale files removed.  Then the
    # generated MkDocs configuration beside mkdocs.yml (git-ignored), for `mkdocs build -f`.
    report = write_tree(project.docs, files)
    target = project.root / name
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return report
