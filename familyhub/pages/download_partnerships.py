"""The partnerships' table to take along (issue 22): what a consultant pastes into a committee's
spreadsheet. A line per funding line, the partnership's facts repeated on each, so that payer,
amount, currency, amount a year and period each have their own column; a partnership without
money has one line with those cells empty."""

from __future__ import annotations

import datetime as dt
from typing import Any

from familyhub.pages.download_columns import Cell, Column, Line, Table, each_entity, page_path
from familyhub.pages.markup import PageContext

PARTNERSHIP_COLUMNS = [
    Column("dl-id"),
    Column("partnership"),
    Column("dl-country"),
    Column("dl-municipalities"),
    Column("dl-organisations"),
    Column("start-year", "number"),
    Column("dl-end-year", "number"),
    Column("status"),
    Column("dl-status-date", "date"),
    Column("dl-payer-kind"),
    Column("dl-payer"),
    Column("dl-amount", "number"),
    Column("dl-currency"),
    Column("dl-per"),
    Column("dl-period"),
    Column("dl-years", "number"),
    Column("dl-funding-start", "number"),
    Column("dl-funding-end", "number"),
    Column("dl-amount-per-year", "number"),
    Column("dl-funding-status"),
    Column("dl-shared"),
    Column("dl-source"),
    Column("dl-source-url", "url"),
    Column("dl-page-url", "url"),
    Column("last-reviewed", "date"),
]


def _unique(values: list[str | None]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _municipality_ids(partnership: Any) -> list[str]:
    sides = [party.municipality for party in partnership.parties]
    return _unique([partnership.municipality, *sides])


def _joined(names: list[str]) -> str | None:
    return ", ".join(names) or None


def _typed_date(value: str | dt.date | None) -> Cell:
    """A full date as a date; a date as precise as its source gives it ("2018", "2018-12")
    as that text: a spreadsheet never shows a made-up day."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if len(value) == 10 else value


def _source_date(source: Any) -> str | dt.date | None:
    published: dt.date | None = source.published
    return published or (str(source.year) if source.year else None)


def status_as_of(partnership: Any, ctx: PageContext) -> Cell:
    """When the status was so: an end's date from the history, else the date of the source that
    gives the status, else the last event's; none for "unknown"."""
    if partnership.status == "unknown":
        return None
    ends = [event for event in partnership.history if event.event == "ended"]
    if partnership.status == "ended" and ends:
        return _typed_date(ends[-1].date)
    if partnership.status_source:
        return _typed_date(_source_date(ctx.hub.get("source", partnership.status_source)))
    return _typed_date(partnership.history[-1].date) if partnership.history else None


def _end_year(partnership: Any) -> int | None:
    if partnership.end_year:
        return int(partnership.end_year)
    ends = [event for event in partnership.history if event.event == "ended"]
    return int(ends[-1].date[:4]) if ends else None


def _partnership_cells(p: Any, ctx: PageContext) -> tuple[Line, Line]:
    """The partnership's own facts: those before the funding columns, and those after."""
    countries = _unique(
        [ctx.hub.get("municipality", m).country.lower() for m in _municipality_ids(p)]
    )
    organisations = _unique([party.organisation for party in p.parties])
    before: Line = [
        p.id,
        ctx.name_of("partnership", p.id),
        _joined([ctx.fmt.label(f"country-{code}") for code in countries]),
        _joined([ctx.name_of("municipality", m) for m in _municipality_ids(p)]),
        _joined([ctx.name_of("organisation", o) for o in organisations]),
        p.start_year,
        _end_year(p),
        ctx.fmt.label(f"status-{p.status}"),
        status_as_of(p, ctx),
    ]
    return before, [p.last_reviewed]


def _payer(funding: Any, ctx: PageContext) -> tuple[str, str | None]:
    """(kind, name) of who pays: the register's name where the payer is in it."""
    payer = funding.payer
    kind = ctx.fmt.label(f"dl-payer-{payer.kind}")
    if payer.id:
        return kind, ctx.name_of(payer.register_kind(), payer.id)
    name: str | None = payer.name
    return kind, name


def per_year(funding: Any) -> int | float | None:
    """The amount a year (Funding.amount_per_year): as given, or the hub's own division of a
    total by its years, to two decimals (a whole number where it divides evenly)."""
    amount: int | float | None = funding.amount_per_year
    if amount is None:
        return None
    share = round(amount, 2)
    return int(share) if share == int(share) else share


def _period(start: int | None, end: int | None, ctx: PageContext) -> str:
    """The years the money covers as the pages write them (label year-range), or "unknown" where the
    source gives no whole period (`period: unknown`, or a total without its start)."""
    if start is None or end is None:
        return ctx.fmt.label("dl-period-unknown")
    if start == end:
        return str(start)
    return ctx.fmt.label("year-range").format(first=start, last=end)


def _funding_cells(funding: Any, ctx: PageContext) -> Line:
    source = ctx.hub.get("source", funding.source)
    start, end = funding.start_year, funding.end_year
    known = funding.period != "unknown"
    return [
        *_payer(funding, ctx),
        funding.amount,
        funding.currency,
        ctx.fmt.label(f"dl-per-{funding.per}"),
        _period(start, end, ctx) if known else ctx.fmt.label("dl-period-unknown"),
        funding.years,
        start,
        end,
        per_year(funding),
        ctx.fmt.label(f"funding-{funding.status}"),
        ctx.fmt.text(funding.shared) if funding.shared else None,
        source.cited_as(ctx.fmt.code),
        source.url,
    ]


NO_FUNDING: Line = [None] * 14


def partnership_lines(partnership: Any, ctx: PageContext, root: str) -> list[Line]:
    before, after = _partnership_cells(partnership, ctx)
    page = root + page_path("partnership", partnership.id, ctx)
    fundings = [_funding_cells(f, ctx) for f in partnership.funding] or [NO_FUNDING]
    return [[*before, *funding, page, *after] for funding in fundings]


def partnership_table(entities: list[Any], ctx: PageContext, root: str) -> Table:
    lines = each_entity("partnership", entities, ctx, lambda p: partnership_lines(p, ctx, root))
    return Table(PARTNERSHIP_COLUMNS, lines)
