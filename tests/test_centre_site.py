"""A centre's sites, built for real (docs/centres.md): examples/centre-4417.yml, which
teaches only City & Guilds 4417, with a logo, colours and tutor_content: separate.

The learners' site (mkdocs.centre.yml) must have every link and anchor resolve, nothing of
any other specification, a glossary and law library cut to what 4417's units use, the
centre's name, logo and colours, and no tutors' pages or answer keys.  The tutors' site
(mkdocs.tutors.yml, `make tutors`) must have them."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from generator.pipeline import Project, load_and_check
from generator.relations import law_links, term_units
from generator.writer import read_manifest

from .conftest import ROOT, copy_project, mkdocs_build, run
from .test_links import broken_links, parse

SPEC = "cg-4417"
CENTRE = "examples/centre-4417.yml"
pytestmark = pytest.mark.slow


def _build(project: Path, *extra: str, config: str, site_dir: str) -> None:
    gen = run([sys.executable, "-m", "generator", "--root", str(project), "build", "--centre", CENTRE, *extra], project)
    assert gen.returncode == 0, gen.stderr
    result = mkdocs_build(project, config, site_dir)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert not warnings, "\n".join(warnings)


@pytest.fixture(scope="module")
def centre_project(tmp_path_factory) -> Path:
    """The project with both sites built: site/ (learners) and site-tutors/ (tutors)."""
    if os.environ.get("CSH_PREBUILT_CENTRE"):  # developer shortcut, like CSH_PREBUILT_SITE
        return Path(os.environ["CSH_PREBUILT_CENTRE"])
    project = copy_project(tmp_path_factory.mktemp("centre"))
    shutil.copytree(ROOT / "examples", project / "examples")
    # Run from the project copy, so its own generator (the one under test) is imported.
    _build(project, config="mkdocs.centre.yml", site_dir="site")
    _build(project, "--tutors", config="mkdocs.tutors.yml", site_dir="site-tutors")
    return project


@pytest.fixture(scope="module")
def learners(centre_project) -> Path:
    return centre_project / "site"


@pytest.fixture(scope="module")
def tutors(centre_project) -> Path:
    return centre_project / "site-tutors"


def _html(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def _mounted(site: Path, docroot: Path, mount: str) -> list[str]:
    shutil.copytree(site, docroot / mount.strip("/"))
    return broken_links(docroot / mount.strip("/"), docroot, mount)


def test_every_link_and_anchor_resolves(learners, tutors, tmp_path) -> None:
    # The learners' site has site_url https://learn.northgate.example/customer-service/, so
    # MkDocs writes its 404 page for that path (docs/hosting.md): check it mounted there.
    assert _mounted(learners, tmp_path / "learners", "/customer-service/") == []
    # The tutors' site has no site_url: it must work at the root and under any sub-path.
    assert broken_links(tutors, tutors, "/") == []
    assert _mounted(tutors, tmp_path / "tutors", "/cs/") == []


def test_nothing_of_another_specification(learners, real_corpus) -> None:
    others = [s for s in real_corpus.specs if s != SPEC]
    assert (learners / SPEC / "index.html").is_file()
    assert not [s for s in others if (learners / s).exists()]
    files = {**_html(learners), "search/search_index.json": (learners / "search/search_index.json").read_text()}
    found = [f"{path}: {s}" for path, text in files.items() for s in others if s in text]
    assert found == []


def test_glossary_and_law_library_hold_what_4417_units_use(learners, real_corpus) -> None:
    terms = {s for s, refs in term_units(real_corpus).items() if any(r.startswith(SPEC + "/") for r in refs)}
    laws = {s for s, (spec, _) in law_links(real_corpus) if spec == SPEC}
    glossary = learners / "glossary" / "index.html"
    shown = {i for i in parse(glossary).ids if f'class="csh-term-name" id="{i}"' in glossary.read_text()}
    assert shown == terms and len(terms) < len(real_corpus.teaching.terms)
    pages = {p.name for p in (learners / "legislation").iterdir() if p.is_dir()}
    assert pages == laws and len(laws) < len(real_corpus.teaching.laws)


def test_centre_name_logo_and_colours(learners) -> None:
    home = (learners / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Northgate College"' in home  # the header's logo link names the centre
    assert '<img src="assets/centre/logo.svg" alt="logo">' in home
    assert "Northgate College. Made with Customer Service Study Hub." in home  # the footer
    assert "<title>Customer Service Study Hub - Northgate College</title>" in home
    assert (learners / "assets/centre/logo.svg").read_bytes() == (ROOT / "examples/centre-logo.svg").read_bytes()
    assert '<link rel="stylesheet" href="assets/centre/centre.css">' in home
    assert 'data-md-color-primary="custom"' in home
    css = (learners / "assets/centre/centre.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1d4f91;" in css and "--md-typeset-a-color: #8cc8ff;" in css


def test_learners_site_has_no_tutor_content(learners) -> None:
    assert not (learners / "tutors").exists()
    pages = _html(learners)
    linking = [path for path, text in pages.items() for link in parse(learners / path).links if "tutors/" in link]
    assert linking == []
    assert "For tutors</" not in pages["index.html"].split('<div class="md-content"', 1)[0]  # not in the nav


def test_tutors_site_has_the_tutor_pages_and_keys(tutors) -> None:
    for page in ("tutors/index.html", "tutors/item-statistics/index.html", f"tutors/keys/{SPEC}-201/index.html"):
        assert (tutors / page).is_file(), page
    test_page = parse(tutors / SPEC / "tests" / "201" / "index.html")
    assert any(f"tutors/keys/{SPEC}-201/" in link for link in test_page.links)
    assert "Northgate College: tutors" in (tutors / "index.html").read_text(encoding="utf-8")
    assert not [s for s in ("nvq-cco", "svq-4-cs") if (tutors / s).exists()]


@pytest.mark.browser
def test_header_wears_the_centre_colour(browser, learners) -> None:
    from .browser import serve

    with serve(learners) as url:
        page = browser.new_page()
        page.goto(url + "index.html")
        background = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
        logo = page.eval_on_selector(".md-header .md-logo img", "e => e.naturalWidth")
        page.close()
    assert background == "rgb(29, 79, 145)"  # #1d4f91, not Material's indigo
    assert logo > 0


def test_default_build_equals_main(tmp_path) -> None:
    """No centre file: the generator writes exactly what `main` wrote where this branch left
    it (the merge base, so that later work on main does not count as a difference)."""
    have = run(["git", "merge-base", "HEAD", "main"], ROOT)
    if have.returncode != 0:
        pytest.skip("no main branch to compare with")
    base = tmp_path / "main"
    base.mkdir()
    archive = run(["sh", "-c", f"git archive {have.stdout.strip()} | tar -x -C {base}"], ROOT)
    assert archive.returncode == 0, archive.stderr
    ours = copy_project(tmp_path / "ours")
    for project in (base, ours):
        gen = run([sys.executable, "-m", "generator", "build"], project)
        assert gen.returncode == 0, gen.stderr
    # What the generator wrote (its manifest), not the hand-written pages beside it.
    mine, theirs = ({rel: (p / "docs" / rel).read_bytes() for rel in read_manifest(p / "docs")} for p in (ours, base))
    assert sorted(mine) == sorted(theirs)
    assert [p for p in mine if mine[p] != theirs[p]] == []
    assert load_and_check(Project(ours)).specs  # the comparison is of a real build


AXE_PAGES = ["", f"{SPEC}/", f"{SPEC}/units/201/", f"{SPEC}/tests/201/", "glossary/", "legislation/"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_branded_pages_pass_axe(browser, learners, scheme) -> None:
    """The centre's colours keep every page of the learners' site free of axe violations
    (contrast included) in both schemes, as the public site is (tests/test_axe.py)."""
    from .browser import serve
    from .test_axe import axe_violations, describe

    found = []
    with serve(learners) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        for path in AXE_PAGES:
            page.goto(url + path)
            assert page.evaluate("document.body.getAttribute('data-md-color-primary')") == "custom"
            violations = axe_violations(page)
            if violations:
                found.append(f"{path or 'home'} [{scheme}]:\n{describe(violations)}")
        context.close()
    assert found == [], "\n".join(found)
