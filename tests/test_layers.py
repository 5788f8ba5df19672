"""The stages' layering (pyproject.toml's import-linter contracts): `make lint` fails, naming both
modules, on an import from a lower stage into a higher one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(project / "pyproject.toml")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_package(target: Path) -> Path:
    shutil.copytree(
        ROOT / "familyhub", target / "familyhub", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_the_stages_keep_their_layers(tmp_path: Path) -> None:
    result = lint_imports(copy_package(tmp_path))
    assert result.returncode == 0, result.stdout


def test_an_import_back_up_names_both_modules(tmp_path: Path) -> None:
    project = copy_package(tmp_path)
    models = project / "familyhub" / "data" / "models.py"
    models.write_text(models.read_text() + "\nfrom familyhub.pages import render  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "familyhub.data.models -> familyhub.pages.render" in result.stdout


def test_the_renderer_may_not_import_the_guides(tmp_path: Path) -> None:
    project = copy_package(tmp_path)
    render = project / "familyhub" / "pages" / "render.py"
    render.write_text(render.read_text() + "\nfrom familyhub.pages import guides  # noqa\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "familyhub.pages.render -> familyhub.pages.guides" in result.stdout
