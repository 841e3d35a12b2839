"""Typed models for every content file.

These models are the single definition of the content format: the loader validates
YAML against them, the JSON Schema files in ``content/_schema/`` are generated from
them, and the "Content format" page documents them.  Unknown keys are errors
(``extra="forbid"``) so that a typo in a key name is reported instead of ignored.

Official text (identifiers, titles, outcome titles, criterion statements) is stored
exactly as printed.  Where PDF conversion damaged it, the repaired text is stored
with a ``repair`` record saying what was printed and how sure the repair is.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

# The field types (ids, slugs, text, Markdown, counts) live beside their validators.
from .checks.fields import (
    Count,
    Ident,
    Markdown,
    MarkdownOrEmpty,
    Minutes,
    PathId,
    Slug,
    Text,
)

__all__ = ["Count", "Ident", "Markdown", "MarkdownOrEmpty", "Minutes", "PathId", "Slug", "Text"]


class Model(BaseModel):
    """Base for every content model: unknown keys are errors, values are not coerced
    between strings and numbers except where a field says so."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Repair(Model):
    """A record that official text was repaired after PDF conversion damaged it."""

    printed: str | None = Field(default=None, description="The text as the converted source shows it, before repair.")
    note: Text = Field(description="What was wrong and how it was repaired, in plain words.")
    confidence: Literal["high", "low"] = Field(
        description="'low' repairs are shown on the page so readers can check the original."
    )


class Criterion(Model):
    """An assessment criterion, grading criterion, indicative statement or performance criterion."""

    id: Ident = Field(description="The printed id, e.g. '1.1.3', 'A.P1', '12'.")
    text: Text = Field(description="The statement exactly as printed.")
    grade: Literal["pass", "merit", "distinction"] | None = Field(
        default=None, description="For BTEC grading criteria only."
    )
    repair: Repair | None = None


class ContentBlock(Model):
    """A heading of unit content with its printed items (BTEC 'unit content')."""

    heading: Text
    items: list[Text] = Field(default_factory=list)


class ContentPoint(Model):
    text: Text
    sub: list[Text] = Field(default_factory=list)


class ContentArea(Model):
    """A BTEC Level 2 content area such as 'A1 Features of businesses'."""

    id: Ident = Field(description="The printed id, e.g. 'A1'. Anchored as #content-a1.")
    title: Text
    topic: Ident | None = Field(default=None, description="The topic or learning aim it belongs to, e.g. 'A'.")
    lead: str | None = None
    points: list[ContentPoint] = Field(default_factory=list)


class Outcome(Model):
    """A learning outcome, learning aim, assessment outcome or SVQ/NVQ element."""

    id: Ident = Field(description="The printed id ('1', 'A', 'AO2'); number unprinted ones 1, 2, ...")
    title: Text = Field(description="The outcome title exactly as printed.")
    kind: Literal["outcome", "learning-aim", "assessment-outcome", "element"] = "outcome"
    criteria: list[Criterion] = Field(default_factory=list)
    command_words: list[Text] = Field(default_factory=list, description="BTEC assessment outcomes only.")
    marks_range: list[Count] | None = Field(
        default=None, description="[min, max] marks per question for a BTEC assessment outcome."
    )
    glh: Count | None = Field(default=None, description="Guided learning hours printed for this outcome.")
    content: list[ContentBlock] = Field(default_factory=list)
    repair: Repair | None = None


class KnowledgeStatement(Model):
    id: Ident
    text: Text
    repair: Repair | None = None


AssessmentMethod = Literal[
    "online-test",
    "onscreen-test",
    "assignment",
    "internal-assignment",
    "external-exam",
    "portfolio",
    "workplace-evidence",
]


class AssessmentRoute(Model):
    """How a unit number is assessed.  201 is an online test; 271 is the same unit by assignment."""

    number: PathId = Field(description="The unit number this route is registered under.")
    method: AssessmentMethod
    detail: str | None = Field(default=None, description="The specification's description, as printed.")


class GradeDescriptor(Model):
    grade: Text
    text: Text


class Note(Model):
    """An editorial note in our own words: how a source problem was settled, or a caution."""

    text: Markdown
    kind: Literal["source", "caution", "info"] = "source"


class CrossLink(Model):
    """An explicit link to a unit in another specification (e.g. a BTEC to NVQ mapping)."""

    spec: Slug
    unit: Ident
    relation: Text = Field(description="Why they are linked, in a few words.")


