"""Safe YAML loading that keeps line numbers and refuses YAML 1.1 surprises.

PyYAML follows YAML 1.1, where an unquoted ``NO`` is false, ``0201`` is the octal
number 129, ``12:30`` is the base-60 number 750 and ``1.10`` is the float 1.1.
Content here is full of ids like these, so every plain scalar is kept as the text
that was typed.  The only non-text plain scalars are ``true``/``false`` and
``null``/``~``.  Models then turn text into numbers where a field is a number.
Plain scalars that YAML 1.1 tools would read differently are reported, so a file
never means one thing here and another in someone's editor.

Hostile or damaged input must give one plain line, never a traceback or a hang:
bytes that are not UTF-8 and invisible control characters are reported at their own
line before YAML sees them; anchors and aliases (which content never needs, and which
make "billion laughs" bombs and self-referencing values possible) are refused; and
nesting is capped, because the C composer recurses without a limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problems
from .yamlscan import DEEP_HINT, LOADER, MAX_DEPTH, prescan
from .yamlscan import PURE_LOADER as PURE_LOADER  # re-exported: the loader tests swap LOADER for it
from .yamlscan import decode as decode  # re-exported: callers read and decode in one place

Path_ = tuple[str | int, ...]


_BOOL_TRUE = {"true", "True", "TRUE"}
_BOOL_FALSE = {"false", "False", "FALSE"}
_NULL = {"null", "Null", "NULL", "~", ""}
# Words YAML 1.1 reads as booleans although they look like text.
_YAML11_BOOLS = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")
)
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_SYNTAX_HINT = "check indentation, and quote text that contains ': ' or starts with a special character"


@dataclass(frozen=True)
class Loaded:
    """A parsed file: plain data plus the line of every key and item in it."""

    path: Path
    data: Any
    lines: dict[Path_, int]

    def line_for(self, loc: Path_) -> int:
        """The line of the deepest part of ``loc`` that exists in the file."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def format_loc(loc: Path_) -> str:
    """('outcomes', 0, 'criteria', 3, 'id') -> 'outcomes[0].criteria[3].id'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _trap(text: str) -> str | None:
    """Why an unquoted scalar is ambiguous, or None if it is safe as text."""
    if _YAML11_BOOLS.match(text):
        return f"unquoted {text!r} is read as a true/false value by YAML 1.1 tools"
    if _LEADING_ZERO.match(text):
        return f"unquoted {text!r} is read as an octal number by YAML 1.1 tools"
    if _SEXAGESIMAL.match(text):
        return f"unquoted {text!r} is read as a base-60 number by YAML 1.1 tools"
    if _FLOAT.match(text):
        try:
            as_float = float(text.replace("_", ""))
        except ValueError:
            return None
        if repr(as_float) != text:
            return f"unquoted {text!r} is read as the number {as_float!r}"
    return None


def parse(source: str, display: str, problems: Problems) -> tuple[Loaded | None, Any]:
    """Compose and construct text already read from ``display``.  Returns (the file, or
    None if it has problems; the data as far as it could be built, for callers that only
    want to know what a broken file meant to define)."""
    try:
        # The event pre-scan costs as much as composing.  It is needed to refuse anchors and
        # aliases (no '&name' or '*name' token can be in a file without this pattern) and, with
        # the pure-Python composer, which recurses, deep nesting; _construct checks the depth.
        if (LOADER is PURE_LOADER or _ANCHOR_OR_ALIAS.search(source)) and not prescan(
            source, display, problems, LOADER
        ):
            return None, None
        node = yaml.compose(source, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        if "nesting depth" in (exc.problem or ""):  # libyaml's own limit, below ours only in flow style
            problems.add(display, line, "", f"lists and mappings are nested more than {MAX_DEPTH} deep", DEEP_HINT)
        else:
            problems.add(
                display, line, "", f"YAML syntax error: {exc.problem or 'the YAML cannot be parsed'}", _SYNTAX_HINT
            )
        return None, None
    except yaml.YAMLError as exc:  # a reader error without a position
        problems.add(display, 1, "", f"YAML cannot read the file ({str(exc).splitlines()[0]})", _SYNTAX_HINT)
        return None, None
    if node is None:
        problems.add(display, 1, "", "the file is empty", "add the content, or delete the file")
        return None, None
    lines: dict[Path_, int] = {}
    before = len(problems)
    try:
        data = _construct(node, (), lines, display, problems)
    except _TooDeep as deep:
        problems.add(display, deep.line, "", f"lists and mappings are nested more than {MAX_DEPTH} deep", DEEP_HINT)
        return None, None
    if len(problems) > before:
        return None, data
    return Loaded(path=Path(display), data=data, lines=lines), data


def read_yaml(path: Path, display: str, problems: Problems) -> tuple[Loaded | None, Any]:
    """Parse one file: (the file or None, whatever data could be salvaged); see parse()."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(
            display, 0, "", f"the file cannot be read ({exc.strerror or exc})", "check that it is a readable file"
        )
        return None, None
    source = decode(raw, display, problems)
    if source is None:
        return None, None
    loaded, data = parse(source, display, problems)
    return (Loaded(path=path, data=loaded.data, lines=loaded.lines) if loaded else None), data


