"""Drive the quiz engine as a learner would: answer a rendered question with the known
key (or a wrong answer), using the visible controls only."""

from __future__ import annotations

import yaml

from .conftest import ROOT


def bank_items(spec: str, *units: str) -> dict[str, dict]:
    items = {}
    for unit in units:
        data = yaml.safe_load((ROOT / "quizzes" / spec / f"{unit}.yml").read_text(encoding="utf-8"))
        for item in data["items"]:
            items[item["id"]] = item
    return items


def answer(question, item: dict, right: bool = True) -> None:
    """Answer one visible question block (a Playwright locator) with the key, or not."""
    kind = item["type"]
    if kind == "single":
        index = (
            next(i for i, o in enumerate(item["options"]) if o.get("correct"))
            if right
            else next(i for i, o in enumerate(item["options"]) if not o.get("correct"))
        )
        question.locator(f'label[data-option-index="{index}"]').click()
    elif kind == "multiple":
        for i, o in enumerate(item["options"]):
            if bool(o.get("correct")) == right or (not right and i == 0):
                question.locator(f'label[data-option-index="{i}"]').click()
    elif kind == "true-false":
        value = item["answer"] if right else not item["answer"]
        question.locator(f'label[data-option-value="{str(value).lower()}"]').click()
    elif kind == "short":
        question.locator("input.csh-short").fill(item["accept"][0] if right else "zzz not it")
    elif kind == "matching":
        selects = question.locator("select")
        answers = [p["answer"] for p in item["pairs"]]
        for i in range(selects.count()):
            choice = answers[i] if right else answers[(i + 1) % len(answers)]
            selects.nth(i).select_option(choice)
    elif kind == "ordering":
        target = list(range(len(item["sequence"]))) if right else list(range(len(item["sequence"])))[::-1]
        for pos, step in enumerate(target):
            # Move the step that belongs at `pos` up until it gets there.
            while True:
                order = question.locator("ol.csh-ordering li").evaluate_all("els => els.map(e => +e.dataset.step)")
                at = order.index(step)
                if at == pos:
                    break
                question.locator(f'ol.csh-ordering li[data-step="{step}"] button.csh-move').first.click()
    elif kind == "extended":
        question.locator("textarea").fill("My answer covers the main points.")
    else:
        raise AssertionError(kind)


def wait_for_paper(root) -> None:
    """Wait until a quiz's first question is drawn.  "Start the test" and "Start practice"
    first load the question types and the mock's or practice's code (quiz-start.js, issue
    #14), so the questions appear a moment after the press, not during it."""
    root.locator("section.csh-question").first.wait_for(state="attached")
