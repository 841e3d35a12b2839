"""Stage 4 of the pipeline: render the validated corpus into pages, a dict of
docs-relative path -> text.

Each page kind has a builder in generator/pages/ that turns the corpus into view models;
the templates in generator/templates/ only print them.  Nothing here touches the file
system except reading templates: writing is the writer's job, so a failed render never
leaves half a site.  Templates use StrictUndefined, so a misspelt variable fails the
build instead of printing nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from .corpus import Corpus
from .markdown_text import md_escape
from .pages import (
    evidence,
    glossary,
    item_stats,
    legislation,
    outcome,
    papers,
    review,
    site,
    specification,
    tests,
    unit,
)
from .pages.base import Facts, Page

TEMPLATES = Path(__file__).parent / "templates"

# Every page kind, in the order their pages are rendered.
PAGE_BUILDERS: list[Callable[[Facts], Iterator[Page]]] = [
    specification.build,
    unit.build,
    outcome.build,
    tests.build,
    papers.build,
    glossary.build,
    legislation.build,
    site.build,
    evidence.build,
    item_stats.build,
    review.build,
]


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,  # templates produce Markdown; HTML parts escape explicitly with |e
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Compiling the templates took a fifth of a build; like Python's __pycache__, the
        # compiled code is kept (in Jinja's private per-user temp folder) and checked
        # against each template's source, so output never depends on it.
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters["md"] = md_escape  # official text as literal Markdown
    return env


@dataclass
class Site:
    """Everything the render stage produces."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # generated downloads, not pages
    tutor_only: set[str] = field(default_factory=set)  # pages marked for tutors outside tutors/

    def add(self, path: str, text: str) -> None:
        if path in self.pages:
            raise AssertionError(f"two pages render to {path}")  # a generator bug, not a content mistake
        self.pages[path] = text


def render_site(corpus: Corpus, tutor_pages: bool = True) -> Site:
    """tutor_pages=False: no link to tutor content (the caller leaves those files out)."""
    env = make_env()
    facts = Facts(corpus, tutor_pages=tutor_pages)
    result = Site()
    for builder in PAGE_BUILDERS:
        for page in builder(facts):
            result.add(page.path, env.get_template(page.template).render(**page.context))
            if page.tutor_only:
                result.tutor_only.add(page.path)
    if tutor_pages:  # the downloads live under tutors/: tutor content
        result.files.update((d.path, d.data) for d in facts.downloads)
        result.files.update(facts.scorm_packages)
    return result


def render_page(page: Page, env: Environment | None = None) -> str:
    """One page on its own (for tests and for previewing a builder's output)."""
    return (env or make_env()).get_template(page.template).render(**page.context)
