"""PyYAML's syntax errors in an editor's words, at the line where the mistake is.

PyYAML names the block it was reading ("while parsing a block mapping on line 3") and where it
gave up ("noticed on line 6"); the mistake an editor makes (a space too many, a tab, a quote not
closed, a colon inside a text, no space after a colon) is on neither line for certain, so each
kind is looked for. No message repeats PyYAML's own words ("scalar", "token", "block mapping").
"""

from __future__ import annotations

import re

import yaml

TAB_INDENT = re.compile(r"^ *\t")
# a key, then a value that opens a quote it does not close on the same line
OPEN_QUOTE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+([\"'])(?!.*\1\s*$)")
VALUE_WITH_COLON = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+[^\"'].*:\s")
# a field name glued to its value (status:active); not an address's "https://"
NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?=[^\s/:])(.*)$")

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
NO_SPACE_AFTER_COLON = "no space after the colon of {key}: write {key}: {value}"
UNCLOSED_BRACKET = (
    "a {opening} opened on this line is not closed: end it with {closing} on the same line"
)
BAD_FIRST_CHARACTER = (
    'a text cannot begin with {char}: put the whole text in quotes, such as en: "{char}…"'
)
CONTROL_CHARACTER = (
    "this line holds an invisible control character ({code}), often copied from a PDF or a"
    " word processor: delete it, or type the text again"
)
UNREADABLE = (
    "the file cannot be read from this line on: check the spaces at the start of this line and"
    " the one above, that each field name is followed by a colon and a space, and that every"
    " quote and bracket opened is closed"
)
BRACKETS = {"sequence": ("[", "]"), "mapping": ("{", "}")}


def yaml_mistake(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) of a YAML syntax error."""
    lines = text.splitlines()
    noticed = error.problem_mark.line + 1 if error.problem_mark else 1
    opened = error.context_mark.line + 1 if error.context_mark else noticed
    problem, context = str(error.problem or ""), str(error.context or "")
    first, last = min(opened, noticed), max(opened, noticed)
    tab = _first(lines, first, last, TAB_INDENT)
    if tab is not None and ("tab" in problem or "'\\t'" in problem):
        return tab, TAB
    quote = _first(lines, first, last, OPEN_QUOTE)
    if quote is not None and ("expected" in problem or "end of stream" in problem):
        return quote, UNCLOSED_QUOTE
    if "quoted scalar" in context:
        return opened, UNCLOSED_QUOTE
    glued = _glued_key(lines, problem, first, noticed)
    if glued is not None:
        return glued
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = BRACKETS["sequence" if "sequence" in context else "mapping"]
        return opened, UNCLOSED_BRACKET.format(opening=opening, closing=closing)
    if "cannot start any token" in problem and error.problem_mark:
        line = lines[noticed - 1] if noticed <= len(lines) else ""
        char = line[error.problem_mark.column : error.problem_mark.column + 1] or "?"
        return noticed, BAD_FIRST_CHARACTER.format(char=char)
    return _layout_mistake(lines, problem, context, opened, noticed)


def control_character(code_point: int) -> str:
    return CONTROL_CHARACTER.format(code=f"U+{code_point:04X}")


def _glued_key(lines: list[str], problem: str, first: int, noticed: int) -> tuple[int, str] | None:
    """`status:active`: YAML reads it as a text, and stumbles on the line after it."""
    if not (problem.startswith(("could not find expected ':'", "mapping values are not allowed"))):
        return None
    for number in range(max(min(first, noticed - 1), 1), min(noticed, len(lines)) + 1):
        match = NO_SPACE.match(lines[number - 1])
        if match:
            key, value = match.group(1), match.group(2).strip()
            return number, NO_SPACE_AFTER_COLON.format(key=key, value=value)
    return None


def _layout_mistake(
    lines: list[str], problem: str, context: str, opened: int, noticed: int
) -> tuple[int, str]:
    if problem.startswith("mapping values are not allowed"):
        if noticed <= len(lines) and VALUE_WITH_COLON.match(lines[noticed - 1]):
            return noticed, COLON_IN_TEXT
        return noticed, INDENTATION
    if problem.startswith(
        ("did not find expected key", "did not find expected '-' indicator", "expected <block end>")
    ):
        return _misaligned(lines, noticed), INDENTATION
    if "alias" in problem or "alias" in context:
        return noticed, BAD_FIRST_CHARACTER.format(char="*")
    if "anchor" in context:
        return opened, BAD_FIRST_CHARACTER.format(char="&")
    return opened, UNREADABLE


def _misaligned(lines: list[str], noticed: int) -> int:
    """The line YAML stumbled on, or the one above it when that one went four spaces in where
    two were meant (`name:` then `    da:` then `  en:`): the later line is the one in step."""
    above = [n for n in range(noticed - 1, 0, -1) if lines[n - 1].strip()][:2]
    if noticed > len(lines) or len(above) < 2:
        return noticed
    here, previous, parent = (_indent(lines[n - 1]) for n in (noticed, *above))
    if here % 2 == 0 and parent < here < previous and previous - parent != 2:
        return above[0]
    return noticed


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _first(lines: list[str], first: int, last: int, pattern: re.Pattern[str]) -> int | None:
    for number in range(first, min(last, len(lines)) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return None
