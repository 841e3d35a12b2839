"""The scans that run before YAML composes a file: its bytes (UTF-8, no invisible control
characters) and its event stream (no anchors, aliases or merge keys, nesting capped).

They come first because the composer would otherwise build, and recurse through, whatever
a hostile or damaged file holds; see generator/yamlload.py for the rest of the loading.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from .problems import Problems

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


def text_loader(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A loader class on ``base`` whose plain scalars all resolve to text (see yamlload._construct),
    so YAML 1.1's implicit types are never looked up: that regex work was most of the
    loading time.  Only '<<' keeps its tag, so that it can be refused."""

    class TextLoader(base):  # type: ignore[valid-type,misc]
        def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return _MERGE if value == "<<" and implicit[0] else _STR
            return str(super().resolve(kind, value, implicit))

    return TextLoader


# libyaml's parser and composer when installed (about 20 times faster), the pure-Python
# ones otherwise; both give the same nodes with the same line marks.
PURE_LOADER = text_loader(yaml.SafeLoader)
LOADER = text_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))

MAX_DEPTH = 50  # real content nests about 6 deep

# What YAML refuses to read (PyYAML's Reader.NON_PRINTABLE): NUL, other C0 and C1 controls.
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
DEEP_HINT = "content never needs more than a few levels; check the brackets and indentation"


def decode(raw: bytes, display: str, problems: Problems) -> str | None:
    """UTF-8 text with no characters YAML refuses, or None (and one problem)."""
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(
            display,
            line,
            "",
            f"the file is not UTF-8 text (the byte 0x{raw[exc.start]:02x} is not valid UTF-8)",
            "save it as UTF-8 in your editor",
        )
        return None
    bad = _NON_PRINTABLE.search(source)
    if bad:
        line = source.count("\n", 0, bad.start()) + 1
        column = bad.start() - (source.rfind("\n", 0, bad.start()) + 1) + 1
        problems.add(
            display,
            line,
            "",
            f"the file contains an invisible control character (U+{ord(bad.group()):04X}) at column {column}",
            "delete it and retype that part of the line; it often comes from copying out of a PDF",
        )
        return None
    return source


def prescan(source: str, display: str, problems: Problems, loader: type[yaml.SafeLoader]) -> bool:
    """Refuse anchors, aliases and deep nesting from the event stream, before the
    composer builds (and recurses through) anything.  True when the file is safe."""
    depth = 0
    anchor_line = 0
    previous: yaml.Event | None = None
    for event in yaml.parse(source, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            if isinstance(previous, yaml.ScalarEvent) and previous.value == "<<" and not previous.style:
                problems.add(display, line, "", "merge keys ('<<') are not supported", "write the keys out in full")
            else:
                problems.add(
                    display,
                    line,
                    "",
                    "YAML aliases ('*name') are not allowed",
                    "write the value out in full where it is needed",
                )
            return False
        if getattr(event, "anchor", None) and not anchor_line:
            anchor_line = line
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                problems.add(display, line, "", f"lists and mappings are nested more than {MAX_DEPTH} deep", DEEP_HINT)
                return False
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        previous = event
    if anchor_line:
        problems.add(
            display,
            anchor_line,
            "",
            "YAML anchors ('&name') are not allowed",
            "remove the anchor and write each value out in full",
        )
        return False
    return True
