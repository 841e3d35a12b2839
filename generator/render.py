"""Render the validated corpus into pages: a dict of docs-relative path -> text.

Nothing here touches the file system except reading templates; writing is the writer's
job, so a failed render never leaves half a site.  Templates use StrictUndefined, so a
misspelt variable fails the build instead of printing nothing.
"""

from __future__ import annotations

import html
import itertools
import re
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown as md_lib
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import anchors
from .corpus import Corpus, SpecData, natural_key
from .formatdoc import CONTENT_MODELS, model_tables
from .glossary_links import link_terms
from .quiz_render import embed_json, mock_payload, outcome_label, practice_payload, reviewed
from .models import Outcome, Unit
from .routes import has_options, rules_data
from .teaching import law_units

TEMPLATES = Path(__file__).parent / "templates"

# Characters that Markdown would treat as syntax inside official text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")


def md_escape(text: str) -> str:
    """Make text safe to place in Markdown as literal text (headings, table cells)."""
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def md_inline(text: str) -> str:
    """Render our own Markdown (feedback, notes) to inline HTML at build time."""
    out = md_lib.markdown(text, extensions=["attr_list"], output_format="html")
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,  # templates produce Markdown; HTML parts escape explicitly with |e
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["mdi"] = md_inline
    env.filters["lo"] = anchors.outcome_anchor
    env.filters["k_anchor"] = anchors.knowledge_anchor
    env.filters["content_anchor"] = anchors.content_anchor
    env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    env.filters["yaml_str"] = lambda value: json.dumps(value, ensure_ascii=False)
    env.globals["criterion_anchor"] = anchors.criterion_anchor
    env.globals["label_for"] = outcome_label
    env.globals["method_label"] = METHOD_LABELS.__getitem__
    env.filters["method_label"] = METHOD_LABELS.__getitem__
    env.filters["ac"] = lambda cid: "ac-" + anchors.slugify(cid)
    env.globals["outcome_of"] = lambda unit, notes: next(
        (o for o in unit.outcomes if o.id == notes.outcome), unit.outcomes[0])
    env.filters["zip_longest"] = lambda a, b: list(itertools.zip_longest(a, b))
    return env


METHOD_LABELS = {
    "online-test": "Online multiple-choice test",
    "onscreen-test": "Onscreen test",
    "assignment": "Assignment",
    "internal-assignment": "Internally assessed assignment",
    "external-exam": "External exam",
    "portfolio": "Portfolio of evidence",
    "workplace-evidence": "Evidence from the workplace",
}


@dataclass
class Site:
    """Everything the render stage produces."""

    pages: dict[str, str] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)

    def add(self, path: str, text: str) -> None:
        if path in self.pages:
            raise AssertionError(f"two pages render to {path}")  # a generator bug, not a content mistake
        self.pages[path] = text


def unit_path(spec: str, number: str) -> str:
    return f"{spec}/units/{number}.md"


def paired_rows(left: Outcome, right: Outcome) -> list[tuple]:
    """Criteria of two parallel outcomes side by side, padded to the longer list."""
    rows = []
    for i in range(max(len(left.criteria), len(right.criteria))):
        a = left.criteria[i] if i < len(left.criteria) else None
        b = right.criteria[i] if i < len(right.criteria) else None
        rows.append((a, b))
    return rows


def _norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def cross_links(corpus: Corpus) -> dict[tuple[str, str], list[dict[str, str]]]:
    """Units that appear in more than one place: explicit also_in links, plus units in
    other specifications with the same unit reference or the same title."""
    links: dict[tuple[str, str], list[dict[str, str]]] = {}

    def add(a: tuple[str, str], b: tuple[str, str], relation: str) -> None:
        if a == b:
            return
        bucket = links.setdefault(a, [])
        if not any((x["spec"], x["unit"]) == b for x in bucket):
            unit = corpus.specs[b[0]].units[b[1]]
            bucket.append({"spec": b[0], "unit": b[1], "title": unit.title, "relation": relation,
                           "spec_title": corpus.specs[b[0]].spec.short_title})

    by_ref: dict[str, list[tuple[str, str]]] = {}
    by_title: dict[str, list[tuple[str, str]]] = {}
    for data, unit in corpus.all_units():
        key = (data.slug, unit.number)
        for link in unit.also_in:
            target = corpus.specs[link.spec].resolve(link.unit)
            add(key, (link.spec, target.number), link.relation)
            add((link.spec, target.number), key, link.relation)
        if unit.reference:
            by_ref.setdefault(unit.reference.strip(), []).append(key)
        by_title.setdefault(_norm_title(unit.title), []).append(key)
    for keys in by_ref.values():
        for a in keys:
            for b in keys:
                if a[0] != b[0]:
                    add(a, b, "same unit reference")
    for keys in by_title.values():
        for a in keys:
            for b in keys:
                if a[0] != b[0]:
                    add(a, b, "same title")
    for bucket in links.values():
        bucket.sort(key=lambda x: (x["spec"], natural_key(x["unit"])))
    return links


