"""Rules for diagrams: a teaching file names diagrams that exist, places each in notes it
has, and every box of a diagram has words (a picture a screen reader reads as an empty
list item, or a sighted learner sees as an empty box, teaches nothing)."""

from __future__ import annotations

from ..corpus import ValidatedCorpus
from ..problems import Problems
from .common import report


def diagram_refs_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    layer, broken = corpus.teaching, corpus.broken
    for entry in layer.units.values():
        for i, use in enumerate(entry.teaching.diagrams):
            if use.diagram not in layer.diagrams and use.diagram not in broken.diagrams:
                known = ", ".join(sorted(layer.diagrams)) or "none yet"
                report(
                    problems,
                    entry.origin,
                    ("diagrams", i, "diagram"),
                    f"there is no diagram {use.diagram!r}",
                    f"add content/diagrams/{use.diagram}.yml, or use one of: {known}",
                )


def diagrams_placed_in_notes(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A diagram is printed inside the notes for its outcome, so those notes must exist.
    Files whose notes name a target the unit lacks are skipped: teaching_targets_exist
    reports that mistake, and the diagram would only repeat it."""
    for (slug, number), entry in corpus.teaching.units.items():
        data = corpus.specs.get(slug)
        unit = data.units.get(number) if data else None
        if unit is None:
            continue
        real = {(o.id, None) for o in unit.outcomes} | {(None, a.id) for a in unit.content}
        notes = {(n.outcome, n.content) for n in entry.teaching.notes}
        if not notes <= real:
            continue
        for i, use in enumerate(entry.teaching.diagrams):
            if (use.outcome, use.content) in notes:
                continue
            field, value = ("outcome", use.outcome) if use.outcome is not None else ("content", use.content)
            have = ", ".join(n.outcome or n.content or "" for n in entry.teaching.notes)
            what = "an outcome" if field == "outcome" else "a content area"
            report(
                problems,
                entry.origin,
                ("diagrams", i, field),
                f"this file has no notes for {field} {value!r}, so the diagram has nowhere to go",
                f"use {what} these notes cover ({have}), or add notes for {value!r}",
            )


def diagrams_not_repeated(corpus: ValidatedCorpus, problems: Problems) -> None:
    """The same diagram twice in the same notes shows nothing new and repeats its ids."""
    for entry in corpus.teaching.units.values():
        seen: set[tuple[str | None, str | None, str]] = set()
        for i, use in enumerate(entry.teaching.diagrams):
            key = (use.outcome, use.content, use.diagram)
            if key in seen:
                report(
                    problems,
                    entry.origin,
                    ("diagrams", i, "diagram"),
                    f"the diagram {use.diagram!r} is already placed in these notes",
                    "remove the second entry",
                )
            seen.add(key)


def diagram_labels_present(corpus: ValidatedCorpus, problems: Problems) -> None:
    for diagram, origin in corpus.teaching.diagrams.values():
        for i, node in enumerate(diagram.nodes):
            if not node.label.strip():
                report(
                    problems,
                    origin,
                    ("nodes", i, "label"),
                    "this box has no words",
                    "write a short label, e.g. 'Listen', or remove the node",
                )
            if node.detail is not None and not node.detail.strip():
                report(
                    problems,
                    origin,
                    ("nodes", i, "detail"),
                    "the detail is empty",
                    "write one short sentence, or leave detail out",
                )
        if diagram.kind == "hub" and not (diagram.centre or "").strip():
            report(
                problems,
                origin,
                ("centre",) if diagram.centre is not None else ("kind",),
                "a hub diagram needs words for its centre box",
                "add centre: with a short label, e.g. 'The customer'",
            )
        elif diagram.kind != "hub" and diagram.centre is not None:
            report(
                problems,
                origin,
                ("centre",),
                f"a {diagram.kind} diagram has no centre box",
                "remove centre:, or set kind: hub",
            )


DIAGRAM_CHECKS = (diagram_refs_exist, diagrams_placed_in_notes, diagrams_not_repeated, diagram_labels_present)
