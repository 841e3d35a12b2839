"""Fixed printed papers: which questions a numbered paper of a mock test holds, and in what
order its options are printed.

A class sits the same paper, so a paper is a pure function of (specification, test, paper
number): the seed comes from a hash of those three, never from the clock or Python's own
hash(), and the random numbers from a small generator written out here (mulberry32, the
one quiz-engine.js uses) rather than the `random` module, whose algorithms may change
between Python versions.  The rules follow quiz-engine.js's draw(): each outcome gets its
share of questions (or marks) from its own items, no item twice; exam style keeps to
single-answer questions where the real test is multiple-choice."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .models import TestSpec
from .quiz_models import Item

T = TypeVar("T")

# Printed papers per mock test: two lets a class sit one and resit the other.
PAPER_NUMBERS: tuple[int, ...] = (1, 2)

SINGLE_ANSWER = ("single", "true-false")


def paper_seed(spec: str, test_id: str, number: int) -> int:
    """A 32-bit seed from the paper's name; the same on every machine and every build."""
    digest = hashlib.sha256(f"cs-hub/paper/{spec}/{test_id}/{number}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def mulberry32(seed: int) -> Callable[[], float]:
    """Uniform numbers in [0, 1), exactly as quiz-engine.js's rng()."""
    state = seed & 0xFFFFFFFF

    def imul(a: int, b: int) -> int:
        return (a * b) & 0xFFFFFFFF

    def next_value() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return next_value


def shuffle(values: Sequence[T], random: Callable[[], float]) -> list[T]:
    """Fisher-Yates, as quiz-engine.js's shuffle()."""
    out = list(values)
    for i in range(len(out) - 1, 0, -1):
        j = int(random() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


def pick_marks(items: list[Item], target: int) -> list[Item] | None:
    """Items whose marks add up to exactly `target`, preferring the order given."""
    n = len(items)
    can = [[False] * (target + 1) for _ in range(n + 1)]
    can[n][0] = True
    for i in range(n - 1, -1, -1):
        m = items[i].marks
        for s in range(target + 1):
            can[i][s] = can[i + 1][s] or (s >= m and can[i + 1][s - m])
    if not can[0][target]:
        return None
    chosen, left = [], target
    for i, item in enumerate(items):
        if left == 0:
            break
        if item.marks <= left and can[i + 1][left - item.marks]:
            chosen.append(item)
            left -= item.marks
    return chosen


@dataclass(frozen=True)
class PaperQuestion:
    unit: str
    item: Item
    order: tuple[int, ...]  # options (single, multiple) or steps (ordering) as printed


@dataclass(frozen=True)
class Paper:
    number: int
    seed: int
    exam_style: bool  # single-answer questions only
    questions: tuple[PaperQuestion, ...]


class NotEnoughItems(Exception):
    pass


def _draw(
    test: TestSpec, pools: dict[tuple[str, str], list[Item]], random: Callable[[], float]
) -> list[tuple[str, Item]]:
    used: set[tuple[str, str]] = set()
    paper: list[tuple[str, Item]] = []
    for part in test.outcomes:
        unit = part.unit or test.units[0]
        pool = shuffle([i for i in pools.get((unit, part.outcome), []) if (unit, i.id) not in used], random)
        if part.marks is not None and part.questions is None:
            chosen = pick_marks(pool, part.marks)
        else:
            want = part.questions or 0
            if test.understanding_percent is not None:
                want_u = round(want * test.understanding_percent / 100)
                under = [i for i in pool if i.demand == "understanding"]
                other = [i for i in pool if i.demand != "understanding"]
                chosen = under[:want_u] + other[: want - min(want_u, len(under))]
                chosen += [i for i in pool if i not in chosen][: want - len(chosen)]
            else:
                chosen = pool[:want]
            if len(chosen) < want:
                chosen = None
        if chosen is None:
            raise NotEnoughItems(f"not enough items for outcome {part.outcome}")
        for item in chosen:
            used.add((unit, item.id))
            paper.append((unit, item))
    return paper


def draw_paper(spec: str, test: TestSpec, items_by_unit: dict[str, list[Item]], number: int) -> Paper:
    """Paper `number` of a test.  items_by_unit: the reviewed items of each unit the
    blueprint names (by the number it uses).  Raises NotEnoughItems if the bank cannot
    fill the blueprint (the cross-check stage makes sure it can)."""
    seed = paper_seed(spec, test.id, number)
    exam = test.format == "multiple-choice"
    drawn: list[tuple[str, Item]] | None = None
    if exam:
        single = {
            (u, o): [i for i in items if i.outcome == o and i.type in SINGLE_ANSWER]
            for u, items in items_by_unit.items()
            for o in {i.outcome for i in items}
        }
        try:
            drawn = _draw(test, single, mulberry32(seed))
        except NotEnoughItems:
            exam = False  # as the online test does: mix the types rather than fail
    if drawn is None:
        pools = {
            (u, o): [i for i in items if i.outcome == o]
            for u, items in items_by_unit.items()
            for o in {i.outcome for i in items}
        }
        drawn = _draw(test, pools, mulberry32(seed))
    arrange = mulberry32(seed ^ 0x5BD1E995)
    questions = []
    for unit, item in drawn:
        order: tuple[int, ...] = ()
        if item.type in ("single", "multiple"):
            order = tuple(shuffle(range(len(item.options)), arrange))
        elif item.type == "ordering":
            steps = range(len(item.sequence))
            order = tuple(shuffle(steps, arrange))
            for _ in range(10):  # never print the steps already in order
                if order != tuple(steps):
                    break
                order = tuple(shuffle(steps, arrange))
        questions.append(PaperQuestion(unit, item, order))
    return Paper(number, seed, exam, tuple(questions))
