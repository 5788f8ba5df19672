"""`familyhub new` writes skeletons that `check` refuses until filled; `familyhub review` lists
entries due for a check. Bad arguments: a clear message and exit 2, never a traceback."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from familyhub.cli.main import main
from familyhub.data.kinds import KINDS
from familyhub.data.new import KIND_NAMES
from familyhub.data.review import cutoff

from .conftest import LANGUAGE_CODES, ROOT

# what an editor types into the partnership skeleton, TODO by TODO, in file order
FILLED_PARTNERSHIP = [
    "Samarbejde om frivillig familiestøtte",
    "Cooperation on volunteer family support",
    "Samarbeid om frivillig familiestøtte",
    "active",
    "holbaek-home-start-2024",
    "holbaek",
    "2024",
    "holbaek",
    "Betaler koordinatoren.",
    "Pays the coordinator.",
    "Betaler koordinatoren.",
    "home-start-holbaek",
    "Stiller frivillige.",
    "Provides volunteers.",
    "Stiller med frivillige.",
    "Et prøveeksempel.",
    "A test example.",
    "Et testeksempel.",
    "100000",
    "holbaek",
    "2024",
    "3",
    "granted",
    "Kommunens bidrag.",
    "The municipality's contribution.",
    "Kommunens bidrag.",
    "holbaek-home-start-2024",
    "holbaek-home-start-2024",
]


def run(data_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(["--data", str(data_dir), *args])
    except SystemExit as exit_:  # argparse's own usage errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("kind", sorted(KIND_NAMES))
def test_new_writes_a_skeleton_with_every_field_a_model_needs(
    kind: str, data_dir: Path, capsys
) -> None:
    code, out, _ = run(data_dir, "new", kind, "brand-new", capsys=capsys)
    assert code == 0
    folder = next(f for f, (k, _) in KINDS.items() if k == KIND_NAMES[kind])
    path = data_dir / folder / "brand-new.yml"
    assert f"wrote data/{folder}/brand-new.yml: replace every TODO" in out
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    model = KINDS[folder][1]
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    assert required <= set(document) <= set(model.model_fields)
    assert document["id"] == "brand-new"
    texts = [value for value in document.values() if isinstance(value, dict) and "da" in value]
    assert texts and all(set(text) == set(LANGUAGE_CODES) for text in texts)


def test_check_refuses_every_todo_with_file_line_and_field(data_dir: Path, capsys) -> None:
    run(data_dir, "new", "partnership", "brand-new-partnership", capsys=capsys)
    path = data_dir / "partnerships" / "brand-new-partnership.yml"
    code, _, err = run(data_dir, "check", capsys=capsys)
    assert code == 1
    lines = path.read_text().splitlines()
    todo_lines = [n for n, line in enumerate(lines, 1) if ": TODO" in line or "[TODO]" in line]
    assert len(todo_lines) == len(FILLED_PARTNERSHIP)
    shown = "data/partnerships/brand-new-partnership.yml"
    for line in todo_lines:
        assert re.search(rf"^{shown}:{line}: \S+: replace TODO with the real value$", err, re.M)
    assert f"{shown}:5: name.da: replace TODO" in err
    assert "summary.en" in err and "sources[0]" in err


def test_a_filled_in_skeleton_passes_check(data_dir: Path, capsys) -> None:
    run(data_dir, "new", "partnership", "brand-new-partnership", capsys=capsys)
    path = data_dir / "partnerships" / "brand-new-partnership.yml"
    values = iter(FILLED_PARTNERSHIP)
    filled = re.sub(
        r"(?<=: )TODO|(?<=\[)TODO", lambda _: next(values), path.read_text(encoding="utf-8")
    )
    assert next(values, None) is None, "the skeleton has fewer TODOs than the test fills"
    path.write_text(filled, encoding="utf-8")
    code, out, err = run(data_dir, "check", capsys=capsys)
    assert code == 0, err
    assert out.startswith("ok: ")


def test_new_refuses_to_overwrite(data_dir: Path, capsys) -> None:
    path = data_dir / "partnerships" / "holbaek-home-start.yml"
    before = path.read_bytes()
    code, _, err = run(data_dir, "new", "partnership", "holbaek-home-start", capsys=capsys)
    assert code == 2
    assert "already exists" in err and "holbaek-home-start.yml" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("bad_id", ["Aarhus", "aarhus home", "århus", "x-", "a--b", "a" * 81, ""])
def test_new_refuses_a_bad_id(bad_id: str, data_dir: Path, capsys) -> None:
    before = sorted(data_dir.rglob("*"))
    code, _, err = run(data_dir, "new", "partnership", bad_id, capsys=capsys)
    assert code == 2
    assert "cannot be an id" in err and "lowercase" in err
    assert sorted(data_dir.rglob("*")) == before


def test_bad_arguments_exit_2_without_traceback(data_dir: Path) -> None:
    for args in (["new", "thing", "x"], ["new", "partnership"], ["review", "--months", "-3"]):
        result = subprocess.run(
            [sys.executable, "-m", "familyhub.cli.main", "--data", str(data_dir), *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert "error:" in result.stderr


def set_reviewed(data_dir: Path, relative: str, date: str) -> None:
    path = data_dir / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^last_reviewed: .*$", f"last_reviewed: {date}", text, flags=re.M))


# A fixed "today": the suite must not turn red by itself as the data's review dates age.
TODAY = dt.date(2026, 12, 2)
AS_OF_TODAY = ("--today", TODAY.isoformat())


def all_reviewed_on(data_dir: Path, date: dt.date) -> int:
    """Every entry of the copy reviewed on one day, so that what is due depends on the test alone
    and not on when the curated entries were last reviewed; returns how many entries there are."""
    entries = sorted(path for path in data_dir.glob("*/*.yml"))
    for path in entries:
        set_reviewed(data_dir, str(path.relative_to(data_dir)), date.isoformat())
    return len(entries)


def test_review_lists_old_entries_oldest_first(data_dir: Path, capsys) -> None:
    all_reviewed_on(data_dir, TODAY)
    long_ago = cutoff(TODAY, 36).isoformat()
    two_years = cutoff(TODAY, 24).isoformat()
    half_year = cutoff(TODAY, 6).isoformat()
    set_reviewed(data_dir, "municipalities/odder.yml", two_years)
    set_reviewed(data_dir, "partnerships/holbaek-home-start.yml", long_ago)
    set_reviewed(data_dir, "sources/boerneattest.yml", half_year)
    code, out, err = run(data_dir, "review", *AS_OF_TODAY, capsys=capsys)
    assert code == 0, err
    assert out.splitlines() == [
        f"{long_ago}  data/partnerships/holbaek-home-start.yml",
        f"{two_years}  data/municipalities/odder.yml",
    ]
    code, out, err = run(data_dir, "review", "--months", "3", *AS_OF_TODAY, capsys=capsys)
    assert code == 0, err
    assert out.splitlines() == [
        f"{long_ago}  data/partnerships/holbaek-home-start.yml",
        f"{two_years}  data/municipalities/odder.yml",
        f"{half_year}  data/sources/boerneattest.yml",
    ]


def test_review_prints_nothing_when_none_is_due(data_dir: Path, capsys) -> None:
    all_reviewed_on(data_dir, cutoff(TODAY, 11))
    assert run(data_dir, "review", *AS_OF_TODAY, capsys=capsys) == (0, "", "")


def test_review_today_moves_the_cutoff(data_dir: Path, capsys) -> None:
    """Two years on, every entry is due: --today really is the date reviews are judged by."""
    entries = all_reviewed_on(data_dir, TODAY)
    later = cutoff(TODAY, -24).isoformat()
    code, out, _ = run(data_dir, "review", "--today", later, capsys=capsys)
    assert code == 0 and len(out.splitlines()) == entries > 400  # 431 files in data/ on 7 Dec 2026


@pytest.mark.parametrize("months", ["x", "-1", "1.5", "99999"])
def test_review_refuses_a_bad_number_of_months(months: str, data_dir: Path, capsys) -> None:
    code, out, err = run(data_dir, "review", "--months", months, capsys=capsys)
    assert code == 2
    assert "is not a number of months" in err and out == ""


def test_cutoff_handles_short_months() -> None:
    assert cutoff(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert cutoff(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("partnership", {"start_year", "funding", "sources"}),
        ("source", {"published", "accessed"}),
        ("organisation", {"parent", "municipality"}),
    ],
)
def test_skeletons_carry_the_fields_an_ordinary_fact_needs(
    kind: str, fields: set[str], data_dir: Path, capsys
) -> None:
    """walk-editor.md §3: a funding's period and payer, a source's date, a branch's parent."""
    run(data_dir, "new", kind, "brand-new", capsys=capsys)
    folder = next(f for f, (k, _) in KINDS.items() if k == KIND_NAMES[kind])
    text = (data_dir / folder / "brand-new.yml").read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert fields <= set(document)
    assert "Optional" in text  # the blocks that may go say so
    if kind == "partnership":
        (funding,) = document["funding"]
        assert {"payer", "start_year", "years", "per"} <= set(funding)


