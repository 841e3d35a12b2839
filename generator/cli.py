"""Command line: python -m generator check | build | export json|moodle|gift|qti|anki-csv|apkg|scorm | schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .corpus import ValidatedCorpus
from .export import build_dataset
from .lms import FORMATS
from .pipeline import Project, build, centre_corpus, load_and_check
from .problems import ContentError
from .routes import check, find_qualification, rules_data
from .schema import centre_schema_files, schema_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Build the Customer Service Study Hub from content/ and quizzes/."
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate all content and report problems; writes nothing")
    check_cmd.add_argument("--centre", type=Path, help="a centre file to check too (default: centre.yml if present)")
    build_cmd = sub.add_parser("build", help="validate, then write generated pages into docs/")
    build_cmd.add_argument("--centre", type=Path, help="a centre file (default: centre.yml if present)")
    build_cmd.add_argument(
        "--tutors", action="store_true", help="the tutors' site: tutors' pages included, config mkdocs.tutors.yml"
    )
    export = sub.add_parser("export", help="write the validated dataset, or the item bank for an LMS (docs/lms.md)")
    export.add_argument("--centre", type=Path, help="only what this centre file includes (default: centre.yml)")
    export.add_argument(
        "format", choices=["json", *FORMATS, "scorm"], help="json: the dataset; scorm: a SCORM 1.2 zip per mock"
    )
    export.add_argument(
        "--out", type=Path, help="this file instead of standard output; scorm: this folder (default: scorm)"
    )
    routes = sub.add_parser("routes", help="check a selection of units against a qualification's rules")
    routes.add_argument("qualification", help="qualification id, e.g. cg-4417-02")
    routes.add_argument("--check", required=True, metavar="UNITS", help="comma-separated unit numbers, e.g. 201,272")
    schema = sub.add_parser("schema", help="write the JSON Schema files into content/_schema/ and quizzes/_schema/")
    schema.add_argument("--check", action="store_true", help="fail if the committed schema files are out of date")
    args = parser.parse_args(argv)
    project = Project(root=args.root.resolve(), centre=getattr(args, "centre", None))

    try:
        if args.command == "check":
            corpus = load_and_check(project)
            units = sum(len(d.units) for d in corpus.specs.values())
            items = sum(len(b.bank.items) for b in corpus.banks.by_unit.values())
            print("Quiz banks against their test specifications (reviewed items, twice the blueprint):")
            for line in corpus.bank_lines:
                print("  " + line)
            print("Teaching layer coverage:")
            for line in corpus.coverage_lines:
                print("  " + line)
            centre, part = centre_corpus(project, corpus)
            if centre is not None:
                print(f"Centre file {centre.display}: {centre.centre.name}, specifications {', '.join(part.specs)}")
            print(f"ok: {len(corpus.specs)} specifications, {units} units, {items} quiz items; no problems found")
            return 0
        if args.command == "build":
            report = build(project, "tutors" if args.tutors else "learners")
            print(
                f"built: {len(report.written)} files written, {report.unchanged} unchanged, "
                f"{len(report.removed)} stale files removed"
            )
            return 0
        if args.command == "export" and args.format == "scorm":
            return _export_scorm(load_and_check(project), args.out or Path("scorm"))
        if args.command == "export":
            _, corpus = centre_corpus(project, load_and_check(project))
            if args.format in FORMATS:
                return _export_lms(corpus, args.format, args.out)
            text = json.dumps(build_dataset(corpus), indent=1, ensure_ascii=False) + "\n"
            if args.out:
                args.out.write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
            return 0
        if args.command == "routes":
            return _routes(load_and_check(project), args.qualification, args.check)
        if args.command == "schema":
            return _schema(project, args.check)
    except ContentError as exc:
        print(exc.problems.report(), file=sys.stderr)
        return 1
    return 2  # pragma: no cover - argparse rejects unknown commands


def _export_lms(corpus: ValidatedCorpus, name: str, out: Path | None) -> int:
    data = FORMATS[name].build(corpus)
    if out:
        out.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _export_scorm(corpus: ValidatedCorpus, folder: Path) -> int:
    from .lms.scorm import packages
    from .pages.base import Facts

    made = packages(Facts(corpus))
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        (folder / name).write_bytes(data)
    print(f"scorm: {len(made)} packages written to {folder}")
    return 0


def _routes(corpus: ValidatedCorpus, qual_id: str, units_text: str) -> int:
    """Exit 0 valid, 3 invalid, 1 bad input (unknown qualification or unit)."""
    data, qual = find_qualification(corpus, qual_id)
    if data is None or qual is None:
        known = ", ".join(q.id for d in corpus.specs.values() for q in d.spec.qualifications)
        print(f"unknown qualification {qual_id!r}. Hint: use one of: {known}", file=sys.stderr)
        return 1
    selection = [u.strip() for u in units_text.split(",") if u.strip()]
    unknown = [u for u in selection if data.find(u) is None]
    if unknown:
        print(
            f"unknown unit{'s' if len(unknown) > 1 else ''} for {data.slug}: {', '.join(unknown)}. "
            f"Hint: use unit numbers printed in the specification",
            file=sys.stderr,
        )
        return 1
    reasons = check(rules_data(data, qual), selection)
    if not reasons:
        print("valid")
        return 0
    print("invalid")
    for reason in reasons:
        print(f"- {reason}")
    return 3


def _schema(project: Project, check_only: bool) -> int:
    stale = []
    for rel, text in {**schema_files(), **centre_schema_files()}.items():
        path = project.root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if check_only and stale:
        for path in stale:
            print(
                f"{path.relative_to(project.root)}: out of date with the models. "
                "Hint: run 'python -m generator schema' and commit the result.",
                file=sys.stderr,
            )
        return 1
    print(f"schema: {len(stale)} file(s) {'out of date' if check_only else 'updated'}")
    return 0