def used_by(data: SpecData) -> dict[str, list[str]]:
    """Unit number -> the qualifications of its specification whose structure lists it."""
    result: dict[str, list[str]] = {}
    for qual in data.spec.qualifications:
        for group in qual.groups:
            for number in group.units:
                unit = data.resolve(number)
                if unit and qual.title not in result.setdefault(unit.number, []):
                    result[unit.number].append(qual.title)
    return result


def render_site(corpus: Corpus) -> Site:
    env = make_env()
    site = Site()
    specs = list(corpus.specs.values())
    ctx_common = {"specs": specs, "corpus": corpus, "cross": cross_links(corpus)}

    practice_units: dict[str, list[str]] = {}
    for data in specs:
        practice_units[data.slug] = _render_spec(env, site, data, corpus, ctx_common)

    _render_teaching_pages(env, site, corpus)
    site.add("index.md", env.get_template("home.md.j2").render(**ctx_common))
    site.add("progress.md", env.get_template("progress.md.j2").render(practice_units=practice_units, **ctx_common))
    activities = []
    if corpus.teaching:
        for data in specs:
            units = [(u, corpus.teaching.units[(data.slug, n)][0]) for n, u in data.units.items()
                     if (data.slug, n) in corpus.teaching.units]
            if units:
                activities.append((data, units))
    site.add("tutors/index.md", env.get_template("tutors.md.j2").render(activities=activities, **ctx_common))
    site.add("about.md", env.get_template("about.md.j2").render(**ctx_common))
    site.add("content-format.md", env.get_template("content-format.md.j2").render(
        tables=model_tables(CONTENT_MODELS), **ctx_common))

    site.nav = build_nav(specs, corpus)
    return site


def _render_spec(env: Environment, site: Site, data: SpecData, corpus: Corpus, ctx_common: dict) -> list[str]:
    """Render one specification's pages; returns the units that have a practice quiz."""
    spec = data.spec
    banks = corpus.banks
    tests_by_unit: dict[str, list] = {}
    for test in spec.tests:
        for number in test.units:
            unit = data.resolve(number)
            if unit is not None:
                tests_by_unit.setdefault(unit.number, []).append(test)
    unit_rows = {}
    for qual in spec.qualifications:
        for group in qual.groups:
            for number in group.units:
                unit_rows.setdefault(number, data.resolve(number))
    planners = {q.id: embed_json(rules_data(data, q)) for q in spec.qualifications if has_options(q)}
    site.add(f"{spec.slug}/index.md", env.get_template("specification.md.j2").render(
        data=data, spec=spec, tests_by_unit=tests_by_unit, planners=planners, **ctx_common))
    practice = []
    for number, unit in data.units.items():
        items = reviewed(banks.items_for(spec.slug, number)) if banks else []
        payload = practice_payload(data, unit, items) if items else None
        if payload:
            practice.append(number)
        teaching_ctx = _teaching_context(corpus, data, unit)
        site.add(unit_path(spec.slug, number), env.get_template("unit.md.j2").render(**teaching_ctx,
            data=data, spec=spec, unit=unit, tests=tests_by_unit.get(number, []),
            parallels=[data.units[p] for p in unit.parallel], paired_rows=paired_rows,
            route_method=_route_methods(unit), payload=payload, used_by=used_by(data).get(number, []),
            payload_json=embed_json(payload) if payload else "",
            link_units=[(number, f"{number}.md")], key_page=None, **ctx_common))
        for alias in unit.aliases:
            site.add(unit_path(spec.slug, alias), env.get_template("alias.md.j2").render(
                data=data, spec=spec, unit=unit, alias=alias, route_method=_route_methods(unit)))
    for test in spec.tests:
        units = [data.resolve(n) for n in test.units]
        items_by_unit = {u.number: reviewed(banks.items_for(spec.slug, u.number)) if banks else [] for u in units}
        payload = mock_payload(data, test, items_by_unit)
        key_page = f"../../tutors/keys/{spec.slug}-{test.id}.md"
        site.add(f"{spec.slug}/tests/{test.id}.md", env.get_template("test.md.j2").render(
            data=data, spec=spec, test=test, payload=payload, payload_json=embed_json(payload),
            link_units=[(u.number, f"../units/{u.number}.md") for u in units], key_page=key_page))
        groups = []
        for part in test.outcomes:
            unit = data.resolve(part.unit or test.units[0])
            group_items = [i for i in payload["items"] if i["unit"] == unit.number and i["outcome"] == part.outcome]
            groups.append({"label": (f"Unit {unit.number}, " if len(units) > 1 else "") + outcome_label(unit, part.outcome),
                           "entries": group_items})
        site.add(f"tutors/keys/{spec.slug}-{test.id}.md", env.get_template("answer-key.md.j2").render(
            spec=spec, test=test, groups=groups, test_page=f"../../{spec.slug}/tests/{test.id}.md"))
    return practice