PARTIES = ["--municipality", "holbeak", "--organisation", "home-start-nyby", "--source", "nyhed"]


def test_new_partnership_names_a_missing_id_and_its_near_match_and_writes_nothing(
    data_dir: Path, capsys
) -> None:
    before = sorted(data_dir.rglob("*.yml"))
    code, out, err = run(
        data_dir, "new", "partnership", "x-y", *PARTIES, "--no-input", capsys=capsys
    )
    assert code == 1 and not out
    assert (
        "familyhub new: no municipality 'holbeak' in data/municipalities/: did you mean holbaek?"
        in err
    )
    assert "no source 'nyhed' in data/sources/ (or run again with --create-missing" in err
    assert err.rstrip().endswith("familyhub new: nothing written")
    assert sorted(data_dir.rglob("*.yml")) == before


def test_new_partnership_with_create_missing_starts_each_missing_file(
    data_dir: Path, capsys
) -> None:
    args = ["new", "partnership", "x-y", *PARTIES, "--create-missing", "--no-input"]
    code, out, _ = run(data_dir, *args, capsys=capsys)
    assert code == 0
    for path in ("municipalities/holbeak", "organisations/home-start-nyby", "sources/nyhed"):
        assert f"wrote data/{path}.yml" in out
    partnership = yaml.safe_load((data_dir / "partnerships" / "x-y.yml").read_text("utf-8"))
    assert partnership["municipality"] == "holbeak" and partnership["sources"] == ["nyhed"]
    assert partnership["parties"][1]["organisation"] == "home-start-nyby"
    _, _, err = run(data_dir, "check", capsys=capsys)
    assert "replace TODO" in err and "no municipality with id" not in err  # only TODOs left


