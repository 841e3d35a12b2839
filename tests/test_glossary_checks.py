"""The glossary refuses near-duplicate terms: a singular beside its plural, or the same words
in another order, counting aliases as forms of their term (generator/checks/glossary.py,
terms_not_near_duplicates).  In-process, on a copy of the small valid project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.glossary import term_key
from generator.pipeline import Project, load_and_check
from generator.problems import ContentError

BASE = Path(__file__).parent / "bad_inputs" / "base"
GLOSS = "content/glossary/a-z.yml"

EXTRA = {
    "plural": """  - term: Complaints
    definition: Times customers said they were unhappy.
    example: The shop logs all complaints.
    units: ["demo/1"]
""",
    "word-order": """  - term: Service customer
    definition: The same words as an existing term in another order.
    example: A made-up example.
    units: ["demo/1"]
""",
    "alias": """  - term: Grievance
    aliases: [complaints]
    definition: A complaint by another name, with the plural of an existing term as its alias.
    example: She raised a grievance.
    units: ["demo/1"]
""",
}
WHERE = {"plural": "terms[2].term", "word-order": "terms[2].term", "alias": "terms[2].aliases[0]"}
SAME_AS = {
    "plural": "'Complaints' is the same term as 'Complaint' (glossary entry 'complaint')",
    "word-order": "'Service customer' is the same term as 'Customer service' (glossary entry 'customer-service')",
    "alias": "'complaints' is the same term as 'Complaint' (glossary entry 'complaint')",
}


def _project(tmp_path: Path, extra: str = "") -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    (root / "docs").mkdir()
    if extra:
        gloss = root / GLOSS
        gloss.write_text(gloss.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", sorted(EXTRA))
def test_near_duplicate_term_is_one_problem(case: str, tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_and_check(Project(_project(tmp_path, EXTRA[case])))
    lines = caught.value.problems.report().splitlines()
    assert len(lines) == 2 and lines[-1] == "1 problem found; nothing was written."
    assert lines[0].startswith(f"{GLOSS}:")
    assert f": {WHERE[case]}: {SAME_AS[case]} in another form. Hint: merge the two entries" in lines[0]


def test_distinct_terms_pass(tmp_path: Path) -> None:
    extra = """  - term: Customer service chain
    aliases: [service chain]
    definition: Linked teams that serve the customer.
    example: Sales and delivery are links in the customer service chain.
    units: ["demo/1"]
"""
    load_and_check(Project(_project(tmp_path, extra)))


def test_related_term_must_exist(tmp_path: Path) -> None:
    root = _project(tmp_path)
    gloss = root / GLOSS
    related = '    units: ["demo/2"]\n    related: [customer-service, no-such-term]\n'
    gloss.write_text(gloss.read_text(encoding="utf-8").replace('    units: ["demo/2"]\n', related, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_and_check(Project(root))
    lines = caught.value.problems.report().splitlines()
    assert len(lines) == 2 and "terms[1].related[1]: the glossary has no term 'no-such-term'" in lines[0]


def test_a_term_may_list_its_own_plural() -> None:
    assert term_key("Benefit") == term_key("benefits")


@pytest.mark.parametrize(
    "a, b",
    [
        ("Feature", "Features"),
        ("Features and benefits", "benefit and features"),
        ("Query", "Queries"),
        ("Address", "Addresses"),
        ("Branch", "branches"),
    ],
)
def test_forms_of_one_term_share_a_key(a: str, b: str) -> None:
    assert term_key(a) == term_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Customer service chain", "Customer service supply chain"),
        ("Right to reject", "Short-term right to reject"),
        ("Process", "Progress"),
        ("Bus", "Bu"),
        ("Status", "Statu"),
    ],
)
def test_different_terms_have_different_keys(a: str, b: str) -> None:
    assert term_key(a) != term_key(b)
