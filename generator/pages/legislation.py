"""The legislation library: an index grouped by topic (legislation-index.md.j2) and one
page per law (legislation.md.j2) with its 2026 status, what the specifications say and
the units that cite it (from relations.law_links, like the law cards on unit pages)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import labels, urls
from ..markdown_text import front_matter
from ..relations import law_units
from ..teaching_models import Law
from .base import Facts, Page, trail, unit_link


def build(facts: Facts) -> Iterator[Page]:
    layer = facts.corpus.teaching
    if not layer:
        return
    laws = sorted(((slug, law) for slug, (law, _) in layer.laws.items()), key=lambda x: x[1].title.lower())
    groups: dict[str, list[dict[str, Any]]] = {}
    for slug, law in laws:
        path = urls.law_page(slug)
        view = _law_view(slug, law, path)
        groups.setdefault(labels.law_group(slug), []).append(view)
        yield Page(path, "legislation.md.j2", {"law": law, "badge": view, **_law_page(facts, slug, law, path)})
    order = [title for title, _ in labels.LAW_GROUPS] + [labels.OTHER_LAWS]
    yield Page(urls.LEGISLATION, "legislation-index.md.j2", {"groups": [(g, groups[g]) for g in order if g in groups]})


def _law_view(slug: str, law: Law, path: str) -> dict[str, Any]:
    status_class, status_label = labels.status_badge(law.status)
    return {
        "law": law,
        "href": urls.relative(urls.LEGISLATION, path),
        "status_class": status_class,
        "status_label": status_label,
    }


def _law_page(facts: Facts, slug: str, law: Law, path: str) -> dict[str, Any]:
    layer = facts.corpus.teaching
    assert layer is not None
    titles = facts.spec_titles
    units = []
    for ref in law_units(facts.corpus, slug, facts.law_links):
        spec, _, number = ref.partition("/")
        units.append(
            (f"{titles[spec]}, unit {number}", facts.unit(spec, number).title, unit_link(facts, path, spec, number))
        )
    return {
        "title": front_matter(law.title),
        "trail": trail(path, [("Legislation library", urls.LEGISLATION)], law.title),
        "description": front_matter(f"{law.title}: what it says, what it means at work, and where it stands in 2026."),
        "replaced_by": [
            (layer.laws[other][0].title, urls.relative(path, urls.law_page(other))) for other in law.replaced_by
        ],
        "still_named": law.status in ("replaced", "revoked"),
        "wording": [
            (titles[w.spec], [(u, unit_link(facts, path, w.spec, u)) for u in w.units], w.text)
            for w in law.spec_wording
        ],
        "units": units,
    }
