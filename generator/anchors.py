"""Kept while the loader moves to urls.py: anchors are made in generator/urls.py."""

from __future__ import annotations

from .models import Outcome
from .urls import content_anchor, knowledge_anchor, outcome_anchor, slugify
from .urls import criterion_anchor as _criterion_anchor

__all__ = ["content_anchor", "criterion_anchor", "knowledge_anchor", "outcome_anchor", "slugify"]


def criterion_anchor(outcome: Outcome, criterion_id: str) -> str:
    return _criterion_anchor(outcome.kind, criterion_id)
