"""Tutors' delivery activities, as a unit page and the tutors' page both print them."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..markdown_text import md_escape
from ..models import Unit
from ..teaching_models import Activity


def activity_view(activity: Activity, unit: Unit, unit_href: str, with_target: bool) -> dict[str, Any]:
    """unit_href: the unit page as seen from the page printing the activity ('' on the unit
    page itself).  with_target: say which outcome or content area it is for."""
    kind = next((o.kind for o in unit.outcomes if o.id == activity.outcome), "outcome")
    target = ""
    if with_target:
        target = f"outcome {activity.outcome}" if activity.outcome else f"content {activity.content}"
    return {
        "a": activity,
        "target": target,
        "resources": "; ".join(md_escape(r) for r in activity.resources),
        "criteria": [(c, f"{unit_href}#{urls.criterion_anchor(kind, c)}") for c in activity.criteria],
        "criteria_links": ", ".join(f"[{c}]({unit_href}#{urls.criterion_anchor(kind, c)})" for c in activity.criteria),
    }
