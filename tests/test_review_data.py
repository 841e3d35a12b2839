"""What the build writes for spaced review (generator/pages/review.py): one data script per
unit with a practice quiz, holding that quiz's published questions, and the progress page's
link map naming every outcome with its title and the page that teaches it."""

from __future__ import annotations

import json
import re

PREFIX = "window.CSHub.reviewItems["


def review_scripts(pages: dict[str, bytes]) -> dict[str, dict]:
    """Quiz id -> payload, read back from each generated script."""
    out = {}
    for path, data in pages.items():
        if path.startswith("assets/review/"):
            line = next(x for x in data.decode("utf-8").splitlines() if x.startswith(PREFIX))
            quiz, _, payload = line[len(PREFIX) :].partition("] = ")
            out[json.loads(quiz)] = json.loads(payload.rstrip(";"))
            assert path == f"assets/review/{json.loads(quiz)}.js"
    return out


def test_every_practice_quiz_has_its_review_script(real_pages):
    scripts = review_scripts(real_pages)
    unit = real_pages["cg-4417/units/201.md"].decode("utf-8")
    embedded = json.loads(re.search(r'class="csh-quiz-data">(.*?)</script>', unit).group(1))
    # The same questions as the unit page's own practice quiz, so a review asks what practice asks.
    assert scripts["cg-4417-201-practice"] == embedded
    practice_ids = set(
        re.findall(
            r'data-quiz="([^"]+-practice)"',
            "".join(
                p.decode("utf-8") for path, p in real_pages.items() if re.fullmatch(r"[^/]+/units/[^/]+\.md", path)
            ),
        )
    )
    assert practice_ids == set(scripts)


def test_progress_link_map_names_outcomes_from_the_content(real_pages):
    progress = real_pages["progress.md"].decode("utf-8")
    outcome = re.search(r'^\[(.*?)\]\((.*?)\)\{ data-csh-outcome="cg-4417-201-practice/1" \}$', progress, re.M)
    assert outcome, "no link for cg-4417 Unit 201 outcome 1"
    assert outcome.group(1) == "Outcome 1: Describe the principles of customer service"
    assert outcome.group(2) == "cg-4417/units/201/lo-1.md"
    ids = re.search(r'\{ data-csh-review-data="cg-4417-201-practice" data-csh-review-items="([^"]*)" \}', progress)
    assert ids, "no review data link for cg-4417 Unit 201"
    assert "201-1-01" in ids.group(1).split(" ")
    assert re.search(r'data-csh-qual="cg-4417-02" data-csh-units="[^"]*cg-4417-201-practice', progress)
    # Every review script the page can load is one the build writes.
    for href in re.findall(r"\]\((assets/review/[^)]+)\)", progress):
        assert href in real_pages


def test_review_scripts_are_byte_identical_across_builds(real_corpus, real_pages):
    from generator.pipeline import render

    again = render(real_corpus)
    assert {k: v for k, v in again.items() if k.startswith("assets/review/")} == {
        k: v for k, v in real_pages.items() if k.startswith("assets/review/")
    }
