"""Rules for the glossary: a term's 'See also' names other terms, and every term can be
filed under a letter, anchored on /glossary/ and told apart from the others.  One rule per
function; they run in generator/checks/teaching.py's list."""

from __future__ import annotations

import re

from ..corpus import ValidatedCorpus
from ..problems import Problems
from .common import report

# Anchors the glossary page itself uses: its title and the A to Z headings.
_RESERVED_TERM_ANCHOR = re.compile(r"^(glossary|letter-.*)$")


def related_terms_exist(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A term's 'See also' list names other terms of the glossary."""
    if corpus.broken.all_terms:
        return
    for slug, (term, origin, i) in corpus.teaching.terms.items():
        for ri, other in enumerate(term.related):
            if other == slug:
                report(
                    problems,
                    origin,
                    ("terms", i, "related", ri),
                    f"the term {term.term!r} lists itself as related",
                    "remove it from related:",
                )
            elif other not in corpus.teaching.terms and other not in corpus.broken.terms:
                report(
                    problems,
                    origin,
                    ("terms", i, "related", ri),
                    f"the glossary has no term {other!r}",
                    "use the slug of another term (its anchor on /glossary/), or add the term",
                )


def terms_start_with_a_letter(corpus: ValidatedCorpus, problems: Problems) -> None:
    """The A to Z files a term under its first letter; a digit or symbol has no heading."""
    for term, origin, i in corpus.teaching.terms.values():
        if not term.term[:1].isalpha():
            report(
                problems,
                origin,
                ("terms", i, "term"),
                f"the term {term.term!r} does not start with a letter, so the A to Z cannot file it",
                "start it with a word (write 'Twenty-four-hour service', not '24-hour service') "
                "and put the other form in aliases",
            )


def term_anchors_free(corpus: ValidatedCorpus, problems: Problems) -> None:
    """A term's anchor on /glossary/ must not be one the page uses for itself."""
    for slug, (term, origin, i) in corpus.teaching.terms.items():
        if not slug or _RESERVED_TERM_ANCHOR.match(slug):
            loc = ("terms", i, "slug" if term.slug else "term")
            report(
                problems,
                origin,
                loc,
                f"the anchor #{slug} is used by the glossary page itself"
                if slug
                else f"the term {term.term!r} gives an empty anchor",
                "set slug: to another name, e.g. the term in lower case with hyphens",
            )


_WORD = re.compile(r"[a-z0-9]+")
# Plural endings that take "es" (boxes, branches, addresses); other plurals just add "s".
_ES_PLURAL = ("sses", "ches", "shes", "xes", "zes")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(_ES_PLURAL):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def term_key(name: str) -> tuple[str, ...]:
    """What a term's name comes to once plurals and word order are ignored:
    'Features and benefits' and 'benefit and feature' give the same key."""
    return tuple(sorted(_singular(w) for w in _WORD.findall(name.lower())))


def terms_not_near_duplicates(corpus: ValidatedCorpus, problems: Problems) -> None:
    """Two glossary entries must not be the same term in another form: a singular and its
    plural, or the same words in another order.  Aliases count as forms of their term."""
    first: dict[tuple[str, ...], tuple[str, str]] = {}  # key -> (slug, the form that gave it)
    for slug, (term, origin, i) in corpus.teaching.terms.items():
        forms: list[tuple[tuple[str | int, ...], str]] = [(("terms", i, "term"), term.term)]
        forms += [(("terms", i, "aliases", ai), alias) for ai, alias in enumerate(term.aliases)]
        for loc, form in forms:
            key = term_key(form)
            if not key:
                continue
            seen = first.setdefault(key, (slug, form))
            if seen[0] != slug:
                report(
                    problems,
                    origin,
                    loc,
                    f"{form!r} is the same term as {seen[1]!r} (glossary entry {seen[0]!r}) in another form",
                    f"merge the two entries and keep {form!r} as an alias of one of them",
                )
