"""TODO markers left by `familyhub new`: where they are, so `familyhub check` can refuse them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

MARKER = "TODO"


def todo_locations(text: str) -> list[tuple[int, tuple[Any, ...]]]:
    """(line, location) of every value that still holds the marker; comments do not count."""
    if MARKER not in text:
        return []  # nearly every file: composing it would cost as much as loading it again
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # the loader reports broken YAML itself
    return list(_walk(node, ())) if node is not None else []


def _walk(node: yaml.Node, loc: tuple[Any, ...]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    if isinstance(node, yaml.ScalarNode):
        if MARKER in str(node.value):
            yield node.start_mark.line + 1, loc
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _walk(value_node, (*loc, key_node.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, (*loc, index))
