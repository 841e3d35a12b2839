"""Every JSON payload a real build embeds in its pages matches its model in
generator/payloads/, the stored records the scripts write match theirs, and the
published schemas in schemas/payloads/ are what the models give today."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator import payloads
from generator.pipeline import Project, build

from .conftest import ROOT, copy_project
from .records import mock_attempt

SCRIPT = re.compile(r'<script type="application/json" class="([^"]+)">(.*?)</script>', re.S)


@pytest.fixture(scope="session")
def embedded(tmp_path_factory) -> list[tuple[str, str, object]]:
    """(page, script class, parsed JSON) for every embedded payload of one build."""
    project = copy_project(tmp_path_factory.mktemp("payloads"))
    build(Project(project))
    found = []
    for page in sorted((project / "docs").rglob("*.md")):
        for cls, text in SCRIPT.findall(page.read_text(encoding="utf-8")):
            # embed_json escapes "</" so the script element cannot be closed early.
            found.append((page.relative_to(project / "docs").as_posix(), cls, json.loads(text.replace("<\\/", "</"))))
    return found


def test_every_kind_of_payload_is_embedded(embedded):
    kinds = Counter(cls for _, cls, _ in embedded)
    assert set(kinds) == set(payloads.EMBEDDED), f"payload classes without a model, or models never used: {kinds}"
    modes = Counter(data["mode"] for _, cls, data in embedded if cls == "csh-quiz-data")
    assert modes["practice"] > 0 and modes["mock"] > 0


def test_every_embedded_payload_matches_its_model(embedded):
    failures = []
    for page, cls, data in embedded:
        try:
            payloads.validate_embedded(cls, data)
        except ValidationError as err:
            failures.append(f"{page} ({cls}): {err}")
    assert not failures, "\n\n".join(failures[:5])


def test_every_item_type_is_covered(embedded):
    types = {item["type"] for _, cls, data in embedded if cls == "csh-quiz-data" for item in data["items"]}
    assert types == {"single", "multiple", "true-false", "short", "matching", "ordering", "extended"}


def test_unknown_payload_fields_are_refused(embedded):
    _page, cls, data = next(e for e in embedded if e[1] == "csh-quiz-data" and e[2]["mode"] == "mock")
    with pytest.raises(ValidationError):
        payloads.validate_embedded(cls, {**data, "surprise": 1})
    item = dict(data["items"][0], surprise=1)
    with pytest.raises(ValidationError):
        payloads.validate_embedded(cls, {**data, "items": [item]})


# The records as quiz-records.js / quiz-mock.js / flashcards.js write them.
ATTEMPT_MOCK = mock_attempt(
    outcomes=[{"unit": "201", "id": "1", "label": "Outcome 1: ...", "score": 10, "max": 15}],
    paper=4417,
    extra=25,
    started="2026-11-01T09:00:00.000Z",
)
ATTEMPT_PRACTICE = {
    "v": 1,
    "quiz": "cg-4417-201-practice",
    "mode": "practice",
    "title": "Unit 201 practice",
    "spec": "cg-4417",
    "date": "2026-11-01T10:00:00.000Z",
    "score": 3,
    "max": 4,
    "self": 1,
    "selfMax": 2,
    "outcomes": [],
    "outcome": None,
}
MOCK_STATE = {
    "v": 1,
    "seed": 7,
    "length": None,
    "extra": 0,
    "paper": ["a", "b", "c"],
    "orders": {"a": {"options": [2, 0, 1]}, "b": {"choices": [1, 0], "sequence": [1, 0]}, "c": {}},
    "responses": {"a": {"choice": 1}, "b": {"order": [0, 1], "moved": True}, "c": {"text": "x", "ticks": [0]}},
    "flags": {"b": True},
    "current": 1,
    "remainingMs": 4499500,
    "totalMs": 4500000,
    "paused": False,
    "started": "2026-11-01T09:00:00.000Z",
    "submitted": True,
    "timedOut": False,
    "finished": "2026-11-01T10:00:00.000Z",
}

# As review-schedule.js writes them (test_review_loop.py checks the browser's own).
REVIEW_CARD = {"ef": 2.6, "reps": 1, "interval": 1, "due": "2026-11-02", "last": "2026-11-01T10:00:00.000Z"}
REVIEW = {
    "v": 1,
    "items": {"cg-4417-201-practice|201-1-01": {**REVIEW_CARD, "o": "1", "h": [1]}},
    "cards": {"complaint": REVIEW_CARD},
}


@pytest.mark.parametrize(
    "stem, value",
    [
        ("attempts", [ATTEMPT_MOCK, ATTEMPT_PRACTICE]),
        ("mock-state", MOCK_STATE),
        ("flashcard-boxes", {"unique-selling-point": {"box": 2, "due": 1764000000000}}),
        ("review-schedule", REVIEW),
        (
            "progress-file",
            {
                "schema": "cs-hub/progress/2",
                "exported": "2026-11-02T00:00:00.000Z",
                "attempts": [ATTEMPT_MOCK],
                "mocks": {"cg-4417-test-201": MOCK_STATE},
                "review": REVIEW,
                "flashcards": {"complaint": {"box": 1, "due": 0}},
            },
        ),
        (
            "progress-file",
            {"schema": "cs-hub/progress/1", "exported": "2026-11-02T00:00:00.000Z", "attempts": [ATTEMPT_MOCK]},
        ),
    ],
)
def test_stored_records_match_their_models(stem, value):
    from pydantic import TypeAdapter

    TypeAdapter(payloads.SCHEMAS[stem][0]).validate_python(value)


@pytest.mark.parametrize(
    "stem, value",
    [
        ("attempts", [dict(ATTEMPT_MOCK, outcomes=[None])]),
        ("mock-state", dict(MOCK_STATE, flags=None)),
        ("mock-state", dict(MOCK_STATE, remainingMs=float("inf"))),
        ("flashcard-boxes", {"x": {"box": 9, "due": 0}}),
        ("review-schedule", {**REVIEW, "items": {"k": {**REVIEW_CARD, "ef": 1.2}}}),
        ("review-schedule", {**REVIEW, "items": {"k": {**REVIEW_CARD, "due": "soon"}}}),
        ("review-schedule", {**REVIEW, "items": {"k": {**REVIEW_CARD, "h": [2]}}}),
    ],
)
def test_damaged_records_are_refused(stem, value):
    from pydantic import TypeAdapter

    with pytest.raises(ValidationError):
        TypeAdapter(payloads.SCHEMAS[stem][0]).validate_python(value)


def test_published_schemas_are_up_to_date():
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas" / "payloads").glob("*.schema.json")}
    assert committed == payloads.schema_texts(), "run `python -m generator.payloads` and commit schemas/payloads/"


def test_schemas_are_deterministic(tmp_path: Path):
    first = {p.name: p.read_text() for p in payloads.write_schemas(tmp_path / "a")}
    second = {p.name: p.read_text() for p in payloads.write_schemas(tmp_path / "b")}
    assert first == second and all(
        json.loads(t)["$schema"].startswith("https://json-schema.org/") for t in first.values()
    )
