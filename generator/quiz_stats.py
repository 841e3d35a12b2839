"""How guessable a quiz bank is, and what tutors want to count in it.

One place computes the answer-length cue rate, so the check that fails a bank
(generator/checks/banks.py), the report `generator check` prints (generator/quizzes.py)
and the tutors' item-statistics page (generator/pages/item_stats.py) can never disagree.
Nothing here records problems or formats lines: it only counts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from .corpus import ValidatedCorpus
from .quiz_models import Bank, Item

# Above this share of items whose key is the longest option, "always pick the longest"
# scores well enough to hide what a learner does not know, so the bank fails the check.
MAX_LENGTH_CUE_RATE = Fraction(30, 100)

# Words too common to be a clue when a key repeats them from the stem.
_STOPWORDS = frozenset(
    {
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "could",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "every",
        "from",
        "further",
        "have",
        "having",
        "here",
        "into",
        "itself",
        "just",
        "more",
        "most",
        "must",
        "other",
        "over",
        "same",
        "should",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
        "your",
        "yours",
    }
)
# "None of the above" and friends: they reward test-taking strategy, not knowledge, and
# break when options are shuffled, as the quiz engine does.
_ABOVE = re.compile(r"\b(all|none|both|neither) of the (above|options)\b", re.IGNORECASE)
# Negative words a learner skims past unless the stem makes them stand out.
_NEGATIVE = re.compile(r"(\*\*|__)?\b(not|except|least|never|incorrect)\b(\*\*|__)?", re.IGNORECASE)
_TRUE_OR_FALSE = re.compile(r"\btrue or false\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MARKS = re.compile(r"[*_`]")
_WORD = re.compile(r"[a-z]+")


def _length(text: str) -> int:
    """An option's length as a learner sees it: characters, with surrounding space and
    Markdown emphasis marks (which the page does not show) left out."""
    return len(_MARKS.sub("", text).strip())


def single_length_cue(item: Item) -> bool:
    """A single-answer item whose correct option is longer than every other option."""
    key = [_length(o.text) for o in item.options if o.correct]
    others = [_length(o.text) for o in item.options if not o.correct]
    return len(key) == 1 and bool(others) and key[0] > max(others)


def multiple_length_cue(item: Item) -> bool:
    """A multiple-response item whose k correct options are exactly its k longest: every
    key longer than every distractor, so "tick the long ones" scores full marks."""
    keys = [_length(o.text) for o in item.options if o.correct]
    others = [_length(o.text) for o in item.options if not o.correct]
    return bool(keys) and bool(others) and min(keys) > max(others)


def _content_words(text: str) -> set[str]:
    # A trailing "s" is dropped so "complaint" in the stem matches "complaints" in a key.
    return {
        w[:-1] if w.endswith("s") else w for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _STOPWORDS
    }


def key_echoes_stem(item: Item) -> bool:
    """A key shares a content word with the stem and no distractor does: a clue."""
    if item.type not in ("single", "multiple"):
        return False
    stem = _content_words(item.stem)
    keys = [o for o in item.options if o.correct]
    others = [o for o in item.options if not o.correct]
    return any(stem & _content_words(o.text) for o in keys) and not any(stem & _content_words(o.text) for o in others)


def uses_above_option(item: Item) -> bool:
    return any(_ABOVE.search(o.text) for o in item.options)


def unemphasised_negative(item: Item) -> bool:
    """A question asking for the option that is NOT, EXCEPT, LEAST... right, with the
    negative word neither in bold nor in capitals.  Only for items with options: a
    true-false statement is not a question about which option to pick.  Only the last
    sentence counts: a scenario may say "never" without the question being negative."""
    if item.type not in ("single", "multiple"):
        return False
    question = _SENTENCE_END.split(_TRUE_OR_FALSE.sub("", item.stem).strip())[-1]
    for match in _NEGATIVE.finditer(question):
        bold = bool(match.group(1)) and bool(match.group(3))
        if not bold and not match.group(2).isupper():
            return True
    return False


@dataclass(frozen=True)
class Rate:
    """cued items out of counted items; None when the bank has no item of the type."""

    cued: int
    counted: int

    @property
    def value(self) -> Fraction | None:
        return Fraction(self.cued, self.counted) if self.counted else None

    @property
    def too_high(self) -> bool:
        value = self.value
        return value is not None and value > MAX_LENGTH_CUE_RATE

    @property
    def percent(self) -> str:
        value = self.value
        return "n/a" if value is None else f"{round(float(value) * 100)}%"

    def describe(self) -> str:
        return f"{self.cued}/{self.counted} ({self.percent})"


@dataclass(frozen=True)
class BankStats:
    """Everything the check, the report and the tutors' page say about one bank."""

    single: Rate
    multiple: Rate
    single_cued: tuple[str, ...]  # item ids, in bank order
    multiple_cued: tuple[str, ...]
    echoes: tuple[str, ...]
    above: tuple[str, ...]
    negatives: tuple[str, ...]
    by_outcome: tuple[tuple[str, int], ...]  # in order of first appearance
    by_type: tuple[tuple[str, int], ...]


# The check, the check report and the tutors' page each ask for the same bank's figures in
# one build; a bank is immutable, so they are worked out once (the bank is kept beside its
# figures so a recycled id() can never return another bank's).
_MADE: dict[int, tuple[Bank, BankStats]] = {}


def bank_stats(bank: Bank) -> BankStats:
    made = _MADE.get(id(bank))
    if made is not None and made[0] is bank:
        return made[1]
    if len(_MADE) > 256:  # `mkdocs serve` rebuilds many times; keep only recent builds
        _MADE.clear()
    stats = _bank_stats(bank)
    _MADE[id(bank)] = (bank, stats)
    return stats


def _bank_stats(bank: Bank) -> BankStats:
    items = bank.items
    singles = [i for i in items if i.type == "single"]
    multiples = [i for i in items if i.type == "multiple"]
    single_cued = tuple(i.id for i in singles if single_length_cue(i))
    multiple_cued = tuple(i.id for i in multiples if multiple_length_cue(i))
    return BankStats(
        single=Rate(len(single_cued), len(singles)),
        multiple=Rate(len(multiple_cued), len(multiples)),
        single_cued=single_cued,
        multiple_cued=multiple_cued,
        echoes=tuple(i.id for i in items if key_echoes_stem(i)),
        above=tuple(i.id for i in items if uses_above_option(i)),
        negatives=tuple(i.id for i in items if unemphasised_negative(i)),
        by_outcome=tuple(Counter(i.outcome for i in items).items()),
        by_type=tuple(Counter(i.type for i in items).items()),
    )


def uncertain_law_items(corpus: ValidatedCorpus) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(spec, unit, item id, law slugs) for every item tagged with a law whose library entry
    says what we are not sure of: the entry is the one place the doubt is written, and
    this is how reviewers find the keys that rest on it."""
    laws = corpus.teaching.laws
    found = []
    for (spec, unit), data in corpus.banks.by_unit.items():
        for item in data.bank.items:
            doubtful = tuple(slug for slug in item.legislation if (entry := laws.get(slug)) and entry.law.uncertain)
            if doubtful:
                found.append((spec, unit, item.id, doubtful))
    return found
