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
