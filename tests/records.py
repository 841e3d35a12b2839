"""Saved records as the page scripts write them (quiz-ui.js, quiz-mock.js), shared by
the storage tests in the browser and the record-model tests."""

from __future__ import annotations

from typing import Any

# One finished mock test, as the progress page lists it.
MOCK_ATTEMPT: dict[str, Any] = {
    "v": 1,
    "quiz": "cg-4417-test-201",
    "mode": "mock",
    "title": "Unit 201 online test",
    "spec": "cg-4417",
    "date": "2026-11-01T10:00:00.000Z",
    "score": 30,
    "max": 45,
    "self": 0,
    "selfMax": 0,
    "outcomes": [{"unit": "201", "id": "1", "label": "Outcome 1", "score": 10, "max": 15}],
}


def mock_attempt(**changes: Any) -> dict[str, Any]:
    """MOCK_ATTEMPT with some fields changed or added (a new dict each time)."""
    return {**MOCK_ATTEMPT, **changes}
