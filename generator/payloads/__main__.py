"""python -m generator.payloads [DIR]: regenerate the published payload schemas."""

from __future__ import annotations

import sys
from pathlib import Path

from . import SCHEMA_DIR, write_schemas

for written in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_DIR):
    print(written)