def test_new_partnership_on_a_terminal_asks_and_offers_the_near_match(
    data_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # holbeak, then the near match it meant; a new organisation (Enter: start its file, not one
    # of its near matches); Enter for the source: fill it in later
    answers = iter(["holbeak", "holbaek", "home-start-nyby", "", ""])
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    code, out, _ = run(data_dir, "new", "partnership", "x-y", capsys=capsys)
    assert code == 0 and next(answers, None) is None
    assert "did you mean holbaek?" in out
    assert asked[0].startswith("the municipality's id (its file name in data/municipalities/")
    assert (
        asked[1]
        == "type the id you meant (holbaek), or Enter to start data/municipalities/holbeak.yml: "
    )
    assert asked[3].endswith("or Enter to start data/organisations/home-start-nyby.yml: ")
    assert not (data_dir / "municipalities" / "holbeak.yml").exists()
    assert (data_dir / "organisations" / "home-start-nyby.yml").exists()
    partnership = yaml.safe_load((data_dir / "partnerships" / "x-y.yml").read_text("utf-8"))
    assert partnership["municipality"] == "holbaek" and partnership["sources"] == ["TODO"]


def test_the_party_flags_belong_to_new_partnership(data_dir: Path, capsys) -> None:
    code, _, err = run(data_dir, "new", "source", "x-y", "--municipality", "holbaek", capsys=capsys)
    assert code == 2 and "go with `familyhub new partnership`" in err
