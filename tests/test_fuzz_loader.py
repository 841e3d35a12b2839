"""Property tests: whatever bytes or text a content file holds, loading and validating it
ends in problems (ContentError from the pipeline), never in any other exception.
Bounded so that the whole file runs in a few seconds."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.markup import markup_problem
from generator.load.kinds import KINDS
from generator.pipeline import Project, load_and_check
from generator.problems import ContentError, Problems
from generator.validate import validate_data
from generator.yamlload import decode, parse

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "bad_inputs" / "base"
REAL = [
    ROOT / "content/cg-4417/units/202.yml",
    ROOT / "content/legislation/consumer-rights-act-2015.yml",
    ROOT / "content/cg-4417/specification.yml",
    BASE / "quizzes/demo/1.yml",
    BASE / "content/glossary/a-z.yml",
    BASE / "content/demo/teaching/1.yml",
]
MODELS = [kind.model for kind in KINDS]
# FUZZ_EXAMPLES=5000 for a long run; the default keeps the file to a few seconds.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that matter to YAML and Markdown, so random text hits their corners often.
SPECIAL = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\n\t <>\\/()=~") + ["\x00", "\x85", "\ufeff", "\u2028"])
YAMLISH = st.lists(
    st.one_of(SPECIAL, st.characters(), st.sampled_from(["- ", ": ", "  ", "\n  - ", "&a ", "*a"])), max_size=80
).map("".join)


def load_all_ways(raw: bytes) -> None:
    """Decode, parse, then validate the result against every model."""
    problems = Problems()
    text = decode(raw, "x.yml", problems)
    if text is None:
        assert problems
        return
    loaded, _ = parse(text, "x.yml", problems)
    if loaded is None:
        assert problems
        return
    for model in MODELS:
        validate_data(loaded.data, model, loaded, "x.yml", Problems())


@FAST
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    load_all_ways(raw)


@FAST
@given(YAMLISH)
def test_random_yamlish_text(text: str) -> None:
    load_all_ways(text.encode("utf-8", errors="surrogatepass"))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[int, bytes]:
    """A real file with a few bytes replaced, inserted or deleted, or lines repeated."""
    which = draw(st.integers(0, len(REAL) - 1))
    data = bytearray(REAL[which].read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["replace", "insert", "delete", "repeat"]))
        chunk = draw(st.binary(min_size=1, max_size=6) | SPECIAL.map(lambda c: c.encode("utf-8")))
        if op == "replace":
            data[at : at + len(chunk)] = chunk
        elif op == "insert":
            data[at:at] = chunk
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            line = bytes(data[start : end + 1 if end >= 0 else len(data)])
            data[start:start] = line * draw(st.integers(1, 3))
    return which, bytes(data)


@FAST
@given(mutated())
def test_mutated_real_files(case: tuple[int, bytes]) -> None:
    load_all_ways(case[1])


_TARGETS = [
    "content/demo/specification.yml",
    "content/demo/units/1.yml",
    "content/demo/units/2.yml",
    "content/demo/teaching/1.yml",
    "content/glossary/a-z.yml",
    "content/legislation/consumer-rights-act-2015.yml",
    "quizzes/demo/1.yml",
]


@settings(max_examples=max(EXAMPLES // 3, 1), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_TARGETS), st.data())
def test_whole_pipeline_with_one_mutated_file(target: str, data: st.DataObject) -> None:
    """The corpus-wide checks too: a damaged file never makes a check crash."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(BASE, root)
        raw = bytearray((root / target).read_bytes())
        for _ in range(data.draw(st.integers(1, 3))):
            at = data.draw(st.integers(0, len(raw)))
            raw[at : at + data.draw(st.integers(0, 8))] = data.draw(
                st.sampled_from([b"", b"x", b"'", b"-1", b"\n  - ", b": ", b"index", b"[", b"\x00", b"true"])
            )
        (root / target).write_bytes(bytes(raw))
        try:
            load_and_check(Project(root))
        except ContentError as exc:
            assert all(p.format().count("\n") == 0 for p in exc.problems.items)


@FAST
@given(st.text(max_size=200) | YAMLISH)
def test_markup_detector_never_fails(text: str) -> None:
    result = markup_problem(text)
    assert result is None or (result[0] and result[1])
