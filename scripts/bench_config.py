"""mkdocs.yml read and written again for the bench's bare project, its `!!python/...` nodes (the
toc's slugify, issue 23) kept as they are written rather than run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


def load_config(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_KeepTags)  # noqa: S506


def dump_config(config: Any) -> str:
    return yaml.dump(config, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True)


@dataclass(frozen=True)
class _Tagged:
    """A `!!python/...` node of mkdocs.yml (the toc's slugify), carried over as it is written."""

    tag: str
    value: Any


class _KeepTags(yaml.SafeLoader):
    pass


class _KeepTagsDumper(yaml.SafeDumper):
    pass


def _load_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


def _dump_tagged(dumper: yaml.SafeDumper, tagged: _Tagged) -> yaml.Node:
    return dumper.represent_mapping(tagged.tag, tagged.value)


_KeepTags.add_multi_constructor("tag:yaml.org,2002:python/", _load_tagged)
_KeepTagsDumper.add_representer(_Tagged, _dump_tagged)
