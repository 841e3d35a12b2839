"""GIFT, Moodle's plain-text question format: a $CATEGORY line per outcome (the same
categories as the Moodle XML export), ::id:: titles, [html] text, # per-answer feedback
and #### general feedback.

GIFT has no ordering or distractor-matching question: an ordering item becomes a matching
question that pairs each position (1st, 2nd, ...) with its step, and a matching item's
distractors are left out (Moodle XML keeps them).  docs/lms.md says so for tutors.
"""

from __future__ import annotations

import re

from .bank import ExportBank, ExportItem
from .moodle import category_path, fraction, share

# Characters GIFT treats as syntax, and the backslash that escapes them.
_SPECIAL = re.compile(r"([\\~=#{}:])")


def one_line(html: str) -> str:
    """A line break could end the question (at a blank line); in HTML a space is the same."""
    return html.replace("\n", " ")


def escape(text: str) -> str:
    """Text as literal GIFT, on one line: each of \\ ~ = # { } : gets a backslash."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _feedback(html: str) -> str:
    return f"#{escape(html)}" if html else ""


def _answers(entry: ExportItem) -> str:
    item = entry.item
    html = entry.html
    if item.type == "single":
        return "".join(
            f"\n{'=' if o.correct else '~'}{escape(html(o.text))}{_feedback(html(o.feedback))}" for o in item.options
        )
    if item.type == "multiple":
        right = sum(o.correct for o in item.options)
        wrong = len(item.options) - right
        return "".join(
            f"\n~%{fraction(share(right) if o.correct else -share(wrong))}%{escape(html(o.text))}"
            f"{_feedback(html(o.feedback))}"
            for o in item.options
        )
    if item.type == "true-false":
        return "TRUE" if item.answer else "FALSE"
    if item.type == "short":
        return "".join(f"\n={escape(a)}" for a in item.accept)
    if item.type == "matching":
        return "".join(f"\n={escape(html(p.prompt))} -> {escape(p.answer)}" for p in item.pairs)
    if item.type == "ordering":
        return "".join(f"\n={ordinal(i)} -> {escape(step)}" for i, step in enumerate(item.sequence, start=1))
    return ""  # extended: an essay, marked by the tutor


def question(entry: ExportItem) -> str:
    item = entry.item
    general = f"\n####{escape(entry.html(item.explanation))}" if item.explanation else ""
    answers = _answers(entry)
    close = "\n}" if answers.startswith("\n") or general else "}"
    return f"::{escape(entry.uid)}::[html]{escape(entry.html(item.stem))}{{{answers}{general}{close}\n"


def export(bank: ExportBank) -> bytes:
    parts = [
        "// Customer Service Study Hub: the reviewed quiz items, one category per outcome.\n",
        "// Import in Moodle: Question bank > Import > GIFT format.\n\n",
    ]
    for cat in bank.categories:
        parts.append(f"$CATEGORY: {category_path(cat.path)}\n\n")
        for entry in cat.items:
            parts.append(question(entry) + "\n")
    return "".join(parts).encode("utf-8")
