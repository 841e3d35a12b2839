"""The benchmark's synthetic corpus must be valid content, or its timings mean nothing.

The benchmark itself is not a test (its numbers depend on the machine); this only checks
that the corpus maker rewrites every shared slug and id consistently, at a small factor."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.bench.corpus import make_corpus, spec_slugs
from generator.pipeline import Project, load_and_check


@pytest.mark.slow  # 5-8 s over the whole corpus: out of the fast loop, still in make test
def test_a_doubled_corpus_passes_every_check(tmp_path: Path, root: Path) -> None:
    project = make_corpus(tmp_path / "project", factor=2, root=root)
    corpus = load_and_check(Project(root=project))  # raises ContentError listing any problem
    originals = spec_slugs(root / "content")
    assert sorted(corpus.specs) == sorted(originals + [f"{s}-x2" for s in originals])
    for slug in originals:
        original, copy = corpus.specs[slug], corpus.specs[f"{slug}-x2"]
        assert list(copy.units) == list(original.units)
        assert list(corpus.specs).index(f"{slug}-x2") == list(corpus.specs).index(slug) + 1
        assert len(corpus.banks.items_for(f"{slug}-x2", next(iter(copy.units)))) == len(
            corpus.banks.items_for(slug, next(iter(original.units)))
        )
    assert len(corpus.teaching.units) == 2 * sum(1 for key in corpus.teaching.units if not key[0].endswith("-x2"))
