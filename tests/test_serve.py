"""`make serve` for editors: a saved data file shows in the preview after one rebuild, not two,
and that rebuild makes only what the save changed (familyhub/site/preview.py); a hand-written
page, a template or a failed build makes the next build a full one; the search index and the
downloads follow; on any valid data folder, synthetic included, under mkdocs.yml's `strict`.

No quiet windows: the preview runs `--verbose`, so its log names every file change the watcher
saw, and each test ends by checking that the only changes seen were the test's own saves. A
rebuild set off by a build's own writes shows there as a change the test did not make."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench_preview import BACKGROUND_DONE, SERVING, free_port, make_serve

from familyhub.cli.main import main
from familyhub.site.preview_problems import SHOWN

from .conftest import default_language_only

BUILT = "Documentation built in"
BUILD_FAILED = SHOWN
STOPPED = "Shutting down..."
DETECTED = "Detected file changes"
# the watcher's debug line for each changed file (mkdocs/livereload, `--verbose`)
CHANGE = re.compile(r"File\w+Event\(src_path='([^']+)'")
SITE_DIR = re.compile(r"documentation to directory: (\S+)")
TIMEOUT_SECONDS = 120
PORT_ATTEMPTS = 3


@dataclass
class Preview:
    url: str
    log: Path
    pid: int
    saved: set[Path] = field(default_factory=set)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def count(self, line: str) -> int:
        return self.text().count(line)

    def save(self, path: Path, text: str) -> None:
        """An editor's save; waits first for the previous build's background work, as an
        editor's next save rarely comes sooner (and a newer build would cancel it)."""
        builds = self.count(BUILT)
        wait_for(lambda: background_done(self.text()) >= builds, "the search index and downloads")
        self.saved.add(path.resolve())
        path.write_text(text, "utf-8")

    def last_build(self) -> str:
        return self.text().split("Building documentation...")[-1]

    def site(self) -> Path:
        return Path(SITE_DIR.findall(self.text())[-1])

    def changes_seen(self) -> set[Path]:
        return {Path(path).resolve() for path in CHANGE.findall(self.text())}


def background_done(text: str) -> int:
    return min(text.count(line) for line in BACKGROUND_DONE)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@contextmanager
def serving(project: Path, data: Path | None = None) -> Iterator[Preview]:
    """`make serve`'s command in project, on `data` if given, logging every file change.

    MkDocs binds its port only after the first build: a port another process took meanwhile
    makes it exit, and it is started again on a new port."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FAMILYHUB_DATA", None)
    if data is not None:
        env["FAMILYHUB_DATA"] = str(data)
    for attempt in range(PORT_ATTEMPTS):
        address = f"127.0.0.1:{free_port()}"
        log = project / f"serve-{attempt}.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [*make_serve(), "--verbose", "--dev-addr", address],
                cwd=project,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            preview = Preview(f"http://{address}", log, server.pid)
            try:
                wait_for(
                    lambda log=preview, run=server: SERVING in log.text() or run.poll() is not None,
                    "the first build",
                )
                if server.poll() is None:
                    yield preview
                    return
                assert "Address already in use" in preview.text(), preview.text()
            finally:
                server.terminate()
                server.wait(timeout=30)
                if SITE_DIR.search(preview.text()):
                    shutil.rmtree(preview.site(), ignore_errors=True)  # MkDocs' temporary site
    raise AssertionError(f"no free port in {PORT_ATTEMPTS} attempts")


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def shows(url: str, text: str) -> Callable[[], bool]:
    """Whether the page shows text; MkDocs holds a request back while it builds."""

    def showing() -> bool:
        try:
            return text in page(url)
        except (urllib.error.URLError, TimeoutError):
            return False

    return showing


def indexed(site: Path, text: str) -> bool:
    """Whether Pagefind's index of the served site holds text (its fragments are gzip JSON)."""
    fragments = (site / "pagefind" / "fragment").glob("*.pf_fragment")
    return any(text in gzip.decompress(f.read_bytes()).decode("utf-8") for f in fragments)


