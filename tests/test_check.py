"""`familyhub check`: every kind of bad input names file, line and field, and exits 1."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from familyhub.cli.main import main

from .conftest import LANGUAGE_CODES, ROOT, Edit, edits_put_back

PARTNERSHIP = "partnerships/holbaek-home-start.yml"


def check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--data", str(data_dir), "check"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def replace_all(text: str, changes: dict[str, str]) -> str:
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


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


def test_a_source_language_without_a_name_is_reported(data_dir: Path, edit: Edit, capsys) -> None:
    """Each source page names its language (label language-<code>): a language no label names
    stopped `mkdocs build` after `check` had passed it."""
    source = "sources/giske-okonomiplan-2024.yml"
    path = edit(source, lambda text: text.replace("language: nn\n", "language: sv\n", 1))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "language: sv")
    assert (
        f"data/{source}:{line}: language: 'sv' has no name in data/site.yml: add the label "
        "'language-sv' to the labels of da, en, nb"
    ) in err


def test_impossible_date_is_reported_on_its_line(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(
        PARTNERSHIP,
        lambda text: text.replace("status: unknown", "status: unknown\nannounced: 2024-02-30"),
    )
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "2024-02-30")
    message = "announced: '2024-02-30' is not on the calendar: February 2024 has 29 days"
    assert f"data/{PARTNERSHIP}:{line}: {message}" in err


def test_invalid_yaml_gives_line(data_dir: Path, edit: Edit, capsys) -> None:
    edit(PARTNERSHIP, lambda text: text.replace("status: unknown", "status: [unknown"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(data_dir / PARTNERSHIP, "status: [unknown")
    bracket = "a [ opened on this line is not closed: end it with ] on the same line"
    assert f"data/{PARTNERSHIP}:{line}: status: {bracket}" in err


def test_key_given_twice_is_refused(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(
        PARTNERSHIP, lambda text: text.replace("status: unknown", "status: unknown\nstatus: ended")
    )
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert (
        f"data/{PARTNERSHIP}:{line_number(path, 'status: ended')}: status: "
        "status is written twice: keep only one" in err
    )


def test_empty_file_and_stray_folder_are_reported(data_dir: Path, capsys) -> None:
    (data_dir / "cases" / "empty.yml").write_text("")
    (data_dir / "cases" / "folder.yml").mkdir()
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert (
        "data/cases/empty.yml:1: (file): expected fields, one per line, such as"
        " id: aarhus-home-start, found an empty file" in err
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


@pytest.fixture(scope="module")
def shared_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of data/ for the many one-mistake cases below, each put back after its test."""
    return Path(shutil.copytree(ROOT / "data", tmp_path_factory.mktemp("shared") / "data"))


@pytest.fixture
def shared_edit(shared_data: Path) -> Iterator[Edit]:
    with edits_put_back(shared_data) as rewrite:
        yield rewrite


# issue 20: money that cannot be misread. YAML reads 300.000 (how Danes write 300,000) as 300.0.
@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("300.000", "write the amount in digits only: 300000, not 300.000"),
        ("1.500.000", "write the amount in digits only: 1500000, not 1.500.000"),
        ("300.000 kr", "write the amount in digits only: 300000, not 300.000 kr"),
        ("300,000", "write the amount in digits only: 300000, not 300,000"),
        ("1.5", "write the amount as a whole number in digits only, such as 300000, not 1.5"),
        ("lots", "write the amount as a whole number in digits only, such as 300000, not lots"),
    ],
)
def test_money_is_digits_only(
    shared_data: Path, shared_edit: Edit, capsys, written: str, message: str
) -> None:
    path = shared_edit(
        PARTNERSHIP, lambda text: text.replace("amount: 500000", f"amount: {written}")
    )
    code, _, err = check(shared_data, capsys)
    assert code == 1
    line = line_number(path, f"amount: {written}")
    assert f"data/{PARTNERSHIP}:{line}: funding[0].amount: {message}" in err.splitlines()


def test_a_money_figure_is_digits_only_but_a_share_may_have_decimals(
    data_dir: Path, edit: Edit, capsys
) -> None:
    """A figure with a currency is money; the same figure without one (a share, a number of
    posts) keeps its decimals: the negative control that only money is refused."""
    case = "cases/holbaek-first-partnership.yml"
    path = edit(case, lambda text: text.replace("value: 500000", "value: 500.000", 1))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "value: 500.000")
    problem = f"data/{case}:{line}: facts[0].value: write the amount in digits only: 500000"
    assert any(problem in row for row in err.splitlines()), err
    without_currency = {"value: 500.000": "value: 500000.5", "    currency: DKK\n": ""}
    edit(case, lambda text: replace_all(text, without_currency))
    code, _, err = check(data_dir, capsys)
    assert code == 0, err


def test_the_schema_says_money_is_an_integer() -> None:
    from familyhub.data.facts import CostPerFamily
    from familyhub.data.fields import Figure
    from familyhub.data.models import Funding

    for model in (Funding, CostPerFamily):
        assert model.model_json_schema()["properties"]["amount"]["type"] == "integer"
    # a figure is money where it has a currency: then, and only then, its value is whole
    figure = Figure.model_json_schema()
    assert figure["if"] == {"required": ["currency"]}
    assert figure["then"]["properties"]["value"]["type"] == "integer"


