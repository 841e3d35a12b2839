"""A QTI 2.1 content package: imsmanifest.xml, one assessmentItem file per item and one
assessmentTest per test specification (a section per outcome that selects the blueprint's
number of questions from that outcome's items, and the test's time limit).

Items use the standard response processing templates only, because importers (Canvas,
Blackboard) read those and not custom rules.  That leaves no place for per-answer
feedback, so it is not in the package; the explanation goes in as a scorer's rubric
block, and an extended item's model answer and marking points too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..quiz_models import Item, Pair
from .bank import ExportBank, ExportItem, ExportTest
from .html import append_html, has_block
from .zips import deterministic_zip

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"

ET.register_namespace("xsi", XSI)


def q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def sub(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, q(tag), attrs or {})
    if text is not None:
        element.text = text
    return element


def flow(parent: ET.Element, tag: str, html: str, attrs: dict[str, str] | None = None) -> ET.Element:
    """An element holding the site's HTML for a stem, option or prompt."""
    element = sub(parent, tag, attrs)
    append_html(element, html, QTI)
    return element


def item_file(entry: ExportItem) -> str:
    return f"items/{entry.uid}.xml"


def _declare(root: ET.Element, cardinality: str, base: str, correct: list[str]) -> ET.Element:
    decl = sub(root, "responseDeclaration", {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base})
    if correct:
        values = sub(decl, "correctResponse")
        for value in correct:
            sub(values, "value", text=value)
    return decl


