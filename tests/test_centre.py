"""A centre's version of the site (docs/centres.md), in-process: the contrast arithmetic,
the cut-down corpus, the pages a learners' site gets, the generated MkDocs configuration
and the dataset export.  The built sites are checked in tests/test_centre_site.py."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import contrast
from generator.centre import load_centre
from generator.centre_site import CENTRE_CSS, LEARNERS_CONFIG, TUTORS_CONFIG, centre_files, mkdocs_config
from generator.pipeline import Project, build, load_and_check, render, render_all
from generator.relations import law_links, term_units
from generator.subset import restrict
from generator.tutor_content import TUTOR_GUIDES, is_tutor_path, without_tutor_content

from .conftest import FIXTURE, ROOT, run_cli

EXAMPLE = ROOT / "examples" / "centre-4417.yml"
SPEC = "cg-4417"
LINK = re.compile(r"\]\(([^)\s]+)\)|href=\"([^\"]+)\"")


def test_contrast_matches_published_values() -> None:
    assert contrast.ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast.ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast.ratio("#777777", "#ffffff") < contrast.AA_TEXT  # one step lighter fails
    assert contrast.ratio("#1d4f91", "#ffffff") == contrast.ratio("#ffffff", "#1d4f91")
    assert contrast.shown(4.4999) == "4.49:1"  # a failing ratio never prints as 4.50


def test_example_centre_file_passes_its_own_checks(real_corpus) -> None:
    config = load_centre(EXAMPLE, ROOT, list(real_corpus.specs))
    assert config.centre.specifications == [SPEC]
    assert config.centre.tutor_content == "separate"
    assert config.logo is not None and config.logo.suffix == ".svg"
    colours = config.centre.colours
    assert colours is not None
    assert contrast.worst(colours.primary, contrast.LIGHT_BACKGROUNDS)[0] >= contrast.AA_TEXT
    assert contrast.worst(colours.accent, contrast.DARK_BACKGROUNDS)[0] >= contrast.AA_TEXT


@pytest.fixture(scope="module")
def part(real_corpus):
    return restrict(real_corpus, [SPEC])


def test_centre_corpus_keeps_only_what_its_units_use(real_corpus, part) -> None:
    assert list(part.specs) == [SPEC]
    used_terms = {s for s, refs in term_units(real_corpus).items() if any(r.startswith(SPEC + "/") for r in refs)}
    used_laws = {s for s, (spec, _) in law_links(real_corpus) if spec == SPEC}
    assert set(part.teaching.terms) == used_terms and 0 < len(used_terms) < len(real_corpus.teaching.terms)
    assert set(part.teaching.laws) == used_laws and 0 < len(used_laws) < len(real_corpus.teaching.laws)
    for term, _, _ in part.teaching.terms.values():
        assert term.units and all(r.startswith(SPEC + "/") for r in term.units), term.term
        assert set(term.related) <= used_terms
    for law, _ in part.teaching.laws.values():
        assert all(r.startswith(SPEC + "/") for r in law.units) and all(w.spec == SPEC for w in law.spec_wording)
    for _, unit in part.all_units():
        assert all(link.spec == SPEC for link in unit.also_in)
    assert {k[0] for k in part.banks.by_unit} == {SPEC}


@pytest.fixture(scope="module")
def learner_pages(part) -> dict[str, bytes]:
    return render(part, tutor_pages=False)


def test_learners_pages_hold_no_tutor_content_and_no_other_specification(real_corpus, learner_pages) -> None:
    others = [s for s in real_corpus.specs if s != SPEC]
    assert not [p for p in learner_pages if is_tutor_path(p)]
    assert not [p for p in learner_pages if p.split("/", 1)[0] in others]
    assert f"{SPEC}/index.md" in learner_pages and "glossary/index.md" in learner_pages
    assert "evidence.md" not in learner_pages  # no 4417 unit is assessed on workplace evidence
    for page in ("index.md", "about.md", "progress.md"):  # the site pages name only 4417
        text = learner_pages[page].decode("utf-8")
        assert not [word for word in ("SVQ", "NVQ", "BTEC", "Pearson") if word in text], page
    bad = []
    for path, data in learner_pages.items():
        if not path.endswith(".md"):
            continue
        for match in LINK.finditer(data.decode("utf-8")):
            target = (match.group(1) or match.group(2)).split("#", 1)[0]
            if not target or "://" in target or target.startswith("mailto:"):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if resolved.split("/", 1)[0] in others or is_tutor_path(resolved):
                bad.append(f"{path}: {target}")
    assert bad == []


def test_full_site_links_to_tutor_pages(real_pages) -> None:
    """The control for the test above: the same check finds tutor links in the public site."""
    test_page = real_pages[f"{SPEC}/tests/201.md"].decode("utf-8")
    assert "tutors/keys/" in test_page
    assert any(is_tutor_path(p) for p in real_pages)


def test_tutor_content_rule_is_by_path_or_mark() -> None:
    assert is_tutor_path("tutors/downloads/cg-4417-201.zip")  # other builders' new files follow it
    assert is_tutor_path("tutors/keys/paper-cg-4417-201.md")
    assert not is_tutor_path("cg-4417/tutors.md")
    assert is_tutor_path("cg-4417/marking-guide.md", marked={"cg-4417/marking-guide.md"})
    files = {"index.md": b"", "tutors/index.md": b"", "cg-4417/secret.md": b""}
    assert without_tutor_content(files, {"cg-4417/secret.md"}) == {"index.md": b""}


def test_generated_configs(real_corpus) -> None:
    config = load_centre(EXAMPLE, ROOT, list(real_corpus.specs))
    specs = list(real_corpus.specs)
    part = restrict(real_corpus, [SPEC])
    hand = {"hosting.md", *TUTOR_GUIDES}
    learners = mkdocs_config(ROOT, config, LEARNERS_CONFIG, set(render(part, tutor_pages=False)) | hand, False)
    tutors = mkdocs_config(ROOT, config, TUTORS_CONFIG, set(render(part)) | hand, True)
    for text in (learners, tutors):
        assert "\nINHERIT: mkdocs.yml\n" in text
        assert "logo: assets/centre/logo.svg" in text and f"- {CENTRE_CSS}" in text
        assert "primary: custom" in text
        assert f"{SPEC}/index.md" in text and not [s for s in specs if s != SPEC and f"{s}/" in text]
    assert "site_name: Northgate College\n" in learners and "site_dir: site\n" in learners
    assert "site_url: https://learn.northgate.example/customer-service/" in learners
    assert "site_url" not in tutors  # hosted elsewhere: relative links only
    assert _nav_pages(learners) and not [
        p for p in _nav_pages(learners) if p.startswith("tutors/") or p in TUTOR_GUIDES
    ]
    assert yaml.safe_load(learners)["exclude_docs"].split() == ["tutors/", "/lms.md", "/scorm.md"]
    assert {"lms.md", "scorm.md"} <= set(_nav_pages(tutors))
    # 4417 has no unit assessed on workplace evidence: no portfolio page, so no entry for it.
    assert "evidence.md" not in learners and "hosting.md" in learners and "glossary/flashcards.md" in learners
    assert "site_dir: site-tutors" in tutors and "tutors/index.md" in tutors and "tutors/item-statistics.md" in tutors
    files = centre_files(config)
    css = files[CENTRE_CSS].decode("utf-8")
    assert "--md-primary-fg-color: #1d4f91;" in css and "--md-typeset-a-color: #8cc8ff;" in css
    assert files["assets/centre/logo.svg"] == (ROOT / "examples" / "centre-logo.svg").read_bytes()


def test_export_follows_the_centre_file(real_corpus) -> None:
    code, out, err = run_cli("--root", str(ROOT), "export", "json", "--centre", str(EXAMPLE), corpus=real_corpus)
    assert code == 0, err
    data = json.loads(out)
    assert [s["slug"] for s in data["specifications"]] == [SPEC]
    refs = [u for entry in data["glossary"] + data["legislation"] for u in entry["units"]]
    assert refs and all(r.startswith(SPEC + "/") for r in refs)


def test_without_a_centre_file_the_build_is_the_public_site(tmp_path: Path) -> None:
    """No centre file: exactly render_all()'s files (pages and downloads), no centre stylesheet or logo, and no
    generated MkDocs configuration (mkdocs.yml is used as it is)."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    build(Project(root))
    manifest = json.loads((root / "docs" / ".generated.json").read_text(encoding="utf-8"))["files"]
    assert manifest == sorted(render_all(load_and_check(Project(root))))
    assert not [f for f in manifest if f.startswith("assets/centre/")]
    assert not (root / LEARNERS_CONFIG).exists() and not (root / TUTORS_CONFIG).exists()


