"""The web editor at /admin/ (issue 24) as an editor uses it: Decap CMS in Chromium with its local
backend (decap-server) on a copy of data/. Create a partnership in three languages with a
municipality picked from the list, save, check; change its amount; delete it. No other host.

Cheap by design: no site build. The served folder is the admin/ the build writes
(familyhub.site.editor.write_editor) beside the vendored Decap script, nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Locator, Page

from familyhub.cli.main import main as familyhub
from familyhub.data.editor import backend_of
from familyhub.data.load import load_site_config
from familyhub.site.editor import CONFIG_FILE, write_editor

from .conftest import ROOT, serving

DECAP_SERVER = ROOT / "editor" / "node_modules" / ".bin" / "decap-server"
DECAP_SCRIPTS = ROOT / "overrides" / "assets" / "javascripts" / "vendor" / "decap"
NEW_ID = "editor-test-partnership"
SAVED_WITHIN = 15.0


@dataclass
class Editor:
    url: str
    data: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def wait_for_port(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert server.poll() is None, "decap-server stopped"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"decap-server did not listen on port {port}")


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    if not DECAP_SERVER.exists():
        pytest.fail(f"{DECAP_SERVER} missing: `make test` installs it (npm ci --prefix editor)")
    data = tmp_path / "project" / "data"
    shutil.copytree(ROOT / "data", data)
    port = free_port()
    environment = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(data.parent),
        "LOG_LEVEL": "warn",
    }
    server = subprocess.Popen([DECAP_SERVER], env=environment)
    try:
        wait_for_port(port, server)
        www = tmp_path / "www"
        admin = write_editor(www, load_site_config(data), backend_of(ROOT / "mkdocs.yml"))
        config = admin / CONFIG_FILE
        local = f"local_backend:\n  url: http://127.0.0.1:{port}/api/v1"
        config.write_text(config.read_text().replace("local_backend: true", local, 1))
        (www / "assets" / "javascripts" / "vendor").mkdir(parents=True)
        (www / "assets" / "javascripts" / "vendor" / "decap").symlink_to(DECAP_SCRIPTS)
        with serving(www, {}) as url:
            yield Editor(f"{url}/admin/", data)
    finally:
        server.terminate()
        server.wait(timeout=10)


FIELD = 'div[aria-label$=" field"]:has(> div > label[for^="{name}-field-"])'


def control(scope: Page | Locator, name: str) -> Locator:
    """The first box of the field called name inside scope (Decap labels each field with
    for="<name>-field-<n>")."""
    return scope.locator(FIELD.format(name=name)).first


def own(page: Page, name: str) -> Locator:
    """The form's own field called name, not one of that name inside its objects and lists."""
    return page.locator(f'div[class*="ControlPaneContainer"] > {FIELD.format(name=name)}')


def write_texts(text: Locator, words: str) -> None:
    for language in ("da", "en", "nb"):
        control(text, language).locator("textarea").fill(f"{words} ({language})")


def pick(field: Locator, typed: str) -> None:
    """Choose from a select's or relation's list: type, then take the first match."""
    field.locator("input").first.click()
    field.page.keyboard.type(typed)
    field.locator(f'[role="option"]:has-text("{typed}")').first.click()


def list_items(field: Locator) -> Locator:
    return field.locator('div[class*="ListItem-listControlItem"]')


def fill_partnership(page: Page) -> None:
    own(page, "id").locator("input").fill(NEW_ID)
    write_texts(own(page, "name"), "Testkommune og testforening")
    pick(own(page, "status"), "unknown")
    add = page.get_by_role("button", name="Tilføj parties")
    add.click()
    add.click()
    parties = list_items(own(page, "parties"))
    pick(control(parties.nth(0), "municipality"), "aarhus")
    pick(control(parties.nth(1), "organisation"), "home-start-aarhus")
    pick(own(page, "municipality"), "aarhus")
    write_texts(own(page, "summary"), "Et samarbejde om familiestøtte")
    page.get_by_role("button", name="Tilføj funding").click()
    funding = list_items(own(page, "funding")).first
    control(funding, "amount").locator("input").fill("250000")
    control(funding, "currency").locator("input").fill("DKK")
    pick(control(funding, "per"), "year")
    pick(control(funding, "kind"), "municipality")
    control(control(funding, "payer"), "id").locator("input").fill("aarhus")
    control(funding, "years").locator("input").fill("3")
    control(funding, "start_year").locator("input").fill("2016")
    pick(control(funding, "status"), "granted")
    write_texts(control(funding, "description"), "Kommunens støtte")
    pick(control(funding, "source"), "tryghed-en-plads-i-faellesskabet")
    pick(own(page, "sources"), "tryghed-en-plads-i-faellesskabet")


def publish(page: Page) -> float:
    """Publish the form; the moment it was asked to (time.monotonic())."""
    page.get_by_role("button", name="Publicer").first.click()
    started = time.monotonic()
    page.get_by_text("Publicer nu").click()
    return started


def wait_for(condition: Callable[[], bool], what: str) -> float:
    """The moment condition() came true, polled every 50 ms."""
    deadline = time.monotonic() + SAVED_WITHIN
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        time.sleep(0.05)
    pytest.fail(f"after {SAVED_WITHIN} s: {what}")


def test_an_editor_creates_changes_and_deletes_a_partnership(editor: Editor, page: Page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_default_timeout(10_000)
    page.goto(editor.url)
    page.get_by_role("button", name="Log ind").click()
    page.goto(f"{editor.url}#/collections/partnerships/new")
    fill_partnership(page)
    saved = editor.data / "partnerships" / f"{NEW_ID}.yml"
    started = publish(page)

    on_disk = wait_for(saved.exists, f"{saved} was not written")
    print(f"saved form to YAML on disk: {on_disk - started:.2f} s")

    assert familyhub(["--data", str(editor.data), "check"]) == 0
    written = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert written["municipality"] == "aarhus"
    assert written["name"]["nb"] == "Testkommune og testforening (nb)"
    assert written["funding"][0]["amount"] == 250000

    page.get_by_role("textbox").first.wait_for()
    amount = control(list_items(own(page, "funding")).first, "amount").locator("input")
    amount.fill("")
    amount.press_sequentially("300.000")  # a Danish thousands separator: never 300
    assert amount.input_value() == "300000"
    publish(page)
    wait_for(lambda: "amount: 300000" in saved.read_text(encoding="utf-8"), "amount unchanged")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=re.compile(r"^Slet (publiceret )?dokument$")).click()
    wait_for(lambda: not saved.exists(), f"{saved} was not deleted")

    others = {urlsplit(url).netloc for url in requested} - {urlsplit(editor.url).netloc}
    local_backend = {netloc for netloc in others if netloc.startswith("127.0.0.1:")}
    assert others == local_backend and len(local_backend) == 1, others