def _demote_headings(markdown: str) -> str:
    """Headings inside notes sit under a ### notes heading, so they all become ####.
    Python-Markdown also needs a blank line before a list that follows a paragraph."""
    lines = re.sub(r"^#{1,6} ", "#### ", markdown, flags=re.M).split("\n")
    out: list[str] = []
    item = re.compile(r"^(\s*)([-*+]|\d+\.) ")
    for line in lines:
        if item.match(line) and out and out[-1].strip() and not item.match(out[-1]) and not out[-1].startswith(" "):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _teaching_context(corpus: Corpus, data: SpecData, unit: Unit) -> dict[str, Any]:
    """Everything the unit page needs from the teaching layer (empty when there is none)."""
    layer = corpus.teaching
    entry = layer.units.get((data.slug, unit.number)) if layer else None
    if not entry:
        return {"teaching": None, "linked_notes": [], "key_terms": [], "laws": [], "target_label": None}
    teaching = entry[0]
    ref = f"{data.slug}/{unit.number}"
    wanted = list(dict.fromkeys(teaching.key_terms + [s for s, (t, _, _) in layer.terms.items() if ref in t.units]))
    term_forms = []
    for slug in wanted:
        term = layer.terms[slug][0]
        if term.tooltip:
            term_forms.append((slug, [term.term, *term.aliases], term.definition, term.term))
    linked = [link_terms(_demote_headings(n.explanation), term_forms, "../../glossary/index.md") for n in teaching.notes]
    outcomes = {o.id: o for o in unit.outcomes}
    areas = {a.id: a for a in unit.content}

    def target_label(notes) -> str:
        if notes.content:
            return f"{notes.content} {md_escape(areas[notes.content].title)}"
        o = outcomes[notes.outcome]
        kind = {"outcome": "Outcome", "learning-aim": "Learning aim", "assessment-outcome": "Assessment outcome",
                "element": "Element"}[o.kind]
        return f"{kind} {o.id}: {md_escape(o.title)}"

    return {
        "teaching": teaching,
        "linked_notes": linked,
        "key_terms": [(slug, layer.terms[slug][0]) for slug in teaching.key_terms],
        "laws": [(slug, layer.laws[slug][0]) for slug in teaching.legislation],
        "target_label": target_label,
    }


def _route_methods(unit: Unit) -> dict[str, str]:
    return {route.number: METHOD_LABELS[route.method] for route in unit.assessment}


LAW_GROUPS = [
    ("Consumer rights, contracts and credit", ("consumer-rights", "sale-of-goods", "supply-of-goods", "consumer-credit",
                                               "consumer-contracts", "distance-selling", "unsolicited")),
    ("Unfair trading and product safety", ("unfair-trading", "digital-markets", "trade-descriptions",
                                           "consumer-protection-act", "product-safety")),
    ("Data protection and marketing", ("data-", "gdpr", "privacy", "freedom-of-information", "computer-misuse")),
    ("Equality", ("equality", "discrimination", "race-relations")),
    ("Health and safety", ("health-and-safety", "display-screen", "riddor", "reporting-of-injuries", "fire")),
    ("Employment", ("working-time", "employment", "minimum-wage")),
    ("Regulators' rules and codes", ("fca", "ofcom", "code")),
]


