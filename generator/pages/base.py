"""What every page builder shares: the Page it returns, and the facts about the corpus
that more than one page kind needs, worked out once per build."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .. import labels, urls
from ..corpus import Corpus, SpecData
from ..lms.downloads import Download, downloads
from ..markdown_text import front_matter, md_escape
from ..models import Specification, Unit
from ..relations import CrossLink, UnitKey, cross_links, law_links, term_units
from .quiz_payloads import ItemPayloads


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template prints it, and what it prints."""

    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    # A page for tutors only outside tutors/ (generator/tutor_content.py): left out of a
    # centre's learners' site like everything under tutors/.
    tutor_only: bool = False


@dataclass
class Facts:
    """Corpus-wide lookups, computed on first use and shared by all page builders."""

    corpus: Corpus
    # False for a centre's learners' site (tutor_content: separate): no page may link to
    # tutor content, because it is not built (generator/tutor_content.py).
    tutor_pages: bool = True

    def tutor_link(self, from_page: str, target: str, anchor: str = "") -> str | None:
        """A link to a tutors' page, or None when this build leaves tutors' pages out."""
        return urls.relative(from_page, target, anchor) if self.tutor_pages else None

    @property
    def specs(self) -> list[SpecData]:
        return list(self.corpus.specs.values())

    @cached_property
    def cross(self) -> dict[UnitKey, list[CrossLink]]:
        return cross_links(self.corpus)

    @cached_property
    def law_links(self) -> list[tuple[str, UnitKey]]:
        return law_links(self.corpus)

    @cached_property
    def term_units(self) -> dict[str, list[str]]:
        return term_units(self.corpus)

    @cached_property
    def item_payloads(self) -> ItemPayloads:
        return ItemPayloads()

    @cached_property
    def downloads(self) -> list[Download]:
        """The LMS exports, built once: the tutors' page lists them and render writes them."""
        return downloads(self.corpus)

    @cached_property
    def scorm_packages(self) -> dict[str, bytes]:
        """The SCORM packages (generator/lms/scorm.py), path under docs/ -> bytes: made once, listed
        with their sizes on the tutors' page and written by the build."""
        from ..lms.scorm import docs_files  # the packages are built from the page builders' payloads

        return docs_files(self)

    @cached_property
    def has_evidence_units(self) -> bool:
        """Whether any unit is assessed on workplace evidence (SVQ, NVQ): only then is there a
        portfolio page, and only then do the site pages talk about evidence planners."""
        from ..teaching import competence_unit

        return any(competence_unit(unit) for _, unit in self.corpus.all_units())

    @cached_property
    def spec_titles(self) -> dict[str, str]:
        return {d.slug: d.spec.short_title for d in self.corpus.specs.values()}

    @cached_property
    def spec_short_names(self) -> dict[str, str]:
        """A few characters naming each specification in lists ('C&G 4417'), or its title."""
        return {d.slug: d.spec.short_name or d.spec.short_title for d in self.corpus.specs.values()}

    def unit(self, spec: str, number: str) -> Unit:
        """The unit whose page a number (or alias) stands for; references are checked already."""
        unit = self.corpus.specs[spec].resolve(number)
        assert unit is not None, f"{spec}/{number} was not resolved by the cross-check stage"
        return unit


def unit_link(facts: Facts, from_page: str, spec: str, number: str, anchor: str = "") -> str:
    """A link to the page of a unit, given any of its numbers."""
    return urls.relative(from_page, urls.unit_page(spec, facts.unit(spec, number).number), anchor)


def methods_of(unit: Unit, number: str | None = None) -> str:
    """How a unit is assessed, as printed in tables ('Assignment, Online ...')."""
    return ", ".join(labels.METHODS[r.method] for r in unit.assessment if number is None or r.number == number)


def md_list(values: list[str], sep: str = ", ") -> str:
    return sep.join(md_escape(v) for v in values)


def trail(page: str, steps: list[tuple[str, str]], here: str) -> str:
    """A "you are here" trail for a page the navigation does not list (units, tests, laws,
    answer keys): links to each page above it, then its own name.  steps: (title, page)."""
    links = [f"[{md_escape(title)}]({urls.relative(page, target)})" for title, target in steps]
    return " › ".join([f"[Home]({urls.relative(page, urls.HOME)})", *links, md_escape(here)])


def spec_trail(facts: Facts, page: str, spec: str, here: str) -> str:
    return trail(page, [(facts.spec_titles[spec], urls.spec_page(spec))], here)


def qualified_title(text: str, spec: Specification) -> str:
    """A page's front-matter title that names its qualification.  Four specifications have
    a "Unit 1", and a browser tab or a search result shows only the title, so the title
    carries the short name (the h1 and the trail stay as they are)."""
    return front_matter(f"{text} · {spec.short_name or spec.short_title}")
