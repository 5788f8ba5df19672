"""Who answers for the site, in each language's words: for the footer, the About page and the
PDF cover. Every word comes from data/site.yml; a label missing in a language raises MissingLabel,
which names the file and the label."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from familyhub.data.site_config import Language, SiteConfig
from familyhub.i18n import Formatter
from familyhub.pages.citation import version


@dataclass(frozen=True)
class Owner:
    """One language's publisher and the words that name its parts."""

    published_by: str
    name: str
    example: str | None  # "example: not a real publisher", when it is the example
    contact_label: str
    contact: str
    contact_href: str | None  # mailto: for an e-mail address, nothing for a postal one
    editor_label: str
    editor: str
    licence_label: str
    licence: str
    licence_url: str | None
    contribute: str
    contribute_href: str  # from the site's root: the language's own page
    # issue 12: the data to take along, under the licence (site/data/, familyhub/downloads/)
    data_heading: str
    register: str
    schema: str
    tables: str
    portal: str  # issue 21: datapackage.json and dcat.jsonld, for data portals
    data_href: str  # from the language's root, where the About page is


_ENV = Environment(
    loader=PackageLoader("familyhub", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def owner(language: Language, default_language: str) -> Owner:
    fmt = Formatter(language)
    publisher = language.publisher
    contact = publisher.contact or ""
    root = "" if language.code == default_language else f"{language.code}/"
    return Owner(
        published_by=fmt.label("site-publisher"),
        name=publisher.name or "",
        example=fmt.label("publisher-example") if publisher.example else None,
        contact_label=fmt.label("publisher-contact"),
        contact=contact,
        contact_href=f"mailto:{contact}" if "@" in contact and " " not in contact else None,
        editor_label=fmt.label("publisher-editor"),
        editor=publisher.editor or "",
        licence_label=fmt.label("licence"),
        licence=publisher.licence or "",
        licence_url=str(publisher.licence_url) if publisher.licence_url else None,
        contribute=fmt.label("contribute"),
        contribute_href=f"{root}contribute.html",
        data_heading=fmt.label("download-data"),
        register=fmt.label("download-register"),
        schema=fmt.label("download-schema"),
        tables=fmt.label("download-tables"),
        portal=fmt.label("download-portal"),
        data_href="../data/" if root else "data/",
    )


def owners(site: SiteConfig) -> dict[str, dict[str, str | None]]:
    """Each language's Owner as a dict, for the theme's templates (mkdocs.yml's extra)."""
    return {
        language.code: asdict(owner(language, site.default_language)) for language in site.languages
    }


def about_markdown(language: Language, default_language: str, built: dt.date) -> str:
    """The publisher, contact, editor and licence as the About page lists them, and (issue 22)
    the version and build date of what the reader sees."""
    fmt = Formatter(language)
    template = _ENV.get_template("publisher.md.j2")
    edition = fmt.label("about-version").format(version=version(), date=fmt.date(built))
    return template.render(
        owner=owner(language, default_language),
        edition_label=fmt.label("about-edition"),
        edition=edition,
    )
