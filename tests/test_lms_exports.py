"""The LMS exports (generator/lms/, CONVENTIONS.md §4b), each parsed back and compared with
the bank: question counts, categories and keys for every item type, escaping, determinism,
and the downloads on the tutors' page.

No package on PyPI ships the 1EdTech QTI 2.1 XSD (the only QTI package there, citolab-qti-
convert, has none), so the QTI package is checked for structure with ElementTree instead."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import genanki
import pytest

from generator import urls
from generator.lms import FORMATS, apkg, bank_of, gift, moodle, qti
from generator.lms.bank import ExportBank, ExportItem, blueprint_count
from generator.lms.flashcards import cards
from generator.quiz_models import Item, Option, Pair
from tests.conftest import run_cli

QTI_NS = {"q": qti.QTI}
CP_NS = {"c": qti.CP}
ITEM_TYPES = {"single", "multiple", "true-false", "short", "matching", "ordering", "extended"}


@pytest.fixture(scope="module")
def bank(real_corpus) -> ExportBank:
    return bank_of(real_corpus)


@pytest.fixture(scope="module")
def exports(real_corpus) -> dict[str, bytes]:
    return {name: fmt.build(real_corpus) for name, fmt in FORMATS.items()}


def by_uid(bank: ExportBank) -> dict[str, tuple[ExportItem, str]]:
    """Each exported item and the Moodle category path it belongs in."""
    return {e.uid: (e, moodle.category_path(c.path)) for c in bank.categories for e in c.items}


def test_the_bank_is_every_reviewed_item_once_and_covers_every_type(real_corpus, bank):
    reviewed = [
        (spec, unit, it.id)
        for (spec, unit), data in real_corpus.banks.by_unit.items()
        for it in data.bank.items
        if it.status == "reviewed"
    ]
    assert len(bank.items) == len(reviewed)
    assert {e.item.type for e in bank.items} == ITEM_TYPES  # so the checks below test every type
    assert all(e.item.status == "reviewed" for e in bank.items)


def test_draft_items_are_not_exported(fixture_copy):
    from generator.pipeline import Project, load_and_check

    path = fixture_copy / "quizzes/cg-4417/202.yml"
    draft = """
  - id: "202-1-99"
    outcome: "1"
    criteria: ["2.1.1"]
    type: true-false
    stem: "A draft question that no tutor has checked yet."
    answer: true
    explanation: "Drafts stay out of the site and out of the exports."
    status: draft
