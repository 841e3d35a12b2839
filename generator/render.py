"""Render the validated corpus into pages: a dict of docs-relative path -> text.

Nothing here touches the file system except reading templates; writing is the writer's
job, so a failed render never leaves half a site.  Templates use StrictUndefined, so a
misspelt variable fails the build instead of printing nothing.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown as md_lib
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import anchors
from .corpus import Corpus, SpecData, natural_key
from .formatdoc import CONTENT_MODELS, model_tables
from .models import Outcome, Unit

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
    env.globals["method_label"] = METHOD_LABELS.__getitem__
    env.filters["method_label"] = METHOD_LABELS.__getitem__
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


def render_site(corpus: Corpus, extras: dict[str, Any] | None = None) -> Site:
    env = make_env()
    site = Site()
    specs = list(corpus.specs.values())
    ctx_common = {"specs": specs, "corpus": corpus}

    for data in specs:
        _render_spec(env, site, data, ctx_common)

    site.add("index.md", env.get_template("home.md.j2").render(**ctx_common))
    site.add("about.md", env.get_template("about.md.j2").render(**ctx_common))
    site.add("content-format.md", env.get_template("content-format.md.j2").render(
        tables=model_tables(CONTENT_MODELS), **ctx_common))

    site.nav = build_nav(specs)
    return site


def _render_spec(env: Environment, site: Site, data: SpecData, ctx_common: dict) -> None:
    spec = data.spec
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
    site.add(f"{spec.slug}/index.md", env.get_template("specification.md.j2").render(
        data=data, spec=spec, tests_by_unit=tests_by_unit, **ctx_common))
    for number, unit in data.units.items():
        site.add(unit_path(spec.slug, number), env.get_template("unit.md.j2").render(
            data=data, spec=spec, unit=unit, tests=tests_by_unit.get(number, []),
            parallels=[data.units[p] for p in unit.parallel], paired_rows=paired_rows,
            route_method=_route_methods(unit), **ctx_common))
        for alias in unit.aliases:
            site.add(unit_path(spec.slug, alias), env.get_template("alias.md.j2").render(
                data=data, spec=spec, unit=unit, alias=alias, route_method=_route_methods(unit)))


def _route_methods(unit: Unit) -> dict[str, str]:
    return {route.number: METHOD_LABELS[route.method] for route in unit.assessment}


def build_nav(specs: list[SpecData]) -> list[Any]:
    """The site navigation, handed to MkDocs by the thin hook in mkdocs_hooks.py."""
    nav: list[Any] = [{"Home": "index.md"}]
    quals = []
    for data in specs:
        units = [{f"{u.number}: {u.title}": unit_path(data.slug, u.number)}
                 for u in sorted(data.units.values(), key=lambda u: natural_key(u.number))]
        quals.append({data.spec.short_title: [f"{data.slug}/index.md", {"Units": units}]})
    nav.append({"Qualifications": quals})
    nav.append({"About": ["about.md", "content-format.md", "hosting.md"]})
    return nav
