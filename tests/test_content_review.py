"""The content review's findings stay fixed: the defects it named in particular items, the
law entries it asked for, and the status vocabulary.  (The general rules it asked for are
checks in the generator: answer-length cues, law uncertainty, near-duplicate terms.)"""

from __future__ import annotations

import re

import pytest

from generator.relations import law_units


def _item(corpus, spec: str, unit: str, item_id: str):
    return next(i for i in corpus.banks.items_for(spec, unit) if i.id == item_id)


def _text(item) -> str:
    parts = [item.stem, item.explanation, *getattr(item, "accept", [])]
    for option in getattr(item, "options", []) or []:
        parts += [option.text, option.feedback or ""]
    return " ".join(p for p in parts if p)


def test_training_needs_analysis_accepts_only_its_own_name(real_corpus):
    item = _item(real_corpus, "cg-4417", "202", "202-4-08")
    assert not any("learning" in a.lower() for a in item.accept)


def test_charity_shop_question_has_one_defensible_key(real_corpus):
    item = _item(real_corpus, "cg-4417", "272", "272-1-03")
    assert not any("retail" in o.text.lower() for o in item.options)
    assert [o.text for o in item.options if o.correct] == ["Voluntary sector, because its money goes to its cause"]


def test_formal_feedback_is_consistent_about_online_reviews(real_corpus):
    text = _item(real_corpus, "cg-4417", "201", "201-2-13").explanation
    assert not re.search(r"\bformal\b[^.]*online review", text, re.I)


def test_password_advice_follows_the_ncsc(real_corpus):
    text = _text(_item(real_corpus, "btec-l2-cso", "3", "3-A-07")).lower()
    assert "three random words" in text and "never write" not in text


@pytest.mark.parametrize("spec, unit, item_id", [("btec-l3-cs", "2", "2-4-03"), ("btec-l2-cso", "1", "1-AO1-38")])
def test_the_regulator_question_names_the_information_commission(real_corpus, spec, unit, item_id):
    item = _item(real_corpus, spec, unit, item_id)
    assert "Information Commission" in _text(item).replace("Information Commissioner", "")
    assert "data-use-and-access-act-2025" in item.legislation


NEW_LAWS = [
    "employment-rights-act-2025",
    "product-regulation-and-metrology-act-2025",
    "licensing-act-2003",
    "consumer-rights-payment-surcharges-regulations-2012",
    "freedom-of-information-act-2000",
    "freedom-of-information-scotland-act-2002",
    "reporting-of-injuries-diseases-and-dangerous-occurrences-regulations-2013",
    "national-minimum-wage-act-1998",
    "public-sector-bodies-accessibility-regulations-2018",
    "alternative-dispute-resolution-and-ombudsmen",
    "computer-misuse-act-1990",
    "general-product-safety-regulations-2005",
]


@pytest.mark.parametrize("slug", NEW_LAWS)
def test_law_entry_exists_and_units_cite_it(real_corpus, slug):
    law = real_corpus.teaching.laws[slug].law
    assert law.sources and law.last_reviewed
    assert law_units(real_corpus, slug), f"no unit cites {slug}"


def test_partly_commenced_acts_say_so(real_corpus):
    for slug in (
        "digital-markets-competition-and-consumers-act-2024",
        "data-use-and-access-act-2025",
        "employment-rights-act-2025",
    ):
        assert real_corpus.teaching.laws[slug].law.status == "partly in force", slug