def load_yaml(path: Path, display: str, problems: Problems) -> Loaded | None:
    """Parse one file.  Returns None (and records problems) if it cannot be used."""
    return read_yaml(path, display, problems)[0]


# Where a YAML anchor or alias token could start: after a space, a flow indicator or ':'.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[\]{},:-])[&*]\S")


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _construct(node: Node, loc: Path_, lines: dict[Path_, int], display: str, problems: Problems) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, ScalarNode):
        text: str = node.value
        if node.tag not in _STANDARD_TAGS:
            _refuse_tag(node, loc, display, problems)
            return text
        if node.style:  # quoted or block scalar: always text (libyaml marks plain as '', PyYAML as None)
            return text
        if text in _BOOL_TRUE:
            return True
        if text in _BOOL_FALSE:
            return False
        if text in _NULL:
            return None
        why = _trap(text)
        if why:
            problems.add(
                display,
                node.start_mark.line + 1,
                format_loc(loc),
                why,
                f'write "{text}" in quotes if you mean the text'
                + (", or true/false for a yes/no value" if _YAML11_BOOLS.match(text) else ""),
            )
        return text
    if node.tag not in _COLLECTION_TAGS:
        _refuse_tag(node, loc, display, problems)
        return None
    if len(loc) >= MAX_DEPTH:  # the root collection is depth 1
        raise _TooDeep(node.start_mark.line + 1)
    if isinstance(node, SequenceNode):
        return [_construct(child, loc + (i,), lines, display, problems) for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        return _construct_mapping(node, loc, lines, display, problems)
    raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover - PyYAML has three node kinds


def _refuse_tag(node: Node, loc: Path_, display: str, problems: Problems) -> None:
    problems.add(
        display,
        node.start_mark.line + 1,
        format_loc(loc),
        f"the YAML tag {node.tag!r} is not allowed",
        "remove the '!' tag",
    )


def _construct_mapping(
    node: MappingNode, loc: Path_, lines: dict[Path_, int], display: str, problems: Problems
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag not in _STANDARD_TAGS:
            problems.add(
                display,
                key_node.start_mark.line + 1,
                format_loc(loc),
                "a key must be plain text",
                "use a simple name such as 'title'",
            )
            continue
        if key_node.tag == "tag:yaml.org,2002:merge":
            problems.add(
                display,
                key_node.start_mark.line + 1,
                format_loc(loc),
                "merge keys ('<<') are not supported",
                "write the keys out in full",
            )
            continue
        key: str = key_node.value
        key_loc = loc + (key,)
        if key in result:
            problems.add(
                display,
                key_node.start_mark.line + 1,
                format_loc(key_loc),
                f"duplicate key {key!r} (first given on line {lines[key_loc]})",
                "remove one of them; YAML would silently keep only the last",
            )
            continue
        lines[key_loc] = key_node.start_mark.line + 1
        result[key] = _construct(value_node, key_loc, lines, display, problems)
        # A key's own line beats its value's line for error messages.
        lines[key_loc] = key_node.start_mark.line + 1
    return result
