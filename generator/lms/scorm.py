"""SCORM 1.2 packages: one zip per mock test, for a college's LMS gradebook (issue #13).

Each zip holds an imsmanifest.xml (one organization, one item, one SCO resource listing
every file), a standalone launch page (index.html) carrying the mock's payload, and the quiz
scripts and styles copied from overrides/, so the mock runs exactly as on the site.  Our own
adapter, overrides/assets/javascripts/scorm.js, reports the marks to the LMS through the
SCORM 1.2 runtime API; with no LMS the mock still runs and says the result is not recorded.

No test specification prints a pass mark (awarding bodies set grade boundaries per series),
so packages report cmi.core.lesson_status "completed", never "passed" or "failed".
The launch page holds no inline script and requests nothing outside the package, so it
works from file:// and under a strict Content-Security-Policy.  Same input, same bytes:
entries are sorted and every timestamp is fixed.
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..corpus import SpecData
from ..markdown_text import embed_json
from ..models import TestSpec
from ..pages.base import Facts
from ..pages.quiz_payloads import mock_feedback_path, split_feedback
from ..pages.tests import feedback_js, mock_test_payload

ASSETS = Path(__file__).resolve().parent.parent.parent / "overrides" / "assets"

# Where the packages go in the site (generator-owned, CONVENTIONS.md §2).
DOCS_FOLDER = "tutors/downloads/scorm"

# What the launch page loads, in dependency order (as in mkdocs.yml's extra_javascript):
# the mock needs no practice, progress-page, route or evidence script.  scorm.js comes
# before quiz.js so its listener is ready when a submitted paper is reopened.
SCRIPTS = (
    "core.js",
    "quiz-start.js",
    "quiz-engine.js",
    "quiz-types-choice.js",
    "quiz-types-text.js",
    "quiz-types-arrange.js",
    "quiz-records.js",
    "quiz-ui.js",
    "quiz-mock.js",
    "quiz-mock-results.js",
    "scorm.js",
    "quiz.js",
)
STYLES = ("hub.css", "quiz.css", "scorm.css")

NOSCRIPT = (
    '<noscript><p class="csh-quiz-noscript">This test needs JavaScript. '
    "Ask your tutor for the answer key.</p></noscript>"
)

# The SCORM 1.2 schemas: IMS Content Packaging 1.1.2, IMS metadata 1.2.1 and ADL's extensions.
SCHEMA_LOCATION = " ".join(
    (
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
    )
)

# 1980-01-01, the earliest time a zip can store: no entry carries the build's clock.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def package_name(spec: str, test_id: str) -> str:
    """cg-4417-201-scorm12.zip"""
    return f"{spec}-{test_id}-scorm12.zip"


def identifier(spec: str, test_id: str) -> str:
    """The manifest's identifier: stable across builds, so an LMS sees a new build of the
    same test as an update.  An XML ID, so it starts with a letter."""
    return f"cs-hub-{spec}-test-{test_id}"


def packages(facts: Facts) -> dict[str, bytes]:
    """Every mock's package, file name -> zip bytes, in a stable order."""
    out: dict[str, bytes] = {}
    for data in facts.specs:
        for test in data.spec.tests:
            out[package_name(data.slug, test.id)] = package(facts, data, test)
    return out


def docs_files(facts: Facts) -> dict[str, bytes]:
    """The packages as the build writes them, keyed by their path under docs/."""
    return {f"{DOCS_FOLDER}/{name}": data for name, data in packages(facts).items()}


def package(facts: Facts, data: SpecData, test: TestSpec) -> bytes:
    payload, feedback = split_feedback(mock_test_payload(facts, data, test))
    title = f"{test.title} ({data.spec.short_title})"
    files: dict[str, bytes] = {"index.html": launch_page(title, payload).encode("utf-8")}
    # The review's explanations and feedback, which quiz-mock.js loads when a paper starts.
    files[mock_feedback_path(str(payload["id"]))] = feedback_js(str(payload["id"]), feedback).encode("utf-8")
    for name in SCRIPTS:
        files[f"assets/javascripts/{name}"] = (ASSETS / "javascripts" / name).read_bytes()
    for name in STYLES:
        files[f"assets/stylesheets/{name}"] = (ASSETS / "stylesheets" / name).read_bytes()
    files["imsmanifest.xml"] = manifest(identifier(data.slug, test.id), title, sorted(files)).encode("utf-8")
    return deterministic_zip(files)


def launch_page(title: str, payload: dict[str, object]) -> str:
    """The SCO: the quiz root the site's mock page has, without the Material theme."""
    scripts = "\n".join(f'<script src="assets/javascripts/{name}"></script>' for name in SCRIPTS)
    styles = "\n".join(f'<link rel="stylesheet" href="assets/stylesheets/{name}">' for name in STYLES)
    quiz_id = html.escape(str(payload["id"]))
    data = f'<script type="application/json" class="csh-quiz-data">{embed_json(payload)}</script>'
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
{styles}
</head>
<body class="csh-scorm">
<main class="csh-scorm-main md-typeset">
<h1>{html.escape(title)}</h1>
<p class="csh-scorm-status" id="csh-scorm-status" role="status"></p>
<div class="csh-quiz" data-quiz="{quiz_id}" data-quiz-mode="mock">{NOSCRIPT}{data}</div>
</main>
{scripts}
</body>
</html>
"""


def manifest(ident: str, title: str, files: list[str]) -> str:
    """imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's extensions).
    The schema files are named by the usual locations; LMSs do not fetch them."""
    t = html.escape(title, quote=False)
    listed = "\n".join(f"      <file href={quoteattr(name)}/>" for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{ident}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{SCHEMA_LOCATION}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{ident}-org">
    <organization identifier="{ident}-org">
      <title>{t}</title>
      <item identifier="{ident}-item" identifierref="{ident}-sco" isvisible="true">
        <title>{t}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{ident}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
{listed}
    </resource>
  </resources>
</manifest>
"""


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on `files`: sorted entries, fixed times and modes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()
