"""PyYAML's syntax errors in an editor's words, at the line where the mistake is.

PyYAML names the block it was reading ("while parsing a block mapping on line 3") and where it
gave up ("noticed on line 6"); the mistake an editor makes (a space too many, a tab, a quote not
closed, a colon inside a text) is on neither line for certain, so each kind is looked for.
"""

from __future__ import annotations

import re

import yaml

TAB_INDENT = re.compile(r"^ *\t")
# a key, then a value that opens a quote it does not close on the same line
OPEN_QUOTE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+([\"'])(?!.*\1\s*$)")
VALUE_WITH_COLON = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+[^\"'].*:\s")

INDENTATION = (
    "this line is not lined up with the fields around it: check the spaces at its start"
    " (a field inside another is indented by two spaces more, and fields of one group"
    " start in the same column)"
)
COLON_IN_TEXT = (
    "a text holds a colon followed by a space: put the whole text in quotes,"
    ' such as en: "Pays: coordinator"'
)
TAB = "a tab at the start of this line: indent with spaces only (two for each level)"
UNCLOSED_QUOTE = "a quote opened on this line is not closed: end the text with the same quote mark"


def yaml_mistake(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) of a YAML syntax error."""
    lines = text.splitlines()
    noticed = error.problem_mark.line + 1 if error.problem_mark else 1
    opened = error.context_mark.line + 1 if error.context_mark else noticed
    problem = str(error.problem or "")
    first, last = min(opened, noticed), max(opened, noticed)
    tab = _first(lines, first, last, TAB_INDENT)
    if tab is not None and ("tab" in problem or "'\\t'" in problem):
        return tab, TAB
    quote = _first(lines, first, last, OPEN_QUOTE)
    if quote is not None and "expected" in problem:
        return quote, UNCLOSED_QUOTE
    if problem.startswith("mapping values are not allowed"):
        if noticed <= len(lines) and VALUE_WITH_COLON.match(lines[noticed - 1]):
            return noticed, COLON_IN_TEXT
        return noticed, INDENTATION
    if problem.startswith("did not find expected key") or problem.startswith(
        "did not find expected '-' indicator"
    ):
        return noticed, INDENTATION
    message = f"invalid YAML: {problem or error}"
    if error.context_mark and error.problem_mark:
        message += f" ({error.context} on line {opened}; noticed on line {noticed})"
    return opened, message


def _first(lines: list[str], first: int, last: int, pattern: re.Pattern[str]) -> int | None:
    for number in range(first, min(last, len(lines)) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return None
