"""Typed descriptions of the JSON the site passes between build and browser.

Two families:

* payloads the build embeds in pages as ``<script type="application/json">`` (read by the
  scripts in overrides/assets/javascripts/): a practice or mock quiz (class
  ``csh-quiz-data``), a route planner's rules (``csh-route-data``), the flashcard deck
  (``csh-flashcard-data``) and the evidence portfolio's catalogue (``csh-portfolio-data``);
* records those scripts keep in ``localStorage`` under ``cs-hub:v1:`` keys, and the file
  "Export progress" writes.

The JavaScript's JSDoc typedefs (quiz-engine.js, quiz-records.js, quiz-mock.js,
review-store.js, progress-file.js, flashcards.js) describe the same shapes;
``tests/test_payloads.py`` validates every payload of a real build against these models,
and the published JSON Schemas in ``schemas/payloads/`` are regenerated from them with
``python -m generator.payloads``.

Where the build fixes a shape, unknown keys are refused (``extra="forbid"``), so a field
added in generator/pages/quiz_payloads.py without a model change fails the tests.  Stored
records are described as the scripts write them; the scripts themselves still read
stored data defensively, because storage can hold anything.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .embedded import FlashcardDeck, MockFeedback, PortfolioCatalogue, QuizPayload, RouteRules
from .storage import (
    AttemptList,
    EvidenceFile,
    EvidenceRecord,
    FlashcardBoxes,
    MockState,
    ProgressFile,
    ReviewSchedule,
)

SCHEMA_DIR = Path(__file__).resolve().parent.parent.parent / "schemas" / "payloads"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


# --------------------------------------------------------------------------- registry

#: The class of each embedded payload's <script> element, and what it must hold.
EMBEDDED: dict[str, Any] = {
    "csh-quiz-data": QuizPayload,
    "csh-route-data": RouteRules,
    "csh-flashcard-data": FlashcardDeck,
    "csh-portfolio-data": PortfolioCatalogue,
}

#: Published schemas: file stem -> (type, title).
SCHEMAS: dict[str, tuple[Any, str]] = {
    "quiz": (QuizPayload, "Quiz payload (practice or mock), script.csh-quiz-data"),
    "mock-feedback": (MockFeedback, "A mock's explanations and option feedback, assets/mock/<quiz id>.js"),
    "route-rules": (RouteRules, "Route planner rules, script.csh-route-data"),
    "flashcards": (FlashcardDeck, "Glossary flashcard deck, script.csh-flashcard-data"),
    "attempts": (AttemptList, "localStorage cs-hub:v1:attempts"),
    "mock-state": (MockState, "localStorage cs-hub:v1:mock:<quiz id>"),
    "flashcard-boxes": (FlashcardBoxes, "localStorage cs-hub:v1:flashcards"),
    "review-schedule": (ReviewSchedule, "localStorage cs-hub:v1:review"),
    "progress-file": (ProgressFile, "Export progress file (cs-hub/progress/2; 1 is still read)"),
    "evidence-catalogue": (PortfolioCatalogue, "Evidence portfolio catalogue, script.csh-portfolio-data"),
    "evidence-record": (EvidenceRecord, "localStorage cs-hub:v1:evidence:<spec>/<unit>"),
    "evidence-file": (EvidenceFile, "Export evidence file (format cs-hub-evidence, v 1)"),
}


def validate_embedded(script_class: str, data: Any) -> Any:
    """Validate one embedded payload by its <script> class; raises pydantic.ValidationError."""
    return TypeAdapter(EMBEDDED[script_class]).validate_python(data)


def json_schemas() -> dict[str, dict[str, Any]]:
    """Every published JSON Schema, by file stem (``<stem>.schema.json``)."""
    out: dict[str, dict[str, Any]] = {}
    for stem, (kind, title) in SCHEMAS.items():
        schema = TypeAdapter(kind).json_schema(by_alias=True)
        out[stem] = {"$schema": DIALECT, "$id": f"cs-hub/payloads/{stem}.schema.json", "title": title, **schema}
    return out


def schema_texts() -> dict[str, str]:
    """The schema files' exact text, by file name; sorted keys so output is deterministic."""
    return {
        f"{stem}.schema.json": json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for stem, schema in json_schemas().items()
    }


def write_schemas(dest: Path = SCHEMA_DIR) -> list[Path]:
    """Write the schema files into ``dest`` (only those that changed); returns their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in schema_texts().items():
        path = dest / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
