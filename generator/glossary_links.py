"""Mark glossary terms in teaching notes so that hovering or focusing one shows its
definition.  Terms become ordinary Markdown links to the glossary (so MkDocs checks and
rewrites them for every kind of build), with the definition in a data attribute that
hub.js turns into an accessible tooltip.

Only teaching notes are marked: criteria, quizzes and everything else stay plain.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# Existing Markdown links, inline code and HTML tags are never touched.
_PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)(\{[^}]*\})?|`[^`]*`|<[^>]+>")


@functools.lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of the words; every outcome page of a unit uses the same
    terms, and compiling a pattern of hundreds of words costs more than using it."""
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


class TermForm(NamedTuple):
    slug: str
    forms: list[str]  # the term and its aliases: any of them gets the tooltip
    definition: str
    term: str


def _attr(text: str) -> str:
    return text.replace("\\", "").replace('"', "&quot;").replace("\n", " ").replace("{", "(").replace("}", ")")


def link_terms(markdown: str, terms: list[TermForm], glossary_path: str, limit: int = 10) -> str:
    """Link the first use of each term in `markdown` (at most `limit` terms).  The longest
    matching form wins at each position."""
    forms = []
    for slug, words, definition, term in terms:
        for word in words:
            if len(word) >= 3:
                forms.append((word, slug, definition, term))
    if not forms:
        return markdown
    forms.sort(key=lambda f: -len(f[0]))
    pattern = _pattern(tuple(f[0] for f in forms))
    lookup = {f[0].lower(): f for f in forms}
    done: set[str] = set()
    out_lines = []
    for line in markdown.split("\n"):
        if line.lstrip().startswith("#") or len(done) >= limit:
            out_lines.append(line)
            continue
        pieces = []
        last = 0
        for match in _PROTECTED.finditer(line):
            pieces.append((False, line[last : match.start()]))
            pieces.append((True, match.group(0)))
            last = match.end()
        pieces.append((False, line[last:]))
        rebuilt = []
        for protected, text in pieces:
            if protected:
                rebuilt.append(text)
                continue

            def swap(m: re.Match[str]) -> str:
                _word, slug, definition, term = lookup[m.group(1).lower()]
                if slug in done or len(done) >= limit:
                    return m.group(1)
                done.add(slug)
                return (
                    f"[{m.group(1)}]({glossary_path}#{slug})"
                    f'{{ .csh-term data-tip="{_attr(term)}: {_attr(definition)}" }}'
                )

            rebuilt.append(pattern.sub(swap, text))
        out_lines.append("".join(rebuilt))
    return "\n".join(out_lines)
