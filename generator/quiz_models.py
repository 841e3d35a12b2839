"""Typed models for quiz item banks: quizzes/<spec>/<unit>.yml.

An item assesses one outcome of the unit, covers one or more of its criteria or content
areas, and carries everything needed to mark it and to teach from it.  Stems, options and
feedback may use Markdown; it is rendered to HTML at build time.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictBool, model_validator

from .checks.fields import no_bool
from .models import Ident, Markdown, MarkdownOrEmpty, Model, PathId, Slug, Text

ItemType = Literal["single", "true-false", "multiple", "short", "matching", "ordering", "extended"]


class Option(Model):
    text: Markdown
    correct: StrictBool = False
    feedback: MarkdownOrEmpty | None = Field(default=None, description="Shown when this option is chosen.")


class Pair(Model):
    prompt: Markdown = Field(description="The row label; the learner picks its match from a list.")
    answer: Text


class Item(Model):
    id: Ident = Field(description="Stable and unique in the bank; progress records use it.")
    outcome: Ident = Field(description="The outcome (or assessment outcome) this item assesses.")
    criteria: list[Ident] = Field(default_factory=list, description="Criterion ids of this unit it covers.")
    content: list[Ident] = Field(default_factory=list, description="Content area ids it covers (BTEC L2).")
    knowledge: list[Ident] = Field(
        default_factory=list, description="Knowledge statement ids it tests (SVQ and NVQ units that print them)."
    )
    type: ItemType
    stem: Markdown = Field(description="The question, in Markdown.")
    options: list[Option] = Field(default_factory=list, description="single, multiple and (optionally) true-false.")
    answer: StrictBool | None = Field(default=None, description="true-false preset: the correct answer.")
    accept: list[Text] = Field(default_factory=list, description="short: accepted answers.")
    case_sensitive: StrictBool = False
    pairs: list[Pair] = Field(default_factory=list, description="matching: rows and their answers.")
    distractors: list[Text] = Field(default_factory=list, description="matching: extra wrong choices.")
    sequence: list[Text] = Field(default_factory=list, description="ordering: the steps in the right order.")
    model_answer: MarkdownOrEmpty | None = Field(default=None, description="extended: a model answer.")
    marking_points: list[Markdown] = Field(default_factory=list, description="extended: points the learner ticks.")
    marks: Annotated[int, BeforeValidator(no_bool)] = Field(default=1, ge=1, le=12)
    command_word: str | None = Field(default=None, description="BTEC command word, e.g. 'explain'.")
    demand: Literal["knowledge", "understanding"] | None = Field(
        default=None, description="What the item tests (used by the BTEC Level 3 blueprint)."
    )
    explanation: Markdown = Field(description="Teaches the point, shown after marking.")
    status: Literal["draft", "reviewed"] = "draft"
    legislation: list[Slug] = Field(
        default_factory=list,
        description="Library entries (content/legislation/<slug>.yml) the key depends on, so that a doubt "
        "recorded in the entry's 'uncertain' is reported against this item.",
    )

    @model_validator(mode="after")
    def _answer_data_fits_type(self) -> Item:
        """Each type needs its own answer data; say which is missing in plain words."""
        t = self.type
        correct = [o for o in self.options if o.correct]
        if t == "single":
            if len(self.options) < 2 or len(correct) != 1:
                raise ValueError("a 'single' item needs at least 2 options and exactly one with correct: true")
        elif t == "multiple":
            if len(self.options) < 3 or len(correct) < 2 or len(correct) == len(self.options):
                raise ValueError("a 'multiple' item needs 3 or more options, at least 2 correct and at least 1 not")
        elif t == "true-false":
            if self.answer is None:
                raise ValueError("a 'true-false' item needs answer: true or answer: false")
        elif t == "short":
            if not self.accept:
                raise ValueError("a 'short' item needs at least one accepted answer in accept:")
        elif t == "matching":
            if len(self.pairs) < 2:
                raise ValueError("a 'matching' item needs at least 2 pairs")
            if len({p.prompt.strip() for p in self.pairs}) != len(self.pairs):
                raise ValueError("a 'matching' item's prompts must all be different")
        elif t == "ordering":
            if len(self.sequence) < 3:
                raise ValueError("an 'ordering' item needs at least 3 steps in sequence:")
            if len({step.strip() for step in self.sequence}) != len(self.sequence):
                raise ValueError("an 'ordering' item's steps must all be different, or the order is ambiguous")
        elif t == "extended":
            if not self.model_answer or len(self.marking_points) < 2:
                raise ValueError("an 'extended' item needs model_answer and at least 2 marking_points")
            if self.marks != len(self.marking_points):
                raise ValueError(
                    f"an 'extended' item is worth one mark per marking point: set marks: {len(self.marking_points)}"
                )
        if t != "extended" and (self.model_answer or self.marking_points):
            raise ValueError("model_answer and marking_points are only for 'extended' items")
        if t in ("short", "matching", "ordering", "true-false") and self.options:
            raise ValueError(f"a '{t}' item has no options: list")
        if t == "matching" and len({p.answer for p in self.pairs} | set(self.distractors)) != len(self.pairs) + len(
            self.distractors
        ):
            raise ValueError("matching answers and distractors must all be different")
        return self


class Bank(Model):
    spec: Slug
    unit: PathId
    items: list[Item] = Field(min_length=1)
