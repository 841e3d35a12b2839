"""Spaced review (overrides/assets/javascripts/review-store.js, review-schedule.js and
review-due.js): the data the progress page needs to name, link and run the questions a
learner has due.

Two things, both generated so that no title or address is typed into the scripts:
- ``assets/review/<unit practice quiz id>.js``: every published practice question of one
  unit, as a classic script that adds the unit's practice payload to ``CSHub.reviewItems``.
  The progress page loads only the units with questions due, and only when a review
  starts (all units together are 1.8 MB; one is tens of kilobytes).  A script, not JSON,
  because chromium refuses to fetch a local JSON file from file:// (the offline build) but
  runs a local script.
- the progress page's link map: per qualification its units, per unit its title, page and
  published question ids, per outcome its title and the page that teaches it (CONVENTIONS.md §5).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any

from .. import urls
from ..corpus import SpecData
from ..labels import outcome_label
from ..markdown_text import md_escape
from ..models import Unit
from .base import Facts, Page
from .outcome import anchor_homes
from .quiz_block import MapLink
from .quiz_payloads import practice_payload, reviewed


def review_data_path(quiz_id: str) -> str:
    """Where one unit's review questions are written, under docs/."""
    return f"assets/review/{quiz_id}.js"


def _practice_units(facts: Facts, data: SpecData) -> Iterator[tuple[str, Unit]]:
    """The units of a specification with a published practice quiz, in unit order."""
    banks = facts.corpus.banks
    for number, unit in data.units.items():
        if banks and reviewed(banks.items_for(data.slug, number)):
            yield number, unit


def build(facts: Facts) -> Iterator[Page]:
    for data in facts.specs:
        for number, unit in _practice_units(facts, data):
            items = reviewed(facts.corpus.banks.items_for(data.slug, number))
            quiz = urls.practice_quiz_id(data.slug, number)
            payload: dict[str, Any] = practice_payload(data, unit, items, facts.item_payloads)
            # Sorted keys and no spaces: the same input gives the same bytes, and a small file.
            text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            # U+2028/2029 are legal in JSON but end a line in older JavaScript engines.
            text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
            yield Page(review_data_path(quiz), "review-items.js.j2", {"quiz": json.dumps(quiz), "data": text})


def progress_links(facts: Facts) -> list[MapLink]:
    """The progress page's links for review: found by attribute, never by a typed title."""
    page = urls.PROGRESS
    links = [MapLink("Flashcards", urls.relative(page, urls.FLASHCARDS), 'data-csh-flashcards-link="1"')]
    for data in facts.specs:
        practice = dict(_practice_units(facts, data))
        for qual in data.spec.qualifications:
            quizzes = []
            for group in qual.groups:
                for number in group.units:
                    unit = data.resolve(number)
                    quiz = urls.practice_quiz_id(data.slug, unit.number) if unit and unit.number in practice else ""
                    if quiz and quiz not in quizzes:
                        quizzes.append(quiz)
            title = md_escape(qual.title) + (f" ({md_escape(qual.number)})" if qual.number else "")
            links.append(
                MapLink(
                    title,
                    urls.relative(page, urls.spec_page(data.slug), qual.id),
                    f'data-csh-qual="{qual.id}" data-csh-units="{" ".join(quizzes)}"',
                )
            )
        for number, unit in practice.items():
            quiz = urls.practice_quiz_id(data.slug, number)
            # The published question ids, so that a due count leaves out any no longer published.
            ids = " ".join(html.escape(item.id) for item in reviewed(facts.corpus.banks.items_for(data.slug, number)))
            unit_href = urls.relative(page, urls.unit_page(data.slug, number))
            links.append(
                MapLink(
                    md_escape(f"{data.spec.short_title}, Unit {number}: {unit.title}"),
                    unit_href,
                    f'data-csh-unit-quiz="{quiz}" data-csh-unit="{data.slug}/{number}"',
                )
            )
            links.append(
                MapLink(
                    md_escape(f"Unit {number} review questions"),
                    urls.relative(page, review_data_path(quiz)),
                    f'data-csh-review-data="{quiz}" data-csh-review-items="{ids}"',
                )
            )
            homes = anchor_homes(facts, data, unit, page)
            for o in unit.outcomes:
                anchor = urls.outcome_anchor(o.id)
                links.append(
                    MapLink(
                        md_escape(outcome_label(unit, o.id)),
                        homes.get(anchor, unit_href + "#" + anchor),
                        f'data-csh-outcome="{quiz}/{o.id}"',
                    )
                )
    return links
