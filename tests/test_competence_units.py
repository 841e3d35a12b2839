"""Units assessed on workplace evidence (SVQ and NVQ): the sections their pages carry, the
evidence planner's checklist, and the check that fails when a section is missing.  Fast:
in-process on the fixture corpus, whose SVQ unit 1 has a small but complete teaching file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator import urls
from generator.pipeline import Project, load_and_check, render

from .conftest import FIXTURE, ROOT, run_cli


@pytest.fixture(scope="module")
def fixture_pages() -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in render(load_and_check(Project(FIXTURE))).items()}


def test_svq_unit_page_has_every_section(fixture_pages):
    page = fixture_pages["svq-4-cs/units/1.md"]
    for heading in (
        "## In brief",
        "## Understand the knowledge",
        "## Key terms",
        "## The law for this unit",
        "## Practice quiz",
        "## What good evidence looks like",
        "## Evidence planner { #evidence-planner data-search-exclude }",
        "## For assessors and tutors",
    ):
        assert heading in page, heading
    # Knowledge notes are anchored by their first statement and link every statement they cover.
    assert "{ #notes-k-1 }" in page and "{ #notes-k-3 }" in page
    assert '<a href="#k-1">K1</a>, <a href="#k-2">K2</a>' in page
    # Evidence guidance for each element.
    assert "{ #evidence-1 data-search-exclude }" in page and "{ #evidence-2 data-search-exclude }" in page
    assert "**Evidence that suits it:** Observation, work products and professional discussion." in page
    # The SVQ names no law: every card is labelled as ours.
    assert "added by us" in page and '<span class="csh-added">Added by us</span>' in page
    # Workplace tasks with professional-discussion prompts.
    assert "*Workplace task: done at work and assessed from real evidence.*" in page
    assert "Talk me through how you chose what to cover." in page


def test_planner_lists_every_criterion_and_statement(fixture_pages):
    page = fixture_pages["svq-4-cs/units/1.md"]
    planner = page.split('<div class="csh-planner"', 1)[1].split("</div>\n\n", 1)[0]
    rows = re.findall(r'data-row="([a-z0-9-]+)" data-kind="(criterion|knowledge)"', planner)
    assert rows == [
        ("pc-1", "criterion"),
        ("pc-2", "criterion"),
        ("pc-6", "criterion"),
        ("pc-7", "criterion"),
        ("k-1", "knowledge"),
        ("k-2", "knowledge"),
        ("k-3", "knowledge"),
    ]
    # Every row links to the criterion or statement it stands for, which the page anchors.
    for key, _ in rows:
        assert f'href="#{key}"' in planner and f'id="{key}"' in page
    assert 'data-csh-store="evidence:svq-4-cs/1"' in planner
    assert "Assessor's signature" in planner and "data-search-exclude" in planner
    # Unit 2 has no teaching file, but is assessed on workplace evidence: it still has a planner.
    assert "## Evidence planner" in fixture_pages["svq-4-cs/units/2.md"]
    # Units assessed by test or assignment do not.
    assert "## Evidence planner" not in fixture_pages["cg-4417/units/201.md"]


def test_portfolio_catalogue_covers_every_competence_unit(fixture_pages):
    page = fixture_pages[urls.EVIDENCE]
    data = json.loads(page.split('class="csh-portfolio-data">', 1)[1].split("</script>", 1)[0])
    assert set(data["units"]) == {"svq-4-cs/1", "svq-4-cs/2"}
    assert data["units"]["svq-4-cs/1"]["rows"][0] == ["pc-1", "PC 1", "criterion"]
    assert '{ data-csh-evidence-unit="svq-4-cs/1" }' in page


def test_practice_items_link_knowledge_statements_to_their_notes(fixture_pages):
    page = fixture_pages["svq-4-cs/units/1.md"]
    payload = json.loads(page.split('class="csh-quiz-data">', 1)[1].split("</script>", 1)[0])
    item = next(i for i in payload["items"] if i["id"] == "svq-1-04")
    assert {"unit": "1", "anchor": "k-3", "label": "K3"} in item["links"]
    # "Revise" for K3 goes to the notes that teach it.
    assert '[k-3](#notes-k-3){ data-csh-revise="1/k-3" }' in page


def test_key_terms_count_as_used_in(fixture_pages):
    glossary = fixture_pages[urls.GLOSSARY]
    entry = glossary.split('id="internal-customer"', 1)[1].split('class="csh-term-entry"', 1)[0]
    assert "svq-4-cs/units/1.md" in entry


def _teaching_on(project: Path) -> None:
    spec = project / "content" / "svq-4-cs" / "specification.yml"
    spec.write_text(spec.read_text(encoding="utf-8") + "\nteaching_layer: true\n", encoding="utf-8")


def test_check_reports_every_missing_section(fixture_copy):
    _teaching_on(fixture_copy)
    code, _, err = run_cli("--root", str(fixture_copy), "check")
    assert code == 1
    # Unit 2 has no teaching file at all: one line, naming the file to write.
    lines = [line for line in err.splitlines() if "svq-4-cs" in line]
    assert lines == [
        "content/svq-4-cs/teaching/2.yml: in_brief: unit 2 has no teaching file. "
        "Hint: add in_brief, evidence and the other sections"
    ], err


@pytest.mark.parametrize(
    "edit, expected",
    [
        (lambda t: t["evidence"].pop(), "unit 1 element 2 has no evidence guidance"),
        (lambda t: t["knowledge_notes"].pop(), "unit 1 knowledge statement 3 has no notes"),
        (
            lambda t: t["activities"][1].pop("discussion"),
            "element 2 has no workplace task with professional-discussion",
        ),
        (lambda t: t.update(legislation=[]), "unit 1 has no legislation cards"),
    ],
    ids=["evidence", "knowledge-notes", "discussion", "law"],
)
def test_check_fails_when_one_section_of_one_unit_goes(fixture_copy, edit, expected):
    _teaching_on(fixture_copy)
    _complete_unit_2(fixture_copy)
    teaching = fixture_copy / "content" / "svq-4-cs" / "teaching"
    code, out, err = run_cli("--root", str(fixture_copy), "check")
    assert code == 0, err
    assert "svq-4-cs: 2/2 units with every section" in out and "missing sections in: none" in out
    path = teaching / "1.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, _, err = run_cli("--root", str(fixture_copy), "check")
    assert code == 1
    problems = [line for line in err.splitlines() if line.startswith("content/")]
    assert len(problems) == 1 and expected in problems[0], err
    assert problems[0].startswith("content/svq-4-cs/teaching/1.yml:")


def _complete_unit_2(project: Path) -> None:
    """Give fixture unit 2 a complete teaching file and bank, made from unit 1's."""
    teaching = project / "content" / "svq-4-cs" / "teaching"
    (teaching / "2.yml").write_text(
        (teaching / "1.yml")
        .read_text(encoding="utf-8")
        .replace('unit: "1"', 'unit: "2"')
        .replace('["6", "7"]', '["5", "6"]')
        .replace('knowledge: ["3"]', 'knowledge: ["9"]'),
        encoding="utf-8",
    )
    bank = project / "quizzes" / "svq-4-cs"
    (bank / "2.yml").write_text(
        (bank / "1.yml")
        .read_text(encoding="utf-8")
        .replace('unit: "1"', 'unit: "2"')
        .replace('knowledge: ["3"]', 'knowledge: ["9"]'),
        encoding="utf-8",
    )


