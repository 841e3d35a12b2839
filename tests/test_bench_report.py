"""The bench's report (generator/bench/report.py): own JS per page kind at load and after the
page's quiz has been used, and when a mock's feedback script arrived, in the JSON and the table."""

from __future__ import annotations

from generator.bench.browser import BrowserResults, PageTransfer, Transfer
from generator.bench.report import collect, table
from generator.bench.timing import Builds, Run, Stage


def _builds() -> Builds:
    return Builds(generator=Stage([Run(1.0, 100.0)]), mkdocs=Stage([Run(4.0, 100.0)]), pages=10)


def _sizes() -> dict:
    return {
        "largest_unit_page": "u/",
        "largest_unit_html_gz": 1,
        "largest_outcome_page": "o/",
        "largest_outcome_html_gz": 1,
        "search_index_raw": 1,
        "search_index_gz": 1,
        "unit_201_html_raw": 1,
        "unit_201_html_gz": 1,
    }


def test_own_js_after_use_and_feedback_arrival_are_reported():
    browser = BrowserResults()
    browser.pages["mock test"] = PageTransfer(
        "m/", 1, Transfer(own_js=20_000), Transfer(), after_use=Transfer(own_js=26_500)
    )
    browser.pages["home"] = PageTransfer("", 1, Transfer(own_js=10_000), Transfer())
    run = {"script_ms": 30.0, "with_layout_ms": 40.0, "draw_ms": 10.0, "score_ms": 20.0}
    browser.mock_ms = [run | {"feedback_ms": 35.0}, run | {"feedback_ms": 45.0}, run | {"feedback_ms": -1}]
    result = collect(_builds(), None, 1, _sizes(), browser)
    assert result["own_js_gz_by_page_kind"] == {"mock test": 20_000, "home": 10_000}
    assert result["own_js_gz_after_use_by_page_kind"] == {"mock test": 26_500}
    assert result["mock_test"]["median_feedback_ms"] == 40.0  # -1: never arrived, left out
    text = table(result)
    mock = next(line for line in text.splitlines() if line.startswith("mock test "))
    assert mock.split()[-1] == "kB" and "26.5 kB" in mock
    assert "review feedback loaded 40 ms after Start" in text
