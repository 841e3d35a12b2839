"""Everything that is not official text is our own writing: no quiz item, feedback or
teaching note repeats twelve words in a row from any specification.  (Reviews found two
quiz items that reused a 13-word handbook sentence; this would have caught them.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WINDOW = 12
# Lists that are the law's own words, not a specification's prose: the Equality Act 2010's
# protected characteristics, which every specification and note must give in full.
ALLOWED = " ".join(
    (
        "age disability gender reassignment marriage and civil partnership pregnancy and maternity",
        "race religion or belief sex and sexual orientation",
    )
)
NOT_WRITING = {"id", "outcome", "criteria", "content", "spec", "unit", "key_terms", "legislation", "status", "type"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_WRITING:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.slow  # 5-8 s over the whole corpus: out of the fast loop, still in make test
def test_no_specification_prose_in_our_writing(seeds_dir):
    grams: set[str] = set()
    for seed in seeds_dir.glob("*.txt"):
        words = _words(seed.read_text(encoding="utf-8"))
        grams.update(" ".join(words[i : i + WINDOW]) for i in range(len(words) - WINDOW + 1))
    assert len(grams) > 10_000
    copied = []
    files = sorted((ROOT / "quizzes").glob("*/*.yml")) + sorted((ROOT / "content").glob("*/teaching/*.yml"))
    for path in files:
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words = _words(text)
            for i in range(len(words) - WINDOW + 1):
                run = " ".join(words[i : i + WINDOW])
                if run in grams and run not in ALLOWED:  # a run inside the statutory list is allowed
                    copied.append(f"{path.relative_to(ROOT)}: “{run}”")
                    break
    assert not copied, "text copied from a specification:\n" + "\n".join(copied)
