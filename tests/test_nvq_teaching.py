"""The NVQ in Contact Centre Operations teaching layer, on the real content rendered
in-process: every unit in a current structure has every section, every unit used by no
structure has its brief, evidence guidance and planner, a unit printed twice shares one
teaching file, and shared notes are shared."""

from __future__ import annotations

import pytest

from generator import urls
from generator.teaching import competence_unit, gaps, knowledge_outcome

SPEC = "nvq-cco"


@pytest.fixture(scope="module")
def nvq(real_corpus):
    return real_corpus.specs[SPEC]


def page(real_pages, path):
    return real_pages[path].decode("utf-8")


def test_every_nvq_unit_has_no_missing_section(real_corpus, nvq):
    missing = {}
    for number, unit in nvq.units.items():
        entry = real_corpus.teaching.entry(SPEC, number)
        found = gaps(unit, entry, real_corpus.banks.items_for(SPEC, number))
        if found:
            missing[number] = [g.message for g in found]
    assert missing == {}


def test_unit_pages_in_a_current_structure(real_corpus, real_pages, nvq):
    for number, unit in nvq.units.items():
        if unit.status == "not-in-structure":
            continue
        text = page(real_pages, urls.unit_page(SPEC, number))
        for heading in (
            "## In brief",
            "## Key terms",
            "## The law for this unit",
            "## Evidence planner",
            "## For assessors and tutors",
        ):
            assert heading in text, f"{number}: {heading}"
        for o in unit.outcomes:
            if knowledge_outcome(o):
                # Its notes and practice quiz are on its own outcome page.
                outcome = page(real_pages, urls.outcome_page(SPEC, number, urls.outcome_page_slug(o.id, None)))
                assert "## Practice quiz" in outcome and "Check yourself" in outcome, f"{number}/{o.id}"
            else:
                assert f"{{ #{urls.evidence_anchor(o.id)} " in text, f"{number}/{o.id}"
        assert 'class="csh-added"' in text  # the NVQ names law only generically


def test_units_used_by_no_structure(real_pages, nvq):
    out = [n for n, u in nvq.units.items() if u.status == "not-in-structure"]
    assert len(out) == 25
    for number in out:
        text = page(real_pages, urls.unit_page(SPEC, number))
        assert "Not in any current structure" in text and "## In brief" in text
        assert "## What good evidence looks like" in text and "## Evidence planner" in text


def test_a_unit_printed_twice_uses_its_twins_teaching(real_corpus, real_pages):
    assert real_corpus.teaching.twins[(SPEC, "55")] == (SPEC, "23")
    assert (SPEC, "55") not in real_corpus.teaching.units  # one file, not two
    brief = real_corpus.teaching.units[(SPEC, "23")].teaching.in_brief.strip()
    assert brief.split("\n")[0] in page(real_pages, urls.unit_page(SPEC, "55"))


def test_shared_notes_are_used_by_two_units_or_more(real_corpus):
    uses: dict[str, set[str]] = {}
    for (spec, number), entry in real_corpus.teaching.units.items():
        for notes in entry.teaching.notes:
            if notes.shared:
                uses.setdefault(notes.shared, set()).add(f"{spec}/{number}")
    assert set(uses) == set(real_corpus.teaching.shared)
    assert all(len(units) >= 2 for units in uses.values()), uses


def test_every_competence_unit_is_assessed_on_evidence(nvq):
    assert all(competence_unit(u) for u in nvq.units.values())


@pytest.mark.slow
@pytest.mark.parametrize("number", [str(n) for n in range(1, 108)])
def test_every_nvq_unit_page_in_the_built_site(built_site, real_corpus, number):
    unit = real_corpus.specs[SPEC].units[number]
    html = (built_site / SPEC / "units" / number / "index.html").read_text(encoding="utf-8")
    wanted = ["in-brief", "what-good-evidence-looks-like", "evidence-planner"]
    if unit.status != "not-in-structure":
        wanted += ["key-terms", "the-law-for-this-unit", "for-assessors-and-tutors"]
    for anchor in wanted:
        assert f'id="{anchor}"' in html, f"{SPEC}/{number} lacks #{anchor}"
    for o in unit.outcomes:
        if knowledge_outcome(o):
            if unit.status == "not-in-structure":
                continue
            sub = built_site / SPEC / "units" / number / f"lo-{o.id}" / "index.html"
            part = sub.read_text(encoding="utf-8")
            assert 'data-quiz-mode="practice"' in part and "Check yourself" in part
        else:
            assert f'id="{urls.evidence_anchor(o.id)}"' in html


def _drop(path, mutate):
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.slow  # copies the whole project
@pytest.mark.parametrize(
    "number, mutate, expected",
    [
        (
            "14",
            lambda t: t.update(evidence=[g for g in t["evidence"] if g["outcome"] != "3"]),
            "unit 14 outcome 3 has no evidence guidance",
        ),
        (
            "14",
            lambda t: t.update(notes=[n for n in t["notes"] if n["outcome"] != "1"]),
            "unit 14 outcome 1 has no teaching notes",
        ),
        ("83", lambda t: t.update(evidence=t["evidence"][1:]), "unit 83 outcome"),
    ],
    ids=["evidence", "knowledge-notes", "not-in-structure-evidence"],
)
def test_the_check_fails_when_an_nvq_section_goes(project_copy, number, mutate, expected):
    from .conftest import run_cli

    _drop(project_copy / "content" / SPEC / "teaching" / f"{number}.yml", mutate)
    code, _, err = run_cli("--root", str(project_copy), "check")
    assert code == 1 and expected in err, err
