"""Records the page scripts keep in localStorage under cs-hub:v1: keys, and the file that
"Export progress" writes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, RootModel

from .base import Fixed

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
    started: str | None = Field(
        default=None,
        description="ISO time the mock paper or practice session was started; a practice session is saved "
        "after every answer and matched by it.",
    )


class AttemptList(RootModel[list[AttemptRecord]]):
    """The value under ``cs-hub:v1:attempts``."""


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
    override: bool | None = Field(default=None, description="short: the learner selected 'I was right'")


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
    exam: bool | None = Field(default=None, description="Drawn in exam style: single-answer questions only.")


class FlashcardBox(Fixed):
    box: int = Field(ge=1, le=5)
    due: float = Field(allow_inf_nan=False, description="When the card is next due, in milliseconds since 1970.")


class FlashcardBoxes(RootModel[dict[str, FlashcardBox]]):
    """The value under ``cs-hub:v1:flashcards``, by term slug."""


class ReviewCard(Fixed):
    """One question or flashcard on the spaced-review scheduler (review-schedule.js, SM-2)."""

    ef: float = Field(ge=1.3, le=5, allow_inf_nan=False, description="Ease factor: 2.5 at first, never below 1.3.")
    reps: int = Field(ge=0, description="Right answers in a row.")
    interval: int = Field(ge=0, le=36500, description="Days from the last answer to the next review.")
    due: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Next review, a local date.")
    last: str = Field(description="ISO time of the last answer; the later one wins a merge.")
    o: str | None = Field(default=None, description="Questions: the outcome id the item assesses.")
    h: list[Annotated[float, Field(ge=0, le=1)]] | None = Field(
        default=None, max_length=10, description="Questions: the last answers, oldest first, 1 right to 0 wrong."
    )


class ReviewSchedule(Fixed):
    """The value under ``cs-hub:v1:review``."""

    v: Literal[1]
    items: dict[str, ReviewCard] = Field(description="By '<unit practice quiz id>|<item id>'.")
    cards: dict[str, ReviewCard] = Field(description="Flashcards, by glossary term slug.")
    since: str | None = Field(
        default=None, description="ISO time of the first scheduled answer: attempts started earlier are not in it."
    )


class ProgressFile(Fixed):
    """What "Export progress" writes and "Import progress" reads (version 1 held attempts only)."""

    schema_: Literal["cs-hub/progress/1", "cs-hub/progress/2"] = Field(alias="schema")
    exported: str | None = None
    attempts: list[AttemptRecord]
    mocks: dict[str, MockState] | None = Field(default=None, description="By mock quiz id.")
    review: ReviewSchedule | None = None
    flashcards: dict[str, FlashcardBox] | None = Field(default=None, description="Old Leitner boxes, as stored.")


class EvidenceRow(Fixed):
    """One line of an evidence planner, as evidence-planner.js saves it."""

    done: bool
    evidence: str = Field(max_length=200)
    type: str = Field(max_length=40, description="One of the planner's evidence types, or '' for not chosen.")
    note: str = Field(max_length=1000)
    at: str = Field(description="When the line last changed (ISO 8601); the newer line wins a merge.")


class EvidenceRecord(Fixed):
    """The value under ``cs-hub:v1:evidence:<spec>/<unit>``."""

    v: Literal[1]
    ref: str
    title: str
    qualification: str
    updated: str
    rows: dict[str, EvidenceRow] = Field(description="By row key: pc-3, ac-1-2, k-7.")


class EvidenceFile(Fixed):
    """What "Export evidence" writes and "Import evidence" reads."""

    format: Literal["cs-hub-evidence"]
    v: Literal[1]
    exported: str
    records: dict[str, EvidenceRecord]
