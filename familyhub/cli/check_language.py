"""The YAML mistakes said in the editor's language: `familyhub check --lang da`, or a terminal set
to Danish or Norwegian ($LC_ALL, $LC_MESSAGES or $LANG), gets them from the labels of
data/site.yml (`check-…`); any other message, and any language without them, stays English."""

from __future__ import annotations

import os
import re
from functools import cache

from familyhub.data import yaml_errors
from familyhub.data.problems import Problem
from familyhub.data.site_config import SiteConfig
from familyhub.data.yaml_lines import NOT_UTF8, WRITTEN_TWICE

# label in data/site.yml -> the English message it translates, {name} where the message varies
TEMPLATES = {
    "check-tab": yaml_errors.TAB,
    "check-indentation": yaml_errors.INDENTATION,
    "check-colon-in-text": yaml_errors.COLON_IN_TEXT,
    "check-unclosed-quote": yaml_errors.UNCLOSED_QUOTE,
    "check-no-space-after-colon": yaml_errors.NO_SPACE_AFTER_COLON,
    "check-unclosed-bracket": yaml_errors.UNCLOSED_BRACKET,
    "check-bad-first-character": yaml_errors.BAD_FIRST_CHARACTER,
    "check-control-character": yaml_errors.CONTROL_CHARACTER,
    "check-unreadable": yaml_errors.UNREADABLE,
    "check-not-utf8": NOT_UTF8,
    "check-written-twice": WRITTEN_TWICE,
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def editor_language(requested: str | None, site: SiteConfig | None) -> str | None:
    """The language asked for, else the terminal's when the site has it (da_DK.UTF-8 -> da)."""
    if requested or site is None:
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in {language.code for language in site.languages} else None
    return None


def in_language(
    problems: list[Problem], site: SiteConfig | None, code: str | None
) -> list[Problem]:
    if site is None or code is None or code not in {lang.code for lang in site.languages}:
        return problems
    labels = site.language(code).labels
    return [_translated(problem, labels) for problem in problems]


def _translated(problem: Problem, labels: dict[str, str]) -> Problem:
    for key, template in TEMPLATES.items():
        match = _pattern(template).fullmatch(problem.message)
        if match and key in labels:
            message = labels[key].format(**match.groupdict())
            return Problem(problem.path, problem.line, problem.field, message)
    return problem


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The template as a pattern: each {name} a group, a name given twice the same text."""
    regex, seen = "", set()
    for index, part in enumerate(PLACEHOLDER.split(template)):
        if index % 2 == 0:
            regex += re.escape(part)
        else:
            regex += f"(?P={part})" if part in seen else f"(?P<{part}>.+?)"
            seen.add(part)
    return re.compile(regex)
