"""Scale (issue 6): synthetic data sets, the bare docs tree, the build cache, overview filters."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from familyhub.cli.main import main
from familyhub.data.kinds import KINDS
from familyhub.data.synth import GENERATORS
from familyhub.pages.incremental import BuildCache

from .conftest import ROOT


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def synth(out: Path, count: int = 12, seed: int = 1) -> int:
    return main(["synth", "--count", str(count), "--seed", str(seed), "--out", str(out)])


def test_synth_data_passes_check_in_every_kind(tmp_path: Path, capsys) -> None:
    assert synth(tmp_path / "data") == 0
    assert main(["--data", str(tmp_path / "data"), "check"]) == 0
    out = capsys.readouterr().out
    for folder in KINDS:
        assert any((tmp_path / "data" / folder).glob("*.yml")), folder
    assert "12 partnership" in out


def test_every_kind_has_a_generator() -> None:
    assert {kind for kind, _ in KINDS.values()} <= set(GENERATORS)


def test_synth_is_reproducible_and_the_seed_matters(tmp_path: Path) -> None:
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        assert synth(tmp_path / name, seed=seed) == 0
    first, again, other = (files_of(tmp_path / name) for name in "abc")
    assert first == again
    assert first.keys() == other.keys() and first != other


def test_synth_text_says_it_is_synthetic(tmp_path: Path) -> None:
    assert synth(tmp_path / "data", count=3) == 0
    text = (tmp_path / "data" / "partnerships" / "synth-partnership-1.yml").read_text()
    assert "Syntetisk partnerskab 1" in text and "Synthetic partnership 1" in text
    assert "example.org" in (tmp_path / "data" / "sources" / "synth-source-1.yml").read_text()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["synth", "--count", "0", "--out", "x"], "must be at least 1, not 0"),
        (["synth", "--count", "many", "--out", "x"], "not a whole number: 'many'"),
        (["synth", "--count", "5"], "the following arguments are required: --out"),
        (["render"], "the following arguments are required: --out"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)  # `--out x` is relative: were it written, it would land here
    with pytest.raises(SystemExit) as exit_info:
        main(arguments)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["synth", "render"])
def test_refuses_to_write_into_a_folder_that_holds_files(
    command: str, tmp_path: Path, capsys
) -> None:
    (tmp_path / "kept.txt").write_text("someone's file\n")
    extra = ["--count", "3"] if command == "synth" else []
    assert main([command, *extra, "--out", str(tmp_path)]) == 2
    assert f"{tmp_path} exists and is not an empty folder" in capsys.readouterr().err
    assert files_of(tmp_path) == {"kept.txt": b"someone's file\n"}


def test_render_writes_the_pages_the_hook_writes(built_site: Path, tmp_path: Path) -> None:
    """The bare build's docs/ (familyhub render) holds exactly what the real build's hook wrote,
    and the hand-written pages."""
    built_docs = built_site.parent / "docs"
    out = tmp_path / "docs"
    assert main(["--data", str(ROOT / "data"), "render", "--out", str(out)]) == 0
    assert files_of(out) == files_of(built_docs)
    assert (out / "partnerships" / "holbaek-home-start.en.md").is_file()
    assert (out / "index.md").read_bytes() == (ROOT / "docs" / "index.md").read_bytes()


def test_build_cache_rereads_only_what_changed(project: Path) -> None:
    data_dir = project / "data"
    cache = BuildCache()
    hub = cache.hub(data_dir)
    assert cache.hub(data_dir) is hub
    path = data_dir / "partnerships" / "holbaek-home-start.yml"
    requested = "status: requested\nstatus_source: holbaek-home-start-2024"
    path.write_text(path.read_text().replace("status: unknown", requested))
    changed = cache.hub(data_dir)
    assert changed is not hub
    assert changed.get("partnership", "holbaek-home-start").status == "requested"
    assert changed.get("model", "family-house") is hub.get("model", "family-house")


def test_build_cache_writes_nothing_when_nothing_changed(project: Path) -> None:
    cache = BuildCache()
    docs = project / "docs"
    hub = cache.hub(project / "data")
    first = cache.write(hub, docs)
    assert first.written > 0
    page = docs / "partnerships" / "holbaek-home-start.md"
    before = page.stat().st_mtime_ns
    second = cache.write(cache.hub(project / "data"), docs)
    assert (second.written, second.unchanged) == (0, first.written)
    assert page.stat().st_mtime_ns == before
    page.unlink()
    assert cache.write(hub, docs).written == 1


def test_overview_has_a_filter_box_hidden_without_javascript(built_site: Path) -> None:
    html = (built_site / "partnerships" / "index.html").read_text()
    assert '<div class="fh-filter" hidden="hidden">' in html
    assert "Filtrér tabellen" in html
    assert "{shown} af {total} rækker vises" in html
    assert "Filter the table" in (built_site / "en" / "partnerships" / "index.html").read_text()


@pytest.mark.browser
def test_filter_box_narrows_the_overview_table(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/en/partnerships/index.html")
    rows = page.locator("article table").first.locator("tbody tr")
    total = rows.count()
    assert total > 2
    page.get_by_label("Filter the table").fill("Holbæk")
    visible = page.locator("article table").first.locator("tbody tr:visible")
    assert 1 <= visible.count() < total
    assert "Holbæk" in visible.first.inner_text()
    assert f"of {total} rows shown" in page.get_by_role("status").inner_text()
    page.get_by_label("Filter the table").fill("")
    assert page.locator("article table").first.locator("tbody tr:visible").count() == total


def test_synth_leaves_nothing_behind_on_failure(tmp_path: Path, monkeypatch) -> None:
    """Cases are written after partnerships: a case that cannot be written stops synth with
    files already in its staging folder, which must go."""
    from familyhub.data import synth as synth_module

    def unwritable(_synth: object, index: int) -> dict[str, object]:
        return {"id": f"case-{index}", "what": object()}

    monkeypatch.setitem(synth_module.GENERATORS, "case", unwritable)
    with pytest.raises(yaml.YAMLError):
        synth(tmp_path / "data")
    assert list(tmp_path.iterdir()) == []
