"""A centre's own configuration, centre.yml: which specifications it teaches, its name,
logo and colours, where the site lives, and whether tutors' pages go into the learners'
site (docs/centres.md documents every field; schemas/centre.schema.json is made from the
model below by `python -m generator schema`).

No centre file means the full public site, exactly as before.  A bad value stops the
build before anything is written, with the usual one line per problem.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from . import contrast
from .checks.fields import Slug, Text, content_error
from .models import Model
from .problems import ContentError, Problems
from .validate import validate_file
from .yamlload import load_yaml

CENTRE_FILE = "centre.yml"  # at the project root; `generator build --centre PATH` names another
LOGO_TYPES = (".svg", ".png")
_SITE_URL = re.compile(r"^https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:/[A-Za-z0-9._~%/-]*)?$")


def _hex(value: str) -> str:
    if not contrast.HEX.match(value):
        raise content_error(
            f"{value!r} is not a colour written as #rrggbb", "write '#' and six hex digits in quotes, e.g. '#1d4f91'"
        )
    return value.lower()


def _text_on_primary(value: str) -> str:
    # White header text and buttons sit on the primary colour, and in the light scheme links
    # are printed in it on white and light grey: every pair must reach 4.5:1.
    low, where = contrast.worst(value, contrast.LIGHT_BACKGROUNDS)
    if low < contrast.AA_TEXT:
        raise content_error(
            f"{value} against {where} has a contrast of {contrast.shown(low)}, below the "
            f"{contrast.AA_TEXT}:1 that WCAG AA needs for text (white text on it, and links in it)",
            "choose a darker colour",
        )
    return value


def _links_on_dark(value: str) -> str:
    # In the dark scheme links, hovered links and outline buttons are printed in the accent.
    low, where = contrast.worst(value, contrast.DARK_BACKGROUNDS)
    if low < contrast.AA_TEXT:
        raise content_error(
            f"{value} as link text on {where} of the dark scheme has a contrast of "
            f"{contrast.shown(low)}, below the {contrast.AA_TEXT}:1 that WCAG AA needs",
            "choose a lighter colour",
        )
    return value


_COLOUR_SCHEMA = {"pattern": "^#[0-9a-fA-F]{6}$"}
Primary = Annotated[
    str, AfterValidator(_hex), AfterValidator(_text_on_primary), Field(json_schema_extra=_COLOUR_SCHEMA)
]
Accent = Annotated[str, AfterValidator(_hex), AfterValidator(_links_on_dark), Field(json_schema_extra=_COLOUR_SCHEMA)]


def _site_url(value: str) -> str:
    if not _SITE_URL.match(value):
        raise content_error(
            f"{value!r} is not a web address starting https://",
            "give the address the site will be served from, e.g. https://college.example/cs/",
        )
    return value if value.endswith("/") else value + "/"


def _some(value: list[str]) -> list[str]:
    if not value:
        raise content_error(
            "the list of specifications is empty", "list at least one slug, or remove the key to include them all"
        )
    if len(set(value)) != len(value):
        raise content_error("a specification is listed twice", "list each slug once")
    return value


class Colours(Model):
    primary: Primary = Field(
        description="'#rrggbb': the header and buttons (white text on it) and, in the light scheme, links."
    )
    accent: Accent = Field(description="'#rrggbb': links and highlights in the dark scheme (on the dark background).")


class Centre(Model):
    """centre.yml: one centre's version of the site."""

    name: Annotated[Text, StringConstraints(max_length=60)] = Field(
        description="The centre's name, shown as the site title in the header and in the footer."
    )
    logo: Text | None = Field(
        default=None, description="A .svg or .png file in the project, as a path from the project folder."
    )
    colours: Colours | None = Field(default=None, description="The centre's colours; left out: the theme's indigo.")
    specifications: Annotated[list[Slug], AfterValidator(_some)] | None = Field(
        default=None, description="Slugs of the specifications the centre teaches; left out: all of them."
    )
    site_url: Annotated[str, AfterValidator(_site_url)] | None = Field(
        default=None,
        json_schema_extra={"pattern": "^https://"},
        description="The address the site is served from, https://... (MkDocs site_url).",
    )
    tutor_content: Literal["include", "separate"] = Field(
        default="separate",
        description="'separate': answer keys and tutors' pages only in the tutors' site (make tutors); "
        "'include': in the learners' site too.",
    )


@dataclass(frozen=True)
class CentreConfig:
    """A checked centre file: the model, the file it came from and its logo on disk."""

    centre: Centre
    display: str
    logo: Path | None

    def specs(self, all_slugs: list[str]) -> list[str]:
        """The included slugs, in the project's own order (the order the site lists them)."""
        chosen = self.centre.specifications
        return [s for s in all_slugs if chosen is None or s in chosen]


def find_centre(root: Path, explicit: Path | None) -> Path | None:
    """The centre file a build uses: the one named, else centre.yml at the root if present."""
    if explicit is not None:
        return explicit if explicit.is_absolute() else Path.cwd() / explicit
    default = root / CENTRE_FILE
    return default if default.is_file() else None


def load_centre(path: Path, root: Path, known_specs: list[str]) -> CentreConfig:
    """Read and check a centre file.  Raises ContentError with every problem found."""
    problems = Problems()
    display = _display(path, root)
    loaded = load_yaml(path, display, problems) if path.is_file() else None
    if not path.is_file():
        problems.add(display, 0, "", "the centre file does not exist", "check the path given with --centre")
    centre = validate_file(loaded, Centre, display, problems) if loaded else None
    logo = None
    if loaded and centre:
        for i, slug in enumerate(centre.specifications or []):
            if slug not in known_specs:
                close = difflib.get_close_matches(slug, known_specs, n=1)
                hint = (
                    (f"did you mean '{close[0]}'? " if close else "")
                    + "the specifications are: "
                    + ", ".join(known_specs)
                )
                problems.add(
                    display,
                    loaded.line_for(("specifications", i)),
                    f"specifications[{i}]",
                    f"'{slug}' is not a specification of this project",
                    hint,
                )
        if centre.logo is not None:
            logo = _logo(centre.logo, root, display, loaded.line_for(("logo",)), problems)
    if problems or centre is None:
        raise ContentError(problems)
    return CentreConfig(centre, display, logo)


def _logo(value: str, root: Path, display: str, line: int, problems: Problems) -> Path | None:
    project = root.resolve()
    target = (project / value).resolve()
    if Path(value).is_absolute() or not target.is_relative_to(project):
        problems.add(
            display,
            line,
            "logo",
            f"'{value}' is outside the project",
            "copy the logo into the project (for example into examples/ or a folder of your own) "
            "and give its path from the project folder",
        )
        return None
    if target.suffix.lower() not in LOGO_TYPES:
        problems.add(
            display, line, "logo", f"'{value}' is not an SVG or PNG file", "save the logo as .svg or .png and use that"
        )
        return None
    if not target.is_file():
        problems.add(display, line, "logo", f"'{value}' does not exist", "give the logo's path from the project folder")
        return None
    return target


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
