"""SCORM 1.2 packages of the mock tests (generator/lms/scorm.py, issue #13).

Fast tests read the packages back: the manifest parsed, every file it lists in the zip and
every zip entry listed, the launch page free of inline script and carrying the same payload as
the site's mock page, two exports byte-identical.  Browser tests sit the Unit 201 mock in the
unzipped package, framed two deep inside an outer page on 127.0.0.1 whose stub window.API
records every call, and check what reached the "LMS"; and open the package from file:// with
no LMS at all."""

from __future__ import annotations

import functools
import http.server
import io
import json
import re
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from generator import urls
from generator.lms.scorm import DOCS_FOLDER, SCRIPTS, STYLES, package_name, packages
from generator.pages.base import Facts

from .browser import SITE_POLICY
from .conftest import ROOT, run_cli
from .quizdriver import answer, bank_items, wait_for_paper

NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
ADLCP = "{" + NS["adlcp"] + "}"
PAYLOAD = re.compile(r'<script type="application/json" class="csh-quiz-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def made(real_corpus) -> dict[str, bytes]:
    return packages(Facts(real_corpus))


def mock_tests(real_corpus) -> list[tuple[str, str]]:
    return [(d.slug, t.id) for d in real_corpus.specs.values() for t in d.spec.tests]


def open_zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


# ------------------------------------------------------------------------ the package


def test_one_package_per_mock_test(made, real_corpus):
    expected = {package_name(spec, test) for spec, test in mock_tests(real_corpus)}
    assert len(expected) >= 6 and set(made) == expected


def test_manifest_is_scorm_1_2_and_lists_every_file(made, real_corpus):
    for spec, test_id in mock_tests(real_corpus):
        archive = open_zip(made[package_name(spec, test_id)])
        names = set(archive.namelist())
        root = ElementTree.fromstring(archive.read("imsmanifest.xml"))
        assert root.tag == f"{{{NS['cp']}}}manifest"
        assert root.get("identifier") == f"cs-hub-{spec}-test-{test_id}"
        locations = root.get(f"{{{NS['xsi']}}}schemaLocation").split()
        assert {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"} <= set(locations[1::2])
        assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
        assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
        orgs = root.find("cp:organizations", NS)
        organisation = orgs.findall("cp:organization", NS)
        assert len(organisation) == 1 and orgs.get("default") == organisation[0].get("identifier")
        items = organisation[0].findall("cp:item", NS)
        assert len(items) == 1
        test = next(t for t in real_corpus.specs[spec].spec.tests if t.id == test_id)
        assert test.title in items[0].findtext("cp:title", namespaces=NS)
        resources = root.findall("cp:resources/cp:resource", NS)
        assert len(resources) == 1
        sco = resources[0]
        assert sco.get("identifier") == items[0].get("identifierref")
        assert sco.get(ADLCP + "scormtype") == "sco" and sco.get("type") == "webcontent"
        assert sco.get("href") == "index.html" and "index.html" in names
        listed = [f.get("href") for f in sco.findall("cp:file", NS)]
        # Every file the package holds is listed (the manifest describes, not lists, itself).
        assert sorted(listed) == sorted(names - {"imsmanifest.xml"})
        # A package has no pass mark to give the LMS (no specification prints one).
        assert root.find(".//adlcp:masteryscore", NS) is None


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[str] = []
        self.inline_code: list[str] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values)
            self._in_script = values
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.links.append(value)
            if name.startswith("on"):
                self.inline_code.append(f"{tag} {name}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        script = self._in_script
        if script is not None and data.strip() and not script.get("src") and script.get("type") != "application/json":
            self.inline_code.append(data[:60])


def test_launch_page_is_standalone_and_runs_the_sites_mock(made, real_pages):
    archive = open_zip(made[package_name("cg-4417", "201")])
    page = archive.read("index.html").decode("utf-8")
    tags = Tags()
    tags.feed(page)
    # CSP-friendly: no inline script, no event-handler attributes.
    assert tags.inline_code == []
    assert [s for s in tags.scripts if not s.get("src") and s.get("type") != "application/json"] == []
    # Only the package's own files: nothing from another host, nothing root-absolute.
    assert tags.links and all(link in archive.namelist() for link in tags.links), tags.links
    assert [f"assets/javascripts/{n}" for n in SCRIPTS] == [s["src"] for s in tags.scripts if s.get("src")]
    # The payload is the one the site's mock page carries.
    site_page = real_pages[urls.test_page("cg-4417", "201")].decode("utf-8")
    assert json.loads(PAYLOAD.search(page).group(1)) == json.loads(PAYLOAD.search(site_page).group(1))
    # The scripts and styles are the site's own, byte for byte.
    assets = ROOT / "overrides" / "assets"
    for name in SCRIPTS:
        assert archive.read(f"assets/javascripts/{name}") == (assets / "javascripts" / name).read_bytes()
    for name in STYLES:
        assert archive.read(f"assets/stylesheets/{name}") == (assets / "stylesheets" / name).read_bytes()


def test_two_exports_are_byte_identical(tmp_path, real_corpus):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        code, out, err = run_cli("export", "scorm", "--out", str(folder), corpus=real_corpus)
        assert code == 0 and err == "" and "6 packages" in out
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()) and len(names) == 6
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
        infos = open_zip((first / name).read_bytes()).infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_the_build_writes_the_packages_and_the_tutors_page_lists_them(fixture_copy):
    from generator.pipeline import Project, build, load_and_check, render

    project = Project(fixture_copy)
    report = build(project)
    docs = fixture_copy / "docs"
    written = sorted(p.relative_to(docs).as_posix() for p in (docs / DOCS_FOLDER).iterdir())
    assert written == [f"{DOCS_FOLDER}/{package_name('cg-4417', '201')}"]
    assert set(written) <= set(report.written)
    tutors = (docs / urls.TUTORS).read_text(encoding="utf-8")
    section = tutors.split("## SCORM packages", 1)[1]
    assert "](../scorm.md)" in section
    size = round((docs / written[0]).stat().st_size / 1024)
    assert f"]({written[0].removeprefix('tutors/')}), City &amp; Guilds" in section and f"(zip, {size} KB)" in section
    # Text-only callers of the render stage get the pages, no binary files.
    assert not any(p.startswith(DOCS_FOLDER) for p in render(load_and_check(project)))


def test_the_guide_is_under_for_tutors_in_the_navigation():
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])["nav"]
    tutors = next(entry["For tutors"] for entry in nav if "For tutors" in entry)
    assert "scorm.md" in tutors and (ROOT / "docs" / "scorm.md").is_file()


