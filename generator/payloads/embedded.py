"""Payloads the build embeds in pages as <script type="application/json">: quizzes, route
planner rules and the flashcard deck."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Fixed

# --------------------------------------------------------------------------- quizzes


class Link(Fixed):
    """A criterion or content anchor an item assesses, for "Revise:" links."""

    unit: str
    anchor: str
    label: str


class ItemBase(Fixed):
    """Fields every item has (generator/pages/quiz_payloads.py item_payload)."""

    id: str
    unit: str
    outcome: str
    marks: int = Field(ge=1)
    stem: str = Field(description="HTML rendered at build time.")
    explanation: str = Field(
        "", description="HTML rendered at build time.  Not on a mock page: see mock-feedback (assets/mock/)."
    )
    links: list[Link]
    demand: Literal["knowledge", "understanding"] | None
    command_word: str | None


class Option(Fixed):
    html: str
    correct: bool
    feedback: str = Field(
        "", description="HTML; empty when the item gives none.  Not on a mock page: see mock-feedback."
    )


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
    SingleItem | MultipleItem | TrueFalseItem | ShortItem | MatchingItem | OrderingItem | ExtendedItem,
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
    format: Literal["multiple-choice", "mixed"] = Field(description="multiple-choice: the mock starts in exam style.")


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


QuizPayload = Annotated[PracticePayload | MockPayload, Field(discriminator="mode")]


class ItemFeedback(Fixed):
    """What a mock's review shows of one item, kept out of the page (issue #14)."""

    explanation: str = Field(description="HTML.")
    feedback: list[str] | None = Field(None, description="HTML per option, in the payload's option order.")


#: assets/mock/<quiz id>.js: CSHub.mockFeedback[quiz id] = {item id: ItemFeedback}.
MockFeedback = dict[str, ItemFeedback]


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


class PortfolioUnit(Fixed):
    """One competence unit in the portfolio's catalogue."""

    title: str
    spec: str = Field(description="The specification's short title.")
    rows: list[tuple[str, str, Literal["criterion", "knowledge"]]] = Field(
        description="(row key and unit-page anchor, label, kind) for every line of the unit's planner."
    )


class PortfolioCatalogue(Fixed):
    """The evidence portfolio page's data (generator/pages/evidence.py)."""

    v: Literal[1]
    units: dict[str, PortfolioUnit] = Field(description="By '<spec>/<unit>'.")
    types: list[str] = Field(description="The evidence types the planner offers.")