class Unit(Model):
    number: PathId = Field(description="The unit number used in URLs: /<spec>/units/<number>/.")
    aliases: list[PathId] = Field(default_factory=list, description="Other numbers for the same unit (271 for 201).")
    reference: str | None = Field(default=None, description="UAN, unit reference or code, as printed.")
    reference_label: Text = "Unit reference"
    title: Text
    level: str | None = None
    credits: Count | None = None
    credits_label: Text = "Credits"
    glh: Count | None = None
    status: Literal["current", "not-in-structure"] = "current"
    aim: str | None = Field(default=None, description="The unit aim or summary, as printed.")
    assessment_text: str | None = Field(default=None, description="The unit's assessment statement, as printed.")
    assessment: list[AssessmentRoute] = Field(default_factory=list)
    nos: list[Text] = Field(default_factory=list, description="Links to National Occupational Standards, as printed.")
    outcomes: list[Outcome] = Field(min_length=1)
    knowledge: list[KnowledgeStatement] = Field(default_factory=list)
    content: list[ContentArea] = Field(default_factory=list)
    grade_descriptors: list[GradeDescriptor] = Field(default_factory=list)
    evidence_rules: list[Text] = Field(
        default_factory=list, description="Unit-specific evidence requirements, as printed."
    )
    simulation: Literal["allowed", "not-allowed", "limited", "not-stated"] = "not-stated"
    parallel: list[Ident] = Field(
        default_factory=list,
        description="Different units with parallel content in this specification (202 and 272).",
    )
    also_in: list[CrossLink] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    source_lines: str | None = Field(default=None, description="Where the unit is in the seed, e.g. '340-761'.")


class Limits(Model):
    """The limits a rule of combination can set on the units chosen under it."""

    min_units: Count | None = None
    max_units: Count | None = None
    min_credits: Count | None = None
    max_credits: Count | None = None


class UnitGroup(Limits):
    """A group of units in a qualification structure with its rule."""

    id: Ident
    title: Text
    units: list[Ident] = Field(min_length=1)


class UnitPool(Limits):
    """A rule across several groups, e.g. SVQ 4's "a further two units from any of Groups B,
    C or E": the units chosen from those groups together must meet it."""

    id: Ident
    title: Text
    groups: list[Ident] = Field(min_length=2)


class LevelCredits(Model):
    level: Count = Field(description="Credits must come from units at this level or above.")
    min_credits: Count


class Qualification(Model):
    id: Slug = Field(description="Used in routes and the export, e.g. 'cg-4417-02'.")
    title: Text
    number: str | None = None
    accreditation: str | None = Field(default=None, description="Ofqual/SQA accreditation number.")
    level: str | None = None
    credits: Count | None = Field(default=None, description="Credits required for the qualification.")
    glh: Count | None = None
    tqt: Count | None = None
    age: str | None = None
    rule_text: str | None = Field(default=None, description="The rule of combination, as printed.")
    groups: list[UnitGroup] = Field(min_length=1)
    pools: list[UnitPool] = Field(default_factory=list)
    min_credits_at_level: list[LevelCredits] = Field(default_factory=list)
    barred: list[list[Ident]] = Field(default_factory=list, description="Sets of units that may not be taken together.")
    max_credits: Count | None = None
    notes: list[Note] = Field(default_factory=list)


class TestOutcome(Model):
    outcome: Ident
    unit: Ident | None = Field(default=None, description="Only when the test covers more than one unit.")
    questions: Count | None = None
    marks: Count | None = None
    printed_title: str | None = Field(default=None, description="The title as the test table prints it.")


class TestSpec(Model):
    """A test specification (blueprint): how many questions or marks each outcome gets."""

    id: PathId = Field(description="Used in the URL /<spec>/tests/<id>/.")
    title: Text
    units: list[Ident] = Field(min_length=1)
    duration_min: Minutes
    questions: Count | None = None
    marks: Count | None = None
    official: StrictBool = Field(description="true when the specification publishes this blueprint as printed.")
    format: Literal["multiple-choice", "mixed"] = Field(
        default="mixed",
        description="'multiple-choice' when the real test is: its mock then offers, and starts in, exam style "
        "(single-answer questions only, drawn to the same blueprint).",
    )
    outcomes: list[TestOutcome] = Field(min_length=1)
    basis: MarkdownOrEmpty | None = Field(
        default=None, description="How the blueprint was derived when it is not printed."
    )
    weighting: Literal["printed", "glh"] = Field(
        default="printed", description="'glh': questions per outcome follow each outcome's guided learning hours."
    )
    length_options: list[Count] = Field(
        default_factory=list, description="Test lengths a learner may choose (glh weighting only)."
    )
    understanding_percent: int | None = Field(
        default=None, ge=0, le=100, description="Share of questions that assess understanding rather than knowledge."
    )


class Source(Model):
    document: Text
    version: str | None = None
    issued: Text
    seed: Text
    publisher_url: str | None = None  # printed as text, never as a link
    copyright: Text


class Specification(Model):
    slug: Slug
    title: Text
    short_title: Text
    short_name: Text | None = Field(
        default=None, description="A few characters naming it in lists and page titles, e.g. 'C&G 4417'."
    )
    awarding_body: Text
    source: Source
    summary: Markdown = Field(description="Our own description for learners (not specification text).")
    assessment_model: list[Text] = Field(default_factory=list, description="Assessment statements, as printed.")
    time_constraints: list[Text] = Field(default_factory=list)
    qualifications: list[Qualification] = Field(min_length=1)
    tests: list[TestSpec] = Field(default_factory=list)
    teaching_layer: StrictBool = Field(
        default=False, description="true when every unit must have teaching notes, activities and practice items."
    )
    notes: list[Note] = Field(default_factory=list)
