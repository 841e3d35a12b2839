"""A diagram as the page shows it: the SVG, a visible caption that names it, and the same
content in words (an ordered list for steps and layers, a plain list for a hub) in a <details> that
the SVG points to as its long description.  One line of HTML, no blank lines, so Markdown
passes it through untouched."""

from __future__ import annotations

from html import escape

from .models import Diagram
from .svg import diagram_svg

_ORDERED = {"flow": True, "cycle": True, "hub": False, "layers": True}  # layers: from the core outwards


def _item(label: str, detail: str | None) -> str:
    text = escape(label.strip())
    return f"<li><strong>{text}</strong>: {escape(detail.strip())}</li>" if detail else f"<li>{text}</li>"


def figure_html(d: Diagram, ident: str) -> str:
    """The figure for diagram ``d``; ``ident`` makes its ids unique on the page."""
    cap, words = f"{ident}-caption", f"{ident}-words"
    tag = "ol" if _ORDERED[d.kind] else "ul"
    items = "".join(_item(n.label, n.detail) for n in d.nodes)
    intro = escape(d.intro)
    if d.kind == "hub" and d.centre:
        intro = f"{intro} In the middle: {escape(d.centre)}."
    return (
        f'<figure class="csh-diagram csh-diagram--{d.kind}" id="{ident}">'
        + diagram_svg(d, cap, words)
        + f'<figcaption id="{cap}">{escape(d.title)}</figcaption>'
        + '<details class="csh-diagram__words"><summary>The diagram in words</summary>'
        + f'<div id="{words}"><p>{intro}</p><{tag}>{items}</{tag}></div></details></figure>'
    )
