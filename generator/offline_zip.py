"""Pack the offline build (site-offline/) into one zip a centre can hand out or upload to
its learning platform (docs/hosting.md, "Offline" and "Moodle").

The same folder always gives the same bytes: entries sorted by path, every timestamp set to
1980-01-01 (the earliest a zip can hold), fixed permissions and the same compression, so a
rebuild that changed nothing changes no checksum.  Files sit at the top of the zip, with
index.html among them, so Moodle's "unzip, then set index.html as the main file" works
without opening a folder first.

    python -m generator.offline_zip [--site site-offline] [--out site-offline.zip]
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644 << 16  # rw-r--r--, as Unix unzip restores it
UNIX = 3  # "made by" Unix, whatever system builds it


def pack(site: Path, out: Path) -> int:
    """Write `out` from every file under `site`; returns the number of files."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html: no offline build there. Hint: run `make offline` first.")
    # Sorted by the name as stored (a/1.html before a/1/x.html), not by Path parts.
    files = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")  # a failed run never leaves half a zip behind
    with zipfile.ZipFile(partial, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(site).as_posix(), date_time=FIXED_TIME)
            info.external_attr = FILE_MODE
            info.create_system = UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(out)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.offline_zip", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site-offline"), help="the offline build (site-offline/)")
    parser.add_argument("--out", type=Path, default=Path("site-offline.zip"), help="the zip to write")
    args = parser.parse_args(argv)
    try:
        count = pack(args.site, args.out)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"packed: {count} files into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
