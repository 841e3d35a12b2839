"""CONTRIBUTING.md, "How to add a question type": every type the quiz model accepts has
its payload, its payload model, its registry entry in the quiz engine, its answer-key
mapping and its tests.  Adding a type to the model and forgetting one of them fails here."""

from __future__ import annotations

import re
import typing

import pytest

from generator import quiz_models
from generator.payloads import embedded

from .conftest import FIXTURE, ROOT

TYPES = typing.get_args(quiz_models.ItemType)
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def test_the_model_names_the_types():
    assert set(TYPES) == {"single", "true-false", "multiple", "short", "matching", "ordering", "extended"}


@pytest.mark.parametrize("kind", TYPES)
def test_payload_model(kind):
    kinds = {
        typing.get_args(cls.model_fields["type"].annotation)[0]
        for cls in vars(embedded).values()
        if isinstance(cls, type)
        and issubclass(cls, embedded.Fixed)
        and "type" in getattr(cls, "model_fields", {})
        and typing.get_origin(cls.model_fields["type"].annotation) is typing.Literal
    }
    assert kind in kinds, f"no payload model in generator/payloads/embedded.py for {kind!r}"


@pytest.mark.parametrize("kind", TYPES)
def test_registry_entry_in_the_quiz_engine(kind):
    registered = set()
    for script in SCRIPTS.glob("quiz-types-*.js"):
        registered |= set(re.findall(r'register\("([a-z-]+)"', script.read_text(encoding="utf-8")))
    assert kind in registered, f'no quiz engine registry entry (register("{kind}", ...)) for {kind!r}'


@pytest.mark.parametrize("kind", TYPES)
def test_payload_and_answer_key_mapping(kind):
    builder = (ROOT / "generator" / "pages" / "quiz_payloads.py").read_text(encoding="utf-8")
    key = (ROOT / "generator" / "templates" / "answer-key.md.j2").read_text(encoding="utf-8")
    # single and multiple share the options branch of both.
    shared = kind in ("single", "multiple")
    assert shared or f'item.type == "{kind}"' in builder, f"item_payload has no branch for {kind!r}"
    assert shared or f"item.type == '{kind}'" in key, f"the answer key has no branch for {kind!r}"


@pytest.mark.parametrize("kind", TYPES)
def test_tested_in_the_fixture_or_a_browser_test(kind):
    fixture_banks = " ".join(p.read_text(encoding="utf-8") for p in (FIXTURE / "quizzes").rglob("*.yml"))
    browser_tests = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_browser*.py"))
    assert f"type: {kind}" in fixture_banks or f'"{kind}"' in browser_tests, (
        f"{kind!r} is in neither the fixture banks nor a browser test"
    )
