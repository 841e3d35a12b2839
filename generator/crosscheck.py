"""Kept for old imports: the corpus-wide checks now live in generator/checks/, one rule
per function, run from the list in generator/checks/registry.py."""

from __future__ import annotations

from .checks.registry import CHECKS, run_checks
from .corpus import ValidatedCorpus
from .problems import Problems

__all__ = ["CHECKS", "crosscheck", "run_checks"]


def crosscheck(corpus: ValidatedCorpus, problems: Problems) -> None:
    run_checks(corpus, problems)