def assessment_item(entry: ExportItem) -> ET.Element:
    item = entry.item
    root = ET.Element(
        q("assessmentItem"),
        {
            f"{{{XSI}}}schemaLocation": f"{QTI} {QTI_XSD}",
            "identifier": entry.uid,
            "title": entry.uid,
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    letters = [f"C{i}" for i in range(1, len(item.options) + 1)]
    template = "match_correct"
    if item.type in ("single", "multiple"):
        keys = [letter for letter, o in zip(letters, item.options, strict=True) if o.correct]
        _declare(root, "single" if item.type == "single" else "multiple", "identifier", keys)
    elif item.type == "true-false":
        _declare(root, "single", "identifier", ["true" if item.answer else "false"])
    elif item.type == "short":
        decl = _declare(root, "single", "string", [item.accept[0]])
        mapping = sub(decl, "mapping", {"defaultValue": "0", "lowerBound": "0", "upperBound": "1"})
        for text in item.accept:
            sub(
                mapping,
                "mapEntry",
                {"mapKey": text, "mappedValue": "1", "caseSensitive": "true" if item.case_sensitive else "false"},
            )
        template = "map_response"
    elif item.type == "matching":
        _declare(root, "multiple", "directedPair", [f"P{i} {_answer_id(item, p.answer)}" for i, p in _pairs(item)])
    elif item.type == "ordering":
        _declare(root, "ordered", "identifier", [f"S{i}" for i in range(1, len(item.sequence) + 1)])
    elif item.type == "extended":
        _declare(root, "single", "string", [])
    outcome = sub(root, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    sub(sub(outcome, "defaultValue"), "value", text="0")

    body = sub(root, "itemBody")
    stem = entry.html(item.stem)
    flow(body, "div", stem if has_block(stem) else f"<p>{stem}</p>")
    if item.type in ("single", "multiple"):
        choice = sub(
            body,
            "choiceInteraction",
            {"responseIdentifier": "RESPONSE", "shuffle": "true", "maxChoices": "1" if item.type == "single" else "0"},
        )
        for letter, o in zip(letters, item.options, strict=True):
            flow(choice, "simpleChoice", entry.html(o.text), {"identifier": letter})
    elif item.type == "true-false":
        choice = sub(
            body, "choiceInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "1"}
        )
        sub(choice, "simpleChoice", {"identifier": "true"}, "True")
        sub(choice, "simpleChoice", {"identifier": "false"}, "False")
    elif item.type == "short":
        longest = max(len(a) for a in item.accept)
        line = sub(body, "p", text="Your answer: ")
        sub(line, "textEntryInteraction", {"responseIdentifier": "RESPONSE", "expectedLength": str(max(20, longest))})
    elif item.type == "matching":
        answers = _answers(item)
        match = sub(
            body,
            "matchInteraction",
            {"responseIdentifier": "RESPONSE", "shuffle": "true", "maxAssociations": str(len(item.pairs))},
        )
        prompts = sub(match, "simpleMatchSet")
        for i, pair in _pairs(item):
            flow(prompts, "simpleAssociableChoice", entry.html(pair.prompt), {"identifier": f"P{i}", "matchMax": "1"})
        targets = sub(match, "simpleMatchSet")
        for i, text in enumerate(answers, start=1):
            sub(targets, "simpleAssociableChoice", {"identifier": f"A{i}", "matchMax": "1"}, text)
    elif item.type == "ordering":
        order = sub(body, "orderInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "true"})
        for i, step in enumerate(item.sequence, start=1):
            sub(order, "simpleChoice", {"identifier": f"S{i}"}, step)
    elif item.type == "extended":
        sub(body, "extendedTextInteraction", {"responseIdentifier": "RESPONSE", "expectedLines": "10"})
    guide = entry.html(item.explanation)
    if item.type == "extended":
        guide = (
            entry.html(item.model_answer)
            + "<ul>"
            + "".join(f"<li>{entry.html(p)}</li>" for p in item.marking_points)
            + "</ul>"
        )
    flow(body, "rubricBlock", guide if has_block(guide) else f"<p>{guide}</p>", {"view": "scorer"})
    if item.type != "extended":  # an essay is marked by a person: no response processing
        sub(root, "responseProcessing", {"template": TEMPLATES + template})
    return root


def _pairs(item: Item) -> list[tuple[int, Pair]]:
    return list(enumerate(item.pairs, start=1))


def _answers(item: Item) -> list[str]:
    """A matching item's answers and distractors, sorted as the site's quiz shows them."""
    return sorted({p.answer for p in item.pairs} | set(item.distractors))


def _answer_id(item: Item, answer: str) -> str:
    return f"A{_answers(item).index(answer) + 1}"


def assessment_test(test: ExportTest) -> ET.Element:
    root = ET.Element(
        q("assessmentTest"),
        {f"{{{XSI}}}schemaLocation": f"{QTI} {QTI_XSD}", "identifier": test.uid, "title": test.title},
    )
    outcome = sub(root, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    sub(sub(outcome, "defaultValue"), "value", text="0")
    sub(root, "timeLimits", {"maxTime": str(test.test.duration_min * 60), "allowLateSubmission": "false"})
    part = sub(root, "testPart", {"identifier": "P1", "navigationMode": "nonlinear", "submissionMode": "simultaneous"})
    for n, section in enumerate(test.sections, start=1):
        if not section.items:
            continue  # an outcome with no reviewed items yet: nothing to draw from
        element = sub(part, "assessmentSection", {"identifier": f"S{n}", "title": section.title, "visible": "true"})
        sub(element, "selection", {"select": str(section.select)})
        sub(element, "ordering", {"shuffle": "true"})
        for entry in section.items:
            ref = sub(element, "assessmentItemRef", {"identifier": entry.uid, "href": "../" + item_file(entry)})
            if entry.item.marks > 1:
                sub(ref, "weight", {"identifier": "MARKS", "value": str(entry.item.marks)})
    processing = sub(root, "outcomeProcessing")
    total = sub(processing, "setOutcomeValue", {"identifier": "SCORE"})
    sub(sub(total, "sum"), "testVariables", {"variableIdentifier": "SCORE", "weightIdentifier": "MARKS"})
    return root


def test_file(test: ExportTest) -> str:
    return f"tests/{test.uid}.xml"


def manifest(bank: ExportBank, tests: list[ExportTest]) -> ET.Element:
    root = ET.Element(
        f"{{{CP}}}manifest",
        {"identifier": "cs-hub-qti-package", f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD}"},
    )
    meta = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(meta, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    ET.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.0.0"
    ET.SubElement(root, f"{{{CP}}}organizations")
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    for test in tests:
        res = ET.SubElement(
            resources,
            f"{{{CP}}}resource",
            {"identifier": f"R-{test.uid}", "type": "imsqti_test_xmlv2p1", "href": test_file(test)},
        )
        ET.SubElement(res, f"{{{CP}}}file", {"href": test_file(test)})
        for uid in dict.fromkeys(e.uid for s in test.sections for e in s.items):
            ET.SubElement(res, f"{{{CP}}}dependency", {"identifierref": f"R-{uid}"})
    for entry in bank.items:
        res = ET.SubElement(
            resources,
            f"{{{CP}}}resource",
            {"identifier": f"R-{entry.uid}", "type": "imsqti_item_xmlv2p1", "href": item_file(entry)},
        )
        ET.SubElement(res, f"{{{CP}}}file", {"href": item_file(entry)})
    return root


def _bytes(element: ET.Element, default_ns: str) -> bytes:
    # The package's two vocabularies each print as the default namespace of their own files.
    ET.register_namespace("", default_ns)
    ET.indent(element, space=" ")
    # Serialising to str and encoding once is several times faster than encoding=utf-8.
    text = ET.tostring(element, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def export(bank: ExportBank) -> bytes:
    files: dict[str, bytes] = {}
    for entry in bank.items:
        files[item_file(entry)] = _bytes(assessment_item(entry), QTI)
    tests = [t for t in bank.tests if any(s.items for s in t.sections)]
    for test in tests:
        files[test_file(test)] = _bytes(assessment_test(test), QTI)
    files["imsmanifest.xml"] = _bytes(manifest(bank, tests), CP)
    return deterministic_zip(files)
