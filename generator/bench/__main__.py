"""`python -m generator.bench`: build the project and a 10x corpus in a temporary folder,
print one table on stdout and write the same figures as JSON (bench.json by default).

The working tree is never touched: everything is built in copies under a temp dir."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from . import ROOT
from .corpus import make_corpus
from .report import collect, own_assets, site_sizes, table, write_json
from .timing import Builds, Log, time_builds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__)
    parser.add_argument("--factor", type=int, default=10, help="size of the synthetic corpus (default 10; 1 = skip)")
    parser.add_argument("--runs", type=int, default=3, help="builds of the real corpus; medians are reported")
    parser.add_argument("--runs-big", type=int, default=1, help="builds of the synthetic corpus (slow)")
    parser.add_argument("--mock-runs", type=int, default=5, help="mock tests sat in chromium")
    parser.add_argument("--no-browser", action="store_true", help="skip the chromium measurements")
    parser.add_argument("--no-quiz-compare", action="store_true", help="skip the mkdocs-quiz comparison (needs PyPI)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench.json", help="where to write the JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and print where")
    args = parser.parse_args(argv)
    log = Log()
    tmp = Path(tempfile.mkdtemp(prefix="cs-hub-bench-"))
    try:
        log(f"1x corpus in {tmp / 'x1'}")
        one = time_builds(make_corpus(tmp / "x1", 1), args.runs, log)
        site = tmp / "x1" / "site"
        sizes = site_sizes(site)
        browser = None
        quiz_compare = None
        if not args.no_browser:
            from .browser import measure_pages

            log("chromium: transfer per page kind and mock-test timing")
            browser = measure_pages(site, own_assets(), mock_runs=args.mock_runs)
            if not args.no_quiz_compare:
                from .quizcompare import QUESTIONS, build_comparison

                log("mkdocs-quiz: the same questions in a throwaway venv")
                other = build_comparison(site, tmp, log)
                if other is not None:
                    t = measure_pages(other, set(), kinds={"mkdocs-quiz": "mock/"}, mock_runs=0).pages["mkdocs-quiz"]
                    quiz_compare = {"questions": QUESTIONS, "first_total": t.first.total, "requests": t.first.requests}
        big: Builds | None = None
        if args.factor > 1:
            log(f"{args.factor}x corpus in {tmp / f'x{args.factor}'}")
            big = time_builds(make_corpus(tmp / f"x{args.factor}", args.factor), args.runs_big, log)
        result = collect(one, big, args.factor, sizes, browser, quiz_compare=quiz_compare)
        print(table(result))
        write_json(result, args.json)
        log(f"wrote {args.json}")
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
