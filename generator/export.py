"""The dataset export (CONVENTIONS.md §4): the whole validated corpus as one JSON document."""

from __future__ import annotations

from typing import Any

from .corpus import Corpus
from .models import Unit


def unit_record(unit: Unit) -> dict[str, Any]:
    record = {
        "number": unit.number,
        "aliases": list(unit.aliases),
        "reference": unit.reference,
        "title": unit.title,
        "level": unit.level,
        "credits": unit.credits,
        "glh": unit.glh,
        "status": unit.status,
        "assessment": unit.assessment_text,
        "assessment_routes": [r.model_dump() for r in unit.assessment],
        "outcomes": [
            {
                "id": o.id,
                "kind": o.kind,
                "title": o.title,
                "repair": o.repair.model_dump() if o.repair else None,
                "criteria": [
                    {
                        "id": c.id,
                        "text": c.text,
                        "grade": c.grade,
                        "repair": c.repair.model_dump() if c.repair else None,
                    }
                    for c in o.criteria
                ],
            }
            for o in unit.outcomes
        ],
        "knowledge": [
            {"id": k.id, "text": k.text, "repair": k.repair.model_dump() if k.repair else None} for k in unit.knowledge
        ],
        "content": [a.model_dump() for a in unit.content],
        "evidence_rules": list(unit.evidence_rules),
        "simulation": unit.simulation,
    }
    return record


def build_dataset(corpus: Corpus) -> dict[str, Any]:
    specs = []
    for data in corpus.specs.values():
        spec = data.spec
        specs.append(
            {
                "slug": spec.slug,
                "title": spec.title,
                "awarding_body": spec.awarding_body,
                "source": spec.source.model_dump(),
                "qualifications": [
                    {
                        "id": q.id,
                        "title": q.title,
                        "number": q.number,
                        "accreditation": q.accreditation,
                        "level": q.level,
                        "credits": q.credits,
                        "glh": q.glh,
                        "tqt": q.tqt,
                        "units": [n for g in q.groups for n in g.units],
                        "groups": [g.model_dump() for g in q.groups],
                        "barred": [list(b) for b in q.barred],
                        "min_credits_at_level": [r.model_dump() for r in q.min_credits_at_level],
                    }
                    for q in spec.qualifications
                ],
                "units": [unit_record(u) for u in data.units.values()],
                "tests": [
                    {
                        "id": t.id,
                        "title": t.title,
                        "unit": t.units[0],
                        "units": list(t.units),
                        "duration_min": t.duration_min,
                        "questions": t.questions,
                        "marks": t.marks,
                        "official": t.official,
                        "outcomes": [
                            {"id": p.outcome, "unit": p.unit or t.units[0], "questions": p.questions, "marks": p.marks}
                            for p in t.outcomes
                        ],
                    }
                    for t in spec.tests
                ],
            }
        )
    legislation, glossary = [], []
    layer = getattr(corpus, "teaching", None)
    if layer:
        from .relations import law_links, law_units

        links = law_links(corpus)
        for slug, (law, _) in sorted(layer.laws.items()):
            legislation.append(
                {
                    "slug": slug,
                    "title": law.title,
                    "status": law.status,
                    "status_note": law.status_note,
                    "replaced_by": list(law.replaced_by),
                    "last_reviewed": law.last_reviewed,
                    "sources": [src.model_dump() for src in law.sources],
                    "units": law_units(corpus, slug, links),
                }
            )
        for slug, (term, _, _) in sorted(layer.terms.items()):
            glossary.append({"slug": slug, "term": term.term, "definition": term.definition, "units": list(term.units)})
    dataset: dict[str, Any] = {
        "schema": "cs-hub/dataset/1",
        "specifications": specs,
        "legislation": legislation,
        "glossary": glossary,
    }
    return dataset
