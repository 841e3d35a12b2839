"""Official text must be exactly as printed: every title, outcome, criterion and knowledge
statement is looked up in the seed it came from.  Repaired text is checked through its
'printed' record instead, so every repair is visible and deliberate."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT


def normalise(text: str) -> str:
    # PDF conversion breaks lines and doubles spaces; words and punctuation must still match.
    return re.sub(r"\s+", " ", text).strip()


def official_texts(unit):
    yield "title", unit.title, None
    for o in unit.outcomes:
        yield f"outcome {o.id}", o.title, o.repair
        for c in o.criteria:
            yield f"criterion {c.id}", c.text, c.repair
    for k in unit.knowledge:
        yield f"knowledge {k.id}", k.text, k.repair


# Specification folders, found without loading anything, so that collecting these tests costs
# nothing; the content itself is loaded once per session by the real_corpus fixture.
SLUGS = sorted(p.parent.name for p in (ROOT / "content").glob("*/specification.yml"))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_official_text_is_in_its_seed(slug, seeds_dir, real_corpus):
    # seeds_dir first: without the seeds the test skips before the content is loaded.
    data = real_corpus.specs[slug]
    seed = normalise((seeds_dir / data.spec.source.seed).read_text(encoding="utf-8"))
    missing = []
    for unit in data.units.values():
        for what, text, repair in official_texts(unit):
            if repair is not None:
                if repair.printed is not None and normalise(repair.printed) not in seed:
                    missing.append(f"unit {unit.number} {what}: repair.printed not in seed: {repair.printed!r}")
                continue
            if normalise(text) not in seed:
                missing.append(f"unit {unit.number} {what}: {text!r}")
    assert not missing, f"{len(missing)} texts not found as printed:\n" + "\n".join(missing[:40])


def test_every_spec_has_units_and_criteria(real_corpus):
    assert sorted(real_corpus.specs) == SLUGS
    for data in real_corpus.specs.values():
        assert data.units, data.slug
        for unit in data.units.values():
            assert unit.outcomes, f"{data.slug} unit {unit.number} has no outcomes"
