"""Time the two build stages in subprocesses, as `make site` runs them.

Each run is a fresh process, so import and start-up costs count as they do for a user.
Peak memory is the child's own maximum resident set size from os.wait4: that is per
process, whereas getrusage(RUSAGE_CHILDREN) keeps the largest child seen so far.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    # One-minute load average when the run ended: the machine is shared, and a run with
    # the load well above the core count is slow for reasons that are not the build's.
    load: float = 0.0


@dataclass
class Stage:
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)

    @property
    def load(self) -> float:
        return max(r.load for r in self.runs)


@dataclass
class Builds:
    generator: Stage
    mkdocs: Stage
    pages: int

    @property
    def generator_share(self) -> float:
        return self.generator.seconds / (self.generator.seconds + self.mkdocs.seconds)


def run_timed(args: list[str], cwd: Path) -> Run:
    """Run one command to completion; its wall time and peak memory.  Raises on failure."""
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Read stderr while it runs (a full pipe would block the child), then reap it
    # with wait4 for its own rusage.
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{err.decode(errors='replace')[-4000:]}")
    return Run(
        seconds=seconds,
        peak_mb=usage.ru_maxrss / 1024,  # ru_maxrss is in KiB on Linux
        load=os.getloadavg()[0],
    )


def generator_run(project: Path) -> Run:
    # Run from the real project so the code under test is this checkout's generator.
    return run_timed([sys.executable, "-m", "generator", "--root", str(project), "build"], ROOT)


def mkdocs_run(project: Path) -> Run:
    return run_timed(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(project / "site"),
        ],
        project,
    )


def time_builds(project: Path, runs: int, log: Log) -> Builds:
    """`runs` cold generator builds (docs/ reset each time, so write-if-changed writes
    everything), then `runs` MkDocs builds of the result; medians are reported."""
    pristine = project.parent / f"{project.name}-docs-pristine"
    if not pristine.exists():
        shutil.copytree(project / "docs", pristine)
    gen, mk = Stage(), Stage()
    for i in range(runs):
        shutil.rmtree(project / "docs")
        shutil.copytree(pristine, project / "docs")
        gen.runs.append(generator_run(project))
        log(f"  generator run {i + 1}/{runs}: {gen.runs[-1].seconds:.2f} s")
    for i in range(runs):
        mk.runs.append(mkdocs_run(project))
        log(f"  mkdocs run {i + 1}/{runs}: {mk.runs[-1].seconds:.2f} s")
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    return Builds(generator=gen, mkdocs=mk, pages=pages)


class Log:
    """Progress lines on stderr, so stdout carries only the table."""

    def __call__(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)
