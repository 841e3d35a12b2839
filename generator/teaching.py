"""The teaching layer: load teaching notes, the glossary and the legislation library, check
every reference between them and the units, and report coverage per specification.

Files:
    content/<spec>/teaching/<unit>.yml    Teaching (notes, key terms, legislation, activities)
    content/glossary/*.yml                Glossary (terms)
    content/legislation/<slug>.yml        Law
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .anchors import slugify
from .corpus import Corpus, Sourced, display_path, natural_key
from .problems import Problems
from .teaching_models import Glossary, Law, Teaching, Term
from .validate import validate_file
from .yamlload import format_loc, load_yaml


@dataclass
class TeachingLayer:
    units: dict[tuple[str, str], tuple[Teaching, Sourced]] = field(default_factory=dict)
    terms: dict[str, tuple[Term, Sourced, int]] = field(default_factory=dict)  # slug -> term
    laws: dict[str, tuple[Law, Sourced]] = field(default_factory=dict)
    coverage: list[str] = field(default_factory=list)

    def term_slug(self, term: Term) -> str:
        return term.slug or slugify(term.term)


def load_teaching(content_dir: Path, problems: Problems) -> TeachingLayer:
    layer = TeachingLayer()
    for spec_dir in sorted(p for p in content_dir.iterdir() if p.is_dir()) if content_dir.is_dir() else []:
        for path in sorted((spec_dir / "teaching").glob("*.yml"), key=lambda p: natural_key(p.stem)):
            display = display_path(path, content_dir)
            loaded = load_yaml(path, display, problems)
            model = validate_file(loaded, Teaching, display, problems) if loaded else None
            if model is None:
                continue
            if (model.spec, model.unit) != (spec_dir.name, path.stem):
                problems.add(display, loaded.line_for(("unit",)), "unit",
                             f"this file says {model.spec}/{model.unit} but is saved as {spec_dir.name}/{path.stem}",
                             f"save it as content/{model.spec}/teaching/{model.unit}.yml")
                continue
            layer.units[model.spec, model.unit] = (model, Sourced(display, loaded))
    for model, origin in _load_all(content_dir / "glossary", Glossary, content_dir, problems):
        for i, term in enumerate(model.terms):
            slug = layer.term_slug(term)
            if slug in layer.terms:
                other = layer.terms[slug][1]
                problems.add(origin.display, origin.line("terms", i, "term"), f"terms[{i}].term",
                             f"the term {term.term!r} (#{slug}) is already defined in {other.display}",
                             "define each term once and list every unit that uses it")
                continue
            layer.terms[slug] = (term, origin, i)
    for model, origin in _load_all(content_dir / "legislation", Law, content_dir, problems):
        if model.slug != Path(origin.display).stem:
            problems.add(origin.display, origin.line("slug"), "slug",
                         f"slug {model.slug!r} does not match the file name", f"rename the file to {model.slug}.yml")
            continue
        layer.laws[model.slug] = (model, origin)
    return layer


def _load_all(folder: Path, model, content_dir: Path, problems: Problems):
    """Every valid file of one kind in `folder`, with where it came from."""
    for path in sorted(folder.glob("*.yml")):
        display = display_path(path, content_dir)
        loaded = load_yaml(path, display, problems)
        validated = validate_file(loaded, model, display, problems) if loaded else None
        if validated is not None:
            yield validated, Sourced(display, loaded)


def _unit_ref_ok(corpus: Corpus, ref: str) -> bool:
    """Whether '<spec>/<unit>' names a unit.  References into a file that already failed
    to load count as fine, so one mistake gives one problem line, not a cascade."""
    spec, _, unit = ref.partition("/")
    if spec in corpus.broken_specs:
        return True
    data = corpus.specs.get(spec)
    return bool(data and unit and (data.resolve(unit) or unit in data.broken))


def crosscheck_teaching(corpus: Corpus, layer: TeachingLayer, problems: Problems) -> None:
    for (slug, number), (teaching, origin) in layer.units.items():
        data = corpus.specs.get(slug)
        unit = data.units.get(number) if data else None
        if unit is None and (slug in corpus.broken_specs or (data and number in data.broken)):
            continue  # its unit file already failed; reported there
        if unit is None:
            problems.add(origin.display, origin.line("unit"), "unit", f"{slug}/{number} is not a unit in content/",
                         "use the unit's page number")
            continue
        outcomes = {o.id: o for o in unit.outcomes}
        criteria = {c.id for o in unit.outcomes for c in o.criteria}
        areas = {a.id for a in unit.content}

        def target_ok(loc: tuple, outcome: str | None, content: str | None) -> None:
            if outcome is not None and outcome not in outcomes:
                problems.add(origin.display, origin.line(*loc, "outcome"), format_loc(loc + ("outcome",)),
                             f"unit {number} has no outcome {outcome!r}", f"use one of: {', '.join(outcomes)}")
            if content is not None and content not in areas:
                problems.add(origin.display, origin.line(*loc, "content"), format_loc(loc + ("content",)),
                             f"unit {number} has no content area {content!r}", "use a printed content id such as A1")

        for i, notes in enumerate(teaching.notes):
            target_ok(("notes", i), notes.outcome, notes.content)
            for ci, cid in enumerate(notes.criteria):
                if cid not in criteria:
                    problems.add(origin.display, origin.line("notes", i, "criteria", ci),
                                 format_loc(("notes", i, "criteria", ci)),
                                 f"unit {number} has no criterion {cid!r}", "use a printed criterion id")
        seen = set()
        for i, activity in enumerate(teaching.activities):
            target_ok(("activities", i), activity.outcome, activity.content)
            if activity.id in seen:
                problems.add(origin.display, origin.line("activities", i, "id"), format_loc(("activities", i, "id")),
                             f"activity id {activity.id!r} is used more than once", "give each activity its own id")
            seen.add(activity.id)
            for ci, cid in enumerate(activity.criteria):
                if cid not in criteria:
                    problems.add(origin.display, origin.line("activities", i, "criteria", ci),
                                 format_loc(("activities", i, "criteria", ci)),
                                 f"unit {number} has no criterion {cid!r}", "use a printed criterion id")
        for i, term in enumerate(teaching.key_terms):
            if term not in layer.terms:
                problems.add(origin.display, origin.line("key_terms", i), f"key_terms[{i}]",
                             f"the glossary has no term {term!r}",
                             "add it to a file in content/glossary/, or correct the slug")
        for i, law in enumerate(teaching.legislation):
            if law not in layer.laws:
                problems.add(origin.display, origin.line("legislation", i), f"legislation[{i}]",
                             f"the legislation library has no entry {law!r}",
                             f"add content/legislation/{law}.yml, or correct the slug")
    for term, origin, i in layer.terms.values():
        for ui, ref in enumerate(term.units):
            if not _unit_ref_ok(corpus, ref):
                problems.add(origin.display, origin.line("terms", i, "units", ui), f"terms[{i}].units[{ui}]",
                             f"{ref!r} is not a unit", "write units as '<spec>/<unit>', e.g. 'cg-4417/201'")
    for law, origin in layer.laws.values():
        for ri, other in enumerate(law.replaced_by):
            if other not in layer.laws:
                problems.add(origin.display, origin.line("replaced_by", ri), f"replaced_by[{ri}]",
                             f"the legislation library has no entry {other!r}", f"add content/legislation/{other}.yml")
        for ui, ref in enumerate(law.units):
            if not _unit_ref_ok(corpus, ref):
                problems.add(origin.display, origin.line("units", ui), f"units[{ui}]",
                             f"{ref!r} is not a unit", "write units as '<spec>/<unit>', e.g. 'cg-4417/201'")
        for wi, wording in enumerate(law.spec_wording):
            data = corpus.specs.get(wording.spec)
            for ui, unit in enumerate(wording.units):
                if not _unit_ref_ok(corpus, f"{wording.spec}/{unit}"):
                    problems.add(origin.display, origin.line("spec_wording", wi, "units", ui),
                                 f"spec_wording[{wi}].units[{ui}]", f"{wording.spec}/{unit} is not a unit",
                                 "use a unit number of that specification")


def law_units(corpus: Corpus, layer: TeachingLayer, slug: str) -> list[str]:
    """Every unit that cites a law: its own list, teaching files and specification wording."""
    law = layer.laws[slug][0]
    refs = list(law.units)
    for (spec, unit), (teaching, _) in layer.units.items():
        if slug in teaching.legislation:
            refs.append(f"{spec}/{unit}")
    for wording in law.spec_wording:
        refs.extend(f"{wording.spec}/{corpus.specs[wording.spec].resolve(u).number}" for u in wording.units)
    out = []
    for ref in refs:
        spec, _, unit = ref.partition("/")
        number = corpus.specs[spec].resolve(unit).number
        key = f"{spec}/{number}"
        if key not in out:
            out.append(key)
    order = list(corpus.specs)
    return sorted(out, key=lambda r: (order.index(r.split("/")[0]), natural_key(r.split("/")[1])))


def coverage(corpus: Corpus, layer: TeachingLayer, problems: Problems) -> list[str]:
    """Per specification with a teaching layer: outcomes with notes, activities per outcome,
    practice items per outcome.  An outcome without notes or an activity is a problem."""
    lines = []
    for data in corpus.specs.values():
        if not data.spec.teaching_layer:
            continue
        total = with_notes = with_activity = 0
        items_low = []
        for number, unit in data.units.items():
            entry = layer.units.get((data.slug, number))
            teaching = entry[0] if entry else None
            targets = _targets(unit)
            bank_items = corpus.banks.items_for(data.slug, number) if corpus.banks else []
            for kind, tid in targets:
                total += 1
                has_notes = bool(teaching and any((n.outcome if kind == "outcome" else n.content) == tid
                                                  for n in teaching.notes))
                has_activity = bool(teaching and any((a.outcome if kind == "outcome" else a.content) == tid
                                                     for a in teaching.activities))
                with_notes += has_notes
                with_activity += has_activity
                where = entry[1].display if entry else f"content/{data.slug}/teaching/{number}.yml"
                if not has_notes:
                    problems.add(where, entry[1].line("notes") if entry else 0, "notes",
                                 f"unit {number} {kind} {tid} has no teaching notes",
                                 f"add a notes entry with {kind}: \"{tid}\"")
                if not has_activity:
                    problems.add(where, entry[1].line("activities") if entry else 0, "activities",
                                 f"unit {number} {kind} {tid} has no tutor activity",
                                 f"add an activity with {kind}: \"{tid}\"")
            for outcome in unit.outcomes:
                n = sum(1 for it in bank_items if it.outcome == outcome.id and it.status == "reviewed")
                if n < 3:
                    items_low.append(f"{number}/{outcome.id}")
                    bank = corpus.banks.by_unit.get((data.slug, number)) if corpus.banks else None
                    problems.add(f"quizzes/{data.slug}/{number}.yml", bank.origin.line("items") if bank else 0,
                                 f"outcome {outcome.id}",
                                 f"unit {number} outcome {outcome.id} has {n} reviewed practice items",
                                 "write at least 3 reviewed items for every outcome")
        lines.append(f"{data.slug}: {with_notes}/{total} outcomes or content areas with notes, "
                     f"{with_activity}/{total} with activities, practice items short for: "
                     f"{', '.join(items_low) if items_low else 'none'}")
    used = {t for teaching, _ in layer.units.values() for t in teaching.key_terms}
    undefined = sorted(used - set(layer.terms))
    lines.append(f"glossary: {len(layer.terms)} terms; terms used but undefined: "
                 f"{', '.join(undefined) if undefined else 'none'}")
    lines.append(f"legislation: {len(layer.laws)} entries")
    return lines


def _targets(unit) -> list[tuple[str, str]]:
    """What needs notes: content areas where a unit prints them (BTEC L2 Unit 1),
    otherwise its outcomes or learning aims."""
    if unit.content and all(not o.criteria for o in unit.outcomes):
        return [("content", a.id) for a in unit.content]
    return [("outcome", o.id) for o in unit.outcomes]
