"""Zip files that are the same bytes for the same input: entries in sorted order, a fixed
timestamp and fixed permissions (CONVENTIONS.md: same input, byte-identical output)."""

from __future__ import annotations

import io
import zipfile

# The earliest date a zip can hold; any fixed date would do.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, files[name], compresslevel=6)
    return out.getvalue()
