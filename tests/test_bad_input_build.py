"""Bad data in a real build (issue 20): `mkdocs build` and `make site` stop with the editor's
`file:line: field: message` lines, a non-zero exit, no traceback and no half-written site.

One broken data set serves both; the build stops while loading, so neither renders a page.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from familyhub.site.build import build_site

from .conftest import ROOT, copy_project

PARTNERSHIP = "partnerships/holbaek-home-start.yml"
AMOUNT = "funding[0].amount: write the amount in digits only: 300000, not 300.000"
DATE = "history[0].date: '2021-02-31' is not on the calendar: February 2021 has 28 days"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A project whose data has `amount: 300.000` and a history date of 31 February, with the
    line of each."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    path = project / "data" / PARTNERSHIP
    text = path.read_text(encoding="utf-8").replace("amount: 500000", "amount: 300.000", 1)
    text = re.sub(r"^- date: .*$", "- date: 2021-02-31", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    where = {
        "amount": lines.index("- amount: 300.000") + 1,
        "date": lines.index("- date: 2021-02-31") + 1,
    }
    return project, where


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "FAMILYHUB_DATA"}
    return env | {"FAMILYHUB_CACHE": "off", "NO_MKDOCS_2_WARNING": "1"}


def _expected(where: dict[str, int]) -> list[str]:
    return [
        f"data/{PARTNERSHIP}:{where['amount']}: {AMOUNT}",
        f"data/{PARTNERSHIP}:{where['date']}: {DATE}",
    ]


def test_mkdocs_build_names_file_line_and_field(
    broken: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    project, where = broken
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        capture_output=True,
        text=True,
        check=False,
        env=_environment(),
        cwd=project,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for line in _expected(where):
        assert line in output.splitlines(), output
    assert "Traceback" not in output
    assert not site.exists() or not any(site.rglob("*.html"))


def test_make_site_leaves_the_last_site_as_it_was(
    broken: tuple[Path, dict[str, int]], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    project, where = broken
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    env = _environment()
    with pytest.MonkeyPatch.context() as patch:
        for key in ("FAMILYHUB_DATA",):
            patch.delenv(key, raising=False)
        patch.setenv("FAMILYHUB_CACHE", env["FAMILYHUB_CACHE"])
        code = build_site(site, project / "mkdocs.yml")
    output = "".join(capfd.readouterr())
    assert code == 1
    for line in _expected(where):
        assert line in output.splitlines(), output
    assert "Traceback" not in output
    assert f"site not built: mkdocs exited 1; {site} unchanged" in output
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert not list(site.parent.glob(".site-*"))  # the staging folder is gone


def test_make_serve_on_a_port_in_use_says_so_before_mkdocs_starts() -> None:
    """walk-editor.md §4.3: an old preview still running made `make serve` build, then print
    a traceback and hang. Now its first step stops it in plain words."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        busy = subprocess.run(
            [sys.executable, "-m", "familyhub.site.port", str(port)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert busy.returncode == 1
    assert busy.stderr.strip() == (
        f"make serve: port {port} is in use, probably by a preview still running in another"
        f" window: stop that one (Ctrl+C in its window), or run make serve PORT={port + 1}"
    )
    free = subprocess.run(  # the control: the same port, let go, is free
        [sys.executable, "-m", "familyhub.site.port", str(port)], capture_output=True, check=False
    )
    assert free.returncode == 0
    recipe = subprocess.run(
        ["make", "--dry-run", "--silent", "serve"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert "-m familyhub.site.port" in recipe[-2] and "mkdocs serve" in recipe[-1]


def test_a_fault_while_making_the_pdfs_is_one_line_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from familyhub.site import build

    def fails(*_: object, **__: object) -> None:
        raise RuntimeError("WeasyPrint fell over")

    monkeypatch.setattr(build, "build_pdfs", fails)
    site = tmp_path / "site"
    day = dt.date(2026, 12, 7)
    assert build._build_pdfs(tmp_path / "staging", ROOT / "mkdocs.yml", site, day) is False
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "site not built: the PDFs could not be made (RuntimeError: WeasyPrint fell over): this is"
        " a fault in familyhub, not in your data; tell a developer, with this line",
        f"{site} unchanged",
    ]
