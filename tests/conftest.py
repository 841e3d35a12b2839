"""Shared fixtures: the small fixture corpus, the real project loaded once, temporary
copies of either, and the seeds.

Fast tests run in-process against tests/fixtures/corpus/ (a trimmed copy of the real content,
19 files): a load and render of it takes a fraction of a second, where the real corpus takes
several seconds.  Tests about the real content itself use `real_corpus` / `real_pages`, which
load and render it once per session."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.bench import corpus as bench_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"
SHARED = Path(os.environ.get("CSH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # The fast loop (-m "not browser and not slow") must never build the whole site: any test
    # that needs it, directly or through site_url/page, counts as slow even if unmarked.
    # tryfirst, so the marker is there before `-m` deselects.
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        # A developer without the shared folder still gets a green fast loop; CI sets
        # CSH_REQUIRE_SEEDS=1 (see .ci/run), so there the fidelity tests can never be skipped.
        message = f"specification seeds not found: expected {SEEDS} (set CSH_SHARED to the folder holding seeds/)"
        if os.environ.get("CSH_REQUIRE_SEEDS"):
            pytest.fail(message)
        pytest.skip(message)
    return SEEDS


@pytest.fixture(scope="session")
def real_corpus():
    """The real content, loaded and cross-checked once per session, in-process."""
    from generator.pipeline import Project, load_and_check

    return load_and_check(Project(ROOT))


@pytest.fixture(scope="session")
def real_pages(real_corpus) -> dict[str, bytes]:
    """Every generated file of the real site (docs-relative path -> bytes), rendered once."""
    from generator.pipeline import render

    return render(real_corpus)


@pytest.fixture()
def fixture_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the fixture corpus (content, quizzes, hand-written docs) to break freely."""
    dest = tmp_path / "project"
    shutil.copytree(FIXTURE, dest)
    return dest


def run_cli(*args: str, corpus=None) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr), exactly as main() prints them.
    With `corpus`, the CLI uses that already-loaded corpus instead of loading the content again."""
    from generator import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if corpus is not None:
            patch = pytest.MonkeyPatch()
            stack.callback(patch.undo)
            patch.setattr(cli, "load_and_check", lambda project: corpus)
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project (content, quizzes, hand-written docs) to break freely."""
    return copy_project(tmp_path)


def copy_project(dest: Path) -> Path:
    """Copy everything a build needs (not .venv, site/ or generated docs) into dest."""
    return bench_corpus.copy_project(dest, ROOT)


def run(cmd: list[str], cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    """Run a build step quietly, its output kept for the assertion message."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)


def mkdocs_build(project: Path, config: str, site_dir: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of project/config into project/site_dir."""
    args = ["build", "--strict", "-f", str(project / config), "-d", str(project / site_dir)]
    return run([sys.executable, "-m", "mkdocs", *args], project)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, generated and built by `mkdocs build --strict` in a temporary folder."""
    if os.environ.get("CSH_PREBUILT_SITE"):
        # Developer shortcut: reuse a site built elsewhere (never set in CI).
        return Path(os.environ["CSH_PREBUILT_SITE"])
    project = copy_project(tmp_path_factory.mktemp("project"))
    gen = run([sys.executable, "-m", "generator", "--root", str(project), "build"], ROOT, timeout=600)
    assert gen.returncode == 0, gen.stderr
    if os.environ.get("CSH_ENGINE", "mkdocs") == "zensical":
        # `make test-zensical`: the same project built by Zensical (README, "Engines"), which
        # reads the same mkdocs.yml and writes its site_dir, project/site.
        zensical = Path(sys.executable).with_name("zensical")
        if not zensical.exists():
            pytest.fail(f"{zensical} is missing: run `make test-zensical` (installs the zensical extra)")
        result = run([str(zensical), "build", "--strict", "-f", str(project / "mkdocs.yml")], project)
        assert result.returncode == 0, result.stdout + result.stderr
        return project / "site"
    result = mkdocs_build(project, "mkdocs.yml", "site")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert not warnings, "\n".join(warnings)
    return project / "site"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, LAUNCH_ARGS, require_chromium

    require_chromium()
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    from .browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture()
def page(browser, site_url):
    """A fresh page that records every request that leaves 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside_requests = []

    def watch(request):
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            page.outside_requests.append(request.url)

    page.on("request", watch)
    yield page
    context.close()
    assert page.outside_requests == [], f"requests left 127.0.0.1: {page.outside_requests}"


@pytest.fixture()
def errors(page):
    """Uncaught exceptions on the page (browser tests assert this stays empty)."""
    found: list[str] = []
    page.on("pageerror", lambda e: found.append(str(e)))
    return found
