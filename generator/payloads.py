"""Typed descriptions of the JSON the site passes between build and browser.

Two families:

* payloads the build embeds in pages as ``<script type="application/json">`` (read by the
  scripts in overrides/assets/javascripts/): a practice or mock quiz (class
  ``csh-quiz-data``), a route planner's rules (``csh-route-data``) and the flashcard deck
  (``csh-flashcard-data``);
* records those scripts keep in ``localStorage`` under ``cs-hub:v1:`` keys, and the file
  "Export progress" writes.

The JavaScript's JSDoc typedefs (quiz-engine.js, quiz-records.js, flashcards.js) describe
the same shapes; ``tests/test_payloads.py`` validates every payload of a real build
against these models, and the published JSON Schemas in ``schemas/payloads/`` are
regenerated from them with ``python -m generator.payloads``.

Where the build fixes a shape, unknown keys are refused (``extra="forbid"``), so a field
added in generator/quiz_render.py without a model change fails the tests.  Stored
records are described as the scripts write them; the scripts themselves still read
stored data defensively, because storage can hold anything.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel, TypeAdapter

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "payloads"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class Fixed(BaseModel):
    """A shape the build or the scripts fix: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# --------------------------------------------------------------------------- quizzes

class Link(Fixed):
    """A criterion or content anchor an item assesses, for "Revise:" links."""

    unit: str
    anchor: str
    label: str


class ItemBase(Fixed):
    """Fields every item has (generator/quiz_render.py item_payload)."""

    id: str
    unit: str
    outcome: str
    marks: int = Field(ge=1)
    stem: str = Field(description="HTML rendered at build time.")
    explanation: str = Field(description="HTML rendered at build time.")
    links: list[Link]
    demand: Literal["knowledge", "understanding"] | None
    command_word: str | None


class Option(Fixed):
    html: str
    correct: bool
    feedback: str = Field(description="HTML; empty when the item gives none.")


class SingleItem(ItemBase):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)


class MultipleItem(ItemBase):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)


class TrueFalseItem(ItemBase):
    type: Literal["true-false"]
    answer: bool


class ShortItem(ItemBase):
    type: Literal["short"]
    accept: list[str] = Field(min_length=1)
    case_sensitive: bool


class Pair(Fixed):
    prompt: str = Field(description="HTML.")
    answer: str = Field(description="Plain text; one of the item's choices.")


class MatchingItem(ItemBase):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)
    choices: list[str] = Field(description="Every answer and distractor, sorted.")


class OrderingItem(ItemBase):
    type: Literal["ordering"]
    sequence: list[str] = Field(min_length=2, description="The steps in the right order.")


class ExtendedItem(ItemBase):
    type: Literal["extended"]
    model_answer: str = Field(description="HTML.")
    marking_points: list[str] = Field(min_length=1, description="HTML, one mark each.")


Item = Annotated[
    Union[SingleItem, MultipleItem, TrueFalseItem, ShortItem, MatchingItem, OrderingItem, ExtendedItem],
    Field(discriminator="type"),
]


class PracticeOutcome(Fixed):
    unit: str
    id: str
    label: str
    anchor: str


class MockOutcome(PracticeOutcome):
    questions: int | None
    marks: int | None
    glh: int | None


class TestInfo(Fixed):
    id: str
    duration_min: int = Field(gt=0)
    questions: int | None
    marks: int | None
    weighting: Literal["printed", "glh"]
    length_options: list[int]
    understanding_percent: int | None = Field(ge=0, le=100)
    official: bool


class PracticePayload(Fixed):
    """A unit page's practice quiz (``practice_payload``)."""

    id: str = Field(pattern=r"^[a-z0-9-]+-practice$")
    mode: Literal["practice"]
    title: str
    spec: str
    outcomes: list[PracticeOutcome]
    items: list[Item] = Field(min_length=1)


class MockPayload(Fixed):
    """A mock test page's bank and blueprint (``mock_payload``)."""

    id: str = Field(pattern=r"^[a-z0-9-]+-test-[A-Za-z0-9._-]+$")
    mode: Literal["mock"]
    title: str
    spec: str
    test: TestInfo
    outcomes: list[MockOutcome] = Field(min_length=1)
    items: list[Item]


QuizPayload = Annotated[Union[PracticePayload, MockPayload], Field(discriminator="mode")]


# ---------------------------------------------------------------------- route planner

class Limits(Fixed):
    min_units: int | None = None
    max_units: int | None = None
    min_credits: int | None = None
    max_credits: int | None = None


class RouteGroup(Limits):
    id: str
    title: str
    units: list[str] = Field(min_length=1)


class RoutePool(Limits):
    id: str
    title: str
    groups: list[str] = Field(min_length=2)


class RouteLevel(Fixed):
    level: int
    min_credits: int


class RouteUnit(Fixed):
    title: str
    credits: int | None
    level: int | None
    page: str = Field(description="The unit number its page is under (aliases resolve).")


class RouteRules(Fixed):
    """One qualification's rules of combination (generator/routes.py ``rules_data``)."""

    id: str
    title: str
    credits: int | None
    max_credits: int | None
    groups: list[RouteGroup] = Field(min_length=1)
    pools: list[RoutePool]
    levels: list[RouteLevel]
    barred: list[list[str]]
    units: dict[str, RouteUnit]


