"""Loading data/: YAML files -> validated models, every failure as `path:line: field: message`."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from familyhub.models import KINDS, PATTERN_HINTS, Record, RefTo, SiteConfig, Source
from familyhub.todo import MARKER, todo_locations

# The "field" of a problem that concerns the file as a whole (not YAML, empty, unreadable).
WHOLE_FILE = "(file)"
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)")
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SITE_CONFIG_FILE = "site.yml"
MAX_FILE_BYTES = 1_000_000


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
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


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised with every problem found in data/; never partial results."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Hub:
    """Everything in data/, validated: entities by kind, then by id, in id order."""

    site: SiteConfig
    entities: dict[str, dict[str, Any]]
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    data_dir: Path = DEFAULT_DATA_DIR

    def get(self, kind: str, entity_id: str) -> Any:
        return self.entities[kind][entity_id]

    def all(self, kind: str) -> list[Any]:
        return list(self.entities[kind].values())

    def file_of(self, kind: str, entity_id: str) -> Path:
        return self.files[(kind, entity_id)]

    @property
    def sources(self) -> dict[str, Source]:
        return self.entities["source"]

    def count(self) -> int:
        return sum(len(by_id) for by_id in self.entities.values())


def data_dir_from_env() -> Path:
    return Path(os.environ.get("FAMILYHUB_DATA") or DEFAULT_DATA_DIR)


def data_dir_beside(config_file: Path) -> Path:
    """The data a build of config_file (mkdocs.yml) reads: $FAMILYHUB_DATA, else data/ beside it."""
    return Path(os.environ.get("FAMILYHUB_DATA") or Path(config_file).resolve().parent / "data")


# path -> ((content digest, languages), entity): files already validated, for load_hub's `cache`
EntityCache = dict[Path, tuple[tuple[bytes, tuple[str, ...]], Record]]


def load_hub(data_dir: Path | None = None, cache: EntityCache | None = None) -> Hub:
    """Load and validate every file; raise DataError listing all problems.

    With a `cache` (kept by a long-lived process such as `mkdocs serve`, or on disk by
    familyhub.entity_store), a file whose content was validated before is not parsed again;
    references are always checked anew.
    """
    data_dir = Path(data_dir or data_dir_from_env())
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), 0, WHOLE_FILE, "data folder not found")])
    site = _load_site_config(data_dir, problems)
    if site is None:
        raise DataError(problems)
    hub = Hub(site, {kind: {} for kind, _ in KINDS.values()}, {}, data_dir)
    # ids of files that failed: references to them are not reported a second time
    unreadable: set[tuple[str, str]] = set()
    for path, kind, model in _data_files(data_dir, problems):
        entity = _load_cached(path, data_dir, model, {"languages": site.codes}, problems, cache)
        if entity is None:
            unreadable.add((kind, path.stem))
        else:
            problems.extend(_add_entity(hub, kind, entity, path))
    problems.extend(_dangling_references(hub, unreadable))
    problems.extend(_consistency_problems(hub))
    if problems:
        raise DataError(problems)
    for kind, by_id in hub.entities.items():
        hub.entities[kind] = dict(sorted(by_id.items()))
    return hub


def load_site_config(data_dir: Path) -> SiteConfig:
    """Only data/site.yml (languages and labels), for steps that need none of the entities."""
    problems: list[Problem] = []
    site = _load_site_config(Path(data_dir), problems)
    if site is None:
        raise DataError(problems)
    return site


def _add_entity(hub: Hub, kind: str, entity: Record, path: Path) -> list[Problem]:
    shown = _display(path, hub.data_dir)
    problems = []
    if entity.id != path.stem:
        message = f"id '{entity.id}' differs from the file name '{path.stem}'"
        problems.append(Problem(shown, _line_of(path, ("id",)), "id", message))
    if entity.id in hub.entities[kind]:
        first = _display(hub.file_of(kind, entity.id), hub.data_dir)
        message = f"duplicate id '{entity.id}' (also in {first})"
        problems.append(Problem(shown, _line_of(path, ("id",)), "id", message))
    else:
        hub.entities[kind][entity.id] = entity
        hub.files[(kind, entity.id)] = path
    return problems


def _display(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(data_dir.parent))
    except ValueError:
        return str(path)


def _data_files(
    data_dir: Path, problems: list[Problem]
) -> Iterator[tuple[Path, str, type[Record]]]:
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith(".") or entry.name == SITE_CONFIG_FILE:
            continue
        shown = _display(entry, data_dir)
        if entry.name not in KINDS or not entry.is_dir():
            problems.append(
                Problem(
                    shown,
                    0,
                    WHOLE_FILE,
                    f"unexpected entry; data/ holds {SITE_CONFIG_FILE} "
                    f"and the folders {', '.join(KINDS)}",
                )
            )
            continue
        kind, model = KINDS[entry.name]
        for path in sorted(entry.iterdir()):
            if path.name.startswith("."):
                continue
            if path.suffix != ".yml" or not path.is_file():
                problems.append(
                    Problem(
                        _display(path, data_dir),
                        0,
                        WHOLE_FILE,
                        "unexpected entry; each entity is one .yml file",
                    )
                )
                continue
            yield path, kind, model


def _read_yaml(path: Path, data_dir: Path, problems: list[Problem]) -> Any:
    shown = _display(path, data_dir)
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
        problems.append(Problem(shown, line, WHOLE_FILE, f"not UTF-8 text ({error.reason})"))
        return None
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as error:
        # an unclosed bracket or quote is reported where parsing gave up; the editor wants to
        # see where it was opened (the context), so that line leads when there is one
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 if mark else 1
        message = f"invalid YAML: {error.problem or error}"
        if error.context_mark and error.problem_mark:
            message += (
                f" ({error.context} on line {line}; noticed on line {error.problem_mark.line + 1})"
            )
        problems.append(Problem(shown, line, _key_near(text, line), message))
        return None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = f"invalid YAML: character {chr(error.character)!r} is not allowed"
        problems.append(Problem(shown, line, _key_near(text, line), message))
        return None
    except yaml.YAMLError as error:
        message = "invalid YAML: " + " ".join(str(error).split())
        problems.append(Problem(shown, 1, WHOLE_FILE, message))
        return None
    if not isinstance(document, dict):
        found = "an empty file" if document is None else f"a {type(document).__name__}"
        problems.append(
            Problem(shown, 1, WHOLE_FILE, f"expected a mapping of fields, found {found}")
        )
        return None
    return document


def _key_near(text: str, line: int) -> str:
    """The YAML key on or above a line, to name a field even where the syntax is broken."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        match = _KEY_LINE.match(lines[number - 1])
        if match:
            return match.group(1)
    return WHOLE_FILE


