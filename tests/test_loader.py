"""The YAML loader: text stays text, YAML 1.1 traps and duplicate keys are refused,
and every key keeps its line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.problems import Problems
from generator.yamlload import load_yaml


def load(tmp_path: Path, text: str):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return load_yaml(path, "x.yml", problems), problems


@pytest.mark.parametrize(
    "text, expected",
    [
        ("id: 1.1\n", "1.1"),
        ("id: '1.10'\n", "1.10"),
        ('id: "0201"\n', "0201"),
        ("id: '12:30'\n", "12:30"),
        ("id: 'NO'\n", "NO"),
        ("id: 201\n", "201"),
        ("id: 2.5\n", "2.5"),
        ("id: A.P1\n", "A.P1"),
    ],
)
def test_scalars_stay_text(tmp_path, text, expected):
    loaded, problems = load(tmp_path, text)
    assert not problems, problems.report()
    assert loaded.data == {"id": expected}


@pytest.mark.parametrize(
    "text, words",
    [
        ("id: 1.10\n", "read as the number 1.1"),
        ("flag: NO\n", "true/false value"),
        ("flag: yes\n", "true/false value"),
        ("flag: off\n", "true/false value"),
        ("unit: 0201\n", "octal number"),
        ("time: 12:30\n", "base-60 number"),
        ("x: 1e3\n", "read as the number 1000.0"),
    ],
)
def test_yaml11_traps_are_refused(tmp_path, text, words):
    loaded, problems = load(tmp_path, text)
    assert loaded is None
    assert len(problems) == 1
    line = problems.items[0].format()
    assert words in line and line.startswith("x.yml:1: ") and "Hint:" in line


def test_true_false_null(tmp_path):
    loaded, problems = load(tmp_path, "a: true\nb: false\nc: null\nd: ~\ne:\n")
    assert not problems
    assert loaded.data == {"a": True, "b": False, "c": None, "d": None, "e": None}


def test_duplicate_keys_are_refused_with_both_lines(tmp_path):
    loaded, problems = load(tmp_path, "title: A\nother: 1\ntitle: B\n")
    assert loaded is None
    text = problems.items[0].format()
    assert text.startswith("x.yml:3: title: duplicate key 'title' (first given on line 1)")


def test_nested_duplicate_keys(tmp_path):
    loaded, problems = load(tmp_path, "outcomes:\n  - id: '1'\n    title: A\n    id: '2'\n")
    assert loaded is None
    assert problems.items[0].format().startswith("x.yml:4: outcomes[0].id: duplicate key")


def test_line_numbers_are_kept(tmp_path):
    loaded, _ = load(tmp_path, "a: 1\nlist:\n  - x: 1\n    y: 2\n  - x: 3\n")
    assert loaded.line_for(("list", 1, "x")) == 5
    assert loaded.line_for(("list", 0, "y")) == 4
    assert loaded.line_for(("list", 7, "missing")) == 2  # falls back to the nearest parent


def test_tags_and_merge_keys_are_refused(tmp_path):
    loaded, problems = load(tmp_path, "a: !!python/name:os.system x\n")
    assert loaded is None and "tag" in problems.items[0].message
    loaded, problems = load(tmp_path, "base: &b {x: '1'}\nother:\n  <<: *b\n")
    assert loaded is None and "merge keys" in problems.items[0].message


def test_syntax_error_is_one_line_with_position(tmp_path):
    loaded, problems = load(tmp_path, "a: [1, 2\nb: 3\n")
    assert loaded is None
    assert problems.items[0].format().startswith("x.yml:2: (file): YAML syntax error")


def test_not_utf8(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes(b"title: caf\xe9\n")
    problems = Problems()
    assert load_yaml(path, "x.yml", problems) is None
    assert "not UTF-8" in problems.items[0].message
