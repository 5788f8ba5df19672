"""Whether data/site.yml names a real publisher: a deployment must say who answers for it."""

from __future__ import annotations

from pathlib import Path

from familyhub.data.problems import Problem
from familyhub.data.site_config import PUBLISHER_FIELDS, SiteConfig
from familyhub.data.yaml_lines import line_of


def publisher_problems(site: SiteConfig, path: Path, shown: str) -> list[Problem]:
    """Each language's missing publisher fields, and example data, as `path:line: field`."""
    problems = []
    for index, language in enumerate(site.languages):
        publisher = language.publisher
        where = ("languages", index, "publisher")
        field = f"languages.{language.code}.publisher"
        if publisher.example:
            line = line_of(path, (*where, "example"))
            message = "is the example publisher: name the real publisher and remove 'example'"
            problems.append(Problem(shown, line, f"{field}.example", message))
        for name in PUBLISHER_FIELDS:
            if not getattr(publisher, name):
                line = line_of(path, (*where, name))
                problems.append(Problem(shown, line, f"{field}.{name}", "missing"))
    return problems
