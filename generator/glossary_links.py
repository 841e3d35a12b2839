"""Mark glossary terms in teaching notes so that hovering or focusing one shows its
definition.  Terms become ordinary Markdown links to the glossary (so MkDocs checks and
rewrites them for every kind of build), with the definition in a data attribute that
hub.js turns into an accessible tooltip.

Only teaching notes are marked: criteria, quizzes and everything else stay plain.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

# Existing Markdown links, inline code and HTML tags are never touched.
_PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)(\{[^}]*\})?|`[^`]*`|<[^>]+>")


# A term may start where a word starts (not after a letter, digit or hyphen) and must end
# where a word ends.
_WORD_START = re.compile(r"(?<![\w-])\w")
_WORD = re.compile(r"\w+")
_JOINED = re.compile(r"[\w-]")


@functools.lru_cache(maxsize=64)
def _index(words: tuple[str, ...]) -> dict[str, list[str]]:
    """The forms by their first word, longest first (words come sorted by length).  Looking
    a word up is far cheaper than one regular expression of hundreds of alternatives, which
    took longer to compile than to run."""
    index: dict[str, list[str]] = {}
    for word in words:
        first = _WORD.match(word)
        if first is None:
            raise ValueError(f"a glossary form must start with a letter or digit: {word!r}")
        index.setdefault(first.group(0).lower(), []).append(word.lower())
    return index


def _find(text: str, index: dict[str, list[str]]) -> Iterator[tuple[int, int]]:
    """(start, end) of each term in text, left to right, the longest form at each place."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: compare char by char
        low = "".join(c.lower()[0] for c in text)
    at = 0
    while (start := _WORD_START.search(text, at)) is not None:
        s = start.start()
        run = _WORD.match(low, s)
        assert run is not None
        at = run.end()
        for form in index.get(run.group(0), ()):
            end = s + len(form)
            if low.startswith(form, s) and not (end < len(text) and _JOINED.match(text, end)):
                yield s, end
                at = end
                break


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
    index = _index(tuple(f[0] for f in forms))
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

            last = 0
            for s, e in _find(text, index):
                found = text[s:e]
                rebuilt.append(text[last:s])
                last = e
                _word, slug, definition, term = lookup[found.lower()]
                if slug in done or len(done) >= limit:
                    rebuilt.append(found)
                    continue
                done.add(slug)
                rebuilt.append(
                    f'[{found}]({glossary_path}#{slug}){{ .csh-term data-tip="{_attr(term)}: {_attr(definition)}" }}'
                )
            rebuilt.append(text[last:])
        out_lines.append("".join(rebuilt))
    return "\n".join(out_lines)
