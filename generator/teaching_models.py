"""Typed models for the teaching layer: teaching notes and tutors' activities per unit,
the glossary, and the legislation library.  All of it is original writing; none of it is
specification text.  Markdown is allowed in the longer fields.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictBool, model_validator

from .checks.fields import DATE_PATTERN, iso_date, web_url
from .models import Ident, Markdown, MarkdownOrEmpty, Model, PathId, Slug, Text


class Example(Model):
    sector: Literal[
        "retail", "hospitality", "contact centre", "public sector", "health", "finance", "leisure", "transport", "other"
    ]
    text: Markdown = Field(description="A short worked example from real customer-service work (Markdown).")


class Targeted(Model):
    """Something written for exactly one outcome or (BTEC L2 Unit 1) one content area."""

    outcome: Ident | None = Field(default=None, description="The outcome id it is for.")
    content: Ident | None = Field(default=None, description="Or: the content area id (BTEC L2 Unit 1).")

    @model_validator(mode="after")
    def _one_target(self) -> Targeted:
        if (self.outcome is None) == (self.content is None):
            raise ValueError("give exactly one of outcome: or content:")
        return self


class SharedNotes(Model):
    """content/shared/<slug>.yml: an explanation written once and shown on every unit that
    teaches the same thing (NVQ units repeated across levels), so no passage is copied."""

    slug: Slug
    title: Text = Field(description="A short heading of our own.")
    explanation: Markdown = Field(description="The teaching text, about 250 to 500 words, in your own words.")
    examples: list[Example] = Field(min_length=1)
    mistakes: list[Markdown] = Field(min_length=1, description="Common mistakes learners make.")
    check_yourself: list[Markdown] = Field(min_length=2, description="Questions learners answer for themselves.")


class OutcomeNotes(Targeted):
    """Teaching notes for one outcome, learning aim or (BTEC L2 Unit 1) content area: written
    here, or taken from a shared file (shared:) with what is particular to this unit added."""

    criteria: list[Ident] = Field(default_factory=list, description="Criteria these notes serve (linked).")
    shared: Slug | None = Field(default=None, description="A file of content/shared/ whose notes these use.")
    explanation: MarkdownOrEmpty = Field(
        default="", description="The teaching text, in your own words (with shared:, what differs in this unit)."
    )
    examples: list[Example] = Field(default_factory=list)
    mistakes: list[Markdown] = Field(default_factory=list, description="Common mistakes learners make.")
    check_yourself: list[Markdown] = Field(
        default_factory=list, description="Questions learners answer for themselves."
    )

    @model_validator(mode="after")
    def _written_or_shared(self) -> OutcomeNotes:
        if self.shared is None:
            if not self.explanation.strip():
                raise ValueError("notes need an explanation: (or shared: the slug of a file in content/shared/)")
            if not self.examples or not self.mistakes or len(self.check_yourself) < 2:
                raise ValueError("notes need at least 1 example, 1 mistake and 2 check_yourself questions")
        return self


class DiagramUse(Targeted):
    """A diagram from content/diagrams/ shown in the notes for one outcome or content area."""

    diagram: Slug = Field(description="The diagram's file name in content/diagrams/, without .yml.")


class KnowledgeNotes(Model):
    """Teaching notes for a group of related knowledge statements (SVQ and NVQ units that
    print "knowledge and understanding" lists rather than knowledge outcomes)."""

    knowledge: list[Ident] = Field(min_length=1, description="Ids of the knowledge statements covered (linked).")
    title: Text = Field(description="A short heading of our own for the group, e.g. 'Your role and the service offer'.")
    explanation: Markdown = Field(description="The teaching text, about 250 to 500 words, in your own words.")
    examples: list[Example] = Field(min_length=1)
    mistakes: list[Markdown] = Field(default_factory=list, description="Common misunderstandings, if any.")
    check_yourself: list[Markdown] = Field(min_length=2, description="Questions learners answer for themselves.")


# The forms of evidence the specifications list ("Types of evidence" in the SVQ 4 and NVQ
# specifications; the NVQ adds assignments and simulation where its strategy permits).
EvidenceType = Literal[
    "observation",
    "questioning",
    "work products",
    "reflective account",
    "professional discussion",
    "witness testimony",
    "expert witness testimony",
    "recognition of prior learning",
    "assignment or case study",
    "simulation",
]


class EvidenceGuide(Model):
    """What good evidence looks like for one competence outcome or element."""

    outcome: Ident = Field(description="The element or competence outcome id.")
    types: list[EvidenceType] = Field(min_length=1, description="The evidence types that suit it, best first.")
    types_note: Markdown = Field(description="Why these types suit it, following the assessment strategy.")
    simulation_note: Markdown = Field(description="Whether and when simulation is allowed, in plain words.")
    example: Markdown = Field(description="One realistic piece of evidence, described as an assessor would see it.")
    gaps: list[Markdown] = Field(min_length=1, description="Gaps assessors commonly find.")
    discussion: list[Markdown] = Field(
        default_factory=list, description="Professional-discussion prompts an assessor can use for this outcome."
    )


class Activity(Targeted):
    """A delivery activity for tutors, or for assessors of a competence unit."""

    id: Ident
    title: Text
    purpose: Markdown
    time: Text = Field(description="e.g. '40 minutes'.")
    group_size: Text = Field(description="e.g. 'pairs', 'groups of 3 or 4', 'whole class'.")
    resources: list[Text] = Field(min_length=1)
    steps: list[Markdown] = Field(min_length=2)
    support: Markdown = Field(description="How to support learners who find it hard.")
    stretch: Markdown = Field(description="How to stretch confident learners.")
    criteria: list[Ident] = Field(default_factory=list, description="Criteria it prepares for or evidences.")
    assignment_link: MarkdownOrEmpty | None = Field(
        default=None, description="For assignment-assessed units: how it leads into the assignment."
    )
    setting: Literal["classroom", "workplace"] = Field(
        default="classroom", description="'workplace' for a task done at work and assessed from real evidence."
    )
    discussion: list[Markdown] = Field(
        default_factory=list, description="Professional-discussion prompts an assessor can put to the learner."
    )


class Teaching(Model):
    """content/<spec>/teaching/<unit>.yml"""

    spec: Slug
    unit: PathId
    in_brief: Markdown = Field(description="Three or four sentences: what the unit is about and why it matters.")
    notes: list[OutcomeNotes] = Field(default_factory=list, description="Notes per outcome or content area.")
    knowledge_notes: list[KnowledgeNotes] = Field(
        default_factory=list, description="Notes per group of knowledge statements (SVQ and NVQ units)."
    )
    evidence: list[EvidenceGuide] = Field(
        default_factory=list, description="What good evidence looks like, per element or competence outcome."
    )
    key_terms: list[Slug] = Field(default_factory=list, description="Glossary slugs for this unit's key terms.")
    legislation: list[Slug] = Field(default_factory=list, description="Legislation library slugs this unit needs.")
    activities: list[Activity] = Field(default_factory=list)
    diagrams: list[DiagramUse] = Field(default_factory=list, description="Diagrams to show in the notes.")


class Term(Model):
    term: Text
    slug: Slug | None = Field(default=None, description="Anchor on /glossary/; made from the term when left out.")
    aliases: list[Text] = Field(default_factory=list, description="Other forms that should show the tooltip.")
    definition: Markdown = Field(description="In your own words, in plain English.")
    example: Markdown = Field(description="The term used in a real customer-service sentence.")
    units: list[Text] = Field(min_length=1, description="Units that use it, as '<spec>/<unit>'.")
    related: list[Slug] = Field(
        default_factory=list, description="Slugs of closely related terms, shown as 'See also' on both entries."
    )
    tooltip: StrictBool = Field(default=True, description="false for words too common to mark in notes.")


class Glossary(Model):
    terms: list[Term] = Field(min_length=1)


class Source(Model):
    title: Text
    url: Annotated[Text, AfterValidator(web_url)]


class SpecWording(Model):
    spec: Slug
    units: list[Ident] = Field(min_length=1)
    text: Text = Field(description="How the specification names or describes it (quoted).")


class Law(Model):
    """content/legislation/<slug>.yml"""

    slug: Slug
    title: Text
    kind: Literal["act", "regulations", "code", "regulator-rules", "eu-law"]
    jurisdiction: Text = Field(description="e.g. 'UK', 'England and Wales', 'Great Britain'.")
    status: Literal["in force", "partly in force", "amended", "partly repealed", "replaced", "revoked"]
    status_note: Markdown = Field(description="The position in 2026: what changed, by what, from when.")
    replaced_by: list[Slug] = Field(default_factory=list)
    purpose: Markdown
    key_points: list[Markdown] = Field(min_length=2)
    in_practice: list[Markdown] = Field(min_length=1, description="What it means at work, with examples.")
    when_wrong: Markdown = Field(description="What happens when a business gets it wrong.")
    spec_wording: list[SpecWording] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1, description="legislation.gov.uk or the regulator.")
    last_reviewed: Annotated[Text, AfterValidator(iso_date)] = Field(pattern=DATE_PATTERN)
    uncertain: MarkdownOrEmpty | None = Field(default=None, description="Anything we are not sure of, said plainly.")
    units: list[Text] = Field(default_factory=list, description="Units that cite it, as '<spec>/<unit>'.")