def test_one_edit_costs_one_rebuild_and_shows(project: Path) -> None:
    default_language_only(project)  # the rebuilds are what is counted, not the languages
    case = project / "data" / "cases" / "familiens-hus-esbjerg.yml"
    with serving(project) as preview:
        case_url = f"{preview.url}/cases/familiens-hus-esbjerg.html"
        assert preview.count(BUILT) == 1 and "full build" in preview.last_build()
        text = case.read_text(encoding="utf-8")
        edited = text.replace('da: "Familiens', 'da: "Rettet i forhåndsvisningen. Familiens', 1)
        assert edited != text
        preview.save(case, edited)
        wait_for(shows(case_url, "Rettet i forhåndsvisningen."), "the edit on its page")
        # only the pages the edit can change were made again; strict let the dirty build pass
        rebuild = preview.last_build()
        assert "full build" not in rebuild and "pages rendered: all" not in rebuild, rebuild
        assert "dirty" not in preview.text()
        # the search index and the downloads follow, a little later
        wait_for(lambda: background_done(preview.text()) >= 2, "the background work")
        assert indexed(preview.site(), "Rettet i forhåndsvisningen.")
        assert "Rettet i forhåndsvisningen." in page(f"{preview.url}/data/cases-da.csv")
        # a hand-written page is still watched, and a change to one builds everything
        about = project / "docs" / "about.md"
        preview.save(about, about.read_text(encoding="utf-8") + "\nOne more line.\n")
        wait_for(shows(f"{preview.url}/about.html", "One more line."), "the hand-written page")
        assert "full build" in preview.last_build()
        # so is a template of overrides/: every page shows it
        footer = project / "overrides" / "partials" / "copyright.html"
        preview.save(footer, footer.read_text(encoding="utf-8") + "<p>Skabelon rettet</p>\n")
        wait_for(shows(case_url, "Skabelon rettet"), "the template on a data page")
        assert "full build" in preview.last_build()
        # a failed build may leave pages unbuilt: the next one is a full build
        preview.save(case, edited + "  broken: [\n")
        wait_for(lambda: preview.count(BUILD_FAILED) == 1, "the failed build")
        # meanwhile every page answers at once with the problem, file and line, in its language
        problem = f"data/cases/familiens-hus-esbjerg.yml:{edited.count(chr(10)) + 1}: broken: "
        for address in (case_url, f"{preview.url}/about.html", f"{preview.url}/"):
            shown = page(address)
            assert problem in shown and "Forhåndsvisningen kan ikke vise siden" in shown, address
            assert 'lang="da"' in shown and "livereload" in shown  # it reloads itself
        stylesheet = f"{preview.url}/assets/stylesheets/familyhub.css"
        assert "Forhåndsvisningen" not in page(stylesheet)  # only pages are answered so
        preview.save(case, edited.replace("Rettet i", "Igen rettet i", 1))
        wait_for(shows(case_url, "Igen rettet i forhåndsvisningen."), "the repaired page")
        assert "full build" in preview.last_build()
        wait_for(lambda: background_done(preview.text()) >= preview.count(BUILT), "the last work")
        # one rebuild per save (the failed one included), set off by nothing but the saves
        assert preview.count(DETECTED) == 5
        assert preview.count(BUILT) == 5  # the first build and four rebuilds that succeeded
        assert preview.changes_seen() == preview.saved, preview.changes_seen() - preview.saved
        # stopping the preview (a kill, as Ctrl+C) while Pagefind indexes a save stops Pagefind
        preview.save(case, edited.replace("Rettet i", "Sidst rettet i", 1))
        pagefind = started(preview.pid, "pagefind")
    assert STOPPED in preview.text()
    assert not [pid for pid in pagefind if running(pid)]


def started(parent: int, name: str) -> list[int]:
    """The processes that parent has started, as soon as one runs `name` (Linux's /proc)."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        found = [
            int(stat.parent.name)
            for stat in Path("/proc").glob("[0-9]*/stat")
            if _parent_of(stat) == parent and name in _command_of(stat.parent)
        ]
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError(f"{parent} started no {name} in {TIMEOUT_SECONDS} s")


def running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "State:\tZ" not in status  # a zombie has ended


def _parent_of(stat: Path) -> int | None:
    try:
        return int(stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _command_of(process: Path) -> str:
    try:
        return (process / "cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def test_a_synthetic_data_set_is_served_strictly_and_an_edit_shows(project: Path) -> None:
    data = project.parent / "synthetic"
    assert main(["synth", "--count", "12", "--out", str(data)]) == 0
    partnership = data / "partnerships" / "synth-partnership-3.yml"
    with serving(project, data) as preview:
        url = f"{preview.url}/partnerships/synth-partnership-3.html"
        assert "Syntetisk partnerskab 3" in page(url)
        text = partnership.read_text(encoding="utf-8")
        preview.save(partnership, text.replace("Syntetisk partnerskab 3", "Omdøbt partnerskab"))
        wait_for(shows(url, "Omdøbt partnerskab"), "the renamed partnership")
        assert "Omdøbt partnerskab" in page(f"{preview.url}/partnerships/index.html")
        # the preview builds no PDFs, so its pages link none
        assert ".pdf" not in page(url)
        wait_for(lambda: background_done(preview.text()) >= 2, "the background work")
        assert preview.count(DETECTED) == 1
        assert preview.changes_seen() == preview.saved
        assert not re.search(r"^(WARNING|ERROR)", preview.text(), re.MULTILINE)
        assert "mkdocs_static_i18n: Overriding" not in preview.text()  # its INFO chatter
