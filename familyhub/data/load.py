"""Loading data/: YAML files -> validated models, every failure as `path:line: field: message`."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from familyhub.data.address import address_problems
from familyhub.data.faults import working_on
from familyhub.data.fields import Record
from familyhub.data.kinds import KINDS
from familyhub.data.messages import problems_from
from familyhub.data.models import Source
from familyhub.data.problems import WHOLE_FILE, DataError, Problem, display, field_name
from familyhub.data.references import entity_references
from familyhub.data.site_config import SiteConfig
from familyhub.data.statement import statement_problems
from familyhub.data.terms import TERMS_FILE
from familyhub.data.todo import MARKER, todo_locations
from familyhub.data.yaml_lines import line_of, read_yaml

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SITE_CONFIG_FILE = "site.yml"


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

    def keys(self) -> set[tuple[str, str]]:
        """(kind, id) of every entity."""
        return {(kind, entity_id) for kind, by_id in self.entities.items() for entity_id in by_id}

    def count(self) -> int:
        return sum(len(by_id) for by_id in self.entities.values())


def data_dir_from_env() -> Path:
    return Path(os.environ.get("FAMILYHUB_DATA") or DEFAULT_DATA_DIR)


def data_dir_beside(config_file: Path) -> Path:
    """The data a build of config_file (mkdocs.yml) reads: $FAMILYHUB_DATA, else data/ beside it."""
    return Path(os.environ.get("FAMILYHUB_DATA") or Path(config_file).resolve().parent / "data")


# a file's content digest, the languages its texts must and may have, and the entity read from it
EntityCache = dict[Path, tuple[tuple[bytes, tuple[str, ...], tuple[str, ...]], Record]]


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
        entity = _load_cached(path, data_dir, model, site.text_context, problems, cache)
        if entity is None:
            unreadable.add((kind, path.stem))
        else:
            problems.extend(_add_entity(hub, kind, entity, path))
    problems.extend(_dangling_references(hub, unreadable))
    problems.extend(_consistency_problems(hub))
    problems.extend(_unnamed_source_languages(hub))
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
    shown = display(path, hub.data_dir)
    problems = []
    if entity.id != path.stem:
        message = f"id '{entity.id}' differs from the file name '{path.stem}'"
        problems.append(Problem(shown, line_of(path, ("id",)), "id", message))
    if entity.id in hub.entities[kind]:
        first = display(hub.file_of(kind, entity.id), hub.data_dir)
        message = f"duplicate id '{entity.id}' (also in {first})"
        problems.append(Problem(shown, line_of(path, ("id",)), "id", message))
    else:
        hub.entities[kind][entity.id] = entity
        hub.files[(kind, entity.id)] = path
    return problems


def _data_files(
    data_dir: Path, problems: list[Problem]
) -> Iterator[tuple[Path, str, type[Record]]]:
    for entry in sorted(data_dir.iterdir()):
        if entry.name.startswith(".") or entry.name in (SITE_CONFIG_FILE, TERMS_FILE):
            continue
        shown = display(entry, data_dir)
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
                        display(path, data_dir),
                        0,
                        WHOLE_FILE,
                        "unexpected entry; each entity is one .yml file",
                    )
                )
                continue
            yield path, kind, model


def _load_site_config(data_dir: Path, problems: list[Problem]) -> SiteConfig | None:
    path = data_dir / SITE_CONFIG_FILE
    if not path.is_file():
        problems.append(
            Problem(display(path, data_dir), 0, WHOLE_FILE, "site configuration missing")
        )
        return None
    document = read_yaml(path, data_dir, problems)
    if document is None:
        return None
    try:
        site = SiteConfig.model_validate(document)
    except ValidationError as error:
        problems.extend(problems_from(error, document, path, data_dir, SiteConfig))
        return None
    site_problems = _site_config_problems(site, path, data_dir)
    problems.extend(site_problems)
    return None if site_problems else site


def _site_config_problems(site: SiteConfig, path: Path, data_dir: Path) -> list[Problem]:
    shown = display(path, data_dir)
    problems = []
    if site.default_language not in site.codes:
        problems.append(
            Problem(
                shown,
                line_of(path, ("default_language",)),
                "default_language",
                f"'{site.default_language}' is not among the languages",
            )
        )
    problems.extend(address_problems(site, path, shown))
    problems.extend(statement_problems(site, path, shown))
    reference = set(site.languages[0].labels)
    for index, language in enumerate(site.languages):
        for key in sorted(reference ^ set(language.labels)):
            loc = ("languages", index, "labels")
            problems.append(
                Problem(
                    shown,
                    line_of(path, loc),
                    field_name(loc),
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
    key = (digest, tuple(context["languages"]), tuple(context.get("preparing", ())))
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
    document = read_yaml(path, data_dir, problems)
    if document is None:
        return None
    todos = _todo_problems(path, data_dir)
    if todos:  # a skeleton of `familyhub new` being filled in: the TODOs are the news
        problems.extend(todos)
        return None
    try:
        with working_on("its check", path, data_dir, expected=(ValidationError,)):
            return model.model_validate(document, context=context)
    except ValidationError as error:
        problems.extend(problems_from(error, document, path, data_dir, model))
    except DataError as error:
        problems.extend(error.problems)
    return None


def _todo_problems(path: Path, data_dir: Path) -> list[Problem]:
    shown = display(path, data_dir)
    return [
        Problem(shown, line, field_name(loc), f"replace {MARKER} with the real value")
        for line, loc in todo_locations(path.read_text(encoding="utf-8"))
    ]


def _unnamed_source_languages(hub: Hub) -> list[Problem]:
    """A source's language must have a name in every language of the site (label
    `language-<code>`, data/site.yml), as each source page says which language it is in."""
    problems = []
    for source_id, source in hub.entities.get("source", {}).items():
        unnamed = [
            language.code
            for language in hub.site.languages
            if f"language-{source.language}" not in language.labels
        ]
        if unnamed:
            path = hub.file_of("source", source_id)
            problems.append(
                Problem(
                    display(path, hub.data_dir),
                    line_of(path, ("language",)),
                    "language",
                    f"'{source.language}' has no name in data/site.yml: add the label "
                    f"'language-{source.language}' to the labels of {', '.join(unnamed)}",
                )
            )
    return problems


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
                            display(path, hub.data_dir),
                            line_of(path, loc),
                            field_name(loc),
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
                shown = display(path, hub.data_dir)
                problems.append(Problem(shown, line_of(path, loc), field_name(loc), message))
    return problems
