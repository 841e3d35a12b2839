"""Problems found in content, reported one line each as file:line: field: what; hint.

Every stage collects problems instead of raising on the first, so one run reports
everything.  A content mistake is never a Python traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    hint: str = ""

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field or '(file)'}: {self.message}."
        if self.hint:
            text += f" Hint: {self.hint}"
        return text


@dataclass
class Problems:
    """An ordered, de-duplicated collection of problems."""

    items: list[Problem] = field(default_factory=list)
    # A set beside the list, so that adding stays constant-time with thousands of problems.
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)

    def add(self, file: str | Path, line: int, field_path: str, message: str, hint: str = "") -> None:
        self._append(Problem(str(file), line, field_path, message.rstrip("."), hint))

    def _append(self, problem: Problem) -> None:
        if problem not in self._seen:
            self._seen.add(problem)
            self.items.append(problem)

    def extend(self, other: Problems) -> None:
        for p in other.items:
            self._append(p)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        lines = [p.format() for p in sorted(self.items)]
        noun = "problem" if len(lines) == 1 else "problems"
        lines.append(f"{len(lines)} {noun} found; nothing was written.")
        return "\n".join(lines)


class ContentError(Exception):
    """Raised by a pipeline stage when it found problems; carries all of them."""

    def __init__(self, problems: Problems):
        super().__init__(problems.report())
        self.problems = problems
