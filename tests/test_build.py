"""`make site`'s build: a failed build keeps the previous site/, data errors stop it cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from familyhub.site.build import build_site

from .conftest import ROOT, default_language_only, run_mkdocs_build


def test_bad_data_fails_the_build_without_traceback(project: Path) -> None:
    (project / "data" / "cases" / "broken.yml").write_text("id: [\n")
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "data/cases/broken.yml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_label_missing_in_every_language_fails_the_build_without_traceback(
    project: Path,
) -> None:
    """As with data made by an older `familyhub synth`: its site.yml lacks a newer label."""
    site_yml = project / "data" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.strip().startswith("filter-all:")]
    # one per built language (and one more where a language in preparation has it)
    built = len(yaml.safe_load(text)["languages"])
    assert len(text.splitlines()) - len(kept) >= built
    site_yml.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    assert "data/site.yml: labels: filter-all: missing for language 'da'" in result.stderr
    assert "Traceback" not in result.stderr
    render = subprocess.run(
        [
            sys.executable,
            "-m",
            "familyhub.cli.main",
            "--data",
            str(project / "data"),
            "render",
            "--out",
            str(project / "rendered"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert render.returncode == 1
    assert "data/site.yml: labels: filter-all: missing" in render.stderr
    assert "Traceback" not in render.stderr


def test_failed_build_leaves_previous_site_intact(project: Path) -> None:
    site = project / "site"
    # a stand-in for the previous build: a real one would cost a full build with its PDFs
    site.mkdir()
    (site / "index.html").write_text("previous site")
    (project / "data" / "cases" / "broken.yml").write_text("id: [\n")
    assert build_site(site, project / "mkdocs.yml") == 1
    assert (site / "index.html").read_text() == "previous site"
    assert not list(project.glob(".site-*"))


def test_a_warning_fails_make_site(project: Path) -> None:
    """--strict holds in `make site`: a broken link in a hand-written page stops the build.

    (MkDocs 1.6's --quiet hides warnings from --strict: a quiet strict build passes them.)
    """
    site = default_language_only(project) / "site"  # a build's behaviour: one language will do
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", "utf-8")
    assert build_site(site, project / "mkdocs.yml") == 1
    assert not site.exists()


def test_mkdocs_yml_names_no_key_twice() -> None:
    """YAML keeps the last of two equal keys silently: a second extra_css once dropped the first."""
    import yaml

    def check(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
            for _, value in node.value:
                check(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                check(item)

    check(yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
