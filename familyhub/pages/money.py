"""Money in words (issue 22): who pays a funding line, its amount a year, its total and its
period, each in its own cell of the overview, the partnership's and the municipality's tables.

An amount the hub works out (a total divided by its years, a yearly amount times its years) says
so; a period the source does not give says that too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from familyhub.pages.markup import PageContext, escape_text

# what an empty cell shows, as the templates do
NOTHING = "\N{EN DASH}"

if TYPE_CHECKING:
    from familyhub.data.models import Funding, Partnership


def payer(funding: Funding, context: PageContext) -> Markup:
    """The payer's name (linked where it is in the register) and, unless a municipality, its
    kind: "A.P. Møller Fonden (fond)"."""
    who = funding.payer
    if who.id is not None:
        name = context.link(who.register_kind(), who.id)
    else:
        name = escape_text(who.name or context.fmt.label(f"payer-{who.kind}"))
    if who.kind == "municipality" or (who.name is None and who.id is None):
        return name
    return Markup("{} ({})").format(name, escape_text(context.fmt.label(f"payer-{who.kind}")))


def period(funding: Funding, context: PageContext) -> str:
    """2019-2021; 2014 for one year; "from 2018, end not given"; "3 years, start not given"."""
    label = context.fmt.label
    start, years, end = funding.start_year, funding.years, funding.end_year
    if start is not None and end is not None:
        return str(start) if start == end else label("year-range").format(first=start, last=end)
    if start is not None:
        return label("period-from-open").format(year=start)
    if years is not None:
        return label("period-years-only").format(years=context.fmt.number(years))
    return label("period-unknown")


def _derived(amount: float, currency: str, context: PageContext) -> str:
    text = context.fmt.money(amount, currency)
    if amount != round(amount):
        text = f"{context.fmt.label('qualifier-about')} {text}"
    return context.fmt.label("money-derived").format(amount=text)


def _requested(text: str, funding: Funding, context: PageContext) -> str:
    if funding.status == "requested":
        return context.fmt.label("money-requested").format(amount=text)
    return text


def a_year(funding: Funding, context: PageContext) -> str:
    """The amount a year: as the source gives it, or the hub's division of a total."""
    yearly = funding.amount_per_year
    if yearly is None:
        return NOTHING
    if funding.per_year_derived:
        text = _derived(yearly, funding.currency, context)
    else:
        text = context.fmt.money(yearly, funding.currency)
    return _requested(text, funding, context)


def in_all(funding: Funding, context: PageContext) -> str:
    """The total: as the source gives it, or a yearly amount times its years (the hub's)."""
    fmt = context.fmt
    if funding.per == "total":
        text = fmt.label("money-in-all").format(amount=fmt.money(funding.amount, funding.currency))
    elif funding.years is not None:
        total = fmt.label("money-in-all").format(
            amount=fmt.money(funding.amount * funding.years, funding.currency)
        )
        text = fmt.label("money-derived").format(amount=total)
    else:
        return NOTHING
    if funding.shared is not None:
        text = f"{text} {fmt.label('funding-shared-short')}"
    return _requested(text, funding, context)


def column(partnership: Partnership, cell: Any, context: PageContext) -> Markup:
    """One cell of the overview: each funding line's value on its own line, in line order."""
    if not partnership.funding:
        return escape_text(NOTHING)
    return Markup("<br>").join(escape_text(cell(line, context)) for line in partnership.funding)


def money_helpers(context: PageContext) -> dict[str, Any]:
    """Template helpers of the money cells."""
    cells = {"payer": payer, "a_year": a_year, "in_all": in_all, "period": period}
    return {
        "funding_payer": lambda funding: payer(funding, context),
        "funding_a_year": lambda funding: a_year(funding, context),
        "funding_in_all": lambda funding: in_all(funding, context),
        "funding_period": lambda funding: period(funding, context),
        "funding_column": lambda partnership, name: column(partnership, cells[name], context),
    }
