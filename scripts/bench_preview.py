"""`make bench`, the editor's preview: `make serve` on a copy of a data set, then one partnership
renamed several times; seconds from each save until the served page shows it (issue 15, item 5).

Each save waits until the previous one's search index and downloads, made in the background, are
done: an editor's next save rarely comes sooner, and the figure is the preview's, not a race."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SERVING = "Serving on"
BACKGROUND_DONE = ("familyhub: search index updated", "familyhub: downloads updated")
TIMEOUT_SECONDS = 600


def make_serve() -> list[str]:
    """The command `make serve` runs, as the Makefile has it."""
    dry_run = subprocess.run(
        ["make", "--dry-run", "--silent", "serve"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    program, *arguments = shlex.split(dry_run.stdout.strip().splitlines()[-1])
    return [str(ROOT / program), *arguments]


def measure(project: Path, data_dir: Path, work: Path, saves: int) -> dict[str, Any]:
    """First build and save -> page shown (median of `saves`), in seconds, of `make serve`."""
    data = work / "preview-data"
    shutil.copytree(data_dir, data, symlinks=False)
    link = project / "data"
    if link.is_symlink():
        # the bench's project links the data set; an editor's preview watches one data folder,
        # not the set and its copy (MkDocs polls every watched file twice a second)
        link.unlink()
        link.symlink_to(data)
    edited = sorted((data / "partnerships").glob("*.yml"))[0]
    original = yaml.safe_load(edited.read_text(encoding="utf-8"))
    log_file = work / "preview.log"
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "FAMILYHUB_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    started = time.monotonic()
    with log_file.open("w") as log:
        server = subprocess.Popen(
            [*make_serve(), "--dev-addr", address],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait(lambda: SERVING in log_file.read_text(), server, log_file)
            first_build = time.monotonic() - started
            shown = []
            for save in range(saves):
                _wait(lambda done=save + 1: _background_done(log_file) >= done, server, log_file)
                marker = f"Preview {save + 1}"
                _rename(edited, original, marker)
                saved = time.monotonic()
                url = f"http://{address}/partnerships/{edited.stem}.html"
                _wait(lambda url=url, marker=marker: marker in _page(url), server, log_file)
                shown.append(time.monotonic() - saved)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return {"first build": first_build, "save to page shown": statistics.median(shown)}


def _rename(path: Path, original: dict[str, Any], marker: str) -> None:
    """The partnership's Danish name with `marker` in front: its page, the overview and every
    page that links it change."""
    document = dict(original)
    name = document["name"]
    if isinstance(name, dict):
        document["name"] = {**name, "da": f"{marker} {name['da']}"}
    else:
        document["name"] = f"{marker} {name}"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def _background_done(log_file: Path) -> int:
    """How many builds' background work (search index and downloads) has finished."""
    text = log_file.read_text()
    return min(text.count(line) for line in BACKGROUND_DONE)


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback http)
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait(condition: Any, server: subprocess.Popen[bytes], log_file: Path) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"bench: make serve failed or hung:\n{log_file.read_text()[-3000:]}")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
