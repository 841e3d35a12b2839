"""Thin MkDocs hooks.  The generator is a pre-build step, not a plugin; these hooks only

- hand MkDocs the navigation the generator wrote (docs/.nav.json), and
- under `mkdocs serve`, re-run the generator and watch content/ and quizzes/ so that
  editing a YAML file reloads the page.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.cs_hub")
ROOT = Path(__file__).resolve().parent.parent
_serving = False


def on_startup(command, dirty):  # noqa: ARG001 - MkDocs hook signature
    global _serving
    _serving = command == "serve"


def on_config(config):
    if _serving:
        _regenerate()
    nav_file = Path(config["docs_dir"]) / ".nav.json"
    if nav_file.exists() and not config.get("nav"):
        config["nav"] = json.loads(nav_file.read_text(encoding="utf-8"))
    return config


def on_serve(server, config, builder):  # noqa: ARG001 - MkDocs hook signature
    for folder in ("content", "quizzes"):
        if (ROOT / folder).is_dir():
            server.watch(str(ROOT / folder))
    return server


def on_pre_build(config):
    if _serving:
        _regenerate()


def _regenerate() -> None:
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import Project, build
    from generator.problems import ContentError

    try:
        build(Project(root=ROOT))
    except ContentError as exc:
        # Keep serving the last good pages and show the problems in the terminal.
        log.error("content problems, pages not updated:\n%s", exc.problems.report())
