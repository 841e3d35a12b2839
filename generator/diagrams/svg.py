"""Draw a Diagram as inline SVG.  Every size is a whole number worked out from the words,
so the same diagram always gives the same bytes.  Colours are currentColor plus classes
that diagrams.css maps to Material's colour variables: the picture follows the light or
dark scheme, and still shows (black lines, black text) if the stylesheet is missing.

All four kinds are drawn top to bottom in a 360-unit-wide box: that fits a 390 px phone at
about full size and needs no second layout for narrow screens."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

from .models import Diagram, Node

WIDTH = 360
MARGIN = 12
PAD = 10  # inside a box, above and below the words
LABEL = (16, 21, 0.6)  # font size, line height, average glyph width per unit of size (bold)
DETAIL = (14, 18, 0.54)
GAP = 30  # between boxes joined by an arrow


@dataclass(frozen=True)
class _Words:
    label: list[str]
    detail: list[str]

    @property
    def height(self) -> int:
        return len(self.label) * LABEL[1] + len(self.detail) * DETAIL[1]


def _wrap(text: str, width: int, style: tuple[int, int, float]) -> list[str]:
    size, _, glyph = style
    per_line = max(8, int((width - 2 * PAD) / (size * glyph)))
    return textwrap.wrap(text, per_line, break_long_words=False, break_on_hyphens=False) or [text]


def _words(label: str, detail: str | None, width: int) -> _Words:
    return _Words(_wrap(label, width, LABEL), _wrap(detail, width, DETAIL) if detail else [])


def _text(words: _Words, cx: int, top: int) -> list[str]:
    """The words centred on cx, first baseline just under top."""
    out, y = [], top
    for style, cls, lines in ((LABEL, "csh-d-label", words.label), (DETAIL, "csh-d-detail", words.detail)):
        size, line_height, _ = style
        weight = ' font-weight="700"' if cls == "csh-d-label" else ""
        for line in lines:
            y += line_height
            out.append(
                f'<text x="{cx}" y="{y - (line_height - size) // 2 - 3}" class="{cls}" '
                f'font-size="{size}"{weight} text-anchor="middle" fill="currentColor">{escape(line)}</text>'
            )
    return out


def _box(x: int, y: int, w: int, h: int, cls: str = "csh-d-box") -> str:
    return (
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" class="{cls}" '
        f'fill="none" stroke="currentColor" stroke-width="2"/>'
    )


def _line(points: list[tuple[int, int]]) -> str:
    d = " ".join(f"{x},{y}" for x, y in points)
    return f'<polyline points="{d}" class="csh-d-line" fill="none" stroke="currentColor" stroke-width="2"/>'


def _head(x: int, y: int, towards: str) -> str:
    """An arrowhead whose tip is at (x, y); drawn, not a <marker>, so that no id is needed."""
    if towards == "down":
        pts = f"{x - 6},{y - 10} {x + 6},{y - 10} {x},{y}"
    else:  # left
        pts = f"{x + 10},{y - 6} {x + 10},{y + 6} {x},{y}"
    return f'<polygon points="{pts}" class="csh-d-head" fill="currentColor"/>'


def _steps(nodes: list[Node], x: int, w: int) -> tuple[list[str], list[tuple[int, int]], int]:
    """Boxes one under another joined by arrows: the parts, each box's (top, bottom), the end y."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    y = MARGIN
    for i, node in enumerate(nodes):
        words = _words(node.label, node.detail, w)
        h = words.height + 2 * PAD
        parts += [_box(x, y, w, h), *_text(words, x + w // 2, y + PAD)]
        spans.append((y, y + h))
        y += h
        if i < len(nodes) - 1:
            parts += [_line([(x + w // 2, y + 2), (x + w // 2, y + GAP - 4)]), _head(x + w // 2, y + GAP - 2, "down")]
            y += GAP
    return parts, spans, y


def _flow(d: Diagram) -> tuple[list[str], int]:
    parts, _, y = _steps(d.nodes, MARGIN, WIDTH - 2 * MARGIN)
    return parts, y + MARGIN


def _cycle(d: Diagram) -> tuple[list[str], int]:
    """Like flow, with a lane on the right for the arrow from the last step back to the first."""
    w = WIDTH - 2 * MARGIN - 36
    parts, spans, y = _steps(d.nodes, MARGIN, w)
    right, lane = MARGIN + w, WIDTH - MARGIN - 6
    first, last = (spans[0][0] + spans[0][1]) // 2, (spans[-1][0] + spans[-1][1]) // 2
    parts += [_line([(right, last), (lane, last), (lane, first), (right + 10, first)]), _head(right + 2, first, "left")]
    return parts, y + MARGIN


def _hub(d: Diagram) -> tuple[list[str], int]:
    """The centre on top; each node hangs off one line down the left, like a family tree,
    so that every box gets the full width for its words."""
    w = WIDTH - 2 * MARGIN
    centre = _words(d.centre or "", None, w)
    h = centre.height + 2 * PAD
    parts = [_box(MARGIN, MARGIN, w, h, "csh-d-box csh-d-centre"), *_text(centre, WIDTH // 2, MARGIN + PAD)]
    bus, x = MARGIN + 16, MARGIN + 40
    y, joins = MARGIN + h + 16, []
    for node in d.nodes:
        words = _words(node.label, node.detail, WIDTH - MARGIN - x)
        bh = words.height + 2 * PAD
        parts += [_box(x, y, WIDTH - MARGIN - x, bh), *_text(words, (x + WIDTH - MARGIN) // 2, y + PAD)]
        joins.append(y + bh // 2)
        parts.append(_line([(bus, y + bh // 2), (x - 2, y + bh // 2)]))
        y += bh + 14
    parts.insert(2, _line([(bus, MARGIN + h), (bus, joins[-1])]))
    return parts, y - 14 + MARGIN


def _layers(d: Diagram) -> tuple[list[str], int]:
    """Rings drawn as boxes inside boxes; nodes[0] is the core.  Each ring's words sit in
    the band at its top, so no words overlap a line."""
    n, inset = len(d.nodes), 16
    geometry = []  # outermost first: (x, width, words)
    for depth in range(n):
        x, w = MARGIN + depth * inset, WIDTH - 2 * (MARGIN + depth * inset)
        node = d.nodes[n - 1 - depth]
        geometry.append((x, w, _words(node.label, node.detail, w)))
    heights = [0] * n
    for depth in range(n - 1, -1, -1):  # a ring is as tall as its words plus the rings inside it
        inner = heights[depth + 1] + 12 if depth < n - 1 else 0
        heights[depth] = geometry[depth][2].height + 2 * PAD + inner
    parts: list[str] = []
    y = MARGIN
    for depth, (x, w, words) in enumerate(geometry):
        band = "csh-d-box csh-d-band" + str(depth % 2)
        parts += [_box(x, y, w, heights[depth], band), *_text(words, WIDTH // 2, y + PAD)]
        y += words.height + 2 * PAD
    return parts, MARGIN + heights[0] + MARGIN


DRAW = {"flow": _flow, "cycle": _cycle, "hub": _hub, "layers": _layers}


def diagram_svg(d: Diagram, labelled_by: str, described_by: str) -> str:
    parts, height = DRAW[d.kind](d)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="csh-diagram__svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{labelled_by}" aria-describedby="{described_by}" '
        f'focusable="false">' + "".join(parts) + "</svg>"
    )