# issue 20: a date must be on the calendar wherever it is, in a history or as a full date
@pytest.mark.parametrize(
    ("relative", "pattern", "written", "field", "message"),
    [
        (
            PARTNERSHIP,
            r"^- date: .*$",
            "- date: 2021-02-31",
            "history[0].date",
            "'2021-02-31' is not on the calendar: February 2021 has 28 days",
        ),
        (
            PARTNERSHIP,
            r"^- date: .*$",
            "- date: '2021-02-31'",
            "history[0].date",
            "'2021-02-31' is not on the calendar: February 2021 has 28 days",
        ),
        (PARTNERSHIP, r"^- date: .*$", "- date: 2024-02-29", None, None),
        (
            PARTNERSHIP,
            r"^last_reviewed: .*$",
            "last_reviewed: 2025-02-29",
            "last_reviewed",
            "'2025-02-29' is not on the calendar: February 2025 has 28 days",
        ),
        (
            PARTNERSHIP,
            r"^status: unknown$",
            "status: unknown\nannounced: 31/02/2026",
            "announced",
            "write a date as YYYY-MM-DD, such as 2026-03-01, not '31/02/2026'",
        ),
        (
            PARTNERSHIP,
            r"^status: unknown$",
            "status: unknown\nannounced: 2024-13-01",
            "announced",
            "'2024-13-01' is not a date: a month is 01 to 12 (write YYYY-MM-DD)",
        ),
    ],
)
def test_dates_are_on_the_calendar(
    shared_data: Path, shared_edit: Edit, capsys, relative, pattern, written, field, message
) -> None:
    path = shared_edit(relative, lambda text: re.sub(pattern, written, text, count=1, flags=re.M))
    code, _, err = check(shared_data, capsys)
    if message is None:  # the negative control: 29 February of a leap year is a day
        assert code in (0, 1) and "history[0].date" not in err, err
        return
    assert code == 1
    line = line_number(path, written.splitlines()[-1])
    assert f"data/{relative}:{line}: {field}: {message}" in err.splitlines(), err


INDENTATION = "this line is not lined up with the fields around it: check the spaces at its start"
EN_NAME = "  en: Partnership agreement between Holbæk Municipality and HOME-START Holbæk"


# issue 20, the editor's walk (../shared/reviews/walk-editor.md §4): each mistake, alone, on
# the line where it is, in words that say what to do
@pytest.mark.parametrize(
    ("old", "new", "marker", "field", "message"),
    [
        (EN_NAME, " " + EN_NAME, "   en: Partnership", "en", INDENTATION),
        (EN_NAME, EN_NAME[1:], " en: Partnership", "en", INDENTATION),
        (
            "\n- organisation: home-start-holbaek",
            "\n  - organisation: home-start-holbaek",
            "  - organisation: home-start-holbaek",
            "organisation",
            INDENTATION,
        ),
        (
            EN_NAME,
            "\t" + EN_NAME[2:],
            "\ten: Partnership",
            "en",
            "a tab at the start of this line: indent with spaces only (two for each level)",
        ),
        (
            "Partnership agreement between",
            "Partnership: agreement between",
            "Partnership: agr",
            "en",
            "a text holds a colon followed by a space: put the whole text in quotes",
        ),
        (
            EN_NAME,
            '  en: "Partnership agreement',
            '  en: "Partnership',
            "en",
            "a quote opened on this line is not closed: end the text with the same quote mark",
        ),
        (
            "status: unknown",
            "status: unknown\nstart_year: i år",
            "start_year: i år",
            "start_year",
            "write a whole number in digits, such as 2026, not 'i år'",
        ),
        (
            "status: unknown",
            "status: unknown\nstartyear: 2024",
            "startyear: 2024",
            "startyear",
            "unknown field: did you mean start_year?",
        ),
        (
            "amount: 500000",
            "amount: 500000\n  amout: 1",
            "  amout: 1",
            "funding[0].amout",
            "unknown field: did you mean amount?",
        ),
        (
            "status: unknown",
            "status: unknown\nbudget: 3",
            "budget: 3",
            "budget",
            "unknown field: check its spelling",
        ),
        (
            "amount: 500000",
            "amount: -300000",
            "amount: -300000",
            "funding[0].amount",
            "write a number of at least 0, not -300000",
        ),
    ],
)
def test_each_mistake_of_the_editors_walk_says_what_to_do(
    shared_data: Path, shared_edit: Edit, capsys, old, new, marker, field, message
) -> None:
    path = shared_edit(PARTNERSHIP, lambda text: replace_all(text, {old: new}))
    code, _, err = check(shared_data, capsys)
    assert code == 1
    expected = f"data/{PARTNERSHIP}:{line_number(path, marker)}: {field}: {message}"
    problems = err.splitlines()[:-1]
    assert len(problems) == 1 and problems[0].startswith(expected), err


def test_texts_left_at_the_margin_are_told_to_be_indented(
    data_dir: Path, edit: Edit, capsys
) -> None:
    """`summary:` with its da/en/nb at the left margin: not 'a valid dictionary' and three
    'unknown field's, but where they belong."""

    def unindent_summary(text: str) -> str:
        head, rest = text.split("\nsummary:\n", 1)
        body = re.match(r"(?:  [^\n]*\n)+", rest).group(0)  # type: ignore[union-attr]
        return f"{head}\nsummary:\n" + re.sub(r"^  ", "", body, flags=re.M) + rest[len(body) :]

    path = edit(PARTNERSHIP, unindent_summary)
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "summary:")
    assert (
        f"data/{PARTNERSHIP}:{line}: summary: write the fields of summary on the lines below it,"
        " each indented by two spaces more than summary" in err
    )
    hint = "unknown field here: if it belongs under summary, indent it by two spaces more"
    for language in LANGUAGE_CODES:
        assert f": {language}: {hint}" in err


def test_a_file_not_saved_as_utf8_is_told_how_to_save_it(data_dir: Path, capsys) -> None:
    path = data_dir / PARTNERSHIP
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert f"data/{PARTNERSHIP}:3: (file): not saved as UTF-8" in err  # line 3: the first "æ"
    assert "save the file as UTF-8" in err


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
