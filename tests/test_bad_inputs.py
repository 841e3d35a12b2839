"""Hostile, damaged and mistaken input: each case breaks a small valid project
(tests/bad_inputs/base/) in one way and expects exactly one plain report line, no
traceback, no hang, and nothing written to docs/.  In-process: the pipeline functions
are called directly."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import yamlload
from generator.pipeline import Project, build, load_and_check
from generator.problems import ContentError

BASE = Path(__file__).parent / "bad_inputs" / "base"
SPEC = "content/demo/specification.yml"
UNIT = "content/demo/units/1.yml"
UNIT2 = "content/demo/units/2.yml"
TEACH = "content/demo/teaching/1.yml"
GLOSS = "content/glossary/a-z.yml"
LAW = "content/legislation/consumer-rights-act-2015.yml"
BANK = "quizzes/demo/1.yml"

Mutation = Callable[[Path], None]


def replace(path: str, old: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def write(path: str, content: str | bytes) -> Mutation:
    def mutate(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / path).write_bytes(data)

    return mutate


def rename(path: str, new: str) -> Mutation:
    def mutate(root: Path) -> None:
        (root / new).parent.mkdir(parents=True, exist_ok=True)
        (root / path).rename(root / new)

    return mutate


def move_spec(root: Path, slug: str) -> None:
    """Rename the demo specification (folder, files and references) to ``slug``."""
    replace(SPEC, "slug: demo", f"slug: {slug}")(root)
    shutil.move(str(root / "content/demo"), str(root / f"content/{slug}"))
    shutil.move(str(root / "quizzes/demo"), str(root / f"quizzes/{slug}"))
    for path in (f"content/{slug}/teaching/1.yml", f"quizzes/{slug}/1.yml"):
        replace(path, "spec: demo", f"spec: {slug}")(root)
    for path in (GLOSS, GLOSS, LAW):
        replace(path, "demo/", f"{slug}/")(root)


def item(extra: str, kind: str = "single") -> str:
    """A bank with one more item (q5) whose type-specific part is ``extra``."""
    return (
        (BASE / BANK).read_text(encoding="utf-8")
        + f"""  - id: "q5"
    outcome: "1"
    criteria: ["1.1"]
    type: {kind}
    stem: A question
{extra}    explanation: Because.
"""
    )


BOMB = "a: &a ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)

HTML_HINT = "Hint: write plain text; raw HTML is not allowed"
LINK_HINT = "Hint: link only to http, https or mailto addresses, or to a page of this site"
ID_HINT = "Hint: unit numbers and test ids use only letters, digits and hyphens, e.g. 201 or A1"
NEG_HINT = "Hint: write the number as printed, or null if none is given"

CASES: dict[str, tuple[Mutation, str]] = {
    # --- bytes and characters -------------------------------------------------------
    "nul-byte": (
        write(UNIT, b"number: '1'\ntitle: Principles\x00\n"),
        (
            f"{UNIT}:2: (file): the file contains an invisible control character (U+0000) at column 18. "
            "Hint: delete it and retype that part of the line; it often comes from copying out of a PDF"
        ),
    ),
    "control-character": (
        replace(UNIT2, "Listen to", "Listen\x07 to"),
        (
            f"{UNIT2}:10: (file): the file contains an invisible control character (U+0007) at column "
            "21. Hint: delete it and retype that part of the line; it often comes from copying out of a PDF"
        ),
    ),
    "c1-control": (
        replace(UNIT2, "Handling", "Hand\u0085\u0090ling"),
        (
            f"{UNIT2}:3: (file): the file contains an invisible control character (U+0090) at column 13. "
            "Hint: delete it and retype that part of the line; it often comes from copying out of a PDF"
        ),
    ),
    "not-utf8-at-its-line": (
        write(UNIT, b"number: '1'\ntitle: ok\ncredits: 5\nglh: 40\naim: caf\xe9\n"),
        (
            f"{UNIT}:5: (file): the file is not UTF-8 text (the byte 0xe9 is not valid UTF-8). "
            "Hint: save it as UTF-8 in your editor"
        ),
    ),
    # --- YAML structure ------------------------------------------------------------
    "self-referencing-alias": (
        write(UNIT, "number: '1'\nouter: &a [*a]\n"),
        (
            f"{UNIT}:2: (file): YAML aliases ('*name') are not allowed. "
            "Hint: write the value out in full where it is needed"
        ),
    ),
    "alias-bomb": (
        write(UNIT, BOMB),
        (
            f"{UNIT}:2: (file): YAML aliases ('*name') are not allowed. "
            "Hint: write the value out in full where it is needed"
        ),
    ),
    "anchor-without-alias": (
        replace(UNIT, "credits: 5", "credits: &c 5"),
        (
            f"{UNIT}:3: (file): YAML anchors ('&name') are not allowed. "
            "Hint: remove the anchor and write each value out in full"
        ),
    ),
    "merge-key": (
        write(UNIT, "base: &b {x: '1'}\nother:\n  <<: *b\n"),
        f"{UNIT}:3: (file): merge keys ('<<') are not supported. Hint: write the keys out in full",
    ),
    "deep-nesting": (
        write(UNIT, "number: " + "[" * 3000 + "]" * 3000 + "\n"),
        (
            f"{UNIT}:1: (file): lists and mappings are nested more than 50 deep. "
            "Hint: content never needs more than a few levels; check the brackets and indentation"
        ),
    ),
    "python-tag": (
        replace(UNIT, "credits: 5", "credits: !!python/object/apply:os.system ['true']"),
        (
            f"{UNIT}:3: credits: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
            "allowed. Hint: remove the '!' tag"
        ),
    ),
    "file-is-a-list": (
        write(UNIT, "- number: '1'\n"),
        (
            f"{UNIT}:1: (file): the file must be a mapping of keys to values. "
            "Hint: start with the keys of a Unit, e.g. 'number: ...'"
        ),
    ),
    # --- files the loader would skip -------------------------------------------------
    "yaml-extension": (
        rename(UNIT2, "content/demo/units/2.yaml"),
        "content/demo/units/2.yaml: (file): content files must end in .yml. Hint: rename it to 2.yml",
    ),
    "file-in-unknown-place": (
        write("content/demo/unit/3.yml", "number: '3'\n"),
        (
            "content/demo/unit/3.yml: (file): the generator does not read a file in this place. "
            "Hint: content files go in content/glossary/<name>.yml, content/legislation/<slug>.yml, "
            "content/diagrams/<slug>.yml, content/shared/<slug>.yml, content/<spec>/specification.yml, "
            "content/<spec>/units/<number>.yml, content/<spec>/teaching/<unit>.yml, "
            "quizzes/<spec>/<unit>.yml"
        ),
    ),
    "file-name-not-a-path-id": (
        write("content/demo/units/3 b.yml", "number: '3 b'\n"),
        (
            "content/demo/units/3 b.yml: (file): the name '3 b' cannot be used in a web address. "
            "Hint: name folders and files with letters, digits and hyphens only, e.g. 201.yml"
        ),
    ),
    "units-without-specification": (
        write("content/other/units/1.yml", (BASE / UNIT).read_text()),
        (
            "content/other/specification.yml: (file): the folder content/other/ has unit or "
            "teaching files but no specification.yml. Hint: add the specification file, or "
            "move the files into the right folder"
        ),
    ),
    # --- ids that reach paths --------------------------------------------------------
    "alias-with-dot": (
        replace(UNIT2, 'aliases: ["12"]', 'aliases: ["12", "2.1"]'),
        f"{UNIT2}:2: aliases[1]: '2.1' cannot be used in a web address. {ID_HINT}",
    ),
    "alias-with-slash": (
        replace(UNIT2, 'aliases: ["12"]', 'aliases: ["12", "a/b"]'),
        f"{UNIT2}:2: aliases[1]: 'a/b' cannot be used in a web address. {ID_HINT}",
    ),
    "test-id-with-space": (
        replace(SPEC, 'id: "1"\n    title: Unit 1 test', 'id: "mock 1"\n    title: Unit 1 test'),
        f"{SPEC}:21: tests[0].id: 'mock 1' cannot be used in a web address. {ID_HINT}",
    ),
    "bank-unit-with-dots": (
        replace(BANK, 'unit: "1"', 'unit: "../1"'),
        (
            f"{BANK}:2: unit: '../1' is not a valid identifier or slug. Hint: ids use letters, digits, "
            "'.', '-' and '/'; slugs use lower-case letters, digits and single hyphens"
        ),
    ),
    # --- page addresses --------------------------------------------------------------
    "law-slug-index": (
        lambda root: [
            rename(LAW, "content/legislation/index.yml")(root),
            replace("content/legislation/index.yml", "slug: consumer-rights-act-2015", "slug: index")(root),
            replace(TEACH, "  - consumer-rights-act-2015", "  - index")(root),
        ],
        (
            "content/legislation/index.yml:1: slug: this would publish the page /legislation/, which is a "
            "page of the site itself. Hint: choose another id or slug; every page needs an address of its own"
        ),
    ),
    "spec-slug-tutors": (
        lambda root: move_spec(root, "tutors"),
        (
            "content/tutors/specification.yml:1: slug: this would publish the page /tutors/, which is a "
            "page of the site itself. Hint: choose another id or slug; every page needs an address of its own"
        ),
    ),
    "spec-slug-progress": (
        lambda root: move_spec(root, "progress"),
        (
            "content/progress/specification.yml:1: slug: this would publish the page /progress/, which "
            "is a page of the site itself. Hint: choose another id or slug; every page needs an address "
            "of its own"
        ),
    ),
    "answer-keys-collide": (
        lambda root: [
            move_spec(root, "demo-1"),
            shutil.copytree(BASE / "content/demo", root / "content/demo"),
            replace(SPEC, 'id: "1"\n    title: Unit 1 test', 'id: "1-1"\n    title: Unit 1 test')(root),
            replace(SPEC, "seed: 900_demo.txt", "seed: 901_demo.txt")(root),
            replace(SPEC, "id: demo-1", "id: demo-2")(root),
        ],
        (
            f"{SPEC}:21: tests[0].id: this would publish the page /tutors/keys/demo-1-1/, which "
            "content/demo-1/specification.yml line 21 already uses. Hint: choose another id or slug; "
            "every page needs an address of its own"
        ),
    ),
    "alias-differs-only-in-case": (
        lambda root: [
            replace(UNIT2, 'aliases: ["12"]', 'aliases: ["12", "a1"]')(root),
            write("content/demo/units/A1.yml", (BASE / UNIT).read_text().replace('number: "1"', 'number: "A1"'))(root),
        ],
        (
            "content/demo/units/A1.yml:1: number: this would publish the page /demo/units/a1/, "
            f"which {UNIT2} line 2 already uses. Hint: choose another id or slug; "
            "every page needs an address of its own"
        ),
    ),
    "glossary-slug-letter-heading": (
        replace(GLOSS, "  - term: Complaint\n", "  - term: Complaint\n    slug: letter-b\n"),
        (
            f"{GLOSS}:7: terms[1].slug: the anchor #letter-b is used by the glossary page "
            "itself. Hint: set slug: to another name, e.g. the term in lower case with hyphens"
        ),
    ),
    "glossary-term-starts-with-digit": (
        replace(GLOSS, "term: Complaint", "term: 24-hour service"),
        (
            f"{GLOSS}:6: terms[1].term: the term '24-hour service' does not start with a "
            "letter, so the A to Z cannot file it. Hint: start it with a word (write "
            "'Twenty-four-hour service', not '24-hour service') and put the other form in aliases"
        ),
    ),
    # --- dates and numbers -----------------------------------------------------------
    "date-not-iso": (
        replace(LAW, 'last_reviewed: "2026-01-15"', 'last_reviewed: "15 January 2026"'),
        (
            f"{LAW}:17: last_reviewed: '15 January 2026' is not a date written as YYYY-MM-DD. "
            "Hint: use YYYY-MM-DD, e.g. 2026-03-31"
        ),
    ),
    "impossible-date": (
        replace(LAW, 'last_reviewed: "2026-01-15"', 'last_reviewed: "2026-02-30"'),
        (
            f"{LAW}:17: last_reviewed: '2026-02-30' is not a real date. "
            "Hint: use YYYY-MM-DD with a day that exists in that month"
        ),
    ),
    "negative-duration": (
        replace(SPEC, "duration_min: 30", "duration_min: -30"),
        (f"{SPEC}:24: tests[0].duration_min: must be 1 or more, not -30. Hint: write the number of minutes, e.g. 60"),
    ),
    "negative-glh": (replace(UNIT, "glh: 40", "glh: -40"), f"{UNIT}:4: glh: must be 0 or more, not -40. {NEG_HINT}"),
    "negative-credits": (
        replace(SPEC, "credits: 10", "credits: -10"),
        f"{SPEC}:14: qualifications[0].credits: must be 0 or more, not -10. {NEG_HINT}",
    ),
    "negative-marks": (
        replace(SPEC, 'questions: 1\n      - outcome: "2"', 'questions: 1\n        marks: -2\n      - outcome: "2"'),
        f"{SPEC}:30: tests[0].outcomes[0].marks: must be 0 or more, not -2. {NEG_HINT}",
    ),
    "credits-true": (
        replace(UNIT, "credits: 5", "credits: true"),
        f"{UNIT}:3: credits: must be a whole number, not true. Hint: write digits only, e.g. 6",
    ),
    # --- quiz items ------------------------------------------------------------------
    "ordering-repeated-step": (
        write(BANK, item("    sequence: [Greet, Listen, Greet]\n", "ordering")),
        (
            f"{BANK}:56: items[4]: an 'ordering' item's steps must all be different, or the order "
            "is ambiguous. Hint: see the Content format page for what this needs"
        ),
    ),
    "matching-repeated-prompt": (
        write(BANK, item("    pairs:\n      - {prompt: A, answer: x1}\n      - {prompt: A, answer: y1}\n", "matching")),
        (
            f"{BANK}:56: items[4]: a 'matching' item's prompts must all be different. "
            "Hint: see the Content format page for what this needs"
        ),
    ),
    "short-blank-answer": (
        write(BANK, item("    accept: ['  ']\n", "short")),
        (
            f"{BANK}:61: items[4].accept[0]: must not be blank. "
            "Hint: write the text, or remove the key if it is optional"
        ),
    ),
    "true-false-answer-1": (
        write(BANK, item("    answer: 1\n", "true-false")),
        f"{BANK}:61: items[4].answer: must be true or false, not '1'. Hint: write true or false",
    ),
    # --- Markdown and links ----------------------------------------------------------
    "stem-script": (
        replace(BANK, "stem: Which answer is right for question 1?", "stem: Which <script>alert(1)</script> is right?"),
        f"{BANK}:8: items[0].stem: contains raw HTML (<script>). {HTML_HINT}",
    ),
    "explanation-javascript-link": (
        replace(
            BANK,
            "explanation: Because it is right.",
            "explanation: See [this](javascript:alert(1)).",
        ),
        (
            f"{BANK}:15: items[0].explanation: links to 'javascript:alert(1)', which is not a "
            f"safe web address. {LINK_HINT}"
        ),
    ),
    "feedback-img-onerror": (
        replace(BANK, "feedback: Yes.", 'feedback: "<img src=x onerror=alert(1)>"'),
        f"{BANK}:12: items[0].options[0].feedback: contains raw HTML (<img>). {HTML_HINT}",
    ),
    "option-attr-list-onclick": (
        replace(BANK, "text: The right one", 'text: "The right one\\n{: onclick=\\"x\\" }"'),
        (f"{BANK}:10: items[0].options[0].text: sets the HTML attribute 'onclick' on <p>. {HTML_HINT}"),
    ),
    "definition-data-link": (
        replace(GLOSS, "definition: A customer saying", "definition: See [x](data:text/html,hi), a customer saying"),
        (f"{GLOSS}:7: terms[1].definition: links to 'data:text/html,hi', which is not a safe web address. {LINK_HINT}"),
    ),
    "note-vbscript-reference": (
        replace(UNIT, "text: A note in plain words.", 'text: "See [here][r].\\n\\n[r]: vbscript:msgbox"'),
        (f"{UNIT}:17: notes[0].text: links to 'vbscript:msgbox', which is not a safe web address. {LINK_HINT}"),
    ),
    "summary-comment": (
        replace(SPEC, "summary: A small", "summary: <!-- hidden --> A small"),
        f"{SPEC}:10: summary: contains an HTML comment (<!-- -->). {HTML_HINT}",
    ),
    "teaching-iframe": (
        replace(
            TEACH,
            "explanation: Customer service means helping customers.",
            "explanation: '<iframe src=\"https://example.com\"></iframe>'",
        ),
        f"{TEACH}:7: notes[0].explanation: contains raw HTML (<iframe>). {HTML_HINT}",
    ),
    "source-url-not-http": (
        replace(
            LAW,
            "url: https://www.legislation.gov.uk/ukpga/2015/15/contents",
            "url: ftp://legislation.gov.uk/ukpga/2015/15",
        ),
        (
            f"{LAW}:16: sources[0].url: 'ftp://legislation.gov.uk/ukpga/2015/15' is not a web address "
            "starting with http:// or https://. Hint: give the full address of the official page, "
            "e.g. https://www.legislation.gov.uk/..."
        ),
    ),
    "source-url-javascript": (
        replace(LAW, "url: https://www.legislation.gov.uk/ukpga/2015/15/contents", "url: javascript:alert(1)"),
        (
            f"{LAW}:16: sources[0].url: 'javascript:alert(1)' is not a web address starting with "
            "http:// or https://. Hint: give the full address of the official page, "
            "e.g. https://www.legislation.gov.uk/..."
        ),
    ),
    # --- one mistake, one line -------------------------------------------------------
    "spec-slug-typo": (
        replace(SPEC, "slug: demo", "slug: dmeo"),
        (
            f"{SPEC}:1: slug: slug 'dmeo' does not match the folder name 'demo'. "
            "Hint: rename the folder to content/dmeo/ or set slug: demo"
        ),
    ),
    "bad-glossary-slug": (
        replace(GLOSS, "  - term: Customer service\n", "  - term: Customer service\n    slug: Customer Service\n"),
        (
            f"{GLOSS}:3: terms[0].slug: 'Customer Service' is not a valid identifier or slug. Hint: ids "
            "use letters, digits, '.', '-' and '/'; slugs use lower-case letters, digits and single hyphens"
        ),
    ),
    "law-fails-validation": (
        replace(LAW, "kind: act\n", ""),
        f"{LAW}:1: kind: required key 'kind' is missing. Hint: add 'kind:' with a value",
    ),
    "unreadable-unit-with-alias": (
        replace(UNIT2, "title: Handling complaints", "title: [Handling complaints"),
        (
            f"{UNIT2}:4: (file): YAML syntax error: did not find expected ',' or ']'. Hint: "
            "check indentation, and quote text that contains ': ' or starts with a special character"
        ),
    ),
    "glossary-file-not-a-mapping": (
        write(GLOSS, "- term: x\n"),
        (
            f"{GLOSS}:1: (file): the file must be a mapping of keys to values. "
            "Hint: start with the keys of a Glossary, e.g. 'terms: ...'"
        ),
    ),
    "broken-bank-no-blueprint-cascade": (
        replace(BANK, "    type: single\n", "    type: essay\n"),
        (
            f"{BANK}:7: items[0].type: 'essay' is not an allowed value. Hint: use one "
            "of: 'single', 'true-false', 'multiple', 'short', 'matching', 'ordering' or "
            "'extended'"
        ),
    ),
    "glh-weighting-all-zero": (
        lambda root: [
            replace(SPEC, "official: false", "official: false\n    weighting: glh")(root),
            replace(UNIT, '  - id: "1"\n', '  - id: "1"\n    glh: 0\n')(root),
            replace(UNIT, '  - id: "2"\n', '  - id: "2"\n    glh: 0\n')(root),
        ],
        (
            f"{SPEC}:28: tests[0].outcomes: questions per outcome [1, 1] do not follow the outcomes' "
            "guided learning hours. Hint: give the outcomes guided learning hours above 0"
        ),
    ),
    # --- teaching files ---------------------------------------------------------------
    "teaching-saved-under-another-unit": (
        replace(TEACH, 'unit: "1"', 'unit: "9"'),
        f"{TEACH}:2: unit: this file says demo/9 but is saved as demo/1. Hint: save it as content/demo/teaching/9.yml",
    ),
    "teaching-misspelt-required-key": (
        replace(TEACH, "in_brief:", "in_breif:"),
        f"{TEACH}:3: in_breif: unknown key 'in_breif'. Hint: did you mean 'in_brief'? it is required and missing",
    ),
    "teaching-unknown-key-term": (
        replace(TEACH, "  - customer-service", "  - customer-servise"),
        (
            f"{TEACH}:17: key_terms[0]: the glossary has no term 'customer-servise'. "
            "Hint: add it to a file in content/glossary/, or correct the slug"
        ),
    ),
    "teaching-unknown-legislation": (
        replace(TEACH, "  - consumer-rights-act-2015", "  - consumer-rights-act-2051"),
        (
            f"{TEACH}:19: legislation[0]: the legislation library has no entry 'consumer-rights-act-2051'. "
            "Hint: add content/legislation/consumer-rights-act-2051.yml, or correct the slug"
        ),
    ),
    "teaching-outcome-not-in-unit": (
        replace(TEACH, '  - outcome: "1"\n    criteria', '  - outcome: "7"\n    criteria'),
        f"{TEACH}:5: notes[0].outcome: unit 1 has no outcome '7'. Hint: use one of: 1, 2",
    ),
    "teaching-criterion-not-in-unit": (
        replace(TEACH, 'criteria: ["1.1"]', 'criteria: ["1.9"]'),
        f"{TEACH}:6: notes[0].criteria[0]: unit 1 has no criterion '1.9'. Hint: use a printed criterion id",
    ),
    "teaching-activity-javascript-link": (
        replace(TEACH, "      - Discuss.", '      - "[Discuss](javascript:alert(1))."'),
        (
            f"{TEACH}:31: activities[0].steps[1]: links to 'javascript:alert(1)', which is not a "
            f"safe web address. {LINK_HINT}"
        ),
    ),
}


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    (root / "docs").mkdir()
    return root


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "docs").rglob("*"))


def test_corpus_covers_every_input_kind() -> None:
    """At least 60 cases, and at least 5 for each kind of input file (issue #14)."""
    kinds = {"content": 0, "teaching": 0, "bank": 0, "glossary": 0, "legislation": 0}
    for _mutate, expected in CASES.values():
        path = expected.split(":", 1)[0]
        kind = next((k for k, part in KIND_PARTS.items() if part in path), "content")
        kinds[kind] += 1
    kinds["centre"] = len(CENTRE_CASES)
    assert sum(kinds.values()) >= 60, kinds
    assert min(kinds.values()) >= 5, kinds


KIND_PARTS = {"teaching": "/teaching/", "bank": "quizzes/", "glossary": "/glossary/", "legislation": "/legislation/"}


def test_base_project_is_valid(tmp_path: Path) -> None:
    corpus = load_and_check(Project(_project(tmp_path)))
    assert list(corpus.specs) == ["demo"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_one_line(case: str, tmp_path: Path) -> None:
    root = _project(tmp_path)
    mutate, expected = CASES[case]
    mutate(root)
    before = _files(root)
    with pytest.raises(ContentError) as caught:
        build(Project(root))
    lines = caught.value.problems.report().splitlines()
    assert lines[:-1] == [expected]
    assert lines[-1] == "1 problem found; nothing was written."
    assert _files(root) == before


YAML_CASES = [
    "nul-byte",
    "not-utf8-at-its-line",
    "self-referencing-alias",
    "alias-bomb",
    "anchor-without-alias",
    "merge-key",
    "deep-nesting",
    "python-tag",
    "unreadable-unit-with-alias",
]


@pytest.mark.parametrize("case", YAML_CASES)
def test_same_line_without_libyaml(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python loader (no libyaml installed) gives the same one line, except for
    the wording of a syntax error, which each parser words its own way."""
    monkeypatch.setattr(yamlload, "LOADER", yamlload.PURE_LOADER)
    root = _project(tmp_path)
    mutate, expected = CASES[case]
    mutate(root)
    with pytest.raises(ContentError) as caught:
        load_and_check(Project(root))
    lines = caught.value.problems.report().splitlines()
    if case == "unreadable-unit-with-alias":
        assert len(lines) == 2 and lines[0].startswith(f"{UNIT2}:4: (file): YAML syntax error: ")
    else:
        assert lines[:-1] == [expected]


def _check_bank_of(tmp_path: Path, copies: int) -> float:
    root = _project(tmp_path / str(copies))
    one = (BASE / BANK).read_text(encoding="utf-8").split("items:\n", 1)[1]
    body = "".join(one.replace('id: "q', f'id: "n{k}-q') for k in range(copies))
    (root / BANK).write_text('spec: demo\nunit: "1"\nitems:\n' + body, encoding="utf-8")
    start = time.process_time()
    corpus = load_and_check(Project(root))
    assert len(corpus.banks.items_for("demo", "1")) == 4 * copies
    return time.process_time() - start


@pytest.mark.slow
def test_large_bank_checks_in_linear_time(tmp_path: Path) -> None:
    """20,000 items (4,000 took 27 s when validation was quadratic).  Ten times the items
    must take about ten times the CPU time, not a hundred: a ratio, so a busy machine
    cannot fail it, and CPU time, so other processes do not count."""
    small, large = _check_bank_of(tmp_path, 500), _check_bank_of(tmp_path, 5000)
    assert large / small < 25, f"2,000 items: {small:.2f} s, 20,000 items: {large:.2f} s"


def test_many_bad_items_report_each_once_quickly(tmp_path: Path) -> None:
    root = _project(tmp_path)
    body = "".join(
        f'  - id: "b{k}"\n    outcome: "1"\n    type: essay\n    stem: x\n    explanation: y\n' for k in range(4000)
    )
    (root / BANK).write_text('spec: demo\nunit: "1"\nitems:\n' + body, encoding="utf-8")
    start = time.process_time()
    with pytest.raises(ContentError) as caught:
        load_and_check(Project(root))
    assert len(caught.value.problems) == 4000
    assert time.process_time() - start < 20  # CPU seconds: it was minutes when quadratic


# --- centre files (docs/centres.md) ---------------------------------------------------
# Each file in tests/bad_inputs/centre/ is a centre.yml with one mistake; the build must
# stop with one line and write nothing anywhere in the project (no docs/ page, no
# generated mkdocs.centre.yml).
CENTRE_DIR = Path(__file__).parent / "bad_inputs" / "centre"
C = "centre.yml"
COLOUR_HINT = "Hint: write '#' and six hex digits in quotes, e.g. '#1d4f91'"
CENTRE_CASES: dict[str, str] = {
    "unknown-field": (
        f"{C}:3: colors: unknown key 'colors'. Hint: did you mean 'colours'? allowed keys: colours, logo, "
        "name, site_url, specifications, tutor_content"
    ),
    "unknown-spec": (
        f"{C}:4: specifications[1]: 'dmeo' is not a specification of this project. "
        "Hint: did you mean 'demo'? the specifications are: demo"
    ),
    "empty-spec-list": (
        f"{C}:2: specifications: the list of specifications is empty. "
        "Hint: list at least one slug, or remove the key to include them all"
    ),
    "bad-colour-format": f"{C}:3: colours.primary: '1d4f91' is not a colour written as #rrggbb. {COLOUR_HINT}",
    "failing-contrast": (
        f"{C}:3: colours.primary: #7fb3ff against the light grey panels has a contrast of 1.96:1, below the "
        "4.5:1 that WCAG AA needs for text (white text on it, and links in it). Hint: choose a darker colour"
    ),
    "failing-dark-contrast": (
        f"{C}:4: colours.accent: #3f51b5 as link text on the dark panels of the dark scheme has a contrast "
        "of 2.10:1, below the 4.5:1 that WCAG AA needs. Hint: choose a lighter colour"
    ),
    "missing-logo": (
        f"{C}:2: logo: 'logos/crest.svg' does not exist. Hint: give the logo's path from the project folder"
    ),
    "logo-outside-project": (
        f"{C}:2: logo: '../outside.svg' is outside the project. Hint: copy the logo into the project (for "
        "example into examples/ or a folder of your own) and give its path from the project folder"
    ),
    "logo-wrong-type": (
        f"{C}:2: logo: 'content/demo/specification.yml' is not an SVG or PNG file. "
        "Hint: save the logo as .svg or .png and use that"
    ),
    "bad-site-url": (
        f"{C}:2: site_url: 'http://college.example/cs/' is not a web address starting https://. "
        "Hint: give the address the site will be served from, e.g. https://college.example/cs/"
    ),
    "bad-tutor-content": (
        f"{C}:2: tutor_content: 'hidden' is not an allowed value. Hint: use one of: 'include' or 'separate'"
    ),
    "yaml-syntax-error": (
        f"{C}:3: (file): YAML syntax error: did not find expected ',' or ']'. "
        "Hint: check indentation, and quote text that contains ': ' or starts with a special character"
    ),
    "wrong-type": f"{C}:1: name: must be text, not list ['Demo', 'College']. Hint: put the text in quotes",
    "missing-name": f"{C}:1: name: required key 'name' is missing. Hint: add 'name:' with a value",
}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_bad_centre_file_has_a_case() -> None:
    assert sorted(p.stem for p in CENTRE_DIR.glob("*.yml")) == sorted(CENTRE_CASES)


@pytest.mark.parametrize("case", sorted(CENTRE_CASES))
def test_bad_centre_file_gives_one_line(case: str, tmp_path: Path) -> None:
    root = _project(tmp_path)
    shutil.copy(CENTRE_DIR / f"{case}.yml", root / "centre.yml")
    (tmp_path / "outside.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    before = _tree(tmp_path)
    with pytest.raises(ContentError) as caught:
        build(Project(root))
    assert caught.value.problems.report().splitlines() == [CENTRE_CASES[case], "1 problem found; nothing was written."]
    assert _tree(tmp_path) == before


def test_good_centre_file_builds_the_base_project(tmp_path: Path) -> None:
    """The control for the cases above: with the mistake put right, the same project builds
    and writes its generated configuration."""
    root = _project(tmp_path)
    (root / "centre.yml").write_text("name: Demo College\nspecifications: [demo]\n", encoding="utf-8")
    shutil.copy(Path(__file__).parents[1] / "mkdocs.yml", root / "mkdocs.yml")
    build(Project(root))
    assert (root / "mkdocs.centre.yml").is_file()
    assert (root / "docs" / "demo" / "index.md").is_file()
