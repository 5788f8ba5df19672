"""Cite this (issue 22): the suggested citation of a page or a PDF, and the build's date.

The version is the project's (pyproject.toml), the one the PDF cover has always printed: the
code and the data in data/ are released together, so one number names both. The date is the
build's date, an input of the build: SOURCE_DATE_EPOCH when the build is given one (reproducible
builds, tests, a build that must carry a stated date), else the day the build ran. Templates
never ask for today themselves.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import os
from collections.abc import Mapping

from familyhub.data.site_config import Language
from familyhub.i18n import Formatter

BUILD_DATE_VARIABLE = "SOURCE_DATE_EPOCH"


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is not a number of seconds."""


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH (seconds since 1970, UTC) if set, else today."""
    value = environ.get(BUILD_DATE_VARIABLE)
    if value is None or value == "":
        return dt.date.today()
    try:
        seconds = int(value)
    except ValueError:
        raise BuildDateError(
            f"{BUILD_DATE_VARIABLE}={value!r}: give the build's date as whole seconds since "
            "1 January 1970 (UTC), such as 1796601600, or leave it unset for today"
        ) from None
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()


def epoch_of(day: dt.date) -> str:
    """A date as SOURCE_DATE_EPOCH, to hand the same date to a build in another process."""
    midday = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    return str(int(midday.timestamp()))


@functools.cache
def version() -> str:
    """The installed package's version, asked once per process: importlib searches the
    installed packages' metadata for it, which once per page was 2 % of a build."""
    return importlib.metadata.version("familyhub")


def address(site_url: str | None, path: str) -> str:
    """The page's or file's public address: the site's address (data/site.yml's site_url)
    and its path from the site's root; the path alone where no address is given."""
    root = site_url
    path = path.lstrip("/")
    return f"{str(root).rstrip('/')}/{path}" if root else f"/{path}"


def citation(
    language: Language, site_url: str | None, title: str, path: str, built: dt.date
) -> str:
    """Publisher: title. familyhub, version, date. address — in the language's own words."""
    fmt = Formatter(language)
    return fmt.label("cite-pattern").format(
        publisher=language.publisher.name or "familyhub",
        title=title,
        version=version(),
        date=fmt.date(built),
        address=address(site_url, path),
    )
