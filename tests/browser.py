"""Browser-test helpers: serve a built site on 127.0.0.1 and drive Debian's chromium.

Conventions §6: Playwright for Python with executable_path=/usr/bin/chromium, never a
downloaded browser, and only loopback addresses."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.bench.browser import CHROMIUM
from generator.bench.browser import LAUNCH_ARGS as LAUNCH_ARGS  # the same flags as the benchmark


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextmanager
def serve(directory: Path, prefix: str = ""):
    """Serve `directory` at http://127.0.0.1:<port>/<prefix>; yields the base URL."""
    root = directory
    if prefix:
        root = directory.parent / f"served-{prefix.strip('/')}"
        if not root.exists():
            (root / prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(directory, root / prefix.strip("/"))
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix.strip('/') + '/' if prefix else ''}"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
