"""The accessibility statement's facts in a language's words (issue 21): the compliance status,
the content that is not accessible yet with its WCAG criterion, the day of the last review, how
to report a barrier to the publisher, and where to complain. Structured as the Danish WAS-Tool's
and uustatus.no's statements are; every fact from data/site.yml, every word from its labels."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from familyhub.data.site_config import Language, SiteConfig
from familyhub.i18n import Formatter
from familyhub.pages.markup import escape_text, named_link
from familyhub.pages.owner import owner

# every value as inert Markdown (labels, the problems' texts, the publisher's words)
_ENV = Environment(
    loader=PackageLoader("familyhub", "templates"),
    autoescape=True,
    finalize=escape_text,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def statement_markdown(site: SiteConfig, language: Language) -> str:
    """The statement's sections as Markdown; nothing where data/site.yml has no statement."""
    statement = site.accessibility
    if statement is None:
        return ""
    fmt = Formatter(language)
    publisher = owner(language, site.default_language)
    contact = publisher.contact
    return _ENV.get_template("accessibility_statement.md.j2").render(
        statement=statement,
        publisher=publisher.name,
        contact=named_link(contact, publisher.contact_href) if publisher.contact_href else contact,
        problems=[
            (
                known.problem[language.code],
                fmt.label("a11y-criterion").format(criterion=known.wcag),
                named_link(fmt.label("a11y-followed-up"), str(known.reference))
                if known.reference
                else None,
            )
            for known in statement.known_problems
        ],
        label=fmt.label,
        reviewed=fmt.date(statement.last_review),
    )
