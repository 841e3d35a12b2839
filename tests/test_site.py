"""The real site: `mkdocs build --strict` of everything, then assertions on the HTML (marked
slow).  The dataset export needs no MkDocs: it runs in-process on the real content, loaded once."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from generator.urls import criterion_anchor, outcome_anchor

from .conftest import run_cli


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.refs.append((tag, attrs[key]))


def parse(path):
    parser = Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.slow
def test_every_cg4417_criterion_has_its_anchor(built_site, real_corpus):
    data = real_corpus.specs["cg-4417"]
    count = 0
    for number, unit in data.units.items():
        page = parse(built_site / "cg-4417" / "units" / number / "index.html")
        for outcome in unit.outcomes:
            assert outcome_anchor(outcome.id) in page.ids, (number, outcome.id)
            for criterion in outcome.criteria:
                assert criterion_anchor(outcome.kind, criterion.id) in page.ids, (number, criterion.id)
                count += 1
    assert count == 144  # counted independently from the seed: 32 + 28 + 28 + 18 + 19 + 19


@pytest.mark.slow
def test_criterion_text_is_exactly_as_in_the_data(built_site, real_corpus):
    data = real_corpus.specs["cg-4417"]
    html = (built_site / "cg-4417/units/201/index.html").read_text(encoding="utf-8")
    for criterion in data.units["201"].outcomes[0].criteria:
        anchor = criterion_anchor(data.units["201"].outcomes[0].kind, criterion.id)
        match = re.search(rf'<li class="csh-criterion" id="{anchor}">.*?<span class="csh-crit-text">(.*?)</span>', html)
        assert match, anchor
        import html as htmllib

        assert htmllib.unescape(match.group(1)) == criterion.text


@pytest.mark.slow
def test_aliases_resolve(built_site):
    for alias, target in (("271", "201"), ("371", "301")):
        page = built_site / "cg-4417" / "units" / alias / "index.html"
        text = page.read_text(encoding="utf-8")
        assert f'data-csh-alias="{target}"' in text
        assert f"url=../{target}/" in text  # no-script fallback
        assert f"Go to Unit {target}" in text
        # A browser tab or search result shows only the title: it names the qualification.
        assert re.search(rf"<title>Unit {alias} is Unit {target}: [^<]* · C&amp;G 4417 - ", text)


@pytest.mark.slow
def test_no_template_leaks_anywhere(built_site):
    for page in built_site.rglob("*.html"):
        # Code samples may quote other tools' templates (the hosting guide's GitHub Actions
        # workflow has ${{ ... }}); a leak of ours is in the page text outside them.
        text = re.sub(r"<pre[^>]*>.*?</pre>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert "{{" not in text and "{%" not in text, page


@pytest.mark.slow
def test_no_third_party_or_root_absolute_urls(built_site):
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue  # MkDocs' 404 page is served at any path, so it must use root-absolute URLs
        for tag, ref in parse(page).refs:
            if tag in ("a",):
                continue  # ordinary links to other websites are allowed; they load nothing
            assert not re.match(r"^(https?:)?//", ref), (page, tag, ref)
            assert not ref.startswith("/"), (page, tag, ref)


@pytest.mark.slow
def test_home_about_and_spec_pages(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Pick your qualification" in home and 'href="cg-4417/"' in home
    about = (built_site / "about/index.html").read_text(encoding="utf-8")
    assert "January 2024" in about and "City and Guilds of London Institute" in about
    assert "original writing" in about
    spec = (built_site / "cg-4417/index.html").read_text(encoding="utf-8")
    for text in ("4417-02", "4417-03", "500/6329/7", "500/6206/2", "115", "105", "one hour and 15 minutes"):
        assert text in spec, text


@pytest.mark.slow
def test_test_specifications_are_tables_on_their_units(built_site):
    html = (built_site / "cg-4417/units/201/index.html").read_text(encoding="utf-8")
    assert "Unit 201 online test" in html
    table = html[html.index('id="unit-201-online-test"') :]
    rows = re.findall(r'<tr>\s*<td><a href="#lo-(\d)">\d</a></td>\s*<td>.*?</td>\s*<td>(\d+)</td>', table)
    assert rows == [("1", "15"), ("2", "9"), ("3", "8"), ("4", "5"), ("5", "8")]
    assert "Unit 271" not in (built_site / "cg-4417/units/202/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pairs_show_what_differs(built_site):
    html = (built_site / "cg-4417/units/202/index.html").read_text(encoding="utf-8")
    assert "How Unit 202 differs from Unit 272" in html
    assert "J/600/0658" in html and "F/504/1358" in html
    assert 'href="../272/#ac-1-1"' in html


@pytest.mark.slow
def test_print_stylesheet_and_no_google_fonts(built_site):
    css = (built_site / "assets/stylesheets/hub.css").read_text(encoding="utf-8")
    assert "@media print" in css
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")


def test_export_json_holds_every_cg4417_criterion(real_corpus):
    code, out, err = run_cli("export", "json", corpus=real_corpus)
    assert code == 0 and err == "", err
    dataset = json.loads(out)
    assert dataset["schema"] == "cs-hub/dataset/1"
    spec = next(s for s in dataset["specifications"] if s["slug"] == "cg-4417")
    units = {u["number"]: u for u in spec["units"]}
    assert units["201"]["aliases"] == ["271"] and units["201"]["reference"] == "J/600/1003"
    criteria = {(u, c["id"]): c["text"] for u, unit in units.items() for o in unit["outcomes"] for c in o["criteria"]}
    assert len(criteria) == 144
    assert criteria[("201", "1.1.8")] == (
        "Describe what is meant by a Unique Selling Point (USP) and a Unique Service Offer (USO)"
    )
    assert criteria[("201", "1.1.5")].endswith("retained.")
    test201 = next(t for t in spec["tests"] if t["id"] == "201")
    assert [o["questions"] for o in test201["outcomes"]] == [15, 9, 8, 5, 8]
    assert test201["duration_min"] == 75 and test201["questions"] == 45
    quals = {q["id"]: q for q in spec["qualifications"]}
    assert quals["cg-4417-02"]["units"] == ["201", "271", "202", "272"]


def also_in(built_site, path):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    start = html.find('<p class="admonition-title">Also in</p>')
    assert start >= 0, f"no Also in panel on {path}"
    return html[start : html.index("</div>", start)]


@pytest.mark.slow
def test_also_in_panels_link_units_that_appear_twice(built_site):
    # The same unit printed twice in the NVQ, in both directions.
    assert 'href="../23/"' in also_in(built_site, "nvq-cco/units/55")
    assert 'href="../55/"' in also_in(built_site, "nvq-cco/units/23")
    # The same unit in the SVQ 4 and the NVQ.
    assert 'href="../../../svq-4-cs/units/3/"' in also_in(built_site, "nvq-cco/units/82")
    assert 'href="../../../nvq-cco/units/82/"' in also_in(built_site, "svq-4-cs/units/3")
    # An NVQ unit shared across levels names every qualification that uses it.
    panel = also_in(built_site, "nvq-cco/units/2")
    assert "This unit is part of 3 qualifications" in panel
