"""The model of content/diagrams/<slug>.yml: a small picture described as data, so that
the generator can draw it the same way every time and print the same words beside it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..models import Model, Slug, Text

DiagramKind = Literal["flow", "cycle", "hub", "layers"]


class Node(Model):
    # Plain str, not Text: an empty label is reported by checks/diagrams.py, which can say
    # which box of which diagram it is and how to fix it.
    label: str = Field(description="The few words shown in the box, e.g. 'Listen'.")
    detail: str | None = Field(default=None, description="One short sentence shown under the label.")


class Diagram(Model):
    """content/diagrams/<slug>.yml"""

    slug: Slug
    kind: DiagramKind = Field(
        description=(
            "flow: steps in order, top to bottom; cycle: steps that go round again; "
            "hub: things that link to one centre; layers: rings around a core, first node innermost."
        )
    )
    title: Text = Field(description="The caption under the picture; it also names the picture for screen readers.")
    intro: Text = Field(description="One sentence that starts the description in words, e.g. 'There are six steps.'")
    centre: str | None = Field(default=None, description="hub only: the label of the centre box.")
    nodes: list[Node] = Field(min_length=2, max_length=9)
