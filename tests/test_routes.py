"""The rules engine: each rule kind on its own, its message, and the CLI's exit codes (in-process
on the real content, and a few real subprocess runs on the fixture corpus for the exit-code contract)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.routes import check, group_label

from .conftest import FIXTURE, ROOT, run_cli


def rules(**over):
    base = {
        "id": "q",
        "title": "Q",
        "credits": None,
        "max_credits": None,
        "pools": [],
        "levels": [],
        "barred": [],
        "groups": [
            {
                "id": "A",
                "title": "Mandatory",
                "units": ["1", "2"],
                "min_units": None,
                "max_units": None,
                "min_credits": None,
                "max_credits": None,
            },
            {
                "id": "B",
                "title": "Group B options",
                "units": ["3", "4", "5"],
                "min_units": None,
                "max_units": None,
                "min_credits": None,
                "max_credits": None,
            },
        ],
        "units": {
            "1": {"credits": 4, "level": 2},
            "2": {"credits": 2, "level": 1},
            "3": {"credits": 3, "level": 3},
            "4": {"credits": 5, "level": 2},
            "5": {"credits": 1, "level": 1},
        },
    }
    for key, value in over.items():
        if key in ("A", "B"):
            group = base["groups"][0 if key == "A" else 1]
            group.update(value)
        else:
            base[key] = value
    for u in base["units"].values():
        u.setdefault("title", "t")
    return base


def test_mandatory_units():
    r = rules(A={"min_units": 2, "max_units": 2})
    assert check(r, ["1", "2"]) == []
    assert check(r, ["1"]) == ["Group A (Mandatory): choose at least 2 units; you have chosen 1."]


def test_at_most_n_units_and_group_label():
    r = rules(B={"max_units": 1})
    assert check(r, ["3", "4"]) == ["Group B options: choose no more than 1 unit; you have chosen 2."]
    assert group_label({"id": "B", "title": "Group B options"}) == "Group B options"


def test_minimum_and_maximum_credits_in_a_group():
    r = rules(B={"min_credits": 6, "max_credits": 8})
    assert check(r, ["3"]) == ["Group B options: needs at least 6 credits; you have 3."]
    assert check(r, ["3", "4", "5"]) == ["Group B options: allows no more than 8 credits; you have 9."]
    assert check(r, ["3", "4"]) == []


def test_total_credits():
    r = rules(credits=10, max_credits=12)
    assert check(r, ["1", "2"]) == ["The qualification needs at least 10 credits; you have 6."]
    assert check(r, ["1", "3", "4", "5"]) == ["The qualification allows no more than 12 credits; you have 13."]


def test_credits_at_level_or_above():
    r = rules(levels=[{"level": 2, "min_credits": 9}])
    assert check(r, ["1", "2", "5"]) == ["At least 9 credits must come from units at level 2 or above; you have 4."]
    assert check(r, ["1", "4"]) == []


def test_barred_combinations():
    r = rules(barred=[["3", "4"]])
    assert check(r, ["3", "4"]) == ["Units 3 and 4 may not be taken together."]
    assert check(r, ["3"]) == []


def test_pools_across_groups():
    r = rules(
        pools=[
            {
                "id": "AB",
                "title": "Any two from A and B",
                "groups": ["A", "B"],
                "min_units": 2,
                "max_units": 3,
                "min_credits": None,
                "max_credits": None,
            }
        ]
    )
    assert check(r, ["1"]) == ["Any two from A and B: choose at least 2 units; you have chosen 1."]
    assert check(r, ["1", "2", "3", "4"]) == ["Any two from A and B: choose no more than 3 units; you have chosen 4."]


def test_unit_outside_the_qualification():
    assert check(rules(), ["9"]) == ["Unit 9 is not part of this qualification."]


def run(corpus, *args):
    """The routes command in-process, on the real content loaded once for the session."""
    return run_cli("routes", *args, corpus=corpus)


@pytest.mark.parametrize(
    "qual, units, code, first",
    [
        ("cg-4417-02", "201,272", 0, "valid"),
        ("cg-4417-02", "201,271", 3, "invalid"),
        ("cg-4417-03", "371,372", 0, "valid"),
        ("svq-4-cs", "1,2,3,4,5,6,10,11", 0, "valid"),
        ("svq-4-cs", "1,2,3,5,10,11", 3, "invalid"),
        ("nvq-cco-l3", "2,3,64,40", 3, "invalid"),
        ("cg-4417-02", "201,999", 1, ""),
        ("no-such-qualification", "1", 1, ""),
    ],
)
def test_cli(real_corpus, qual, units, code, first):
    result, out, err = run(real_corpus, qual, "--check", units)
    assert result == code, out + err
    if first:
        assert out.splitlines()[0] == first
        assert err == ""
    else:
        assert "Hint:" in err and out == ""


def test_cli_explains_each_broken_rule(real_corpus):
    _, out, _ = run(real_corpus, "nvq-cco-l3", "--check", "2,3,64,40")
    assert "- Units 64 and 40 may not be taken together." in out.splitlines()
    assert any("at least 42 credits" in line for line in out.splitlines())


@pytest.mark.parametrize(
    "units, code, first", [("201,272", 0, "valid"), ("201,271", 3, "invalid"), ("201,999", 1, None)]
)
def test_cli_exit_codes_as_a_subprocess(units, code, first):
    # The contract scripts rely on, through the real `python -m generator`: 0 valid, 3 invalid,
    # 1 bad input with a hint on stderr and no traceback.  The small fixture corpus keeps it quick.
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(FIXTURE), "routes", "cg-4417-02", "--check", units],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if first:
        assert result.stdout.splitlines()[0] == first
    else:
        assert result.stdout == "" and "Hint:" in result.stderr
