"""`make serve` for editors: a saved data file shows in the preview after one rebuild, not two."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .conftest import default_language_only

BUILT = "Documentation built in"
# a second rebuild, set off by the first one's writes, would start within a second of it
QUIET_SECONDS = 6
TIMEOUT_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` in project; yields its address and its log file."""
    log = project / "serve.log"
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FAMILYHUB_DATA", None)
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(lambda: "Serving on" in log.read_text(), "the first build")
            yield f"http://{address}", log
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def builds(log: Path) -> int:
    return log.read_text().count(BUILT)


def settle(log: Path, after: int | None = None) -> int:
    """Wait until no build has started or ended for QUIET_SECONDS; the number of builds.

    With `after`, first wait for a build beyond that count: on a busy machine the watcher may
    notice a save later than QUIET_SECONDS."""
    if after is not None:
        wait_for(lambda: builds(log) > after, f"a build after build {after}")
    seen, since = builds(log), time.monotonic()
    while time.monotonic() - since < QUIET_SECONDS:
        time.sleep(0.5)
        text = log.read_text()
        if text.count(BUILT) != seen or text.rstrip().endswith("Building documentation..."):
            seen, since = text.count(BUILT), time.monotonic()
    return seen


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_one_edit_costs_one_rebuild_and_shows(project: Path) -> None:
    default_language_only(project)  # the rebuilds are what is counted, not the languages
    case = project / "data" / "cases" / "familiens-hus-esbjerg.yml"
    with serving(project) as (url, log):
        first = settle(log)
        text = case.read_text(encoding="utf-8")
        edited = text.replace('da: "Familiens', 'da: "Rettet i forhåndsvisningen. Familiens', 1)
        assert edited != text
        case.write_text(edited, "utf-8")
        assert settle(log, after=first) == first + 1, log.read_text()
        assert "Rettet i forhåndsvisningen." in page(f"{url}/cases/familiens-hus-esbjerg.html")
        # a hand-written page is still watched
        about = project / "docs" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
        assert settle(log, after=first + 1) == first + 2, log.read_text()
        assert "One more line." in page(f"{url}/about.html")
