"""Files with no anchor or alias token skip the YAML event pre-scan; their nesting is then
limited while building the data, with the same one-line report."""

from __future__ import annotations

from generator import yamlload
from generator.problems import Problems


def _parse(text: str) -> tuple[object, Problems]:
    problems = Problems()
    loaded, _ = yamlload.parse(text, "content/x.yml", problems)
    return loaded, problems


def test_deep_block_nesting_without_anchors_is_one_line():
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(60)) + "  " * 60 + "end: 1\n"
    assert not yamlload._ANCHOR_OR_ALIAS.search(text)
    loaded, problems = _parse(text)
    assert loaded is None and len(problems) == 1
    assert problems.items[0].format().startswith("content/x.yml:51: (file): lists and mappings are nested more than 50")
    # The same line the event pre-scan reports.
    scanned = Problems()
    yamlload.prescan(text, "content/x.yml", scanned, yamlload.LOADER)
    assert scanned.report() == problems.report()


def test_ampersands_and_stars_in_text_still_load():
    loaded, problems = _parse('title: "City & Guilds"\nnote: A *stressed* word & more\n')
    assert not problems and loaded is not None
    assert loaded.data == {"title": "City & Guilds", "note": "A *stressed* word & more"}


def test_an_alias_still_goes_through_the_prescan():
    loaded, problems = _parse("a: &x 1\nb: *x\n")
    assert loaded is None and "aliases" in problems.items[0].message