"""
    path.write_text(path.read_text(encoding="utf-8") + draft, encoding="utf-8")
    corpus = load_and_check(Project(fixture_copy))
    drafts = {it.id for d in corpus.banks.by_unit.values() for it in d.bank.items if it.status == "draft"}
    assert drafts
    assert "202-1-99" in drafts
    exported = {e.item.id for e in ExportBank(corpus).items}
    assert exported and not exported & drafts
    assert "202-1-99" not in FORMATS["gift"].build(corpus).decode("utf-8")


# ---- Moodle XML ------------------------------------------------------------------------


def _moodle_questions(data: bytes) -> list[tuple[str, ET.Element]]:
    """(category, question) for every question, as Moodle reads the file: each question goes
    into the category named by the last category entry above it."""
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category, found = "", []
    for question in root.findall("question"):
        if question.get("type") == "category":
            category = question.findtext("category/text") or ""
        else:
            found.append((category, question))
    return found


def test_moodle_xml_has_one_category_per_specification_unit_and_outcome(bank, exports):
    root = ET.fromstring(exports["moodle"])
    paths = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    assert len(paths) == len(set(paths))
    outcomes = {moodle.category_path(c.path) for c in bank.categories}
    units = {moodle.category_path(c.path[:2]) for c in bank.categories}
    specs = {moodle.category_path(c.path[:1]) for c in bank.categories}
    assert set(paths) == outcomes | units | specs
    # $course$/top/<spec>/<unit>/<outcome>: five parts, once a name's own '//' is set aside.
    assert {len(p.replace("//", "").split("/")) for p in outcomes} == {5}
    assert all(p.replace("//", "").split("/")[3].startswith("Unit ") for p in outcomes)


def test_moodle_xml_round_trip_keeps_counts_categories_and_keys(bank, exports):
    expected = by_uid(bank)
    questions = _moodle_questions(exports["moodle"])
    assert len(questions) == len(expected)
    seen = Counter()
    for category, question in questions:
        uid = question.findtext("idnumber")
        entry, path = expected[uid]
        item = entry.item
        seen[item.type] += 1
        assert category == path, uid
        assert question.get("type") == moodle.MOODLE_TYPE[item.type]
        assert question.findtext("questiontext/text") == entry.html(item.stem)
        assert question.findtext("generalfeedback/text") == entry.html(item.explanation)
        assert question.findtext("defaultgrade") == str(item.marks)
        answers = [
            (float(a.get("fraction")), a.findtext("text"), a.findtext("feedback/text"))
            for a in question.findall("answer")
        ]
        if item.type in ("single", "multiple"):
            assert [(t, f) for _, t, f in answers] == [
                (entry.html(o.text), entry.html(o.feedback)) for o in item.options
            ]
            keys = [t for v, t, _ in answers if v > 0]
            assert keys == [entry.html(o.text) for o in item.options if o.correct]
            for value, _, _ in answers:
                assert abs(value) in moodle.MOODLE_GRADES or value == 0
            assert question.findtext("single") == ("true" if item.type == "single" else "false")
            if item.type == "multiple":
                assert sum(v for v, _, _ in answers if v > 0) == pytest.approx(100, abs=0.001)
                assert sum(v for v, _, _ in answers if v < 0) == pytest.approx(-100, abs=0.001)
            else:
                assert sorted(v for v, _, _ in answers)[-2:] == [0, 100]
        elif item.type == "true-false":
            assert {t: v for v, t, _ in answers} == {"true": 100 * item.answer, "false": 100 * (not item.answer)}
        elif item.type == "short":
            assert [t for _, t, _ in answers] == list(item.accept)
            assert all(v == 100 for v, _, _ in answers)
            assert question.findtext("usecase") == str(int(item.case_sensitive))
        elif item.type == "matching":
            subs = [(s.findtext("text") or "", s.findtext("answer/text")) for s in question.findall("subquestion")]
            assert subs == [(entry.html(p.prompt), p.answer) for p in item.pairs] + [("", d) for d in item.distractors]
        elif item.type == "ordering":
            assert [t for _, t, _ in sorted(answers)] == list(item.sequence)
        elif item.type == "extended":
            guide = question.findtext("graderinfo/text") or ""
            assert entry.html(item.model_answer) in guide
            assert all(entry.html(p) in guide for p in item.marking_points)
    assert set(seen) == ITEM_TYPES


@pytest.mark.parametrize("count", range(1, 11))
def test_moodle_shares_are_grades_moodle_accepts(count):
    assert moodle.share(count) in moodle.MOODLE_GRADES
    assert moodle.share(count) * count == pytest.approx(100, abs=0.0001)


def test_moodle_category_names_double_a_slash_and_cdata_survives_its_end_marker():
    assert moodle.category_path(("A/B", "Unit 1: X")) == "$course$/top/A//B/Unit 1: X"
    wrapped = moodle.cdata("a ]]> b")
    assert ET.fromstring(f"<t>{wrapped}</t>").text == "a ]]> b"


# ---- GIFT ------------------------------------------------------------------------------


def gift_unescape(text: str) -> str:
    """What Moodle reads from escaped GIFT text (pygiftparser leaves '\\\\' as it is)."""
    return re.sub(r"\\(.)", r"\1", text)


def _gift_categories(text: str) -> dict[str, str]:
    """Title -> category, read from the $CATEGORY lines.  pygiftparser keeps a category only
    up to its first space, so categories are read here and everything else by pygiftparser."""
    found, category = {}, ""
    for line in text.splitlines():
        if line.startswith("$CATEGORY: "):
            category = line[len("$CATEGORY: ") :]
        elif line.startswith("::"):
            found[line[2:].split("::", 1)[0]] = category
    return found


def _parse_gift(text: str):
    from pygiftparser import parser

    return parser.parseFile(io.StringIO(text))


def test_gift_round_trip_with_pygiftparser_keeps_counts_categories_and_keys(bank, exports):
    text = exports["gift"].decode("utf-8")
    questions = _parse_gift(text)
    expected = by_uid(bank)
    assert len(questions) == len(expected)
    assert all(q.valid for q in questions)
    categories = _gift_categories(text)
    assert len(categories) == len(expected)
    seen = Counter()
    for q in questions:
        entry, path = expected[gift_unescape(q.title)]
        item = entry.item
        seen[item.type] += 1
        assert categories[q.title] == path
        assert q.markup == "html"
        assert gift_unescape(q.text) == gift.one_line(entry.html(item.stem))
        assert gift_unescape(q.generalFeedback) == gift.one_line(entry.html(item.explanation))
        kind = type(q.answers).__name__
        if item.type == "single":
            assert kind == "SelectSet"
            got = [(gift_unescape(a.answer), a.fraction, gift_unescape(a.feedback)) for a in q.answers.answers]
            want = [
                (gift.one_line(entry.html(o.text)), 100 * o.correct, gift.one_line(entry.html(o.feedback)))
                for o in item.options
            ]
            assert got == want
        elif item.type == "multiple":
            assert kind == "MultipleChoicesSet"
            keys = [gift_unescape(a.answer) for a in q.answers.answers if a.fraction > 0]
            assert keys == [gift.one_line(entry.html(o.text)) for o in item.options if o.correct]
            assert sum(a.fraction for a in q.answers.answers if a.fraction > 0) == pytest.approx(100, abs=0.001)
        elif item.type == "true-false":
            assert kind == "TrueFalseSet" and q.answers.answer is item.answer
        elif item.type == "short":
            assert kind == "ShortSet"
            assert [gift_unescape(a.answer) for a in q.answers.answers] == list(item.accept)
        elif item.type == "matching":
            assert kind == "MatchingSet"
            pairs = [(gift_unescape(a.question.strip()), gift_unescape(a.answer.strip())) for a in q.answers.answers]
            assert pairs == [(gift.one_line(entry.html(p.prompt)), p.answer) for p in item.pairs]
        elif item.type == "ordering":
            assert kind == "MatchingSet"
            steps = [gift_unescape(a.answer.strip()) for a in q.answers.answers]
            assert steps == list(item.sequence)
            assert [a.question.strip() for a in q.answers.answers][:3] == ["1st", "2nd", "3rd"]
        elif item.type == "extended":
            assert kind == "Essay"
    assert set(seen) == ITEM_TYPES


SPECIALS = "Use ~ = # { } : and \\ here"


def _tricky_items(real_corpus) -> list[ExportItem]:
    data = real_corpus.specs["cg-4417"]
    unit = data.resolve("201")
    common = {"outcome": unit.outcomes[0].id, "explanation": "Because a = b #1: {ok}.", "status": "reviewed"}
    items = [
        Item(
            id="esc-1",
            type="single",
            stem="Which {one} is right: a = b?",
            options=[
                Option(text=SPECIALS, correct=True, feedback="Yes # really: {ok} ~ fine"),
                Option(text="Plain = wrong", feedback="No."),
            ],
            **common,
        ),
        Item(id="esc-2", type="short", stem="Type it:", accept=["a=b", "x:y#z"], **common),
        Item(
            id="esc-3",
            type="matching",
            stem="Match them.",
            pairs=[Pair(prompt="Left #1: a", answer="Right = 1"), Pair(prompt="Left ~2", answer="Right: 2")],
            **common,
        ),
    ]
    return [ExportItem(f"cg-4417-201-{it.id}", data, unit, it) for it in items]


def gift_read(text: str) -> tuple[str, list[tuple[str, str, str]], str]:
    """A small reader of Moodle's GIFT escaping rules for one question with '=' and '~'
    answers: (question text, [(sign, answer, feedback)], general feedback), unescaped.
    pygiftparser's answer pattern takes an escaped '}' for the closing brace, so the answer
    block of the escaping test is read with this instead."""
    tokens: list[tuple[bool, str]] = []  # (is it syntax?, character)
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            tokens.append((False, text[i + 1]))
            i += 2
        else:
            tokens.append((text[i] in "{}=~#", text[i]))
            i += 1
    open_at = next(n for n, (syntax, ch) in enumerate(tokens) if syntax and ch == "{")
    # Moodle's rule: the answers end at the first unescaped '}' after the '{'.
    close_at = next(n for n, (syntax, ch) in enumerate(tokens) if syntax and ch == "}" and n > open_at)
    head = "".join(ch for _, ch in tokens[:open_at]).split("::", 2)[-1].removeprefix("[html]")
    body = tokens[open_at + 1 : close_at]
    answers: list[list[str]] = []
    general = ""
    n = 0
    while n < len(body):
        syntax, ch = body[n]
        if syntax and ch == "#" and [c for _, c in body[n : n + 4]] == ["#"] * 4 and all(s for s, _ in body[n : n + 4]):
            general = "".join(c for _, c in body[n + 4 :]).strip()
            break
        if syntax and ch in "=~":
            answers.append([ch, "", ""])
        elif syntax and ch == "#":
            answers[-1].append("#")
        elif answers:
            answers[-1][2 if answers[-1][-1] == "#" or len(answers[-1]) > 3 else 1] += ch
        n += 1
    return head, [(a[0], a[1].strip(), a[2].strip()) for a in answers], general


def test_gift_escaping_survives_a_round_trip(real_corpus):
    single, short, matching = _tricky_items(real_corpus)
    text = "\n".join(gift.question(e) for e in (single, short, matching))
    parsed = _parse_gift(text)
    assert [q.title for q in parsed] == [single.uid, short.uid, matching.uid]
    # pygiftparser reads the question text, the short answers and the matching pairs (an
    # escaped '}' inside the answers ends its answer block early, so only the stem has one).
    assert gift_unescape(parsed[0].text) == "Which {one} is right: a = b?"
    assert [gift_unescape(a.answer) for a in parsed[1].answers.answers] == ["a=b", "x:y#z"]
    pairs = [(gift_unescape(a.question.strip()), gift_unescape(a.answer.strip())) for a in parsed[2].answers.answers]
    assert pairs == [("Left #1: a", "Right = 1"), ("Left ~2", "Right: 2")]
    assert gift_unescape(parsed[1].generalFeedback) == "Because a = b #1: {ok}."
    # The option with every special character, read by Moodle's rules (see gift_read).
    head, answers, general = gift_read(gift.question(single))
    assert head == "Which {one} is right: a = b?"
    assert answers == [("=", single.html(SPECIALS), "Yes # really: {ok} ~ fine"), ("~", "Plain = wrong", "No.")]
    assert general == "Because a = b #1: {ok}."
    assert SPECIALS.endswith("\\ here") and "and \\\\ here" in text  # the backslash is escaped too


def test_gift_escapes_every_special_character():
    assert gift.escape("~=#{}:\\") == "\\~\\=\\#\\{\\}\\:\\\\"
    assert gift.escape("one\n\ntwo") == "one  two"  # a blank line would end the question


def test_tricky_text_survives_moodle_xml(real_corpus):
    single = _tricky_items(real_corpus)[0]
    question = ET.fromstring(moodle.question(single))
    assert question.findtext("answer/text") == single.html(SPECIALS)


# ---- QTI 2.1 -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def qti_files(exports) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(exports["qti"])) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_qti_manifest_lists_every_file_and_its_identifiers_are_unique(bank, qti_files):
    manifest = ET.fromstring(qti_files["imsmanifest.xml"])
    assert manifest.tag == f"{{{qti.CP}}}manifest"
    resources = manifest.findall("c:resources/c:resource", CP_NS)
    ids = [r.get("identifier") for r in resources]
    assert len(ids) == len(set(ids))
    listed = set()
    for res in resources:
        assert res.get("type") in ("imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1")
        assert res.get("href") in qti_files
        for f in res.findall("c:file", CP_NS):
            assert f.get("href") in qti_files
            listed.add(f.get("href"))
        for dep in res.findall("c:dependency", CP_NS):
            assert dep.get("identifierref") in ids
    assert listed == set(qti_files) - {"imsmanifest.xml"}
    items = [r for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
    assert len(items) == len(bank.items)


def _correct(root: ET.Element) -> list[str]:
    return [v.text or "" for v in root.findall("q:responseDeclaration/q:correctResponse/q:value", QTI_NS)]


def test_qti_items_have_the_interaction_and_key_of_their_type(bank, qti_files):
    interactions = {
        "single": "choiceInteraction",
        "multiple": "choiceInteraction",
        "true-false": "choiceInteraction",
        "short": "textEntryInteraction",
        "matching": "matchInteraction",
        "ordering": "orderInteraction",
        "extended": "extendedTextInteraction",
    }
    seen = Counter()
    for entry in bank.items:
        item = entry.item
        root = ET.fromstring(qti_files[qti.item_file(entry)])
        assert root.tag == f"{{{qti.QTI}}}assessmentItem"
        for attr in ("identifier", "title", "adaptive", "timeDependent"):
            assert root.get(attr), attr
        assert root.get("identifier") == entry.uid
        # Every element is in the QTI namespace (the stem's HTML too), with no style attributes.
        assert all(el.tag.startswith(f"{{{qti.QTI}}}") and "style" not in el.attrib for el in root.iter())
        found = root.findall(f".//q:{interactions[item.type]}", QTI_NS)
        assert len(found) == 1, entry.uid
        interaction = found[0]
        assert interaction.get("responseIdentifier") == "RESPONSE"
        decl = root.find("q:responseDeclaration", QTI_NS)
        processing = root.find("q:responseProcessing", QTI_NS)
        seen[item.type] += 1
        if item.type == "extended":
            assert processing is None and not _correct(root)  # marked by hand
            rubric = root.find(".//q:rubricBlock", QTI_NS)
            assert rubric is not None and rubric.get("view") == "scorer"
            assert "".join(rubric.itertext()).strip()
            continue
        assert processing.get("template", "").startswith(qti.TEMPLATES)
        assert processing.get("template").rsplit("/", 1)[-1] in ("match_correct", "map_response")
        if item.type in ("single", "multiple"):
            choices = interaction.findall("q:simpleChoice", QTI_NS)
            assert len(choices) == len(item.options)
            keys = [c.get("identifier") for c, o in zip(choices, item.options, strict=True) if o.correct]
            assert _correct(root) == keys
            assert decl.get("cardinality") == ("single" if item.type == "single" else "multiple")
            assert interaction.get("maxChoices") == ("1" if item.type == "single" else "0")
        elif item.type == "true-false":
            assert _correct(root) == ["true" if item.answer else "false"]
        elif item.type == "short":
            entries = decl.findall("q:mapping/q:mapEntry", QTI_NS)
            assert [e.get("mapKey") for e in entries] == list(item.accept)
            assert {e.get("caseSensitive") for e in entries} == {"true" if item.case_sensitive else "false"}
        elif item.type == "matching":
            sets = interaction.findall("q:simpleMatchSet", QTI_NS)
            prompts = {c.get("identifier") for c in sets[0]}
            answers = {c.get("identifier"): c.text for c in sets[1]}
            pairs = [v.split() for v in _correct(root)]
            assert {p for p, _ in pairs} == prompts
            assert [answers[a] for _, a in pairs] == [p.answer for p in item.pairs]
            assert len(answers) == len(item.pairs) + len(item.distractors)
        elif item.type == "ordering":
            steps = {c.get("identifier"): c.text for c in interaction.findall("q:simpleChoice", QTI_NS)}
            assert decl.get("cardinality") == "ordered"
            assert [steps[i] for i in _correct(root)] == list(item.sequence)
    assert set(seen) == ITEM_TYPES


def test_qti_tests_follow_each_test_specification(real_corpus, bank, qti_files):
    tests = {t.uid: t for t in bank.tests}
    files = [name for name in qti_files if name.startswith("tests/")]
    specs = [t for d in real_corpus.specs.values() for t in d.spec.tests]
    assert len(files) == len(specs) == len(tests)
    for name in files:
        root = ET.fromstring(qti_files[name])
        assert root.tag == f"{{{qti.QTI}}}assessmentTest"
        test = tests[root.get("identifier")]
        assert root.find("q:timeLimits", QTI_NS).get("maxTime") == str(test.test.duration_min * 60)
        parts = root.findall("q:testPart", QTI_NS)
        assert len(parts) == 1
        assert parts[0].get("navigationMode") and parts[0].get("submissionMode")
        sections = parts[0].findall("q:assessmentSection", QTI_NS)
        assert len(sections) == len(test.test.outcomes)
        refs = []
        for section, part, made in zip(sections, test.test.outcomes, test.sections, strict=True):
            assert section.find("*").tag == f"{{{qti.QTI}}}selection"  # selection comes first
            select = int(section.find("q:selection", QTI_NS).get("select"))
            items = section.findall("q:assessmentItemRef", QTI_NS)
            assert select == made.select <= len(items)
            if part.questions is not None:
                assert select == min(part.questions, len(items))
            for ref in items:
                target = str(Path(name).parent / ref.get("href")).replace("tests/../", "")
                assert target in qti_files
                refs.append(ref.get("identifier"))
        assert len(refs) == len(set(refs))


def test_blueprint_count_for_marks_divides_by_mean_marks(bank):
    items = bank.items[:4]
    assert blueprint_count(3, None, items) == 3
    assert blueprint_count(99, None, items) == 4  # never more than there are
    mean = sum(e.item.marks for e in items) / 4
    assert blueprint_count(None, round(2 * mean), items) == 2
    assert blueprint_count(5, None, ()) == 0


# ---- Flashcards ------------------------------------------------------------------------


def test_flashcard_csv_reads_back_with_csv(real_corpus, exports):
    data = exports["anki-csv"]
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["Term", "Definition", "Tags"]
    made = cards(real_corpus)
    assert len(rows) - 1 == len(made) == len(real_corpus.teaching.terms)
    for row, card in zip(rows[1:], made, strict=True):
        assert row == [card.term, card.definition, " ".join(card.tags)]
        assert "<" not in row[1] and "**" not in row[1] and "\n" not in row[1]
        assert all(" " not in tag for tag in row[2].split())
    assert any("," in row[1] for row in rows[1:])  # quoting is exercised, not assumed


def test_apkg_opens_with_zipfile_and_sqlite(real_corpus, exports, tmp_path):
    with zipfile.ZipFile(io.BytesIO(exports["apkg"])) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        db = tmp_path / "collection.anki2"
        db.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        notes = conn.execute("select guid, flds, tags, mid from notes order by id").fetchall()
        card_count = conn.execute("select count(*) from cards").fetchone()[0]
        models, decks = conn.execute("select models, decks from col").fetchone()
    finally:
        conn.close()
    made = cards(real_corpus)
    assert len(notes) == card_count == len(made)
    by_guid = {genanki.guid_for(c.slug): c for c in made}
    for guid, fields, tags, mid in notes:
        card = by_guid[guid]
        assert fields.split("\x1f") == [apkg._html(card.term), apkg._html(card.definition), apkg._html(card.example)]
        assert tags.split() == list(card.tags)
        assert mid == apkg.MODEL_ID
    assert str(apkg.MODEL_ID) in json.loads(models)
    assert str(apkg.DECK_ID) in json.loads(decks)


# ---- Determinism and the command line ---------------------------------------------------


def test_two_exports_are_byte_identical(real_corpus, exports):
    import generator.lms as lms
    from generator.lms import bank as bank_module

    lms._BANKS.clear()
    bank_module._html.cache_clear()
    again = {name: fmt.build(real_corpus) for name, fmt in FORMATS.items()}
    assert again == exports
    for name in ("qti", "apkg"):
        with zipfile.ZipFile(io.BytesIO(exports[name])) as archive:
            infos = archive.infolist()
            assert [i.filename for i in infos] == sorted(i.filename for i in infos)
            assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_apkg_is_byte_identical_across_builds(real_corpus):
    assert apkg.export(real_corpus) == apkg.export(real_corpus)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_cli_export_writes_the_format(real_corpus, exports, tmp_path, name):
    out = tmp_path / FORMATS[name].filename
    code, _, err = run_cli("export", name, "--out", str(out), corpus=real_corpus)
    assert code == 0, err
    assert out.read_bytes() == exports[name]


# ---- Downloads on the tutors' page -------------------------------------------------------


def test_tutors_page_lists_each_download_with_size_and_count(bank, real_corpus, exports):
    from generator.pipeline import render_all

    files = render_all(real_corpus)
    page = files[urls.TUTORS].decode("utf-8")
    assert "## Downloads for your LMS" in page
    assert "](../lms.md)" in page
    for name, fmt in FORMATS.items():
        path = f"{urls.TUTOR_DOWNLOADS}/{fmt.filename}"
        assert files[path] == exports[name]  # the build writes what the CLI exports
        row = next(line for line in page.splitlines() if f"](downloads/{fmt.filename})" in line)
        count = len(bank.items) if fmt.counts == "items" else len(real_corpus.teaching.terms)
        assert f", {count} {'quiz items' if fmt.counts == 'items' else 'glossary terms'}, " in row
        assert re.search(r", \d+(\.\d)? (KB|MB)$", row)


@pytest.mark.slow
def test_built_site_links_to_each_download(built_site):
    html = (built_site / "tutors/index.html").read_text(encoding="utf-8")
    for fmt in FORMATS.values():
        assert f'href="downloads/{fmt.filename}"' in html
        assert (built_site / "tutors/downloads" / fmt.filename).stat().st_size > 1000
    assert (built_site / "lms/index.html").exists()
