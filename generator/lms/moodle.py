"""Moodle XML (<quiz>): one category per specification, unit and outcome, so a tutor can
rebuild a test specification with "random question from category".

Type map (docs/lms.md has the table for tutors):
  single, multiple -> multichoice (single/multi; a multi item's right answers share 100%
                      and its wrong answers share -100%, so ticking everything scores 0)
  true-false       -> truefalse
  short            -> shortanswer (every accepted answer 100%)
  matching         -> matching (distractors as answers with no question)
  ordering         -> ordering (qtype_ordering: included in recent Moodle releases, a free
                      plugin on older ones); answers listed in the right order, fraction =
                      position, which is how qtype_ordering writes its own exports
  extended         -> essay, with the model answer and marking points as grader information
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .bank import Category, ExportBank, ExportItem
from .html import plain_text

# Moodle accepts only these grades for an answer (question/format.php, "match grades").
MOODLE_GRADES = (
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0,
    20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0,
)  # fmt: skip


def share(count: int) -> float:
    """Each of `count` answers' equal share of 100%, as Moodle writes it (one of its grades)."""
    wanted = 100.0 / count
    best = min(MOODLE_GRADES, key=lambda grade: abs(grade - wanted))
    if abs(best - wanted) > 0.001:
        raise ValueError(f"Moodle has no grade for a 1/{count} share")
    return best


def fraction(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def category_path(parts: tuple[str, ...]) -> str:
    """$course$/top/<spec>/<unit>/<outcome>; a '/' inside a name is written '//' (Moodle's rule)."""
    return "/".join(["$course$", "top", *(p.replace("/", "//") for p in parts)])


def cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(tag: str, html: str, indent: str = "    ") -> str:
    return f'{indent}<{tag} format="html"><text>{cdata(html)}</text></{tag}>\n'


def _plain(tag: str, text: str, indent: str = "    ") -> str:
    return f"{indent}<{tag}><text>{escape(text)}</text></{tag}>\n"


def _category(parts: tuple[str, ...]) -> str:
    return (
        '  <question type="category">\n'
        f"    <category><text>{escape(category_path(parts))}</text></category>\n"
        '    <info format="html"><text></text></info>\n'
        "  </question>\n"
    )


MOODLE_TYPE = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "short": "shortanswer",
    "matching": "matching",
    "ordering": "ordering",
    "extended": "essay",
}


def _answer(value: float, html: str, feedback: str = "", fmt: str = "html") -> str:
    return (
        f'    <answer fraction="{fraction(value)}" format="{fmt}">\n'
        f"      <text>{cdata(html) if fmt == 'html' else escape(html)}</text>\n"
        f'      <feedback format="html"><text>{cdata(feedback)}</text></feedback>\n'
        "    </answer>\n"
    )


def _body(entry: ExportItem) -> str:
    item = entry.item
    out = []
    if item.type in ("single", "multiple"):
        correct = [o for o in item.options if o.correct]
        wrong = [o for o in item.options if not o.correct]
        out.append(f"    <single>{'true' if item.type == 'single' else 'false'}</single>\n")
        out.append("    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n")
        for o in item.options:
            if item.type == "single":
                value = 100.0 if o.correct else 0.0
            else:
                value = share(len(correct)) if o.correct else -share(len(wrong))
            out.append(_answer(value, entry.html(o.text), entry.html(o.feedback)))
    elif item.type == "true-false":
        out.append(_answer(100.0 if item.answer else 0.0, "true", fmt="moodle_auto_format"))
        out.append(_answer(0.0 if item.answer else 100.0, "false", fmt="moodle_auto_format"))
    elif item.type == "short":
        out.append(f"    <usecase>{1 if item.case_sensitive else 0}</usecase>\n")
        out.extend(_answer(100.0, text, fmt="moodle_auto_format") for text in item.accept)
    elif item.type == "matching":
        out.append("    <shuffleanswers>true</shuffleanswers>\n")
        for pair in item.pairs:
            out.append(
                '    <subquestion format="html">\n'
                f"      <text>{cdata(entry.html(pair.prompt))}</text>\n"
                f"      <answer><text>{escape(pair.answer)}</text></answer>\n"
                "    </subquestion>\n"
            )
        for extra in item.distractors:
            out.append(
                '    <subquestion format="html">\n      <text></text>\n'
                f"      <answer><text>{escape(extra)}</text></answer>\n    </subquestion>\n"
            )
    elif item.type == "ordering":
        out.append(
            "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
            "    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
            "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n"
        )
        for position, step in enumerate(item.sequence, start=1):
            out.append(
                f'    <answer fraction="{position}" format="moodle_auto_format"><text>{escape(step)}</text></answer>\n'
            )
    elif item.type == "extended":
        guide = (
            entry.html(item.model_answer)
            + "<ul>"
            + "".join(f"<li>{entry.html(p)}</li>" for p in item.marking_points)
            + "</ul>"
        )
        out.append(
            "    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
            "    <responsefieldlines>10</responsefieldlines>\n    <attachments>0</attachments>\n"
        )
        out.append(_text("graderinfo", guide))
    return "".join(out)


def question(entry: ExportItem) -> str:
    item = entry.item
    return (
        f'  <question type="{MOODLE_TYPE[item.type]}">\n'
        + _plain("name", f"{entry.uid}: {_short(entry)}")
        + _text("questiontext", entry.html(item.stem))
        + _text("generalfeedback", entry.html(item.explanation))
        + f"    <defaultgrade>{item.marks}</defaultgrade>\n"
        + "    <penalty>0</penalty>\n    <hidden>0</hidden>\n"
        + f"    <idnumber>{escape(entry.uid)}</idnumber>\n"
        + _body(entry)
        + "  </question>\n"
    )


def _short(entry: ExportItem) -> str:
    """A question's name in Moodle's bank list: its id and the start of its stem."""
    words = plain_text(entry.html(entry.item.stem)).split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def categories_with_parents(categories: tuple[Category, ...]) -> list[tuple[tuple[str, ...], Category | None]]:
    """Each specification and unit category before the outcome categories under it."""
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[tuple[str, ...], Category | None]] = []
    for cat in categories:
        for depth in (1, 2):
            if cat.path[:depth] not in seen:
                seen.add(cat.path[:depth])
                out.append((cat.path[:depth], None))
        out.append((cat.path, cat))
    return out


def export(bank: ExportBank) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n']
    for path, cat in categories_with_parents(bank.categories):
        parts.append(_category(path))
        if cat:
            parts.extend(question(entry) for entry in cat.items)
    parts.append("</quiz>\n")
    return "".join(parts).encode("utf-8")
