"""YAML with line numbers: a safe loader that refuses a key given twice, the reader that turns
every failure into a Problem, and the line of any field for the messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from familyhub.data.problems import WHOLE_FILE, Problem, display
from familyhub.data.yaml_errors import UNREADABLE, control_character, yaml_mistake

# a field's name, also one glued to its value (status:active), not an address's https://
KEY_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?![/:])")
MAX_FILE_BYTES = 1_000_000
NOT_UTF8 = (
    "not saved as UTF-8 (this line has a letter such as æ, ø or å in another encoding):"
    " save the file as UTF-8 (in VS Code: click the encoding in the status bar,"
    " Save with Encoding, UTF-8)"
)
WRITTEN_TWICE = "{key} is written twice: keep only one"
EXPECTED_FIELDS = "expected fields, one per line, such as id: aarhus-home-start"
NOT_FIELDS = {
    type(None): "an empty file",
    str: "only a text",
    list: "a list",
    int: "only a number",
    float: "only a number",
    bool: "only true or false",
}


class YamlLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe loader that keeps dates as strings, so pydantic reports bad dates with their line,
    and refuses a key given twice (PyYAML would silently keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key_node.value}' appears twice", key_node.start_mark
                )
            seen.add(key_node.value)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path, data_dir: Path, problems: list[Problem]) -> Any:
    shown = display(path, data_dir)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(shown, 1, WHOLE_FILE, f"larger than {MAX_FILE_BYTES} bytes"))
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, 0, WHOLE_FILE, f"cannot read file ({error.strerror})"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(Problem(shown, line, WHOLE_FILE, NOT_UTF8))
        return None
    try:
        document = yaml.load(text, Loader=YamlLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as error:
        if isinstance(error, yaml.constructor.ConstructorError):  # a key given twice
            line = error.problem_mark.line + 1 if error.problem_mark else 1
            message = WRITTEN_TWICE.format(key=key_near(text, line))
        else:
            line, message = yaml_mistake(text, error)
        problems.append(Problem(shown, line, key_near(text, line), message))
        return None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = control_character(error.character)
        problems.append(Problem(shown, line, key_near(text, line), message))
        return None
    except yaml.YAMLError:
        problems.append(Problem(shown, 1, WHOLE_FILE, UNREADABLE))
        return None
    if not isinstance(document, dict):
        found = NOT_FIELDS.get(type(document), "something else")
        problems.append(Problem(shown, 1, WHOLE_FILE, f"{EXPECTED_FIELDS}, found {found}"))
        return None
    return document


def key_near(text: str, line: int) -> str:
    """The YAML key on or above a line, to name a field even where the syntax is broken."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        match = KEY_LINE.match(lines[number - 1])
        if match:
            return match.group(1)
    return WHOLE_FILE


def line_of(path: Path, loc: tuple[Any, ...]) -> int:
    """Line (1-based) of the deepest node of `loc` present in the file; 1 if none is."""
    return _deepest(path, loc)[0]


def scalar_text(path: Path, loc: tuple[Any, ...]) -> str | None:
    """The value at `loc` as the file writes it (300.000, which YAML reads as 300.0)."""
    _, node, found = _deepest(path, loc)
    return node.value if found and isinstance(node, yaml.ScalarNode) else None


def _deepest(path: Path, loc: tuple[Any, ...]) -> tuple[int, Any, bool]:
    """(line, node, whether the whole of loc was found) of the deepest node of loc."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=YamlLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 1, None, False
    if node is None:
        return 1, None, False
    line = node.start_mark.line + 1
    for part in loc:
        child = _child_node(node, part)
        if child is None:
            return line, node, False
        key_node, node = child
        line = (key_node or node).start_mark.line + 1
    return line, node, True


def _child_node(node: yaml.Node, part: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None
