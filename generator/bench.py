"""`make bench`: how long a full build takes and how big the site is.

Builds into a temporary copy so the working tree is untouched, times each stage with a
monotonic clock, then reports page counts and sizes.  Not a test: numbers vary by machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _copy(dest: Path) -> None:
    for name in ("content", "quizzes", "overrides", "generator", "docs"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        shutil.copy2(ROOT / name, dest / name)


def _run(args: list[str], cwd: Path) -> float:
    start = time.monotonic()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.monotonic() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        _copy(project)
        check = _run([sys.executable, "-m", "generator", "--root", str(project), "check"], ROOT)
        first = _run([sys.executable, "-m", "generator", "--root", str(project), "build"], ROOT)
        again = _run([sys.executable, "-m", "generator", "--root", str(project), "build"], ROOT)
        mkdocs = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")], project)
        site = project / "site"
        pages = list(site.rglob("*.html"))
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        biggest = sorted(pages, key=lambda p: p.stat().st_size, reverse=True)[:5]
        print(f"generator check           {check:6.2f} s")
        print(f"generator build (cold)    {first:6.2f} s")
        print(f"generator build (no-op)   {again:6.2f} s   (write-if-changed: nothing rewritten)")
        print(f"mkdocs build --strict     {mkdocs:6.2f} s")
        print(f"HTML pages                {len(pages):6d}")
        print(f"site size                 {total / 1e6:6.1f} MB")
        print("largest pages:")
        for page in biggest:
            print(f"  {page.stat().st_size / 1e3:8.0f} kB  {page.relative_to(site)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
