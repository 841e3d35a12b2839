"""Field types that need more than a JSON Schema keyword: ids that end up in file paths,
real dates, safe web addresses, non-negative counts, strict true/false and Markdown text.

They are validators added to the models' types, so a bad value is reported at its own
line by the per-file validation.  They leave the generated JSON Schema unchanged.
Each raises ``content_error``, which validate.explain turns into "what. Hint: how".
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

from .markup import markup_problem

_PATH_ID = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$")
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"  # kept in the JSON Schema for editors
_DATE = re.compile(DATE_PATTERN)
_WEB = re.compile(r"^https?://[^\s/?#()<>]+\.[^\s/?#()<>]+(?:[/?#][^\s()<>]*)?$", re.IGNORECASE)


def content_error(what: str, hint: str) -> PydanticCustomError:
    return PydanticCustomError("content", "{what}", {"what": what, "hint": hint})


def path_id(value: str) -> str:
    """Unit numbers, aliases and test ids name files and web addresses."""
    if not _PATH_ID.match(value):
        raise content_error(
            f"{value!r} cannot be used in a web address",
            "unit numbers and test ids use only letters, digits and hyphens, e.g. 201 or A1",
        )
    return value


def iso_date(value: str) -> str:
    if not _DATE.match(value):
        raise content_error(f"{value!r} is not a date written as YYYY-MM-DD", "use YYYY-MM-DD, e.g. 2026-03-31")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise content_error(
            f"{value!r} is not a real date", "use YYYY-MM-DD with a day that exists in that month"
        ) from None
    return value


def web_url(value: str) -> str:
    if not _WEB.match(value.strip()):
        raise content_error(
            f"{value[:80]!r} is not a web address starting with http:// or https://",
            "give the full address of the official page, e.g. https://www.legislation.gov.uk/...",
        )
    return value


def not_blank(value: str) -> str:
    if not value.strip():
        raise content_error("must not be blank", "write the text, or remove the key if it is optional")
    return value


def no_bool(value: Any) -> Any:
    """YAML's true/false must not count as 1/0 where a number is wanted."""
    if isinstance(value, bool):
        raise content_error(f"must be a whole number, not {str(value).lower()}", "write digits only, e.g. 6")
    return value


def not_negative(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise content_error(f"must be 0 or more, not {value}", "write the number as printed, or null if none is given")
    return value


def positive(value: int) -> int:
    if value < 1:
        raise content_error(f"must be 1 or more, not {value}", "write the number of minutes, e.g. 60")
    return value


def markdown_text(value: str) -> str:
    problem = markup_problem(value)
    if problem:
        raise content_error(*problem)
    return value


# Printed identifiers: unit numbers ("201", "A", "82"), outcome ids ("1", "AO3"),
# criterion ids ("1.1.10", "A.P1").  Always strings, never numbers: "1.10" is not 1.1.
Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-/ ]*$", max_length=40)]
# Ids that name a file or a web address (unit numbers, aliases, test ids): no '.', '/' or
# space, so that no value can reach outside its folder.  Printed ids that are only
# anchors (criterion '1.1.3', 'A.P1') stay Ident.
PathId = Annotated[Ident, AfterValidator(path_id)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(not_blank)]
# Our own writing that is rendered as Markdown: no raw HTML, no unsafe links.
Markdown = Annotated[Text, AfterValidator(markdown_text)]
MarkdownOrEmpty = Annotated[str, AfterValidator(markdown_text)]
# Counts as printed (credits, hours, marks, questions): whole numbers, never negative,
# and YAML's true/false is not 1/0.
Count = Annotated[int, BeforeValidator(no_bool), AfterValidator(not_negative)]
Minutes = Annotated[int, BeforeValidator(no_bool), AfterValidator(positive)]
