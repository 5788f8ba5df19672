"""Fixtures for the checklist browser tests: the real site next to a later version of itself.

"before" is the real build; "after" is a build of the same project with the branch guide's items
reordered, one removed and one added, and Material's instant navigation switched on. Both are
served from one origin, as one site would be before and after an update, so they share
localStorage.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import SITE_YML, StaticHost, copy_project, only_languages, set_site_url

REMOVED_ITEM = "running-plan"
ADDED_ITEM = "added-later"


@dataclass(frozen=True)
class Versions:
    before: str  # base URL of the real site
    after: str  # base URL of the later version


def change_branch_guide(data_dir: Path) -> None:
    """Reorder the first phase, drop one item and add another, as an editor might."""
    path = data_dir / "guides" / "new-branch-norway.yml"
    guide = yaml.safe_load(path.read_text(encoding="utf-8"))
    phases = {phase["phase"]: phase for phase in guide["phases"]}
    phases["prepare"]["items"].reverse()
    phases["organise"]["items"] = [
        item for item in phases["organise"]["items"] if item["id"] != REMOVED_ITEM
    ]
    phases["start"]["items"].insert(
        0,
        {
            "id": ADDED_ITEM,
            "title": {
                "da": "Et punkt tilføjet senere",
                "en": "An item added later",
                "nb": "Et punkt lagt til senere",
            },
            "source": "hsfn-til-kommuner",
        },
    )
    path.write_text(yaml.safe_dump(guide, allow_unicode=True, sort_keys=False), encoding="utf-8")


def switch_on_instant_navigation(project: Path, site_url: str) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1)
    # mkdocs-static-i18n warns that its language switcher and instant navigation do not mix
    text = text.replace("strict: true", "strict: false")
    path.write_text(text, encoding="utf-8")
    # instant navigation only follows links listed in the sitemap, made from site_url
    set_site_url(project, site_url)


@pytest.fixture(scope="session")
def versions(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Versions]:
    root = tmp_path_factory.mktemp("versions")
    (root / "before").symlink_to(built_site, target_is_directory=True)
    handler = functools.partial(StaticHost, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        project = copy_project(tmp_path_factory.mktemp("after") / "project")
        change_branch_guide(project / "data")
        # the tests open the English pages of this version only: no Norwegian build
        only_languages(project, [SITE_YML["default_language"], "en"])
        switch_on_instant_navigation(project, f"{base}/after/")
        result = build_without_strict(project)
        assert result.returncode == 0, result.stderr
        (root / "after").symlink_to(project / "site", target_is_directory=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield Versions(f"{base}/before", f"{base}/after")
        server.shutdown()
    finally:
        server.server_close()


def build_without_strict(project: Path) -> subprocess.CompletedProcess[str]:
    """A build that i18n's warning about instant navigation does not stop."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FAMILYHUB_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
