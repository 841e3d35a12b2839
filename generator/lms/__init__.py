"""Packages of the mock tests for learning platforms (LMSs), one module per format.

FORMATS maps a format's name (as typed after `python -m generator export`) to the function
that makes its packages: file name -> bytes."""

from __future__ import annotations

from collections.abc import Callable

from ..pages.base import Facts
from . import scorm

FORMATS: dict[str, Callable[[Facts], dict[str, bytes]]] = {"scorm": scorm.packages}
