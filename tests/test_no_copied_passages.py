"""Explanation is written once (issue: "no passage of explanation appears in two files of
content/").  Where two units teach the same thing, the text lives in content/shared/ and
both units refer to it; otherwise each file says it in its own words.  A passage here is a
run of 12 words (Markdown link targets and ids aside) found in two teaching or shared files.
Fields that are not explanation (activity timings, group sizes, resources) are left out."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

RUN = 12
NOT_EXPLANATION = {
    "time",
    "group_size",
    "resources",
    "criteria",
    "knowledge",
    "outcome",
    "id",
    "spec",
    "unit",
    "types",
    "key_terms",
    "legislation",
    "shared",
    "sector",
    "setting",
    "slug",
    "content",
}
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def _texts(value, key=""):
    if key in NOT_EXPLANATION:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v, key)


def explanation_files(root: Path) -> list[Path]:
    return sorted([*root.glob("content/*/teaching/*.yml"), *root.glob("content/shared/*.yml")])


def shared_runs(files: list[Path], root: Path) -> dict[str, set[str]]:
    """Each run of RUN words that occurs in more than one file -> those files."""
    where: dict[str, set[str]] = defaultdict(set)
    for path in files:
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            # Numbers alone (criterion ids in lists of links) are not words of explanation.
            words = [w for w in re.findall(r"[a-z0-9']+", LINK_TARGET.sub("]", text).lower()) if not w.isdigit()]
            for i in range(len(words) - RUN + 1):
                where[" ".join(words[i : i + RUN])].add(str(path.relative_to(root)))
    return {run: files for run, files in where.items() if len(files) > 1}


@pytest.mark.slow  # 5-8 s over the whole corpus: out of the fast loop, still in make test
def test_no_passage_of_explanation_is_in_two_files():
    copied = shared_runs(explanation_files(ROOT), ROOT)
    by_files: dict[tuple[str, ...], str] = {}
    for run, files in copied.items():
        by_files.setdefault(tuple(sorted(files)), run)
    report = "\n".join(f"{', '.join(files)}: '{run}'" for files, run in sorted(by_files.items()))
    assert not by_files, f"passages written twice (move them to content/shared/ or reword):\n{report}"


def test_the_detector_finds_a_copied_passage(tmp_path):
    sentence = "a contact centre agent reads the notes back to the caller before ending every call"
    for name in ("a", "b"):
        folder = tmp_path / "content" / "x" / "teaching"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.yml").write_text(yaml.safe_dump({"in_brief": f"Unit {name}. {sentence}.", "time": "1 h"}))
    assert shared_runs(explanation_files(tmp_path), tmp_path)
