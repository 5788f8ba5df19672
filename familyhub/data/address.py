"""data/site.yml's site_url: the address the site is published at, absolute, and not the example
on a release."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from familyhub.data.problems import Problem
from familyhub.data.site_config import SiteConfig
from familyhub.data.yaml_lines import line_of

FIELD = "site_url"
EXAMPLE_FIELD = "site_url_example"


def is_site_address(url: str) -> bool:
    """An absolute http(s) address with a host, and nothing a page address could not follow."""
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not parts.query
        and not parts.fragment
        and not any(character.isspace() for character in url)
    )


def site_address(site: SiteConfig) -> str | None:
    """site_url ending in '/', as page addresses are joined to it; None where it is not set."""
    if site.site_url is None:
        return None
    return site.site_url if site.site_url.endswith("/") else site.site_url + "/"


def address_problems(site: SiteConfig, path: Path, shown: str) -> list[Problem]:
    """A site_url that no page address can start with: wrong in any build."""
    if site.site_url is None or is_site_address(site.site_url):
        return []
    message = (
        f"'{site.site_url}' is not an absolute http(s) address;"
        " write the address the site is published at, e.g. https://familyhub.example.dk/"
    )
    return [Problem(shown, line_of(path, (FIELD,)), FIELD, message)]


def release_address_problems(site: SiteConfig, path: Path, shown: str) -> list[Problem]:
    """A release names where it is published: a missing or example site_url is refused."""
    if site.site_url is None:
        message = "missing: write the address the site is published at"
        return [Problem(shown, 1, FIELD, message)]
    if site.site_url_example:
        message = (
            f"'{site.site_url}' is the example address: write the address the site is published"
            f" at and remove '{EXAMPLE_FIELD}'"
        )
        return [Problem(shown, line_of(path, (FIELD,)), FIELD, message)]
    return []
