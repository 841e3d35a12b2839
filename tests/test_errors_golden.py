"""Golden tests of the error report: each case breaks a copy of the fixture corpus
(tests/fixtures/corpus/) in one way and compares the whole report with tests/golden/<case>.txt.

The report is what a tutor sees, so its exact words matter.  The cases run the command line
in-process (generator.cli.main, the same code `python -m generator build` runs), so the text
compared is exactly what the CLI prints; test_check_reports_the_same_problems_as_build runs the
real subprocess once to prove that.  To accept a deliberate change of wording, run:
UPDATE_GOLDEN=1 pytest tests/test_errors_golden.py  and review every changed file: each case
must show its one intended problem (bank-bad-references, bank-wrong-path and
several-problems-at-once show each of theirs) and the summary line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import Project, build
from generator.problems import ContentError

from .conftest import ROOT, run_cli

GOLDEN = Path(__file__).parent / "golden"
UNIT = "content/cg-4417/units/201.yml"
SPEC = "content/cg-4417/specification.yml"
TEACHING = "content/cg-4417/teaching/201.yml"


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
    "duplicate-key": replace(
        UNIT,
        "title: Delivery of effective customer service\n",
        "title: Delivery of effective customer service\ntitle: Again\n",
    ),
    "wrong-type": replace(UNIT, "credits: 6\n", "credits: six\n"),
    "unknown-key": replace(UNIT, "glh: 50\n", "glh: 50\ntitel: Oops\n"),
    "dangling-unit-reference": replace(SPEC, 'units: ["202", "272"]', 'units: ["202", "999"]'),
    "yaml11-bool": replace(UNIT, "reference_label: UAN\n", "reference_label: NO\n"),
    "yaml11-octal": replace(SPEC, 'units: ["201", "271"]', 'units: [0201, "271"]'),
    "yaml11-sexagesimal": replace(UNIT, "reference: J/600/1003\n", "reference: 12:30\n"),
    "yaml11-float": replace(UNIT, "- id: '1.1.10'\n", "- id: 1.10\n"),
    # In 272, which has no aliases: a syntax error in 201 also makes '271' unknown to the
    # qualification (the aliases of an unreadable file cannot be learned), a second line.
    "syntax-error": replace(
        "content/cg-4417/units/272.yml",
        "title: Supporting the customer service environment\n",
        "title: [Supporting the customer service environment\n",
    ),
    "missing-required": replace(UNIT, "title: Delivery of effective customer service\n", ""),
    # A second criterion with an existing id, inserted, so no other file loses the id it cites.
    "duplicate-criterion-id": replace(
        "content/cg-4417/units/202.yml",
        "  - id: '2.1.2'\n",
        "  - id: '2.1.1'\n    text: Identify the type of organisation\n  - id: '2.1.2'\n",
    ),
    "alias-collision": replace(
        "content/cg-4417/units/202.yml", "number: '202'\n", "number: '202'\naliases:\n- '271'\n"
    ),
    "test-sum-mismatch": replace(SPEC, "questions: 2\n", "questions: 3\n"),
    "test-unknown-outcome": replace(SPEC, "outcome: '2'\n", "outcome: '6'\n"),
    "file-name-mismatch": rename("content/cg-4417/units/202.yml", "222.yml"),
    "bad-literal": replace(UNIT, "method: assignment\n", "method: essay\n"),
    "empty-file": write("content/cg-4417/units/272.yml", ""),
    # One outcome-1 item to draft: 3 reviewed items left where the blueprint needs 2 x 2
    # (and 3 is still enough practice items, so only the blueprint line appears).
    "bank-cannot-fill-blueprint": replace("quizzes/cg-4417/201.yml", "status: reviewed", "status: draft", count=1),
    "bank-bad-references": write("quizzes/cg-4417/202.yml", BAD_BANK),
    "bank-wrong-path": write(
        "quizzes/cg-4417/999.yml", "spec: cg-4417\nunit: '202'\nitems:\n" + BAD_BANK.split("items:\n", 1)[1]
    ),
    "teaching-bad-references": replace(
        TEACHING, "key_terms:\n- customer-service\n", "key_terms:\n- customer-service\n- no-such-term\n"
    ),
    "teaching-unknown-law": replace(
        TEACHING, "legislation:\n- consumer-rights-act-2015\n", "legislation:\n- consumer-rights-act-2051\n"
    ),
    "teaching-missing-notes": replace(TEACHING, '- outcome: "1"\n', '- outcome: "9"\n'),
    "several-problems-at-once": lambda root: [
        replace(UNIT, "credits: 6\n", "credits: six\n")(root),
        replace("content/cg-4417/units/272.yml", "glh: 65\n", "glh: 65\nglh: 66\n")(root),
        replace(SPEC, 'units: ["202", "272"]', 'units: ["202", "273"]')(root),
    ],
}


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "docs").rglob("*"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_report(case, fixture_copy):
    CASES[case](fixture_copy)
    docs_before = tree(fixture_copy)
    code, out, report = run_cli("--root", str(fixture_copy), "build")
    assert code == 1, out + report
    assert out == ""
    # Nothing written: docs/ has exactly the files it had before.
    assert tree(fixture_copy) == docs_before
    lines = report.strip().splitlines()
    assert lines[-1].endswith("found; nothing was written.") and len(lines) >= 2, report
    for line in lines[:-1]:
        # one line per problem: file:line: field: what. Hint: how
        assert line.startswith(("content/", "quizzes/")), line
        assert ": " in line and "Hint:" in line, line
    golden = GOLDEN / f"{case}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(report, encoding="utf-8")
    assert golden.exists(), f"no golden file for {case}; run with UPDATE_GOLDEN=1 and review it"
    assert report == golden.read_text(encoding="utf-8")


def test_pipeline_raises_the_report_the_cli_prints(fixture_copy):
    # The pipeline API a caller uses in-process gives the very text the CLI prints.
    CASES["several-problems-at-once"](fixture_copy)
    with pytest.raises(ContentError) as err:
        build(Project(fixture_copy))
    assert err.value.problems.report() + "\n" == (GOLDEN / "several-problems-at-once.txt").read_text(encoding="utf-8")
    assert len(err.value.problems) == 3


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_reports_the_same_problems_as_build(fixture_copy):
    # The real command line, as a subprocess: exit 1, nothing on stdout, no traceback, and
    # check and build print the same report, the one the in-process golden cases compare.
    CASES["several-problems-at-once"](fixture_copy)
    check = run_generator(fixture_copy, "check")
    build_ = run_generator(fixture_copy, "build")
    assert check.returncode == build_.returncode == 1
    assert check.stdout == build_.stdout == ""
    assert "Traceback" not in check.stderr + build_.stderr
    assert check.stderr == build_.stderr
    assert check.stderr.count("\n") == 4  # three problems and the summary line
    assert check.stderr == (GOLDEN / "several-problems-at-once.txt").read_text(encoding="utf-8")
    assert not (fixture_copy / "docs" / ".generated.json").exists()


def test_check_passes_on_good_content():
    # Exit 0 and the summary on stdout; check writes nothing, so the fixture itself is used.
    result = run_generator(Path(__file__).parent / "fixtures" / "corpus", "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "ok: 3 specifications, 6 units, 21 quiz items; no problems found"