def test_unknown_knowledge_statement_and_element(fixture_copy):
    path = fixture_copy / "content" / "svq-4-cs" / "teaching" / "1.yml"
    text = (
        path.read_text(encoding="utf-8")
        .replace('knowledge: ["3"]', 'knowledge: ["33"]')
        .replace('outcome: "2"\n    types', 'outcome: "9"\n    types')
    )
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli("--root", str(fixture_copy), "check")
    assert code == 1
    assert (
        "knowledge_notes[1].knowledge[0]: unit 1 has no knowledge statement '33'. Hint: use a printed statement number"
        in err
    )
    assert "evidence[1].outcome: unit 1 has no element or competence outcome '9'. Hint: use one of: 1, 2" in err


def test_home_and_specification_pages_promise_only_what_is_there(fixture_pages):
    home = fixture_pages[urls.HOME]
    spec = fixture_pages[urls.spec_page("svq-4-cs")]
    # Fixture SVQ: unit 1 is taught, unit 2 has only its official text; both have planners.
    offer = (
        "Notes and a practice quiz for 1 of its 2 units, what good evidence looks like for 1 of its 2 units"
        " and an evidence planner for both units."
    )
    assert offer in home and f"**On this site:** {offer}" in spec
    # A specification with no teaching files says so rather than promising notes.
    assert (
        "The official outcomes and criteria of every unit (notes are not written yet)"
        in fixture_pages[urls.spec_page("btec-l2-cso")]
    )


