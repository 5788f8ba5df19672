"""Generated pages are written only when changed, never over a tracked file, stale ones removed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from familyhub.pages.markup import RenderedPage
from familyhub.pages.output import OutputError, write_pages


def pages(text: str = "# A\n") -> dict[str, list[RenderedPage]]:
    return {
        "da": [RenderedPage("cases/a.md", text), RenderedPage("cases/index.md", "# I\n")],
        "en": [RenderedPage("cases/a.md", text), RenderedPage("cases/index.md", "# I\n")],
    }


def test_writes_suffix_layout_then_only_changes(tmp_path: Path) -> None:
    first = write_pages(pages(), tmp_path, "da")
    assert (first.written, first.unchanged) == (4, 0)
    assert (tmp_path / "cases" / "a.md").read_text() == "# A\n"
    assert (tmp_path / "cases" / "a.en.md").is_file()
    before = (tmp_path / "cases" / "index.md").stat().st_mtime_ns
    second = write_pages(pages("# B\n"), tmp_path, "da")
    assert (second.written, second.unchanged) == (2, 2)
    assert (tmp_path / "cases" / "index.md").stat().st_mtime_ns == before


def test_removes_pages_of_deleted_entities(tmp_path: Path) -> None:
    write_pages(pages(), tmp_path, "da")
    (tmp_path / "cases" / "gone.md").write_text("# old\n")
    stats = write_pages(pages(), tmp_path, "da")
    assert stats.removed == 1
    assert not (tmp_path / "cases" / "gone.md").exists()


def test_refuses_to_touch_a_tracked_file(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "cases").mkdir()
    hand_written = tmp_path / "cases" / "a.md"
    hand_written.write_text("written by a person\n")
    subprocess.run(["git", "add", "cases/a.md"], cwd=tmp_path, check=True)
    with pytest.raises(OutputError, match=r"git tracks cases/a\.md"):
        write_pages(pages(), tmp_path, "da")
    assert hand_written.read_text() == "written by a person\n"


def test_refuses_paths_outside_generated_folders(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not in a generated folder"):
        write_pages({"da": [RenderedPage("index.md", "# overwritten\n")]}, tmp_path, "da")
