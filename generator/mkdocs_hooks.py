"""A thin MkDocs hook, for `mkdocs serve` only: re-run the generator and watch content/
and quizzes/ so that editing a YAML file reloads the page.

Nothing a build needs lives here: the generator is a pre-build step and the navigation is
in mkdocs.yml, so an engine that runs no hooks builds the same site.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.cs_hub")
ROOT = Path(__file__).resolve().parent.parent
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    for folder in ("content", "quizzes"):
        if (ROOT / folder).is_dir():
            server.watch(str(ROOT / folder))
    return server


def on_pre_build(config: Any) -> None:
    if _serving:
        _regenerate()


def _regenerate() -> None:
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import Project, build
    from generator.problems import ContentError

    try:
        # `make serve CENTRE=path` names its centre file here (centre.yml is found anyway).
        centre = os.environ.get("CSH_CENTRE")
        build(Project(root=ROOT, centre=Path(centre) if centre else None))
    except ContentError as exc:
        # Keep serving the last good pages and show the problems in the terminal.
        log.error("content problems, pages not updated:\n%s", exc.problems.report())