def _load_site_config(data_dir: Path, problems: list[Problem]) -> SiteConfig | None:
    path = data_dir / SITE_CONFIG_FILE
    if not path.is_file():
        problems.append(
            Problem(_display(path, data_dir), 0, WHOLE_FILE, "site configuration missing")
        )
        return None
    document = _read_yaml(path, data_dir, problems)
    if document is None:
        return None
    try:
        site = SiteConfig.model_validate(document)
    except ValidationError as error:
        problems.extend(_problems_from(error, document, path, data_dir))
        return None
    site_problems = _site_config_problems(site, path, data_dir)
    problems.extend(site_problems)
    return None if site_problems else site


def _site_config_problems(site: SiteConfig, path: Path, data_dir: Path) -> list[Problem]:
    shown = _display(path, data_dir)
    problems = []
    if site.default_language not in site.codes:
        problems.append(
            Problem(
                shown,
                _line_of(path, ("default_language",)),
                "default_language",
                f"'{site.default_language}' is not among the languages",
            )
        )
    reference = set(site.languages[0].labels)
    for index, language in enumerate(site.languages):
        for key in sorted(reference ^ set(language.labels)):
            loc = ("languages", index, "labels")
            problems.append(
                Problem(
                    shown,
                    _line_of(path, loc),
                    _field_name(loc),
                    f"label '{key}' missing in one of the languages",
                )
            )
    return problems


def _load_cached(
    path: Path,
    data_dir: Path,
    model: type[Record],
    context: dict[str, Any],
    problems: list[Problem],
    cache: EntityCache | None,
) -> Record | None:
    if cache is None:
        return _load_entity(path, data_dir, model, context, problems)
    try:
        # the content, not the modification time: two saves within one clock tick differ too
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return _load_entity(path, data_dir, model, context, problems)  # it reports the error
    key = (digest, tuple(context["languages"]))
    cached = cache.get(path)
    if cached is not None and cached[0] == key and isinstance(cached[1], model):
        return cached[1]
    entity = _load_entity(path, data_dir, model, context, problems)
    if entity is None:
        cache.pop(path, None)
    else:
        cache[path] = (key, entity)
    return entity


def _load_entity(
    path: Path,
    data_dir: Path,
    model: type[Record],
    context: dict[str, Any],
    problems: list[Problem],
) -> Record | None:
    document = _read_yaml(path, data_dir, problems)
    if document is None:
        return None
    todos = _todo_problems(path, data_dir)
    if todos:  # a skeleton of `familyhub new` being filled in: the TODOs are the news
        problems.extend(todos)
        return None
    try:
        return model.model_validate(document, context=context)
    except ValidationError as error:
        problems.extend(_problems_from(error, document, path, data_dir))
        return None


def _todo_problems(path: Path, data_dir: Path) -> list[Problem]:
    shown = _display(path, data_dir)
    return [
        Problem(shown, line, _field_name(loc), f"replace {MARKER} with the real value")
        for line, loc in todo_locations(path.read_text(encoding="utf-8"))
    ]


