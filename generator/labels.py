"""Words the site prints for coded values in the content (outcome kinds, assessment
methods, sectors...).  Kept here, not in templates, so one change of wording reaches every
page and the templates only print what they are given."""

from __future__ import annotations

from .models import Outcome, Unit

OUTCOME_KINDS = {
    "outcome": "Outcome",
    "learning-aim": "Learning aim",
    "assessment-outcome": "Assessment outcome",
    "element": "Element",
}

METHODS = {
    "online-test": "Online multiple-choice test",
    "onscreen-test": "Onscreen test",
    "assignment": "Assignment",
    "internal-assignment": "Internally assessed assignment",
    "external-exam": "External exam",
    "portfolio": "Portfolio of evidence",
    "workplace-evidence": "Evidence from the workplace",
}

SECTORS = {
    "retail": "Retail",
    "hospitality": "Hospitality",
    "contact centre": "Contact centre",
    "public sector": "Public sector",
    "health": "Health",
    "finance": "Finance",
    "leisure": "Leisure",
    "transport": "Transport",
    "other": "At work",
}

SIMULATION = {
    "allowed": "simulated evidence is allowed for this unit.",
    "not-allowed": "simulated evidence is not allowed for this unit; evidence must come from real work.",
    "limited": "simulation is allowed only in limited circumstances; check the evidence requirements and notes.",
}

# The unit-wide simulation rule, said once above the evidence guidance of each element or
# outcome (whose own notes then say only what is particular to it).
SIMULATION_RULE = {
    "limited": "Simulated evidence may cover only small parts of the unit, in exceptional circumstances, and only in "
    "a realistic working environment. Evidence from your real work is what counts.",
    "allowed": "The unit allows simulated evidence, but evidence from your real work, a work placement or a realistic "
    "working environment is better. Agree any simulation with your assessor first.",
    "not-allowed": "Simulation is not allowed: every piece of performance evidence must come from real work.",
    "not-stated": "The specification sets no simulation rule for this unit, so plan to use evidence from your real "
    "work and ask your assessor before relying on anything simulated.",
}

# Admonition type and heading for each kind of note on a unit page.
UNIT_NOTE = {
    "source": ("note", "About the source"),
    "caution": ("warning", "Take care"),
    "info": ("note", "Good to know"),
}


def unit_note(kind: str) -> tuple[str, str]:
    return UNIT_NOTE.get(kind, UNIT_NOTE["info"])


def spec_note_heading(kind: str) -> str:
    return "About the source" if kind == "source" else "Good to know"


def sentence_list(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) < 3:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def test_size(minutes: int, questions: int | None, marks: int | None) -> str:
    """'75 minutes, 45 questions' / '75 minutes, 60 marks' (no full stop)."""
    text = f"{minutes} minutes"
    if questions:
        text += f", {questions} questions"
    if marks:
        text += f", {marks} marks"
    return text


def group_rule(min_units: int | None, max_units: int | None, min_credits: int | None, max_credits: int | None) -> str:
    """The rule sentence printed under a group of units in a qualification structure."""
    rules = []
    if min_units is not None and min_units == max_units:
        rules.append("take exactly " + plural(min_units, "unit"))
    else:
        if min_units is not None:
            rules.append("take at least " + plural(min_units, "unit"))
        if max_units is not None:
            rules.append("take at most " + plural(max_units, "unit"))
    if min_credits is not None:
        rules.append(f"at least {min_credits} credits")
    if max_credits is not None:
        rules.append(f"at most {max_credits} credits")
    return f"Rule: {', '.join(rules)}." if rules else ""


# The legislation library is grouped by topic; a law joins the first group one of whose
# keys is part of its slug.
LAW_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    (
        "Consumer rights, contracts and credit",
        (
            "consumer-rights",
            "sale-of-goods",
            "supply-of-goods",
            "consumer-credit",
            "consumer-contracts",
            "distance-selling",
            "unsolicited",
        ),
    ),
    (
        "Unfair trading and product safety",
        ("unfair-trading", "digital-markets", "trade-descriptions", "consumer-protection-act", "product-safety"),
    ),
    ("Data protection and marketing", ("data-", "gdpr", "privacy", "freedom-of-information", "computer-misuse")),
    ("Equality", ("equality", "discrimination", "race-relations")),
    ("Health and safety", ("health-and-safety", "display-screen", "riddor", "reporting-of-injuries", "fire")),
    ("Employment", ("working-time", "employment", "minimum-wage")),
    ("Regulators' rules and codes", ("fca", "ofcom", "code")),
]
OTHER_LAWS = "Other laws named in the specifications"


def law_group(slug: str) -> str:
    for title, keys in LAW_GROUPS:
        if any(key in slug for key in keys):
            return title
    return OTHER_LAWS


def find_outcome(unit: Unit, outcome_id: str) -> Outcome:
    return next(o for o in unit.outcomes if o.id == outcome_id)


def outcome_label(unit: Unit, outcome_id: str) -> str:
    """'Outcome 1: Understand ...', 'Learning aim A: ...' (plain text, not escaped)."""
    found = find_outcome(unit, outcome_id)
    return f"{OUTCOME_KINDS[found.kind]} {found.id}: {found.title}"


def status_badge(status: str) -> tuple[str, str]:
    """CSS modifier and label of a law's status badge: ('in-force', 'In force')."""
    return status.replace(" ", "-"), status.capitalize()
