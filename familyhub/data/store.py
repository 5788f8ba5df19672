"""What a build keeps on disk between processes: validated entities and rendered pages.

Each `mkdocs build` (and so `make site`, a restarted `make serve`, the benchmark's builds) is a
fresh process. Without this store each one parses and validates every YAML file and renders every
page again: seconds at national scale. With it, a build validates only the files whose content
changed, and renders nothing when no input of the pages changed.

The store lives in `.cache/familyhub/` beside the data folder (git-ignored), two files per data
folder. Entities are read only if written by the same schema (familyhub/data/), pydantic and
Python; pages only if every input of the renderer is the same. Anything unreadable is ignored,
never an error: the store only saves time. FAMILYHUB_CACHE=off turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import pydantic

from familyhub.data import models
from familyhub.data.load import EntityCache, Hub

SWITCH = "FAMILYHUB_CACHE"
PACKAGE = Path(__file__).resolve().parents[1]


def enabled() -> bool:
    return os.environ.get(SWITCH, "on").lower() not in {"off", "0", "no", "false"}


def store_file(data_dir: Path, what: str) -> Path:
    data_dir = data_dir.resolve()
    name = hashlib.blake2b(str(data_dir).encode(), digest_size=8).hexdigest()
    return data_dir.parent / ".cache" / "familyhub" / f"{what}-{data_dir.name}-{name}.pickle"


def read_entities(data_dir: Path) -> EntityCache:
    """What an earlier process validated, or nothing when there is no usable store."""
    cache = _read(store_file(data_dir, "entities"), _schema_version())
    return cache if isinstance(cache, dict) else {}


def write_entities(data_dir: Path, cache: EntityCache) -> None:
    """Keep the entities of the files still in data_dir."""
    kept = {path: entry for path, entry in cache.items() if path.is_file()}
    _write(store_file(data_dir, "entities"), _schema_version(), kept)


def read_pages(hub: Hub, cache: EntityCache) -> Any:
    """The pages an earlier process rendered from exactly these inputs, else None."""
    pages = _read(store_file(hub.data_dir, "pages"), _render_inputs(hub, cache))
    return pages if isinstance(pages, dict) else None


def write_pages(hub: Hub, cache: EntityCache, pages: object) -> None:
    _write(store_file(hub.data_dir, "pages"), _render_inputs(hub, cache), pages)


def _read(path: Path, version: str) -> Any:
    if not enabled():
        return None
    try:
        with path.open("rb") as file:
            # written by familyhub itself into the project's own git-ignored folder: as
            # trusted as the code that reads it
            stored_version, value = pickle.load(file)  # noqa: S301
    except Exception:  # a missing, partial or foreign file only costs the time it would save
        return None
    return value if stored_version == version else None


def _write(path: Path, version: str, value: Any) -> None:
    """Atomic, and silent when it cannot write: the store only saves time."""
    if not enabled():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump((version, value), file, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _schema_version() -> str:
    # the schema spans several modules of the data stage: any of them may change what validates
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(models.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return f"{digest.hexdigest()}-pydantic{pydantic.VERSION}-python{sys.version_info[:2]}"


def _render_inputs(hub: Hub, cache: EntityCache) -> str:
    """A digest of everything the pages are made from: the content of every data file (from the
    entity cache's keys), site.yml, and familyhub's code and templates."""
    digest = hashlib.blake2b(_schema_version().encode(), digest_size=16)
    for path in sorted(hub.files.values()):
        digest.update(str(path).encode())
        digest.update(cache[path][0][0] if path in cache else os.urandom(16))
    digest.update((hub.data_dir / "site.yml").read_bytes())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".css", ".yml"}:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
