"""Shared fixtures: the real project, temporary copies of it, and the seeds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CSH_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.fail(f"the specification seeds are missing: expected {path}")
    return path


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project (content, quizzes, hand-written docs) to break freely."""
    return copy_project(tmp_path)


def copy_project(dest: Path) -> Path:
    """Copy everything a build needs (not .venv, site/ or generated docs) into dest."""
    for name in ("content", "quizzes", "overrides", "generator"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    # docs/: only the hand-written pages; the generator owns the rest.
    owned = set()
    manifest = ROOT / "docs" / ".generated.json"
    if manifest.exists():
        import json
        owned = set(json.loads(manifest.read_text())["files"])
    for path in (ROOT / "docs").rglob("*"):
        rel = path.relative_to(ROOT / "docs").as_posix()
        if path.is_file() and rel not in owned and not rel.startswith("."):
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / "docs" / rel)
    (dest / "docs").mkdir(exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, generated and built by `mkdocs build --strict` in a temporary folder."""
    import os
    import subprocess
    import sys

    if os.environ.get("CSH_PREBUILT_SITE"):
        # Developer shortcut: reuse a site built elsewhere (never set in CI).
        return Path(os.environ["CSH_PREBUILT_SITE"])
    project = copy_project(tmp_path_factory.mktemp("project"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    gen = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build"],
                         cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert gen.returncode == 0, gen.stderr
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site")], cwd=project, capture_output=True, text=True,
                            env=env, timeout=900)
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
