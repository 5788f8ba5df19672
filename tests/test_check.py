"""`familyhub check`: every kind of bad input names file, line and field, and exits 1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from familyhub.cli.main import main

from .conftest import LANGUAGE_CODES

PARTNERSHIP = "partnerships/holbaek-home-start.yml"

Edit = Callable[[str, Callable[[str], str]], Path]


def check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--data", str(data_dir), "check"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_number(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_clean_data_exits_0_with_one_summary_line(data_dir: Path, capsys) -> None:
    code, out, err = check(data_dir, capsys)
    assert code == 0, err
    assert out.count("\n") == 1
    assert out.startswith("ok: ") and "partnership" in out
    # the example publisher is only warned about (test_publisher.py: --release refuses it)
    assert all(line.startswith("warning: data/site.yml:") for line in err.splitlines()), err


def test_unknown_field_names_file_line_and_field(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(
        PARTNERSHIP, lambda text: text.replace("status: unknown", "status: unknown\nbudget: 3")
    )
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "budget: 3")
    assert f"data/{PARTNERSHIP}:{line}: budget: unknown field" in err


def test_wrong_type_names_nested_field(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(PARTNERSHIP, lambda text: text.replace("amount: 500000", "amount: lots"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "amount: lots")
    assert f"data/{PARTNERSHIP}:{line}: funding[0].amount:" in err


def test_missing_translation_names_language(data_dir: Path, edit: Edit, capsys) -> None:
    def drop_english_name(text: str) -> str:
        lines = text.splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith("name:"))
        del lines[index + 2]  # the `en:` line under name
        return "\n".join(lines) + "\n"

    path = edit(PARTNERSHIP, drop_english_name)
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert f"data/{PARTNERSHIP}:{line_number(path, 'name:')}: name: missing translation: en" in err


def test_a_language_in_preparation_is_accepted_text_by_text(
    data_dir: Path, edit: Edit, capsys
) -> None:
    """An editor adds a language file by file: its texts are refused until site.yml lists it in
    preparation, then accepted where they are and not required where they are not yet."""

    def name_in(code: str, words: str) -> Callable[[str], str]:
        def add(text: str) -> str:
            lines = text.splitlines()
            index = next(i for i, line in enumerate(lines) if line.startswith("name:"))
            lines.insert(index + 1, f"  {code}: {words}")
            return "\n".join(lines) + "\n"

        return add

    def prepare_swedish(text: str) -> str:
        listed = "\nlanguages_in_preparation:\n"
        if listed in text:
            return text.replace(listed, f"{listed}  - code: sv\n", 1)
        return text.replace(
            "\nlanguages:\n", "\nlanguages_in_preparation: [{code: sv}]\nlanguages:\n", 1
        )

    path = edit(PARTNERSHIP, name_in("sv", "Samarbete i Holbæk"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "name:")
    built = ", ".join(LANGUAGE_CODES)
    assert f"data/{PARTNERSHIP}:{line}: name: unknown language: sv (languages are {built})" in err
    edit("site.yml", prepare_swedish)
    code, _, err = check(data_dir, capsys)
    assert code == 0, err
    edit(PARTNERSHIP, name_in("fi", "Yhteistyö Holbækissa"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert f"data/{PARTNERSHIP}:{line}: name: unknown language: fi" in err


def test_duplicate_id_names_both_files(data_dir: Path, capsys) -> None:
    original = data_dir / PARTNERSHIP
    copy = original.with_name("holbaek-copy.yml")
    copy.write_text(original.read_text())
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert (
        "data/partnerships/holbaek-copy.yml:1: id: "
        "id 'holbaek-home-start' differs from the file name" in err
    )
    duplicate = next(
        line for line in err.splitlines() if "duplicate id 'holbaek-home-start'" in line
    )
    assert "holbaek-copy.yml" in duplicate and "holbaek-home-start.yml" in duplicate


def test_dangling_reference_names_missing_id(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(
        PARTNERSHIP,
        lambda text: text.replace("municipality: holbaek\n", "municipality: atlantis\n", 1),
    )
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "municipality: atlantis")
    expected = "parties[0].municipality: no municipality with id 'atlantis'"
    assert f"data/{PARTNERSHIP}:{line}: {expected}" in err


def test_impossible_date_is_reported_on_its_line(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(
        PARTNERSHIP, lambda text: text.replace("announced: 2024-04-15", "announced: 2024-02-30")
    )
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "2024-02-30")
    assert f"data/{PARTNERSHIP}:{line}: announced: Input should be a valid date" in err


def test_invalid_yaml_gives_line(data_dir: Path, edit: Edit, capsys) -> None:
    edit(PARTNERSHIP, lambda text: text.replace("status: unknown", "status: [unknown"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert f"data/{PARTNERSHIP}:" in err and ": status: invalid YAML:" in err


def test_key_given_twice_is_refused(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(
        PARTNERSHIP, lambda text: text.replace("status: unknown", "status: unknown\nstatus: ended")
    )
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert (
        f"data/{PARTNERSHIP}:{line_number(path, 'status: ended')}: status: "
        "invalid YAML: key 'status' appears twice" in err
    )


def test_empty_file_and_stray_folder_are_reported(data_dir: Path, capsys) -> None:
    (data_dir / "cases" / "empty.yml").write_text("")
    (data_dir / "cases" / "folder.yml").mkdir()
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert (
        "data/cases/empty.yml:1: (file): expected a mapping of fields, found an empty file" in err
    )
    assert "data/cases/folder.yml:0: (file): unexpected entry" in err


def test_every_problem_is_listed_not_just_the_first(data_dir: Path, edit: Edit, capsys) -> None:
    edit(PARTNERSHIP, lambda text: text.replace("status: unknown", "status: unheard-of\nbudget: 3"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert ": status:" in err and ": budget: unknown field" in err
    assert err.strip().endswith("2 problems in " + str(data_dir))


def test_installed_command_prints_no_traceback(data_dir: Path, edit: Edit) -> None:
    edit(PARTNERSHIP, lambda text: "\x00\x01 not yaml: [")
    result = subprocess.run(
        [sys.executable, "-m", "familyhub.cli.main", "--data", str(data_dir), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"data/{PARTNERSHIP}:" in result.stderr


def test_familyhub_data_points_check_at_another_folder(
    data_dir: Path, edit: Edit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """README: FAMILYHUB_DATA=/some/folder points `familyhub check` at another data folder."""
    edit(PARTNERSHIP, lambda text: text.replace("status: unknown", "status: [unknown"))
    monkeypatch.chdir(tmp_path)  # no data/ here: the folder can only come from the variable
    monkeypatch.setenv("FAMILYHUB_DATA", str(data_dir))
    assert main(["check"]) == 1
    assert f"data/{PARTNERSHIP}:" in capsys.readouterr().err
    # --data still wins over the variable
    monkeypatch.setenv("FAMILYHUB_DATA", str(tmp_path / "nowhere"))
    assert main(["--data", str(data_dir), "check"]) == 1
