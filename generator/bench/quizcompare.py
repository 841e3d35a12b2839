"""The same 45 questions as a page made with mkdocs-quiz, for issue #14's comparison: our mock
test page may weigh at most 1.2 times as much on a first visit.

mkdocs-quiz is not a dependency: it is installed from PyPI into a throwaway virtual
environment under the bench's temporary folder, with the same Material version, and the page is
built there.  mkdocs-quiz has only choice questions, so the 45 items are the first 45 single,
multiple and true/false items of the mock test's bank, each with its options and explanation.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

from .timing import ENV, Log

MOCK_HTML = "cg-4417/tests/201/index.html"
QUESTIONS = 45
CONFIG = """site_name: mkdocs-quiz comparison
theme:
  name: material
  font: false
  features:
    - navigation.instant
plugins:
  - search
  - mkdocs_quiz
markdown_extensions:
  - attr_list
  - md_in_html
"""


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("\n", " ").strip()


def quiz_markdown(site: Path) -> str:
    """The 45 choice items of the mock test's bank in mkdocs-quiz's <quiz> format."""
    page = (site / MOCK_HTML).read_text(encoding="utf-8")
    match = re.search(r'class="csh-quiz-data">(.*?)</script>', page, re.S)
    assert match, "no quiz payload on the mock test page"
    payload = json.loads(match.group(1))
    # The explanations are not in the page but in the script it loads when a paper starts.
    script = (site / "assets" / "mock" / f"{payload['id']}.js").read_text(encoding="utf-8")
    found = re.search(r"^window\.CSHub\.mockFeedback\[[^\]]+\] = (\{.*\});$", script, re.M)
    assert found, "no feedback in the mock test's feedback script"
    feedback = json.loads(found.group(1))
    items = [i for i in payload["items"] if i["type"] in ("single", "multiple", "true-false")]
    out = ["# Unit 201 online test", ""]
    for item in items[:QUESTIONS]:
        options = item.get("options") or [
            {"html": "True", "correct": item.get("answer") is True},
            {"html": "False", "correct": item.get("answer") is False},
        ]
        out += ["<quiz>", _text(item.get("stem") or item.get("html") or item["id"])]
        out += [f"- [{'x' if o.get('correct') else ' '}] {_text(o['html'])}" for o in options]
        out += ["", _text(feedback.get(item["id"], {}).get("explanation") or ""), "</quiz>", ""]
    out += ["<!-- mkdocs-quiz results -->", ""]
    return "\n".join(out)


def build_comparison(site: Path, tmp: Path, log: Log) -> Path | None:
    """Build the mkdocs-quiz page; its site folder, or None if it could not be installed."""
    venv, project = tmp / "quiz-venv", tmp / "quiz-project"
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Comparison\n\n[The mock test](mock.md)\n", encoding="utf-8")
    (project / "docs" / "mock.md").write_text(quiz_markdown(site), encoding="utf-8")
    material = subprocess.run(
        [sys.executable, "-c", "import importlib.metadata as m; print(m.version('mkdocs-material'))"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "pip"), "install", "--quiet", "mkdocs-quiz", f"mkdocs-material=={material}"],
        [str(venv / "bin" / "python"), "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
    ]
    for cmd in steps:
        done = subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=project)
        if done.returncode != 0:
            log(f"mkdocs-quiz comparison skipped: {' '.join(cmd[:3])} failed: {done.stderr.strip()[-300:]}")
            return None
    return project / "site"
