"""Relations between things in the corpus that several pages show from both ends.

Each relation is worked out once, here, so that a unit page and the page at the other end
can never disagree: the law cards on a unit page and the "Units that cite it" list on a
law page come from :func:`law_links`; the "Also in" panels from :func:`cross_links`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Corpus, SpecData, natural_key
from .models import TestSpec

UnitKey = tuple[str, str]  # (specification slug, unit number of the page)


@dataclass(frozen=True)
class CrossLink:
    spec: str
    unit: str
    title: str
    relation: str
    spec_title: str


def _norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def cross_links(corpus: Corpus) -> dict[UnitKey, list[CrossLink]]:
    """Units that appear in more than one place: explicit also_in links, plus units in
    other specifications with the same unit reference or the same title."""
    links: dict[UnitKey, list[CrossLink]] = {}

    def add(a: UnitKey, b: UnitKey, relation: str) -> None:
        bucket = links.setdefault(a, [])
        if a != b and not any((x.spec, x.unit) == b for x in bucket):
            data = corpus.specs[b[0]]
            bucket.append(CrossLink(b[0], b[1], data.units[b[1]].title, relation, data.spec.short_title))

    by_ref: dict[str, list[UnitKey]] = {}
    by_title: dict[str, list[UnitKey]] = {}
    for data, unit in corpus.all_units():
        key = (data.slug, unit.number)
        for link in unit.also_in:
            target = corpus.specs[link.spec].resolve(link.unit)
            assert target is not None  # the cross-check stage has resolved every also_in link
            add(key, (link.spec, target.number), link.relation)
            add((link.spec, target.number), key, link.relation)
        if unit.reference:
            by_ref.setdefault(unit.reference.strip(), []).append(key)
        by_title.setdefault(_norm_title(unit.title), []).append(key)
    for groups, relation in ((by_ref, "same unit reference"), (by_title, "same title")):
        for keys in groups.values():
            for a in keys:
                for b in keys:
                    if a[0] != b[0]:
                        add(a, b, relation)
    for bucket in links.values():
        bucket.sort(key=lambda x: (x.spec, natural_key(x.unit)))
    return links


def used_by(data: SpecData) -> dict[str, list[str]]:
    """Unit number -> titles of the qualifications of its specification whose structure lists it."""
    result: dict[str, list[str]] = {}
    for qual in data.spec.qualifications:
        for group in qual.groups:
            for number in group.units:
                unit = data.resolve(number)
                if unit and qual.title not in result.setdefault(unit.number, []):
                    result[unit.number].append(qual.title)
    return result


def tests_by_unit(data: SpecData) -> dict[str, list[TestSpec]]:
    """Unit number -> the test specifications whose blueprint covers it."""
    result: dict[str, list[TestSpec]] = {}
    for test in data.spec.tests:
        for number in test.units:
            unit = data.resolve(number)
            if unit is not None:
                result.setdefault(unit.number, []).append(test)
    return result


def law_links(corpus: Corpus) -> list[tuple[str, UnitKey]]:
    """The one unit <-> law relation: (law slug, unit) for every unit that cites a law.

    A unit cites a law when its teaching file lists it, when the law's own file lists the
    unit, or when the law records a specification's wording about it for that unit.  The
    order is the teaching file's order first (authors choose it), then the law file's.
    """
    layer = corpus.teaching
    if not layer:
        return []
    pairs: list[tuple[str, UnitKey]] = []

    def add(slug: str, spec: str, number: str) -> None:
        unit = corpus.specs[spec].resolve(number)
        assert unit is not None  # the cross-check stage has resolved every reference
        pair = (slug, (spec, unit.number))
        if pair not in pairs:
            pairs.append(pair)

    for (spec, number), (teaching, _) in layer.units.items():
        for slug in teaching.legislation:
            add(slug, spec, number)
    for slug, (law, _) in layer.laws.items():
        for ref in law.units:
            spec, _, number = ref.partition("/")
            add(slug, spec, number)
        for wording in law.spec_wording:
            for number in wording.units:
                add(slug, wording.spec, number)
    return pairs


def _unit_order(corpus: Corpus) -> dict[str, int]:
    return {slug: i for i, slug in enumerate(corpus.specs)}


def law_units(corpus: Corpus, slug: str, links: list[tuple[str, UnitKey]] | None = None) -> list[str]:
    """'spec/number' of every unit that cites one law, in specification then unit order."""
    order = _unit_order(corpus)
    refs = {unit for law, unit in (links if links is not None else law_links(corpus)) if law == slug}
    return [f"{s}/{n}" for s, n in sorted(refs, key=lambda k: (order[k[0]], natural_key(k[1])))]


def unit_laws(links: list[tuple[str, UnitKey]], key: UnitKey) -> list[str]:
    """Slugs of the laws one unit cites, in the relation's order."""
    return [law for law, unit in links if unit == key]


def term_units(corpus: Corpus) -> dict[str, list[str]]:
    """'spec/number' of every unit that uses each glossary term: those its entry lists, and
    those whose teaching file names it as a key term, in specification then unit order.
    One relation, so the glossary's "Used in", the flashcard filter and the tooltips agree."""
    layer = corpus.teaching
    if not layer:
        return {}
    refs: dict[str, set[tuple[str, str]]] = {}

    def add(slug: str, spec: str, number: str) -> None:
        unit = corpus.specs[spec].resolve(number)
        assert unit is not None  # the cross-check stage has resolved every reference
        refs.setdefault(slug, set()).add((spec, unit.number))

    for slug, (term, _, _) in layer.terms.items():
        refs.setdefault(slug, set())
        for ref in term.units:
            spec, _, number = ref.partition("/")
            add(slug, spec, number)
    for (spec, number), (teaching, _) in layer.units.items():
        for slug in teaching.key_terms:
            if slug in refs:
                add(slug, spec, number)
    order = _unit_order(corpus)
    return {
        slug: [f"{s}/{n}" for s, n in sorted(units, key=lambda k: (order[k[0]], natural_key(k[1])))]
        for slug, units in refs.items()
    }