# ------------------------------------------------------------------------- flashcards

class Card(Fixed):
    slug: str
    term: str
    definition: str
    example: str
    units: list[str] = Field(min_length=1, description="'<spec>/<unit>' references.")


class Deck(Fixed):
    ref: str = Field(description="'<spec>/<unit>'.")
    label: str


class FlashcardDeck(Fixed):
    """The glossary flashcards page's data (generator/render.py)."""

    terms: list[Card]
    units: list[Deck]


# ------------------------------------------------------------------ localStorage records

class AttemptOutcome(Fixed):
    unit: str
    id: str
    label: str
    score: float = Field(ge=0)
    max: float = Field(ge=0)


class AttemptRecord(Fixed):
    """One finished practice session or mock paper, in the list under ``cs-hub:v1:attempts``."""

    v: Literal[1]
    quiz: str
    mode: Literal["practice", "mock"]
    title: str
    spec: str
    date: str = Field(description="ISO time it was finished.")
    score: float = Field(ge=0)
    max: float = Field(ge=0)
    self_score: float = Field(alias="self", ge=0, description="Marks the learner gave themselves.")
    self_max: float = Field(alias="selfMax", ge=0)
    outcomes: list[AttemptOutcome]
    outcome: str | None = Field(default=None, description="Practice: the outcome practised, null for all.")
    paper: int | None = Field(default=None, description="Mock: the paper number (seed).")
    extra: float | None = Field(default=None, description="Mock: extra time, per cent.")
    started: str | None = Field(default=None, description="Mock: ISO time the paper was started.")


class AttemptList(RootModel[list[AttemptRecord]]):
    """The value under ``cs-hub:v1:attempts``."""


class ProgressFile(Fixed):
    """What "Export progress" writes and "Import progress" reads."""

    schema_: Literal["cs-hub/progress/1"] = Field(alias="schema")
    exported: str | None = None
    attempts: list[AttemptRecord]


class Order(Fixed):
    """How one item's options are shown in one paper: indices into the item's lists."""

    options: list[int] | None = None
    choices: list[int] | None = None
    sequence: list[int] | None = None


class Response(Fixed):
    """A learner's answer; which fields are set depends on the item's type."""

    choice: int | None = Field(default=None, description="single")
    choices: list[int] | None = Field(default=None, description="multiple")
    value: bool | None = Field(default=None, description="true-false")
    text: str | None = Field(default=None, description="short, extended")
    matches: list[str] | None = Field(default=None, description="matching, one per pair")
    order: list[int] | None = Field(default=None, description="ordering")
    moved: bool | None = Field(default=None, description="ordering: whether the learner moved a step")
    ticks: list[int] | None = Field(default=None, description="extended: marking points ticked")


class MockState(Fixed):
    """A mock paper in progress or finished, under ``cs-hub:v1:mock:<quiz id>``."""

    v: Literal[1]
    seed: int = Field(ge=1)
    length: int | None
    extra: float = Field(ge=0)
    paper: list[str] = Field(min_length=1)
    orders: dict[str, Order]
    responses: dict[str, Response]
    flags: dict[str, bool]
    current: int = Field(ge=0)
    remainingMs: float = Field(ge=0, allow_inf_nan=False)
    totalMs: float = Field(gt=0, allow_inf_nan=False)
    paused: bool
    started: str
    submitted: bool
    timedOut: bool | None = None
    finished: str | None = None


class FlashcardBox(Fixed):
    box: int = Field(ge=1, le=5)
    due: float = Field(allow_inf_nan=False, description="When the card is next due, in milliseconds since 1970.")


class FlashcardBoxes(RootModel[dict[str, FlashcardBox]]):
    """The value under ``cs-hub:v1:flashcards``, by term slug."""


# --------------------------------------------------------------------------- registry

#: The class of each embedded payload's <script> element, and what it must hold.
EMBEDDED: dict[str, Any] = {
    "csh-quiz-data": QuizPayload,
    "csh-route-data": RouteRules,
    "csh-flashcard-data": FlashcardDeck,
}

#: Published schemas: file stem -> (type, title).
SCHEMAS: dict[str, tuple[Any, str]] = {
    "quiz": (QuizPayload, "Quiz payload (practice or mock), script.csh-quiz-data"),
    "route-rules": (RouteRules, "Route planner rules, script.csh-route-data"),
    "flashcards": (FlashcardDeck, "Glossary flashcard deck, script.csh-flashcard-data"),
    "attempts": (AttemptList, "localStorage cs-hub:v1:attempts"),
    "mock-state": (MockState, "localStorage cs-hub:v1:mock:<quiz id>"),
    "flashcard-boxes": (FlashcardBoxes, "localStorage cs-hub:v1:flashcards"),
    "progress-file": (ProgressFile, "Export progress file (cs-hub/progress/1)"),
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
    return {f"{stem}.schema.json": json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            for stem, schema in json_schemas().items()}


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


if __name__ == "__main__":
    for written in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_DIR):
        print(written)
