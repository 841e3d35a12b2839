"""Quiz banks: load quizzes/<spec>/<unit>.yml, cross-check them against the content, and
check that every test specification can be filled from reviewed items twice over."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus, Sourced, display_path, natural_key
from .models import TestSpec
from .problems import Problems
from .quiz_models import Bank, Item
from .validate import validate_file
from .yamlload import Loaded, format_loc, load_yaml

# Each outcome needs this many times its blueprint share of reviewed items, so that two
# attempts at the same test are different papers.
BANK_FACTOR = 2


@dataclass
class BankData:
    bank: Bank
    origin: Sourced
    indices: list[int]  # where each valid item stands in the file, for error lines

    @property
    def key(self) -> tuple[str, str]:
        return self.bank.spec, self.bank.unit


@dataclass
class Banks:
    by_unit: dict[tuple[str, str], BankData] = field(default_factory=dict)

    def items_for(self, spec: str, unit: str) -> list[Item]:
        data = self.by_unit.get((spec, unit))
        return list(data.bank.items) if data else []


def load_banks(quiz_dir: Path, problems: Problems) -> Banks:
    banks = Banks()
    if not quiz_dir.is_dir():
        return banks
    for spec_dir in sorted(p for p in quiz_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        for path in sorted(spec_dir.glob("*.yml"), key=lambda p: natural_key(p.stem)):
            display = display_path(path, quiz_dir)
            loaded = load_yaml(path, display, problems)
            validated = _validate_bank(loaded, display, problems) if loaded else None
            if validated is None:
                continue
            bank, indices = validated
            if (bank.spec, bank.unit) != (spec_dir.name, path.stem):
                problems.add(display, loaded.line_for(("unit",)), "unit",
                             f"this bank says spec {bank.spec!r} unit {bank.unit!r}, but its path says "
                             f"{spec_dir.name!r} unit {path.stem!r}",
                             f"save it as quizzes/{bank.spec}/{bank.unit}.yml, or correct spec: and unit:")
                continue
            banks.by_unit[bank.spec, bank.unit] = BankData(bank, Sourced(display, loaded), indices)
    return banks


def _validate_bank(loaded: Loaded, display: str, problems: Problems) -> tuple[Bank, list[int]] | None:
    """Validate item by item, so one bad item does not hide the problems of the others.
    Returns the bank of valid items and, for each, its index in the file."""
    raw = loaded.data
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list) or not raw["items"]:
        bank = validate_file(loaded, Bank, display, problems)
        return (bank, list(range(len(bank.items)))) if bank else None
    good, indices = [], []
    for i, item in enumerate(raw["items"]):
        lines = {k[2:]: v for k, v in loaded.lines.items() if k[:2] == ("items", i)}
        found = Problems()
        model = validate_file(Loaded(loaded.path, item, lines), Item, display, found)
        for p in found.items:  # report each problem at its place in the whole file
            problems.add(p.file, p.line, f"items[{i}]" + (f".{p.field}" if p.field else ""), p.message, p.hint)
        if model is not None:
            good.append(model)
            indices.append(i)
    if not good:
        return None
    header = {k: v for k, v in raw.items() if k != "items"}
    bank = validate_file(Loaded(loaded.path, {**header, "items": good}, loaded.lines), Bank, display, problems)
    return (bank, indices) if bank else None


def crosscheck_banks(corpus: Corpus, banks: Banks, problems: Problems) -> None:
    for (spec_slug, unit_number), data in banks.by_unit.items():
        origin = data.origin
        spec = corpus.specs.get(spec_slug)
        unit = spec.units.get(unit_number) if spec else None
        if unit is None:
            if spec_slug in corpus.broken_specs:
                continue  # its specification already failed; one mistake, one report
            if spec is None or unit_number not in spec.broken:
                problems.add(origin.display, origin.line("unit"), "unit",
                             f"{spec_slug}/{unit_number} is not a unit in content/",
                             "use the unit's page number (for 271 use 201)")
            continue
        outcomes = {o.id: o for o in unit.outcomes}
        criteria = {c.id for o in unit.outcomes for c in o.criteria}
        areas = {a.id for a in unit.content}
        ids = Counter(item.id for item in data.bank.items)
        for item, i in zip(data.bank.items, data.indices):
            loc = ("items", i)
            if ids[item.id] > 1:
                problems.add(origin.display, origin.line(*loc, "id"), format_loc(loc + ("id",)),
                             f"item id {item.id!r} is used more than once",
                             "give every item its own id and never reuse an old one")
            if item.outcome not in outcomes:
                problems.add(origin.display, origin.line(*loc, "outcome"), format_loc(loc + ("outcome",)),
                             f"unit {unit.number} has no outcome {item.outcome!r}",
                             f"use one of: {', '.join(outcomes)}")
            for ci, cid in enumerate(item.criteria):
                if cid not in criteria:
                    problems.add(origin.display, origin.line(*loc, "criteria", ci),
                                 format_loc(loc + ("criteria", ci)),
                                 f"unit {unit.number} has no criterion {cid!r}", "use a printed criterion id")
            for ai, aid in enumerate(item.content):
                if aid not in areas:
                    problems.add(origin.display, origin.line(*loc, "content", ai),
                                 format_loc(loc + ("content", ai)),
                                 f"unit {unit.number} has no content area {aid!r}", "use a printed content id such as A1")
            if not item.criteria and not item.content:
                problems.add(origin.display, origin.line(*loc), format_loc(loc),
                             "the item covers no criterion or content area",
                             "add criteria: [...] or content: [...] so learners can revise from it")


def allocate(weights: list[int], total: int) -> list[int]:
    """Largest-remainder shares of `total`; ties go to the earlier outcome.  Whole-number
    arithmetic, so quiz.js's allocate() gives exactly the same answer for any length."""
    weight_sum = sum(weights)
    counts = [w * total // weight_sum for w in weights]
    remainders = [w * total % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def blueprint_needs(test: TestSpec) -> list[tuple[str | None, str, int, str, str | None]]:
    """(unit, outcome, amount, measure, demand) a bank must supply for one test, counted
    for the longest length a learner may choose."""
    needs = []
    scale = max(test.length_options) / test.questions if (test.length_options and test.questions) else 1
    for part in test.outcomes:
        if part.marks is not None:
            needs.append((part.unit, part.outcome, part.marks, "marks", None))
        elif part.questions is not None:
            count = -(-part.questions * scale // 1) if scale != 1 else part.questions
            count = int(count)
            if test.understanding_percent is not None:
                understanding = round(count * test.understanding_percent / 100)
                needs.append((part.unit, part.outcome, understanding, "items", "understanding"))
                needs.append((part.unit, part.outcome, count - understanding, "items", "knowledge"))
            else:
                needs.append((part.unit, part.outcome, count, "items", None))
    return needs


def bank_report(corpus: Corpus, banks: Banks, problems: Problems | None = None) -> list[str]:
    """One line per test and outcome: reviewed items (or marks) against what the blueprint
    needs.  Records a problem for each shortfall when `problems` is given."""
    lines = []
    for data in corpus.specs.values():
        for ti, test in enumerate(data.spec.tests):
            for unit_ref, outcome, amount, measure, demand in blueprint_needs(test):
                unit = data.resolve(unit_ref or test.units[0])
                if unit is None:
                    continue
                items = [it for it in banks.items_for(data.slug, unit.number)
                         if it.outcome == outcome and it.status == "reviewed"
                         and (demand is None or it.demand == demand)]
                have = sum(it.marks for it in items) if measure == "marks" else len(items)
                need = amount * BANK_FACTOR
                ok = have >= need and (measure != "marks" or _can_make(items, amount))
                label = f"{data.slug} test {test.id}: unit {unit.number} outcome {outcome}" + \
                        (f" ({demand})" if demand else "")
                lines.append(f"{'ok  ' if ok else 'LOW '} {label}: {have} reviewed {measure}, needs {need}")
                if not ok and problems is not None:
                    oi = next(i for i, p in enumerate(test.outcomes)
                              if p.outcome == outcome and (p.unit or test.units[0]) in (unit_ref or test.units[0], unit.number))
                    loc = ("tests", ti, "outcomes", oi)
                    problems.add(data.origin.display, data.origin.line(*loc), format_loc(loc),
                                 f"the bank cannot fill test {test.id}: unit {unit.number} outcome {outcome}"
                                 f"{' (' + demand + ')' if demand else ''} needs {need} reviewed {measure} "
                                 f"({BANK_FACTOR} x {amount}), it has {have}",
                                 f"write and review more items in quizzes/{data.slug}/{unit.number}.yml, "
                                 "or lower the blueprint")
    return lines


def _can_make(items: list[Item], target: int) -> bool:
    """Whether some subset of the items' marks adds up to exactly `target` marks."""
    reachable = {0}
    for item in items:
        reachable |= {r + item.marks for r in reachable if r + item.marks <= target}
    return target in reachable
