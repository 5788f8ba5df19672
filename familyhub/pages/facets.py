"""What each overview table can be filtered and sorted by: machine values for table-filter.js.

The values are ids, codes and years put beside the table at build time, as JSON the browser reads,
so the script never guesses from the visible text; the option names are the names the pages show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from familyhub.data.kinds import FOLDER_OF_KIND
from familyhub.pages.download_table import download_spec
from familyhub.pages.markup import PageContext, script_json

if TYPE_CHECKING:
    from familyhub.data.models import Source

# an entity -> its values for one filter (ids, codes or years), given the hub's lookup
Values = Callable[[Any, "PageContext"], Iterable[str | int | None]]
SortKey = Callable[[Any], str | int | None]


@dataclass(frozen=True)
class Filter:
    """A select above a table: rows match when one of their values is the one chosen."""

    id: str  # the URL parameter and the label key of the select
    values: Values
    ref: str | None = None  # values are ids of this kind: options show their names
    label_prefix: str | None = None  # values are codes: options show label(prefix + value)


@dataclass(frozen=True)
class Sort:
    """A column whose header sorts the table; by its text unless a key says better."""

    id: str  # the URL value (sort=<id>-asc) and the header's label key
    column: int
    key: SortKey | None = None


def _one(value: str | int | None) -> list[str | int | None]:
    return [value]


def _partnership_municipalities(entity: Any, _: PageContext) -> list[str | None]:
    sides = [party.municipality for party in entity.parties]
    return [entity.municipality, *sides]


def _partnership_countries(entity: Any, renderer: PageContext) -> list[str | None]:
    # a partnership's country is its municipalities' (never guessed from the organisations)
    ids = [value for value in _partnership_municipalities(entity, renderer) if value]
    return [renderer.hub.get("municipality", value).country.lower() for value in ids]


def _country(entity: Any, _: PageContext) -> list[str]:
    return [entity.country.lower()]


def _largest(partnership: Any, amount: Callable[[Any], float | None]) -> str | None:
    """Rows sort within their currency by their largest amount: "DKK 166667" sorts before
    "DKK 1500000" under the script's numeric collation, and never beside "NOK …"."""
    amounts = [(f.currency, amount(f)) for f in partnership.funding if amount(f) is not None]
    if not amounts:
        return None
    currency = amounts[0][0]
    largest = max(value for code, value in amounts if code == currency and value is not None)
    return f"{currency} {round(largest)}"


def _amount_key(partnership: Any) -> str | None:
    """By the amount a year: as given, or a total divided by its years (issue 22)."""
    return _largest(partnership, lambda funding: funding.amount_per_year)


def _total(funding: Any) -> float | None:
    if funding.per == "total":
        return float(funding.amount)
    return None if funding.years is None else float(funding.amount * funding.years)


def _total_key(partnership: Any) -> str | None:
    """By the total: as given, or an amount a year times its years."""
    return _largest(partnership, _total)


def _source_year(source: Source) -> int | None:
    return source.published.year if source.published else source.year


FILTERS: dict[str, tuple[Filter, ...]] = {
    "partnership": (
        Filter("municipality", _partnership_municipalities, ref="municipality"),
        Filter(
            "organisation",
            lambda e, _: [party.organisation for party in e.parties],
            ref="organisation",
        ),
        Filter("model", lambda e, _: e.models, ref="model"),
        Filter("country", _partnership_countries, label_prefix="country-"),
        Filter("start-year", lambda e, _: _one(e.start_year)),
        Filter("status", lambda e, _: _one(e.status), label_prefix="status-"),
        Filter("currency", lambda e, _: [funding.currency for funding in e.funding]),
    ),
    "case": (
        Filter("municipality", lambda e, _: e.municipalities, ref="municipality"),
        Filter("organisation", lambda e, _: e.organisations, ref="organisation"),
        Filter("model", lambda e, _: e.models, ref="model"),
        Filter("theme", lambda e, _: e.themes, label_prefix="theme-"),
    ),
    "model": (
        Filter("category", lambda e, _: _one(e.category), label_prefix="category-"),
        Filter("organisation", lambda e, _: _one(e.organisation), ref="organisation"),
    ),
    "organisation": (
        Filter("kind", lambda e, _: _one(e.kind), label_prefix="organisation-"),
        Filter("country", _country, label_prefix="country-"),
    ),
    "municipality": (Filter("country", _country, label_prefix="country-"),),
    "requirement_set": (
        Filter("organisation", lambda e, _: _one(e.organisation), ref="organisation"),
        Filter("country", _country, label_prefix="country-"),
    ),
    # issue 22: a committee weighs evidence by how it was made
    "evaluation": (
        Filter("design", lambda e, _: _one(e.design), label_prefix="design-"),
        Filter("country", _country, label_prefix="country-"),
    ),
    "source": (
        Filter("source-kind", lambda e, _: _one(e.kind), label_prefix="source-"),
        Filter("language", lambda e, _: _one(e.language), label_prefix="language-"),
        Filter("year", lambda e, _: _one(_source_year(e))),
    ),
}