def svq_units():
    # From the file names, so that collecting loads nothing (as tests/test_teaching.py does).
    folder = ROOT / "content" / "svq-4-cs" / "units"
    return sorted((p.stem for p in folder.glob("*.yml")), key=int)


@pytest.mark.slow
@pytest.mark.parametrize("number", svq_units())
def test_every_svq_unit_page_has_every_section(built_site, real_corpus, number):
    html = (built_site / "svq-4-cs" / "units" / number / "index.html").read_text(encoding="utf-8")
    unit = real_corpus.specs["svq-4-cs"].units[number]
    for anchor in (
        "in-brief",
        "understand-the-knowledge",
        "key-terms",
        "the-law-for-this-unit",
        "practice-quiz",
        "what-good-evidence-looks-like",
        "evidence-planner",
        "for-assessors-and-tutors",
    ):
        assert f'id="{anchor}"' in html, f"svq-4-cs/{number} lacks #{anchor}"
    # Every knowledge statement is covered by notes that link to it ...
    notes = html.split('id="understand-the-knowledge"', 1)[1].split('id="key-terms"', 1)[0]
    covered = set(re.findall(r'<a href="#k-([0-9]+)">K\1</a>', notes))
    assert covered == {k.id for k in unit.knowledge}, f"svq-4-cs/{number}"
    # ... each element has evidence guidance with an example and gaps ...
    for o in unit.outcomes:
        part = html.split(f'id="evidence-{o.id}"', 1)[1].split("<h3", 1)[0]
        assert "An example of good evidence" in part and "Gaps assessors often find" in part
    # ... every law card is labelled as ours, and the planner lists every line.
    assert 'class="csh-added"' in html
    rows = re.findall(r'class="csh-planner-row" data-row="([a-z0-9-]+)"', html)
    assert len(rows) == sum(len(o.criteria) for o in unit.outcomes) + len(unit.knowledge)
    assert "Professional discussion prompts" in html and 'data-quiz-mode="practice"' in html


def test_unit_pages_link_to_their_quiz_and_planner_near_the_top(fixture_pages):
    svq = fixture_pages["svq-4-cs/units/1.md"]
    top = svq.split("## In brief", 1)[0]
    assert 'href="#practice-quiz">Go to the practice quiz' in top and 'href="#evidence-planner"' in top
    cg = fixture_pages["cg-4417/units/201.md"].split("## In brief", 1)[0]
    assert 'href="#practice-quiz"' in cg and "evidence-planner" not in cg
    assert 'href="#evidence-planner"' in fixture_pages["svq-4-cs/units/2.md"]


def test_facts_tables_have_row_headers_and_no_empty_header_row(fixture_pages):
    page = fixture_pages["cg-4417/units/201.md"]
    facts = page.split('<table class="csh-facts"', 1)[1].split("</table>", 1)[0]
    assert '<th scope="row" markdown="span">Level</th>' in facts and "<thead" not in facts
    assert "| | |" not in page and "| | |" not in fixture_pages[urls.spec_page("cg-4417")]
    # Editors' line numbers of the converted source are not shown to learners.
    assert "converted text" not in page


@pytest.mark.slow
def test_repeated_and_assessor_sections_stay_out_of_the_search_index(built_site):
    """Key terms (the glossary has them), law cards (the library has them), evidence
    guidance and tutors' activities are not indexed: every page downloads the index."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    anchors = {
        d["location"].split("#", 1)[1] for d in index["docs"] if "/units/" in d["location"] and "#" in d["location"]
    }
    for excluded in (
        "key-terms",
        "the-law-for-this-unit",
        "what-good-evidence-looks-like",
        "evidence-1",
        "for-assessors-and-tutors",
        "for-tutors",
        "evidence-planner",
    ):
        assert excluded not in anchors, excluded
    assert "understand-the-knowledge" in anchors or any(a.startswith("notes-k-") for a in anchors)