def _problems_from(
    error: ValidationError, document: Any, path: Path, data_dir: Path
) -> list[Problem]:
    problems: dict[tuple[int, str], Problem] = {}
    for detail in error.errors(include_url=False):
        loc = _document_loc(document, tuple(detail["loc"]), detail["type"])
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = "unknown field"
        elif detail["type"] == "missing":
            message = "required field missing"
        elif detail["type"] == "string_type" and detail.get("input") is None:
            message = "empty: write the text after the colon"  # pydantic: "a valid string"
        elif detail["type"] == "string_pattern_mismatch":
            message = _pattern_message(detail["ctx"]["pattern"], detail["input"], message)
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        line = _line_of(path, loc)
        # a union (int or float, a date or nothing) reports once per member: keep the first
        problems.setdefault(
            (line, _field_name(loc)),
            Problem(_display(path, data_dir), line, _field_name(loc), message),
        )
    return list(problems.values())


def _pattern_message(pattern: str, value: str, fallback: str) -> str:
    """'dansk': write a language code … instead of pydantic's regular expression."""
    hint = PATTERN_HINTS.get(pattern)
    if hint is None:
        return fallback
    shown = value if len(value) <= 40 else value[:40] + "…"
    return f"write {hint}, not {shown!r}"


def _document_loc(document: Any, loc: tuple[Any, ...], error_type: str) -> tuple[Any, ...]:
    """The part of pydantic's location that names keys and indexes of the document.

    Pydantic adds the names of union members and validators ('int', 'function-after[...]');
    those are not fields. A missing field is kept by name, as the last part.
    """
    kept: list[Any] = []
    current = document
    for position, part in enumerate(loc):
        if _has_child(current, part):
            kept.append(part)
            current = current[part]
        elif error_type == "missing" and position == len(loc) - 1:
            kept.append(part)
    return tuple(kept)


def _has_child(container: Any, part: Any) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or WHOLE_FILE


def _line_of(path: Path, loc: tuple[Any, ...]) -> int:
    """Line (1-based) of the deepest node of `loc` present in the file; 1 if none is."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 1
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for part in loc:
        child = _child_node(node, part)
        if child is None:
            break
        key_node, node = child
        line = (key_node or node).start_mark.line + 1
    return line


def _child_node(node: yaml.Node, part: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None


def _dangling_references(hub: Hub, unreadable: set[tuple[str, str]]) -> list[Problem]:
    problems = []
    for kind, by_id in hub.entities.items():
        for entity_id, entity in by_id.items():
            for loc, target_kind, target_id in entity_references(entity):
                known = target_id in hub.entities[target_kind]
                if not known and (target_kind, target_id) not in unreadable:
                    path = hub.file_of(kind, entity_id)
                    problems.append(
                        Problem(
                            _display(path, hub.data_dir),
                            _line_of(path, loc),
                            _field_name(loc),
                            f"no {target_kind} with id '{target_id}'",
                        )
                    )
    return problems


def _consistency_problems(hub: Hub) -> list[Problem]:
    """What each entity finds wrong across entities (Record.consistency_problems)."""
    problems = []
    for kind, by_id in hub.entities.items():
        for entity_id, entity in by_id.items():
            for loc, message in entity.consistency_problems(hub.entities):
                path = hub.file_of(kind, entity_id)
                shown = _display(path, hub.data_dir)
                problems.append(Problem(shown, _line_of(path, loc), _field_name(loc), message))
    return problems


Reference = tuple[tuple[Any, ...], str, str]  # (location in the entity, kind, id)


def entity_references(entity: Record) -> tuple[Reference, ...]:
    """Every reference of one entity; walked once (the entity store keeps the result)."""
    if entity._references is None:
        entity._references = tuple(references(entity, ()))
    return entity._references


def references(value: Any, loc: tuple[Any, ...]) -> Iterator[Reference]:
    """Every (location, kind, id) that a model refers to, found through RefTo markers."""
    if isinstance(value, BaseModel):
        for name, target in _reference_fields(type(value)):
            field_value = getattr(value, name)
            if target and isinstance(field_value, str):
                yield (*loc, name), target, field_value
            elif target and isinstance(field_value, list):
                for index, item in enumerate(field_value):
                    yield (*loc, name, index), target, item
            else:
                yield from references(field_value, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from references(item, (*loc, index))


@functools.cache
def _reference_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    hints = typing.get_type_hints(model, include_extras=True)
    return tuple((name, _ref_kind(hints[name])) for name in model.model_fields)


def _ref_kind(hint: Any) -> str | None:
    """The kind a type hint refers to, looking through Optional, list and Annotated."""
    for metadata in getattr(hint, "__metadata__", ()):
        if isinstance(metadata, RefTo):
            return metadata.kind
    for argument in typing.get_args(hint):
        found = _ref_kind(argument)
        if found:
            return found
    return None
