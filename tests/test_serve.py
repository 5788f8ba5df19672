"""`make serve` for editors: a saved data file shows in the preview after one rebuild, not two,
and that rebuild makes only what the save changed (familyhub/site/preview.py); on any valid data
folder, synthetic included, under mkdocs.yml's `strict`."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench_preview import free_port, make_serve

from familyhub.cli.main import main

from .conftest import default_language_only

BUILT = "Documentation built in"
# a second rebuild, set off by the first one's writes, would start within a second of it
QUIET_SECONDS = 6
TIMEOUT_SECONDS = 120


@contextmanager
def serving(project: Path, data: Path | None = None) -> Iterator[tuple[str, Path]]:
    """`make serve`'s command in project, on `data` if given; yields its address and log file."""
    log = project / "serve.log"
    address = f"127.0.0.1:{free_port()}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FAMILYHUB_DATA", None)
    if data is not None:
        env["FAMILYHUB_DATA"] = str(data)
    with log.open("w") as output:
        server = subprocess.Popen(
            [*make_serve(), "--dev-addr", address],
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


def last_build(log: Path) -> str:
    return log.read_text().split("Building documentation...")[-1]


def test_one_edit_costs_one_rebuild_and_shows(project: Path) -> None:
    default_language_only(project)  # the rebuilds are what is counted, not the languages
    case = project / "data" / "cases" / "familiens-hus-esbjerg.yml"
    with serving(project) as (url, log):
        first = settle(log)
        assert "full build" in last_build(log)
        text = case.read_text(encoding="utf-8")
        edited = text.replace('da: "Familiens', 'da: "Rettet i forhåndsvisningen. Familiens', 1)
        assert edited != text
        case.write_text(edited, "utf-8")
        assert settle(log, after=first) == first + 1, log.read_text()
        assert "Rettet i forhåndsvisningen." in page(f"{url}/cases/familiens-hus-esbjerg.html")
        # only the pages the edit can change were made again; strict let the dirty build pass
        rebuild = last_build(log)
        assert "full build" not in rebuild and "pages rendered: all" not in rebuild, rebuild
        assert "dirty" not in log.read_text()
        # a hand-written page is still watched, and a change to one builds everything
        about = project / "docs" / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
        assert settle(log, after=first + 1) == first + 2, log.read_text()
        assert "One more line." in page(f"{url}/about.html")
        assert "full build" in last_build(log)


def test_a_synthetic_data_set_is_served_strictly_and_an_edit_shows(project: Path) -> None:
    data = project.parent / "synthetic"
    assert main(["synth", "--count", "12", "--out", str(data)]) == 0
    partnership = data / "partnerships" / "synth-partnership-3.yml"
    with serving(project, data) as (url, log):
        first = settle(log)
        assert "Syntetisk partnerskab 3" in page(f"{url}/partnerships/synth-partnership-3.html")
        text = partnership.read_text(encoding="utf-8")
        partnership.write_text(
            text.replace("Syntetisk partnerskab 3", "Omdøbt partnerskab"), "utf-8"
        )
        assert settle(log, after=first) == first + 1, log.read_text()
        # the page itself, and the overview that lists it, in every language built
        assert "Omdøbt partnerskab" in page(f"{url}/partnerships/synth-partnership-3.html")
        assert "Omdøbt partnerskab" in page(f"{url}/partnerships/index.html")
        assert "WARNING" not in log.read_text()
