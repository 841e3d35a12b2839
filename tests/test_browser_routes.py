"""The route planner in a real browser, and agreement between the Python rules engine and
the JavaScript one on many generated selections."""

from __future__ import annotations

import random

import pytest

from generator.corpus import load_content
from generator.problems import Problems
from generator.routes import check, rules_data

from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def all_rules():
    problems = Problems()
    corpus = load_content(ROOT / "content", problems)
    assert not problems
    out = {}
    for data in corpus.specs.values():
        for qual in data.spec.qualifications:
            out[qual.id] = (data.slug, rules_data(data, qual))
    return out


def tick(page, qual, units):
    root = page.locator(f'[data-route-planner="{qual}"]')
    for number in units:
        box = root.locator(f'input[data-unit="{number}"]')
        box.focus()
        page.keyboard.press("Space")  # keyboard only
    return root


@pytest.mark.parametrize(
    "spec, qual, units, valid",
    [
        ("svq-4-cs", "svq-4-cs", ["1", "2", "3", "4", "5", "6", "10", "11"], True),
        ("svq-4-cs", "svq-4-cs", ["1", "2", "3", "5", "10", "11"], False),
        ("nvq-cco", "nvq-cco-l3", ["2", "3", "64", "40"], False),
    ],
)
def test_planner_shows_verdict_and_reasons(page, site_url, spec, qual, units, valid):
    rules = all_rules()[qual][1]
    page.goto(site_url + f"{spec}/")
    root = tick(page, qual, units)
    summary = root.locator(".csh-planner-summary")
    assert summary.get_attribute("data-valid") == ("true" if valid else "false")
    shown = [li.text_content() for li in root.locator(".csh-route-details li").all()]
    assert shown == check(rules, units)
    # The shareable link restores the same selection.
    link = root.locator("input.csh-route-link").input_value()
    page.goto(link)
    restored = page.locator(f'[data-route-planner="{qual}"] input[type=checkbox]:checked')
    assert sorted(restored.evaluate_all("els => els.map(e => e.dataset.unit)")) == sorted(units)


def find_valid(rules, seed=7):
    """A valid selection found by random search with the Python engine."""
    rng = random.Random(seed)
    units = list(rules["units"])
    mandatory = [n for g in rules["groups"] if g["min_units"] == len(g["units"]) for n in g["units"]]
    for _ in range(30000):
        pick = set(mandatory) | set(rng.sample(units, rng.randint(1, min(len(units), 12))))
        if not check(rules, sorted(pick)):
            return sorted(pick)
    return None


def test_a_valid_nvq_level_3_route(page, site_url):
    qual = "nvq-cco-l3"
    rules = all_rules()[qual][1]
    pick = find_valid(rules)
    assert pick, "no valid NVQ Level 3 selection found"
    page.goto(site_url + "nvq-cco/")
    root = tick(page, qual, sorted(pick))
    assert root.locator(".csh-planner-summary").get_attribute("data-valid") == "true"


def test_python_and_javascript_agree(page, site_url):
    page.goto(site_url + "cg-4417/")
    page.wait_for_function("window.CSHRoutes !== undefined")
    rng = random.Random(2026)
    cases = []
    for qual, (_, rules) in sorted(all_rules().items()):
        units = list(rules["units"]) + ["999"]
        for _ in range(60):
            selection = rng.sample(units, rng.randint(0, min(len(units), 14)))
            cases.append((qual, rules, selection))
        valid = find_valid(rules)
        if valid:
            cases.append((qual, rules, valid))
    js = page.evaluate(
        "cases => cases.map(c => window.CSHRoutes.check(c[0], c[1]))",
        [[rules, selection] for _, rules, selection in cases],
    )
    assert len(js) == len(cases) >= 400
    for (qual, rules, selection), got in zip(cases, js, strict=True):
        assert got == check(rules, selection), (qual, selection)
    # The generated selections exercise both verdicts.
    assert sum(1 for _, r, s in cases if not check(r, s)) >= 5
    assert any(check(r, s) for _, r, s in cases)
