"""The one rule for what counts as tutor content (docs/centres.md, "Tutors' pages").

Tutor content is every file under tutors/ (the tutors' page, item statistics, answer keys,
downloads) plus any page whose builder marks it ``tutor_only``.  A centre with
``tutor_content: separate`` gets a learners' site without any of it, and a tutors' site
(`make tutors`) with all of it.  New tutors' pages follow the rule by living under tutors/.
"""

from __future__ import annotations

from collections.abc import Collection

TUTOR_FOLDER = "tutors/"
# Hand-written guides for tutors that live outside tutors/ (that folder is generated and
# git-ignored): how to import the LMS exports and upload the SCORM packages.  They link to
# the downloads, so they go wherever the tutors' pages go.
TUTOR_GUIDES = ("lms.md", "scorm.md")


def is_tutor_path(path: str, marked: Collection[str] = ()) -> bool:
    """Whether a docs-relative path is tutor content: under tutors/ or marked by its builder."""
    return path.startswith(TUTOR_FOLDER) or path in TUTOR_GUIDES or path in marked


def without_tutor_content(files: dict[str, bytes], marked: Collection[str]) -> dict[str, bytes]:
    """The files a learners'-only site gets."""
    return {path: data for path, data in files.items() if not is_tutor_path(path, marked)}
