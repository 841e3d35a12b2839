"""The markup check skips the Markdown render for text whose link targets are all safe and
that has no '<', '{' or '&'; every way of smuggling a dangerous address must still be caught."""

from __future__ import annotations

import pytest

from generator.checks.markup import markup_problem


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x]( JaVa\tScRiPt:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![i](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:x)",
        "[x](&#106;avascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](ok.md){ onclick=alert(1) }",
        "<javascript:alert(1)>",
    ],
)
def test_dangerous_addresses_are_caught(text):
    assert markup_problem(text) is not None


@pytest.mark.parametrize("text", ["[a page](../a.md) and [a site](https://example.org)", "[mail](mailto:a@b.uk)"])
def test_safe_links_pass(text):
    assert markup_problem(text) is None
