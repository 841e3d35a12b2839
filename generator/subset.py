"""A centre's part of the corpus: only the specifications it teaches, and only the glossary
terms and laws their units use.

The corpus is cut down before rendering, so every page builder, relation ("Also in",
"Used in", "Units that cite it") and the dataset export see the same smaller world, and
no page can link to a page that is not built.  The whole corpus is still validated first.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from types import MappingProxyType

from .corpus import Banks, LawEntry, SpecData, TeachingLayer, TermEntry, ValidatedCorpus
from .relations import law_links, term_units


def restrict(corpus: ValidatedCorpus, slugs: Collection[str]) -> ValidatedCorpus:
    keep = set(slugs)
    if keep >= set(corpus.specs):
        return corpus

    def kept(ref: str) -> bool:
        return ref.partition("/")[0] in keep

    specs = {slug: _spec(data, keep) for slug, data in corpus.specs.items() if slug in keep}
    banks = Banks(
        by_unit=MappingProxyType({k: v for k, v in corpus.banks.by_unit.items() if k[0] in keep}),
        twins=MappingProxyType({k: v for k, v in corpus.banks.twins.items() if k[0] in keep}),
    )
    layer = corpus.teaching
    used_terms = {slug for slug, refs in term_units(corpus).items() if any(kept(r) for r in refs)}
    used_laws = {slug for slug, (spec, _) in law_links(corpus) if spec in keep}
    terms = {
        slug: TermEntry(
            entry.term.model_copy(
                update={
                    "units": [r for r in entry.term.units if kept(r)],
                    "related": [r for r in entry.term.related if r in used_terms],
                }
            ),
            entry.origin,
            entry.position,
        )
        for slug, entry in layer.terms.items()
        if slug in used_terms
    }
    laws = {
        slug: LawEntry(
            entry.law.model_copy(
                update={
                    "units": [r for r in entry.law.units if kept(r)],
                    "spec_wording": [w for w in entry.law.spec_wording if w.spec in keep],
                    "replaced_by": [r for r in entry.law.replaced_by if r in used_laws],
                }
            ),
            entry.origin,
        )
        for slug, entry in layer.laws.items()
        if slug in used_laws
    }
    teaching = TeachingLayer(
        units=MappingProxyType({k: v for k, v in layer.units.items() if k[0] in keep}),
        terms=MappingProxyType(terms),
        laws=MappingProxyType(laws),
        diagrams=layer.diagrams,
        shared=layer.shared,
        twins=MappingProxyType({k: v for k, v in layer.twins.items() if k[0] in keep}),
    )
    return replace(corpus, specs=MappingProxyType(specs), banks=banks, teaching=teaching)


def _spec(data: SpecData, keep: set[str]) -> SpecData:
    """A specification whose units link only to kept specifications ("Also in")."""
    units = {
        number: unit
        if all(link.spec in keep for link in unit.also_in)
        else unit.model_copy(update={"also_in": [link for link in unit.also_in if link.spec in keep]})
        for number, unit in data.units.items()
    }
    return replace(data, units=MappingProxyType(units))
