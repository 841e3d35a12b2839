"""Rendering and writing: deterministic bytes, write-if-changed, stale files removed,
hand-written pages never touched, StrictUndefined on.  These run in-process on a copy of the
fixture corpus; test_every_real_unit_renders checks the real content, rendered once."""

from __future__ import annotations

import json
import time

import jinja2
import pytest

from generator.pipeline import Project, build, load_and_check, render
from generator.problems import ContentError
from generator.render import make_env, md_escape

from .conftest import FIXTURE


def test_same_input_gives_byte_identical_output(fixture_copy):
    project = Project(fixture_copy)
    first = render(load_and_check(project))
    second = render(load_and_check(project))
    assert first == second
    assert "cg-4417/units/201.md" in first


def test_write_if_changed_and_stale_removal(fixture_copy):
    project = Project(fixture_copy)
    report = build(project)
    assert report.written and report.unchanged == 0
    page = project.docs / "cg-4417/units/201.md"
    mtime = page.stat().st_mtime_ns
    time.sleep(0.01)
    again = build(project)
    assert again.written == [] and page.stat().st_mtime_ns == mtime
    # A stale generated file from an older build is removed.
    manifest = json.loads((project.docs / ".generated.json").read_text())
    (project.docs / "cg-4417/units/999.md").write_text("old", encoding="utf-8")
    manifest["files"].append("cg-4417/units/999.md")
    (project.docs / ".generated.json").write_text(json.dumps(manifest))
    report = build(project)
    assert report.removed == ["cg-4417/units/999.md"]
    assert not (project.docs / "cg-4417/units/999.md").exists()


def test_hand_written_pages_are_never_touched(fixture_copy):
    project = Project(fixture_copy)
    build(project)
    hand = project.docs / "hosting.md"
    before = hand.read_bytes()
    build(project)
    assert hand.read_bytes() == before
    # A hand-written file where a generated page would go stops the build, untouched.
    (project.docs / ".generated.json").unlink()
    (project.docs / "about.md").write_text("my own page", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build(project)
    assert "hand-written file is in the way" in str(err.value)
    assert (project.docs / "about.md").read_text() == "my own page"


def test_strict_undefined():
    env = make_env()
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_markdown_escape_keeps_official_text_literal():
    assert md_escape("a *b* [c](d) <e> #1 |x|") == r"a \*b\* \[c\]\(d\) &lt;e&gt; \#1 \|x\|"


def test_unit_page_markdown(fixture_copy):
    pages = render(load_and_check(Project(fixture_copy)))
    text = pages["cg-4417/units/201.md"].decode()
    assert 'id="ac-1-1-8"' in text and "Unique Selling Point (USP)" in text
    assert "{ #lo-2 }" in text
    alias = pages["cg-4417/units/271.md"].decode()
    assert "template: alias.html" in alias and 'data-csh-alias="201"' in alias
    assert "{{" not in text and "{%" not in text


@pytest.fixture(scope="module")
def fixture_pages() -> dict[str, bytes]:
    # Rendering writes nothing, so the fixture corpus itself is used, rendered once here.
    return render(load_and_check(Project(FIXTURE)))


def test_pages_of_every_kind_of_unit(fixture_pages):
    # The fixture holds one unit of each kind, so the fast loop renders each kind's anchors.
    page = {
        path: fixture_pages[path].decode()
        for path in ("svq-4-cs/units/1.md", "btec-l2-cso/units/1.md", "cg-4417/units/202.md", "cg-4417/tests/201.md")
    }
    svq = page["svq-4-cs/units/1.md"]
    assert 'id="pc-6"' in svq and 'id="k-3"' in svq and "{ #lo-2 }" in svq  # PCs run on across elements
    btec = page["btec-l2-cso/units/1.md"]
    assert "{ #content-c1 }" in btec and "{ #lo-ao4 }" in btec
    pair = page["cg-4417/units/202.md"]
    assert "## How Unit 202 differs from Unit 272" in pair and "(272.md#ac-1-3)" in pair
    mock = page["cg-4417/tests/201.md"]
    assert 'data-quiz-mode="mock"' in mock and "| **Total** | **3** |" in mock


def test_every_real_unit_renders(real_corpus, real_pages):
    # The real content, not the fixture: every unit and every alias of every specification gets
    # its page, every test specification its mock test, and no template syntax leaks through.
    expected = set()
    for data, unit in real_corpus.all_units():
        expected.add(f"{data.slug}/units/{unit.number}.md")
        expected.update(f"{data.slug}/units/{alias}.md" for alias in unit.aliases)
    for data in real_corpus.specs.values():
        expected.update(f"{data.slug}/tests/{test.id}.md" for test in data.spec.tests)
    assert len(expected) > 138 and expected <= set(real_pages), sorted(expected - set(real_pages))[:10]
    for path in expected:
        text = real_pages[path].decode("utf-8")
        assert "{{" not in text and "{%" not in text, path
