"""Every page the corpus will become must have an address of its own.

The renderer treats two pages with one path as a bug and stops, so a content value that
would make one (a law called 'index', a specification called 'tutors', unit 'A' beside
alias 'a' on a case-insensitive disk) must be found here, by `generator check`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..corpus import Sourced, ValidatedCorpus
from ..problems import Problems
from ..yamlload import Path_
from .common import report

# Pages and folders of the site that no content produces (hand-written pages included).
SITE_PAGES = (
    "index.md",
    "about.md",
    "content-format.md",
    "progress.md",
    "hosting.md",
    "tutors/index.md",
    "glossary/index.md",
    "glossary/flashcards.md",
    "legislation/index.md",
    "evidence.md",
    "assets/index.md",
    "schemas/index.md",
    "search/index.md",
)


@dataclass(frozen=True)
class Claim:
    path: str  # under docs/, e.g. cg-4417/units/201.md
    origin: Sourced | None  # None: a page of the site itself
    loc: Path_ = ()
    rule: str = ""  # claims another rule already keeps apart ("unit", "test")


def address(path: str) -> str:
    """The address MkDocs gives a page with directory URLs, compared without case
    because Windows and macOS disks do not tell 'A.md' from 'a.md'."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"/{stem}/".replace("//", "/").casefold()


def claims(corpus: ValidatedCorpus) -> Iterator[Claim]:
    for page in SITE_PAGES:
        yield Claim(page, None)
    for data in corpus.specs.values():
        yield Claim(f"{data.slug}/index.md", data.origin, ("slug",))
        for number, unit in data.units.items():
            origin = data.unit_origin[number]
            yield Claim(f"{data.slug}/units/{number}.md", origin, ("number",), "unit")
            for ai, alias in enumerate(unit.aliases):
                yield Claim(f"{data.slug}/units/{alias}.md", origin, ("aliases", ai), "unit")
        for ti, test in enumerate(data.spec.tests):
            yield Claim(f"{data.slug}/tests/{test.id}.md", data.origin, ("tests", ti, "id"), "test")
            yield Claim(f"tutors/keys/{data.slug}-{test.id}.md", data.origin, ("tests", ti, "id"), "test")
    for slug, entry in corpus.teaching.laws.items():
        yield Claim(f"legislation/{slug}.md", entry.origin, ("slug",))


def page_addresses_unique(corpus: ValidatedCorpus, problems: Problems) -> None:
    first: dict[str, Claim] = {}
    for claim in claims(corpus):
        key = address(claim.path)
        other = first.setdefault(key, claim)
        if other is claim or claim.origin is None:
            continue
        if (
            claim.rule
            and claim.rule == other.rule
            and claim.path == other.path
            and (claim.rule == "unit" or claim.origin is other.origin)
        ):
            continue  # a repeat within one specification: aliases_unique or test_ids_unique reports it
        if other.origin is None:
            why = "which is a page of the site itself"
        else:
            why = f"which {other.origin.display} line {other.origin.line(*other.loc)} already uses"
        report(
            problems,
            claim.origin,
            claim.loc,
            f"this would publish the page {key}, {why}",
            "choose another id or slug; every page needs an address of its own",
        )


PATH_CHECKS = (page_addresses_unique,)
