"""Browser tests for the learner-facing defects of issue #11, one test per defect, each named
after it.  Each test failed on the site before its fix.  Marked slow: they need the built site."""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture()
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def _spec(slug: str) -> dict:
    return yaml.safe_load((ROOT / "content" / slug / "specification.yml").read_text(encoding="utf-8"))


def _aliases(slug: str) -> dict[str, str]:
    found = {}
    for path in (ROOT / "content" / slug / "units").glob("*.yml"):
        unit = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[str(unit["number"])] = str(unit["number"])
        for alias in unit.get("aliases", []):
            found[str(alias)] = str(unit["number"])
    return found


# 1. Home page cards count per qualification, not per specification.


@pytest.mark.parametrize("slug", ["nvq-cco", "cg-4417"])
def test_home_cards_count_per_qualification(page, site_url, errors, slug):
    spec, aliases = _spec(slug), _aliases(slug)
    page.goto(site_url)
    for qual in spec["qualifications"]:
        units = {aliases[str(n)] for g in qual["groups"] for n in g["units"]}
        mocks = [t for t in spec.get("tests", []) if all(aliases[str(n)] in units for n in t["units"])]
        card = page.locator(".grid.cards li", has=page.locator(f'a[href$="#{qual["id"]}"]'))
        text = card.inner_text()
        counts = {int(n) for n in re.findall(r"of its (\d+) units", text)}
        assert counts <= {len(units)}, f"{qual['id']}: {text!r} should count {len(units)} units"
        assert len(units) > 2 and ("every unit" in text or counts), text
        shown = re.search(r"(\d+) timed mock tests?", text)
        assert (int(shown.group(1)) if shown else 0) == len(mocks), f"{qual['id']}: {text!r}"
    assert errors == []
