"""Anchor ids on unit pages (conventions §3).  Tutors paste these into lesson plans,
so they must never change for the same printed id."""

from __future__ import annotations

import re

from .models import Outcome


def slugify(text: str) -> str:
    """Lower-case; every run of characters other than a-z0-9 becomes '-'; trimmed."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def outcome_anchor(outcome_id: str) -> str:
    return f"lo-{slugify(outcome_id)}"


def criterion_anchor(outcome: Outcome, criterion_id: str) -> str:
    # SVQ elements hold performance criteria; everything else holds assessment criteria.
    prefix = "pc" if outcome.kind == "element" else "ac"
    return f"{prefix}-{slugify(criterion_id)}"


def knowledge_anchor(knowledge_id: str) -> str:
    return f"k-{slugify(knowledge_id)}"


def content_anchor(content_id: str) -> str:
    return f"content-{slugify(content_id)}"
