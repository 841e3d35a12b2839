"""Diagrams: drawn the same way every time, well-formed, described in words, requesting
nothing from anywhere, placed in the notes of their outcome, and checked for the three
mistakes a content author can make (unknown diagram, no notes to put it in, empty label).
In-process and fast."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import urls
from generator.diagrams import figure_html
from generator.pipeline import Project, load_and_check, render
from generator.problems import ContentError
from generator.teaching import competence_unit

SVG = "{http://www.w3.org/2000/svg}"
TEACH = "content/cg-4417/teaching/201.yml"
DIAGRAM = "content/diagrams/internal-external-customers.yml"


def _figure(html: str) -> ET.Element:
    return ET.fromstring(html)  # raises on anything that is not well-formed XML


def test_every_diagram_is_deterministic_well_formed_and_described(real_corpus) -> None:
    assert real_corpus.teaching.diagrams, "content/diagrams/ should hold diagrams"
    for slug, (diagram, _) in real_corpus.teaching.diagrams.items():
        html = figure_html(diagram, f"fig-{slug}")
        assert html == figure_html(diagram, f"fig-{slug}")
        assert "\n" not in html  # one line: Markdown passes a raw HTML block through untouched
        figure = _figure(html)
        svg = figure.find(f"{SVG}svg")
        assert svg is not None and svg.get("role") == "img"
        ids = {el.get("id"): el for el in figure.iter() if el.get("id")}
        caption = ids[svg.get("aria-labelledby")]
        assert caption.tag == "figcaption" and caption.text == diagram.title
        words = ids[svg.get("aria-describedby")]
        items = words.findall("./ol/li") + words.findall("./ul/li")
        assert len(items) == len(diagram.nodes)
        for item, node in zip(items, diagram.nodes, strict=True):
            assert node.label in "".join(item.itertext())
            assert not node.detail or node.detail in "".join(item.itertext())
        # Every word in the picture is also in the description.
        drawn = " ".join(t.text or "" for t in svg.iter(f"{SVG}text")).split()
        described = " ".join(words.itertext()).split()
        assert set(drawn) <= set(described) | set((diagram.centre or "").split())
        assert svg.get("viewBox", "").startswith("0 0 360 ") and svg.get("width") == "100%"


def test_diagrams_request_nothing_and_follow_the_colour_scheme(real_corpus) -> None:
    for slug, (diagram, _) in real_corpus.teaching.diagrams.items():
        html = figure_html(diagram, f"fig-{slug}")
        without_ns = html.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert not re.search(r"https?:|href|src=|url\(|<image|<script|<foreignObject|style=", without_ns), slug
        # Colours come from currentColor (and diagrams.css), never a fixed colour that
        # would vanish on the dark scheme or on paper.
        colours = set(re.findall(r'(?:fill|stroke)="([^"]*)"', html))
        assert colours <= {"none", "currentColor"}, (slug, colours)


def test_stylesheet_uses_scheme_variables_and_is_listed(root: Path) -> None:
    css = (root / "overrides/assets/stylesheets/diagrams.css").read_text(encoding="utf-8")
    assert "var(--md-typeset-color)" in css and "var(--md-typeset-a-color)" in css and "@media print" in css
    assert "assets/stylesheets/diagrams.css" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_taught_unit_shows_a_diagram_in_its_notes(real_corpus, real_pages) -> None:
    taught = [
        (data.slug, number)
        for data in real_corpus.specs.values()
        if data.spec.teaching_layer
        for number, unit in data.units.items()
        # Units assessed on workplace evidence (SVQ) teach through knowledge notes, not outcome pages.
        if (data.slug, number) in real_corpus.teaching.units and not competence_unit(unit)
    ]
    assert len(taught) >= 12
    for slug, number in taught:
        entry = real_corpus.teaching.units[slug, number]
        assert entry.teaching.diagrams, f"{slug}/{number} has no diagram"
        for use in entry.teaching.diagrams:
            # Each diagram sits on the outcome page of the outcome (or content area) it teaches.
            slug_part = urls.outcome_page_slug(use.outcome, use.content)
            page = real_pages[urls.outcome_page(slug, number, slug_part)].decode("utf-8")
            anchor = f"notes-{(use.outcome or use.content or '').lower()}"
            assert page.count(f'id="fig-{anchor}-{use.diagram}"') == 1, (slug, number, use)


def test_fixture_corpus_exercises_a_diagram() -> None:
    from tests.conftest import FIXTURE

    pages = render(load_and_check(Project(FIXTURE)))
    page = pages["cg-4417/units/201/lo-1.md"].decode("utf-8")
    assert page.count('<figure class="csh-diagram csh-diagram--hub"') == 1
    assert 'id="fig-notes-1-internal-external-customers"' in page
    assert "csh-diagram" not in pages["cg-4417/units/201/lo-2.md"].decode("utf-8")


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _report(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_and_check(Project(root))
    return caught.value.problems.report().splitlines()[:-1]


def _line(root: Path, path: str, needle: str) -> int:
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def _edit_and_report(root: Path, path: str, old: str, new: str, needle: str) -> tuple[list[str], int]:
    """Make one mistake: the report's lines, and the line of the file that holds ``needle``."""
    _edit(root, path, old, new)
    return _report(root), _line(root, path, needle)


def test_unknown_diagram_is_one_line(fixture_copy: Path) -> None:
    report, line = _edit_and_report(
        fixture_copy, TEACH, "diagram: internal-external-customers", "diagram: complaint-stepz", "complaint-stepz"
    )
    assert report == [
        f"{TEACH}:{line}: diagrams[0].diagram: there is no diagram 'complaint-stepz'. "
        "Hint: add content/diagrams/complaint-stepz.yml, or use one of: internal-external-customers"
    ]


def test_diagram_for_outcome_without_notes_is_one_line(fixture_copy: Path) -> None:
    report, line = _edit_and_report(
        fixture_copy, TEACH, 'diagrams:\n  - outcome: "1"', 'diagrams:\n  - outcome: "3"', "diagrams:"
    )
    assert report == [
        f"{TEACH}:{line + 1}: diagrams[0].outcome: this file has no notes for outcome '3', so the diagram has "
        "nowhere to go. Hint: use an outcome these notes cover (1, 2), or add notes for '3'"
    ]


def test_empty_label_is_one_line(fixture_copy: Path) -> None:
    report, line = _edit_and_report(fixture_copy, DIAGRAM, 'label: "Internal: colleagues"', 'label: " "', 'label: " "')
    assert report == [
        f"{DIAGRAM}:{line}: nodes[0].label: this box has no words. "
        "Hint: write a short label, e.g. 'Listen', or remove the node"
    ]


def test_broken_diagram_file_is_reported_once(fixture_copy: Path) -> None:
    _edit(fixture_copy, DIAGRAM, "kind: hub", "kind: star")
    report = _report(fixture_copy)
    assert len(report) == 1 and report[0].startswith(f"{DIAGRAM}:") and "kind" in report[0]


def test_same_diagram_twice_in_the_same_notes_is_one_line(fixture_copy: Path) -> None:
    file = fixture_copy / TEACH
    file.write_text(
        file.read_text(encoding="utf-8") + '  - outcome: "1"\n    diagram: internal-external-customers\n',
        encoding="utf-8",
    )
    line = len(file.read_text(encoding="utf-8").splitlines())
    assert _report(fixture_copy) == [
        f"{TEACH}:{line}: diagrams[1].diagram: the diagram 'internal-external-customers' is already placed in "
        "these notes. Hint: remove the second entry"
    ]