# ------------------------------------------------------------------ in a real browser

# A stand-in LMS: the SCORM 1.2 API on the outer page, recording every call in order.
STUB_API = """
window.scormCalls = [];
window.scormData = { "cmi.core.lesson_status": "not attempted", "cmi.core.student_id": "s1234567" };
function record(name, args, result) { window.scormCalls.push([name].concat(args)); return result; }
window.API = {
  LMSInitialize: function (a) { return record("LMSInitialize", [a], "true"); },
  LMSFinish: function (a) { return record("LMSFinish", [a], "true"); },
  LMSGetValue: function (k) { return record("LMSGetValue", [k], window.scormData[k] || ""); },
  LMSSetValue: function (k, v) {
    if (typeof v !== "string") throw new Error("SCORM values are strings: " + k);
    window.scormData[k] = v;
    return record("LMSSetValue", [k, v], "true");
  },
  LMSCommit: function (a) { return record("LMSCommit", [a], "true"); },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
"""
# Outer page (the API) > player frame > the package, as LMS players nest it.
OUTER = (
    '<!DOCTYPE html><title>LMS</title><script src="stub.js"></script>'
    '<iframe src="player.html" title="Player" width="1200" height="800"></iframe>'
)
PLAYER = (
    "<!DOCTYPE html><title>Player</title>"
    '<iframe src="pkg/index.html" title="Mock test" width="1180" height="780"></iframe>'
)


class CSPHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the package under the site's strict policy, so an inline script would fail."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", SITE_POLICY)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def lms(tmp: Path, package: bytes, pass_percent: str | None = None) -> Iterator[str]:
    (tmp / "stub.js").write_text(STUB_API, encoding="utf-8")
    (tmp / "index.html").write_text(OUTER, encoding="utf-8")
    (tmp / "player.html").write_text(PLAYER, encoding="utf-8")
    (tmp / "opener.html").write_text(
        '<!DOCTYPE html><title>LMS</title><script src="stub.js"></script>', encoding="utf-8"
    )
    open_zip(package).extractall(tmp / "pkg")
    if pass_percent is not None:  # a pass mark, as a future specification might print one
        launch = tmp / "pkg" / "index.html"
        text = launch.read_text(encoding="utf-8").replace(
            'data-quiz-mode="mock"', f'data-quiz-mode="mock" data-pass-percent="{pass_percent}"', 1
        )
        launch.write_text(text, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CSPHandler, directory=str(tmp)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def tab(browser):
    """A fresh page that records uncaught errors and every request that leaves 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside, page.errors = [], []
    page.on(
        "request",
        lambda r: None if r.url.startswith(("http://127.0.0.1", "file:", "about:")) else page.outside.append(r.url),
    )
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    # A missing file of the package is an error; the browser's own favicon request is not.
    page.on(
        "response",
        lambda r: (
            page.errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    yield page
    context.close()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside}"
    assert page.errors == []


def sit(frame, wrong: int | None = None) -> tuple[int, int]:
    """Start the Unit 201 mock in `frame`, answer every question (the first `wrong` of them
    wrongly), submit; the results as the page shows them."""
    items = bank_items("cg-4417", "201")
    root = frame.locator('[data-quiz-mode="mock"]')
    root.locator("input[inputmode=numeric]").fill("4417")
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    total = root.locator("section.csh-question").count()
    assert total == 45
    for i in range(total):
        root.locator(f".csh-navigator button.csh-nav-btn >> nth={i}").click()
        question = root.locator("section.csh-question:visible")
        answer(question, items[question.get_attribute("data-item-id")], right=wrong is None or i >= wrong)
    root.locator("button.csh-submit").click()
    shown = root.locator("[data-result-total]")
    return int(shown.get_attribute("data-score")), int(shown.get_attribute("data-max"))


def submit_blank(frame) -> None:
    root = frame.locator('[data-quiz-mode="mock"]')
    root.locator("button.csh-begin").click()
    wait_for_paper(root)
    root.locator("button.csh-submit").click()
    root.locator("button.csh-confirm-submit").click()
    root.locator("[data-result-total]").wait_for()


def calls(page) -> list[list[str]]:
    return page.evaluate("window.scormCalls")


def values(page) -> dict[str, str]:
    return {c[1]: c[2] for c in calls(page) if c[0] == "LMSSetValue"}


@pytest.mark.browser
@pytest.mark.slow
def test_the_mock_reports_its_marks_to_the_lms(tab, made, tmp_path):
    with lms(tmp_path, made[package_name("cg-4417", "201")]) as url:
        tab.goto(url + "index.html")
        frame = tab.frame_locator("iframe").frame_locator("iframe")
        status = frame.locator("#csh-scorm-status")
        assert status.get_attribute("data-connected") == "true"
        assert "recorded when you submit" in status.inner_text()
        names = [c[0] for c in calls(tab)]
        assert names[0] == "LMSInitialize" and calls(tab)[0][1] == ""
        assert values(tab) == {"cmi.core.lesson_status": "incomplete"}  # started, not yet submitted
        score, maximum = sit(frame, wrong=5)
        assert (score, maximum) == (40, 45)
        recorded = values(tab)
        assert recorded["cmi.core.score.raw"] == "40"
        assert recorded["cmi.core.score.max"] == "45"
        assert recorded["cmi.core.score.min"] == "0"
        # No specification prints a pass mark, so the attempt is completed, not passed or failed.
        assert recorded["cmi.core.lesson_status"] == "completed"
        names = [c[0] for c in calls(tab)]
        assert names.count("LMSInitialize") == 1 and "LMSCommit" in names
        assert names.index("LMSCommit") > max(i for i, c in enumerate(calls(tab)) if c[1:2] == ["cmi.core.score.raw"])
        # The paper was saved under this learner's own key, never the shared one.
        package = next(f for f in tab.frames if f.url.endswith("/pkg/index.html"))
        keys = package.evaluate("Object.keys(localStorage)")
        mine = [k for k in keys if k.startswith("cs-hub:v1:mock:cg-4417-test-201-learner-")]
        assert len(mine) == 1 and re.fullmatch(r".*-learner-[0-9a-f]{8}", mine[0])
        assert "cs-hub:v1:mock:cg-4417-test-201" not in keys and not any("s1234567" in k for k in keys)
        # The package has no unit pages: its "Revise" links are plain text, not dead links.
        assert frame.locator('.csh-results a[href^="#"]').count() == 0
        assert frame.locator(".csh-results .csh-scorm-unlinked").count() > 0
        # Closing the player finishes the session.
        tab.evaluate("document.querySelector('iframe').remove()")
        tab.wait_for_function("window.scormCalls.some(c => c[0] === 'LMSFinish')")
        assert values(tab)["cmi.core.exit"] == ""
        assert re.fullmatch(r"\d{4}:\d{2}:\d{2}", values(tab)["cmi.core.session_time"])


@pytest.mark.browser
@pytest.mark.slow
def test_a_package_opened_in_a_new_window_finds_the_api_of_its_opener(tab, made, tmp_path):
    with lms(tmp_path, made[package_name("cg-4417", "201")]) as url:
        tab.goto(url + "opener.html")
        with tab.expect_popup() as opened:
            tab.evaluate("window.open('pkg/index.html', 'sco')")
        popup = opened.value
        popup.locator("#csh-scorm-status[data-connected='true']").wait_for()
        submit_blank(popup)
        recorded = values(tab)
        assert (recorded["cmi.core.score.raw"], recorded["cmi.core.score.max"]) == ("0", "45")
        assert calls(tab)[0] == ["LMSInitialize", ""]


@pytest.mark.browser
@pytest.mark.slow
def test_every_answer_right_gives_full_marks(tab, made, tmp_path):
    with lms(tmp_path, made[package_name("cg-4417", "201")]) as url:
        tab.goto(url + "index.html")
        assert sit(tab.frame_locator("iframe").frame_locator("iframe")) == (45, 45)
        recorded = values(tab)
        assert (recorded["cmi.core.score.raw"], recorded["cmi.core.score.max"]) == ("45", "45")
        assert recorded["cmi.core.lesson_status"] == "completed"


@pytest.mark.browser
@pytest.mark.slow
def test_a_pass_mark_on_the_page_gives_passed_or_failed(tab, made, tmp_path):
    with lms(tmp_path, made[package_name("cg-4417", "201")], pass_percent="50") as url:
        tab.goto(url + "index.html")
        submit_blank(tab.frame_locator("iframe").frame_locator("iframe"))
        recorded = values(tab)
        assert (recorded["cmi.core.score.raw"], recorded["cmi.core.lesson_status"]) == ("0", "failed")


@pytest.mark.browser
@pytest.mark.slow
def test_without_an_lms_the_mock_still_runs_from_file(tab, made, tmp_path):
    open_zip(made[package_name("cg-4417", "201")]).extractall(tmp_path)
    tab.goto((tmp_path / "index.html").as_uri())
    status = tab.locator("#csh-scorm-status")
    assert status.inner_text() == "Not connected to an LMS: your result is not recorded."
    assert status.get_attribute("data-connected") == "false"
    submit_blank(tab)
    total = tab.locator("[data-result-total]")
    assert (total.get_attribute("data-score"), total.get_attribute("data-max")) == ("0", "45")
    assert tab.locator(".csh-review section.csh-question").count() == 45


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_launch_page_passes_axe_in_both_schemes(browser, made, tmp_path, scheme):
    from .test_axe import axe_violations, describe

    open_zip(made[package_name("cg-4417", "201")]).extractall(tmp_path)
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto((tmp_path / "index.html").as_uri())
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}[scheme]
        root = page.locator('[data-quiz-mode="mock"]')
        states = {"start": lambda: root.locator("button.csh-begin").wait_for()}
        states["in progress, flagged"] = lambda: (
            root.locator("button.csh-begin").click(),
            root.locator("section.csh-question:visible label").first.click(),
            root.locator("section.csh-question:visible button.csh-flag").click(),
        )
        states["paused"] = lambda: root.locator("button.csh-pause").click()
        states["results"] = lambda: (
            root.locator("button.csh-resume").click(),
            root.locator("button.csh-submit").click(),
            root.locator("button.csh-confirm-submit").click(),
            root.locator("[data-result-total]").wait_for(),
        )
        for label, step in states.items():
            step()
            if label.startswith("in progress"):  # the timer runs and the flag shows in the question map
                assert root.locator(".csh-nav-btn").first.get_attribute("data-flagged") == "true"
                assert re.fullmatch(r"Time left 7[45]:\d\d", root.locator(".csh-timer").inner_text())
            violations = axe_violations(page)
            assert violations == [], f"SCORM launch page, {label} [{scheme}]:\n{describe(violations)}"
    finally:
        context.close()