def law_group(slug: str) -> str:
    for title, keys in LAW_GROUPS:
        if any(k in slug for k in keys):
            return title
    return "Other laws named in the specifications"


def _render_teaching_pages(env: Environment, site: Site, corpus: Corpus) -> None:
    """Glossary, flashcards and the legislation library (pages shared by all specifications)."""
    layer = corpus.teaching
    if not layer:
        return
    spec_titles = {d.slug: d.spec.short_title for d in corpus.specs.values()}

    def unit_page(spec: str, number: str) -> str:
        return corpus.specs[spec].resolve(number).number

    def unit_title(spec: str, number: str) -> str:
        return corpus.specs[spec].resolve(number).title

    helpers = {"spec_titles": spec_titles, "unit_page": unit_page, "unit_title": unit_title}
    terms = sorted(((slug, t) for slug, (t, _, _) in layer.terms.items()), key=lambda x: x[1].term.lower())
    letters: dict[str, list] = {}
    for slug, term in terms:
        first = term.term[0].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append((slug, term))
    site.add("glossary/index.md", env.get_template("glossary.md.j2").render(
        terms=terms, letters=sorted(letters.items()), **helpers))
    cards = {
        "terms": [{"slug": slug, "term": t.term, "definition": t.definition, "example": t.example,
                   "units": list(t.units)} for slug, t in terms],
        "units": [{"ref": f"{d.slug}/{n}", "label": f"{d.spec.short_title}: unit {n}, {u.title}"}
                  for d in corpus.specs.values() for n, u in d.units.items()
                  if any(f"{d.slug}/{n}" in t.units for _, t in terms)],
    }
    site.add("glossary/flashcards.md", env.get_template("flashcards.md.j2").render(payload_json=embed_json(cards)))
    titles = {slug: law.title for slug, (law, _) in layer.laws.items()}
    groups: dict[str, list] = {}
    for slug, (law, _) in sorted(layer.laws.items(), key=lambda x: x[1][0].title.lower()):
        groups.setdefault(law_group(slug), []).append((slug, law))
        site.add(f"legislation/{slug}.md", env.get_template("legislation.md.j2").render(
            law=law, titles=titles, units=law_units(corpus, layer, slug), **helpers))
    order = [g for g, _ in LAW_GROUPS] + ["Other laws named in the specifications"]
    site.add("legislation/index.md", env.get_template("legislation-index.md.j2").render(
        groups=[(g, groups[g]) for g in order if g in groups]))


def build_nav(specs: list[SpecData], corpus: Corpus | None = None) -> list[Any]:
    """The site navigation, handed to MkDocs by the thin hook in mkdocs_hooks.py."""
    nav: list[Any] = [{"Home": "index.md"}]
    quals = []
    for data in specs:
        units = [{f"{u.number}: {u.title}": unit_path(data.slug, u.number)}
                 for u in sorted(data.units.values(), key=lambda u: natural_key(u.number))]
        section: list[Any] = [f"{data.slug}/index.md", {"Units": units}]
        if data.spec.tests:
            section.append({"Mock tests": [{t.title: f"{data.slug}/tests/{t.id}.md"} for t in data.spec.tests]})
        quals.append({data.spec.short_title: section})
    nav.append({"Qualifications": quals})
    if corpus is not None and corpus.teaching and corpus.teaching.terms:
        nav.append({"Glossary": ["glossary/index.md", "glossary/flashcards.md"]})
    if corpus is not None and corpus.teaching and corpus.teaching.laws:
        laws = sorted(corpus.teaching.laws.items(), key=lambda x: x[1][0].title.lower())
        nav.append({"Legislation": ["legislation/index.md"] + [{law.title: f"legislation/{slug}.md"}
                                                                 for slug, (law, _) in laws]})
    nav.append({"Your progress": "progress.md"})
    tutors = ["tutors/index.md"]
    for data in specs:
        for t in data.spec.tests:
            tutors.append({f"Answer key: {data.spec.short_title}, {t.title}": f"tutors/keys/{data.slug}-{t.id}.md"})
    nav.append({"For tutors": tutors})
    nav.append({"About": ["about.md", "content-format.md", "hosting.md"]})
    return nav