def _fixture_with_centre(tmp_path: Path, centre: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "centre.yml").write_text(centre, encoding="utf-8")
    return root


def test_tutor_content_include_keeps_tutors_pages_in_the_learners_site(tmp_path: Path) -> None:
    root = _fixture_with_centre(tmp_path, "name: Demo College\ntutor_content: include\n")
    build(Project(root))
    assert (root / "docs" / "tutors" / "index.md").is_file()
    assert "tutors/index.md" in (root / LEARNERS_CONFIG).read_text(encoding="utf-8")
    # The default for a centre file is separate: the same project, rebuilt, loses them.
    (root / "centre.yml").write_text("name: Demo College\n", encoding="utf-8")
    build(Project(root))
    assert not (root / "docs" / "tutors").exists()
    assert not [p for p in _nav_pages((root / LEARNERS_CONFIG).read_text(encoding="utf-8")) if p.startswith("tutors/")]


def _nav_pages(config_text: str) -> list[str]:
    """Every page path in a generated configuration's navigation."""
    found: list[str] = []

    def walk(entry: object) -> None:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, list):
            for item in entry:
                walk(item)
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)

    walk(yaml.safe_load(config_text)["nav"])
    return found


def test_png_logo_keeps_its_type(tmp_path: Path) -> None:
    root = _fixture_with_centre(tmp_path, "name: Demo College\nlogo: brand/crest.PNG\n")
    (root / "brand").mkdir()
    (root / "brand" / "crest.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    build(Project(root))
    assert (root / "docs" / "assets" / "centre" / "logo.png").read_bytes() == b"\x89PNG\r\n\x1a\n"
    assert "logo: assets/centre/logo.png" in (root / LEARNERS_CONFIG).read_text(encoding="utf-8")


def test_check_reports_the_centre_file(real_corpus) -> None:
    code, out, err = run_cli("--root", str(ROOT), "check", "--centre", str(EXAMPLE), corpus=real_corpus)
    assert code == 0, err
    assert f"Centre file examples/centre-4417.yml: Northgate College, specifications {SPEC}" in out
