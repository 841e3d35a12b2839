"""What every page builder shares: the Page it returns, and the facts about the corpus
that more than one page kind needs, worked out once per build."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .. import labels, urls
from ..corpus import Corpus, SpecData
from ..markdown_text import md_escape
from ..models import Unit
from ..relations import CrossLink, UnitKey, cross_links, law_links, term_units
from .quiz_payloads import ItemPayloads


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template prints it, and what it prints."""

    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Facts:
    """Corpus-wide lookups, computed on first use and shared by all page builders."""

    corpus: Corpus

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
