"""`make bench`: how long the build takes, how it grows with content, and what a learner's
browser downloads.  Not a test: the numbers depend on the machine and its load.

Modules:
    corpus   a copy of the project, optionally with every specification replicated
    timing   generator and MkDocs builds in subprocesses, wall time and peak memory
    browser  transfer per page kind in Debian's chromium
    mock_timing  the mock test's draw, render and score time in the page
    report   sizes read from the built site, and the table / JSON output
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
