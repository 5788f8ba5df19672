"""Dates an editor writes, checked against the calendar: 2021-02-31 matches YYYY-MM-DD but is no
day, and a page that shows it could not be built."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def on_the_calendar(value: str) -> str:
    """A partial date (2017, 2017-03, 2017-03-01) already matched by its pattern: its day must
    exist in its month."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        _day_exists(value, *parts)
    return value


def calendar_day(value: Any) -> Any:
    """A full date, as text from YAML: YYYY-MM-DD, on the calendar. Anything else is left to
    pydantic's date type (a dt.date from Python code passes through)."""
    if not isinstance(value, str):
        return value
    match = FULL_DATE.match(value.strip())
    if match is None:
        raise ValueError(f"write a date as YYYY-MM-DD, such as 2026-03-01, not {value!r}")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} is not a date: a month is 01 to 12 (write YYYY-MM-DD)")
    _day_exists(value, year, month, day)
    return dt.date(year, month, day)


def _day_exists(value: str, year: int, month: int, day: int) -> None:
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = dt.date(year, month, 1).strftime("%B")
        raise ValueError(f"{value!r} is not on the calendar: {name} {year} has {days} days")
