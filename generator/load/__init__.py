"""Stage 1 and 2 of the pipeline: read every file the table in kinds.py declares, validate
each against its model, and assemble the frozen corpus."""

from __future__ import annotations

from pathlib import Path

from ..corpus import ValidatedCorpus
from ..problems import Problems
from .assemble import assemble
from .files import load_files


def load_corpus(root: Path, problems: Problems) -> ValidatedCorpus:
    """Everything under ``root``/content and ``root``/quizzes that validated; problems
    for the rest.  No cross-file checks yet (see generator/checks/)."""
    records, failures = load_files(root, problems)
    return assemble(root / "content", records, failures, problems)


__all__ = ["load_corpus"]