SORTS: dict[str, tuple[Sort, ...]] = {
    "partnership": (
        Sort("partnership", 0),
        Sort("municipality", 1),
        Sort("start-year", 3, key=lambda e: e.start_year),
        Sort("funding", 5, key=_amount_key),
        Sort("funding-total", 6, key=_total_key),
        Sort("status", 8),
    ),
    "case": (Sort("case", 0),),
    "evaluation": (
        Sort("evaluation", 0),
        Sort("design", 2),
        Sort("participants", 3, key=lambda e: e.participants.count if e.participants else None),
    ),
    "model": (Sort("model", 0), Sort("category", 1), Sort("organisation", 2)),
    "organisation": (
        Sort("organisation", 0),
        Sort("kind", 1),
        Sort("country", 2),
        Sort("partnerships", 3),
    ),
    "municipality": (
        Sort("municipality", 0),
        Sort("country", 1),
        Sort("partnerships", 2),
        Sort("cases", 3),
    ),
    "requirement_set": (
        Sort("requirement-set", 0),
        Sort("organisation", 1),
        Sort("country", 2),
        Sort("requirements", 3),
    ),
    "source": (
        Sort("source", 0),
        Sort("publisher", 1),
        Sort("published", 2, key=lambda e: str(e.published or e.year or "") or None),
        Sort("language", 3),
        Sort("source-kind", 4),
    ),
}


# the words table-filter.js shows, as labels filter-<key> of data/site.yml
WORDS = ("all", "reset", "none", "clear", "more")


def _present(values: Iterable[str | int | None]) -> list[str]:
    return sorted({str(value) for value in values if value is not None})


def _option_name(table_filter: Filter, value: str, renderer: PageContext) -> str:
    if table_filter.ref:
        return renderer.name_of(table_filter.ref, value)
    if table_filter.label_prefix:
        return renderer.fmt.label(table_filter.label_prefix + value)
    return value


def _row_text(row: dict[str, list[str]], filters: tuple[Filter, ...], renderer: PageContext) -> str:
    """The names of a row's filter values (its municipalities, organisations, models, ...):
    the search box finds a row by them, shown in a column or not (issue 12)."""
    names = [_option_name(f, value, renderer) for f in filters for value in row[f.id]]
    return " ".join(dict.fromkeys(names))


def table_spec(kind: str, entities: list[Any], renderer: PageContext) -> dict[str, Any]:
    """The filters, sortable columns and each row's values of one overview table."""
    filters = FILTERS.get(kind, ())
    rows: list[dict[str, Any]] = [
        {f.id: _present(f.values(entity, renderer)) for f in filters} for entity in entities
    ]
    for row in rows:
        row["text"] = _row_text(row, filters, renderer)
    options = [
        {
            "id": f.id,
            "label": renderer.fmt.label(f.id),
            "options": {
                value: _option_name(f, value, renderer)
                for value in _present(v for row in rows for v in row[f.id])
            },
        }
        for f in filters
    ]
    sorts = [
        {
            "id": s.id,
            "column": s.column,
            **({"keys": [s.key(entity) for entity in entities]} if s.key else {}),
        }
        for s in SORTS.get(kind, ())
    ]
    words = {key: renderer.fmt.label(f"filter-{key}") for key in WORDS}
    # issue 22: the rows to take along, for the file of the rows on screen (table-download.js)
    download = download_spec(kind, entities, renderer, _up(renderer))
    return {"filters": options, "sorts": sorts, "rows": rows, "words": words, "download": download}


def table_spec_json(kind: str, entities: list[Any], renderer: PageContext) -> Markup:
    """The table's spec as JSON for a data block (not code: the CSP does not apply to it)."""
    return script_json(table_spec(kind, entities, renderer))


# issue 12: each overview's rows as files to take along, in site/data/ (familyhub/downloads/)
DOWNLOADS_FOLDER = "data"


def download_name(kind: str, lang: str, extension: str) -> str:
    """The file of one overview's rows in one language, e.g. partnerships-da.csv."""
    return f"{FOLDER_OF_KIND[kind]}-{lang}.{extension}"


def _up(renderer: PageContext) -> str:
    """From an overview (<language root>/<folder>/index.html) up to the site's root."""
    return "../" * (1 if renderer.lang == renderer.hub.site.default_language else 2)


def download_href(kind: str, extension: str, renderer: PageContext) -> Markup:
    """From the overview (<language root>/<folder>/index.html) to its file in site/data/: a
    path made of ids, not data text, so it is put in the page as it is."""
    name = download_name(kind, renderer.lang, extension)
    return Markup("{}{}/{}").format(_up(renderer), DOWNLOADS_FOLDER, name)


def table_helpers(renderer: PageContext) -> dict[str, Any]:
    """Template helpers of the overview tables."""
    return {
        "table_spec_json": lambda kind, entities: table_spec_json(kind, entities, renderer),
        "download_href": lambda kind, extension: download_href(kind, extension, renderer),
    }
