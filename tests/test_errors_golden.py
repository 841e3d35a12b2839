"""Golden tests of the error report: each case breaks a copy of the real content in one
way and compares the whole report with tests/golden/<case>.txt.

The report is what a tutor sees, so its exact words matter.  To accept a deliberate
change of wording, run:  UPDATE_GOLDEN=1 pytest tests/test_errors_golden.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
UNIT = "content/cg-4417/units/201.yml"
SPEC = "content/cg-4417/specification.yml"


def replace(path: str, old: str, new: str, count: int = 1):
    def mutate(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")
    return mutate


def write(path: str, text: str):
    def mutate(root: Path) -> None:
        (root / path).write_text(text, encoding="utf-8")
    return mutate


def rename(path: str, new_name: str):
    def mutate(root: Path) -> None:
        (root / path).rename((root / path).with_name(new_name))
    return mutate


BAD_BANK = """spec: cg-4417
unit: '202'
items:
  - id: a1
    outcome: '9'
    criteria: ['9.9.9']
    type: single
    stem: Which is right?
    options:
      - text: This one
        correct: true
      - text: That one
        correct: true
    explanation: Because.
    status: reviewed
  - id: a2
    outcome: '1'
    criteria: ['2.1.1']
    type: true-false
    answer: maybe
    stem: True or false?
    explanation: Because.
  - id: a2
    outcome: '1'
    type: short
    stem: Name it.
    accept: [it]
    explanation: Because.
"""

CASES = {
    "duplicate-key": replace(UNIT, "title: Delivery of effective customer service\n",
                             "title: Delivery of effective customer service\ntitle: Again\n"),
    "wrong-type": replace(UNIT, "credits: 6\n", "credits: six\n"),
    "unknown-key": replace(UNIT, "glh: 50\n", "glh: 50\ntitel: Oops\n"),
    "dangling-unit-reference": replace(SPEC, 'units: ["202", "272"]', 'units: ["202", "999"]'),
    "yaml11-bool": replace(UNIT, "reference_label: UAN\n", "reference_label: NO\n"),
    "yaml11-octal": replace(SPEC, 'units: ["201", "271"]', 'units: [0201, "271"]'),
    "yaml11-sexagesimal": replace(UNIT, "reference: J/600/1003\n", "reference: 12:30\n"),
    "yaml11-float": replace(UNIT, "- id: '1.1.10'\n", "- id: 1.10\n"),
    "syntax-error": replace(UNIT, "title: Delivery of effective customer service\n",
                            "title: [Delivery of effective customer service\n"),
    "missing-required": replace(UNIT, "title: Delivery of effective customer service\n", ""),
    "duplicate-criterion-id": replace("content/cg-4417/units/202.yml", "- id: '2.1.2'\n", "- id: '2.1.1'\n"),
    "alias-collision": replace("content/cg-4417/units/301.yml", "- '371'\n", "- '271'\n"),
    "test-sum-mismatch": replace(SPEC, "questions: 15\n", "questions: 16\n"),
    "test-unknown-outcome": replace(SPEC, "outcome: '5'\n", "outcome: '6'\n"),
    "file-name-mismatch": rename("content/cg-4417/units/202.yml", "222.yml"),
    "bad-literal": replace(UNIT, "method: assignment\n", "method: essay\n"),
    "empty-file": write("content/cg-4417/units/272.yml", ""),
    "bank-cannot-fill-blueprint": replace("quizzes/cg-4417/201.yml", "status: reviewed", "status: draft", count=-1),
    "bank-bad-references": write("quizzes/cg-4417/202.yml", BAD_BANK),
    "bank-wrong-path": write("quizzes/cg-4417/999.yml", "spec: cg-4417\nunit: '202'\nitems:\n" + BAD_BANK.split("items:\n", 1)[1]),
    "teaching-bad-references": replace("content/cg-4417/teaching/201.yml",
                                       "key_terms:\n  - customer-service\n",
                                       "key_terms:\n  - customer-service\n  - no-such-term\n"),
    "teaching-unknown-law": replace("content/cg-4417/teaching/201.yml",
                                    "legislation:\n  - consumer-rights-act-2015\n",
                                    "legislation:\n  - consumer-rights-act-2051\n"),
    "teaching-missing-notes": replace("content/cg-4417/teaching/201.yml", '  - outcome: "1"\n', '  - outcome: "9"\n'),
    "several-problems-at-once": lambda root: [
        replace(UNIT, "credits: 6\n", "credits: six\n")(root),
        replace("content/cg-4417/units/302.yml", "glh: 55\n", "glh: 55\nglh: 56\n")(root),
        replace(SPEC, 'units: ["302", "372"]', 'units: ["302", "373"]')(root),
    ],
}


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_report(case, project_copy):
    CASES[case](project_copy)
    docs_before = sorted(p.relative_to(project_copy).as_posix() for p in (project_copy / "docs").rglob("*"))
    result = run_generator(project_copy, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    # Nothing written: docs/ has exactly the files it had before.
    docs_after = sorted(p.relative_to(project_copy).as_posix() for p in (project_copy / "docs").rglob("*"))
    assert docs_after == docs_before
    report = result.stderr.replace(str(project_copy), "<root>")
    for line in report.strip().splitlines()[:-1]:
        # one line per problem: file:line: field: what. Hint: how
        assert line.startswith(("content/", "quizzes/")), line
        assert ": " in line and "Hint:" in line, line
    golden = GOLDEN / f"{case}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(report, encoding="utf-8")
    assert golden.exists(), f"no golden file for {case}; run with UPDATE_GOLDEN=1 and review it"
    assert report == golden.read_text(encoding="utf-8")


def test_check_reports_the_same_problems_as_build(project_copy):
    CASES["several-problems-at-once"](project_copy)
    check = run_generator(project_copy, "check")
    build = run_generator(project_copy, "build")
    assert check.returncode == build.returncode == 1
    assert check.stderr == build.stderr
    assert check.stderr.count("\n") == 4  # three problems and the summary line
