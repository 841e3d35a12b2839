"""The rules engine for qualification structures.

`rules_data` turns a qualification into plain data; `check` applies every rule to a
selection of unit numbers and explains each one it breaks.  The route planner in the
browser (overrides/assets/javascripts/routes.js) runs the same checks on the same data
and must give word-for-word the same reasons; tests compare the two.
"""

from __future__ import annotations

import re
from typing import Any

from .corpus import SpecData, ValidatedCorpus
from .models import Qualification


def level_number(level: str | None) -> int | None:
    """'2' -> 2, 'SCQF 8' -> 8, 'SCQF Level 8' -> 8; None when no number is printed."""
    if not level:
        return None
    found = re.findall(r"\d+", level)
    return int(found[-1]) if found else None


def rules_data(data: SpecData, qual: Qualification) -> dict[str, Any]:
    units: dict[str, Any] = {}
    for group in qual.groups:
        for number in group.units:
            unit = data.resolve(number)
            units[number] = {
                "title": unit.title,
                "credits": unit.credits,
                "level": level_number(unit.level),
                "page": unit.number,
            }
    return {
        "id": qual.id,
        "title": qual.title,
        "credits": qual.credits,
        "max_credits": qual.max_credits,
        "groups": [g.model_dump() for g in qual.groups],
        "pools": [p.model_dump() for p in qual.pools],
        "levels": [r.model_dump() for r in qual.min_credits_at_level],
        "barred": [list(b) for b in qual.barred],
        "units": units,
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _limits(label: str, chosen: list[str], credits: int, rule: dict[str, Any]) -> list[str]:
    out = []
    n = len(chosen)
    if rule.get("min_units") is not None and n < rule["min_units"]:
        out.append(f"{label}: choose at least {_plural(rule['min_units'], 'unit')}; you have chosen {n}.")
    if rule.get("max_units") is not None and n > rule["max_units"]:
        out.append(f"{label}: choose no more than {_plural(rule['max_units'], 'unit')}; you have chosen {n}.")
    if rule.get("min_credits") is not None and credits < rule["min_credits"]:
        out.append(f"{label}: needs at least {_plural(rule['min_credits'], 'credit')}; you have {credits}.")
    if rule.get("max_credits") is not None and credits > rule["max_credits"]:
        out.append(f"{label}: allows no more than {_plural(rule['max_credits'], 'credit')}; you have {credits}.")
    return out


def group_label(group: dict[str, Any]) -> str:
    """'Group B (Optional units)'; just the title when it already names the group."""
    title, gid = str(group["title"]), str(group["id"])
    if f"group {gid}".lower() in title.lower():
        return title
    return f"Group {gid} ({title})"


def has_options(qual: Qualification) -> bool:
    """Whether learners choose units at all (a planner is pointless when all are mandatory)."""
    return bool(qual.pools) or any(g.min_units != len(g.units) for g in qual.groups)


def check(rules: dict[str, Any], selection: list[str]) -> list[str]:
    """Every rule the selection breaks, in a fixed order, one plain sentence each."""
    units = rules["units"]
    chosen = []
    for number in selection:
        if number not in chosen:
            chosen.append(number)
    reasons = []
    outside = [n for n in chosen if n not in units]
    for number in outside:
        reasons.append(f"Unit {number} is not part of this qualification.")
    inside = [n for n in chosen if n in units]

    def credits_of(numbers: list[str]) -> int:
        return sum(units[n]["credits"] or 0 for n in numbers)

    for group in rules["groups"]:
        picked = [n for n in inside if n in group["units"]]
        reasons += _limits(group_label(group), picked, credits_of(picked), group)
    by_id = {g["id"]: g for g in rules["groups"]}
    for pool in rules["pools"]:
        members = {n for gid in pool["groups"] for n in by_id[gid]["units"]}
        picked = [n for n in inside if n in members]
        reasons += _limits(pool["title"], picked, credits_of(picked), pool)
    total = credits_of(inside)
    if rules["credits"] is not None and total < rules["credits"]:
        reasons.append(f"The qualification needs at least {_plural(rules['credits'], 'credit')}; you have {total}.")
    if rules["max_credits"] is not None and total > rules["max_credits"]:
        reasons.append(
            f"The qualification allows no more than {_plural(rules['max_credits'], 'credit')}; you have {total}."
        )
    for rule in rules["levels"]:
        at = credits_of([n for n in inside if (units[n]["level"] or 0) >= rule["level"]])
        if at < rule["min_credits"]:
            reasons.append(
                f"At least {_plural(rule['min_credits'], 'credit')} must come from units at level "
                f"{rule['level']} or above; you have {at}."
            )
    for barred in rules["barred"]:
        if all(n in inside for n in barred):
            reasons.append("Units " + " and ".join(barred) + " may not be taken together.")
    return reasons


def find_qualification(corpus: ValidatedCorpus, qual_id: str) -> tuple[SpecData, Qualification] | tuple[None, None]:
    for data in corpus.specs.values():
        for qual in data.spec.qualifications:
            if qual.id == qual_id:
                return data, qual
    return None, None
