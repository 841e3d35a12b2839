"""The one list of corpus-wide checks, in the order they run.

A check only records problems; reports (generator/quizzes.py, generator/teaching.py)
only format.  Completeness checks count things (reviewed items per blueprint, notes per
outcome); they run only when every reference check passed, because counts over broken
references would bury the real mistake under shortfalls it causes."""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus import ValidatedCorpus
from ..problems import Problems
from .banks import BANK_CHECKS, BANK_COMPLETENESS
from .common import Check
from .diagrams import DIAGRAM_CHECKS
from .paths import PATH_CHECKS
from .specs import SPEC_CHECKS
from .teaching import TEACHING_CHECKS, TEACHING_COMPLETENESS
from .units import UNIT_CHECKS


@dataclass(frozen=True)
class Rule:
    check: Check
    completeness: bool = False

    @property
    def name(self) -> str:
        return self.check.__name__


CHECKS: tuple[Rule, ...] = (
    *(Rule(c) for c in (*UNIT_CHECKS, *SPEC_CHECKS, *BANK_CHECKS, *TEACHING_CHECKS, *DIAGRAM_CHECKS, *PATH_CHECKS)),
    *(Rule(c, completeness=True) for c in (*BANK_COMPLETENESS, *TEACHING_COMPLETENESS)),
)


def run_checks(corpus: ValidatedCorpus, problems: Problems) -> None:
    references_ok: bool | None = None
    for rule in CHECKS:
        if rule.completeness:
            if references_ok is None:  # decided once, when the first completeness rule comes
                references_ok = not problems and not corpus.broken
            if not references_ok:
                continue
        rule.check(corpus, problems)
