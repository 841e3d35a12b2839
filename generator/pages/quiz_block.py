"""The quiz root a unit page or a mock test page carries, with its link map.

The quiz engine builds "Revise" links and the link to the progress page at run time.  It
cannot know how this build spells URLs (directory URLs, .html files, a sub-path), so the
page carries a hidden map of ordinary Markdown links that MkDocs resolves for the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import urls
from ..markdown_text import embed_json


@dataclass(frozen=True)
class MapLink:
    label: str
    href: str
    attribute: str  # the data-* attribute the engine looks the link up by


@dataclass(frozen=True)
class QuizBlock:
    quiz_id: str
    mode: str
    payload_json: str
    links: list[MapLink]


def quiz_block(
    page: str,
    payload: dict[str, Any],
    units: list[str],
    key_page: str | None = None,
    revise: list[MapLink] | None = None,
) -> QuizBlock:
    """units: the unit numbers whose pages the quiz links to (in the page's specification).
    revise: where "Revise" links should go instead of the unit page (outcome pages)."""
    spec = payload["spec"]
    links = [MapLink(f"Unit {n}", urls.relative(page, urls.unit_page(spec, n)), f'data-csh-unit="{n}"') for n in units]
    links.append(MapLink("Progress", urls.relative(page, urls.PROGRESS), 'data-csh-progress="1"'))
    if key_page:
        links.append(MapLink("Answer key", urls.relative(page, key_page), 'data-csh-key="1"'))
    links.extend(revise or [])
    return QuizBlock(payload["id"], payload["mode"], embed_json(payload), links)
