"""Every YAML mistake an editor makes (issue 24, ../shared/reviews/walk-editor.md §4) gets a plain
sentence at the line where the mistake is: the line, the field and the message, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyhub.cli.check_language import PLACEHOLDER, TEMPLATES
from familyhub.cli.main import main
from familyhub.data.load import load_site_config
from familyhub.data.problems import Problem
from familyhub.data.yaml_errors import (
    COLON_IN_TEXT,
    INDENTATION,
    TAB,
    UNCLOSED_QUOTE,
)
from familyhub.data.yaml_lines import NOT_UTF8, read_yaml

from .conftest import ROOT

GOOD = """\
id: holbaek-home-start
name:
  da: Partnerskab i Holbæk
  en: Partnership in Holbæk
  nb: Partnerskap i Holbæk
status: unknown
parties:
- municipality: holbaek
  commits:
    da: Betaler
- organisation: home-start-holbaek
models: [home-start-family-friend]
last_reviewed: 2026-12-07
"""
JARGON = ("scalar", "token", "block", "mapping", "noticed", "invalid YAML", "expected")

# (what the editor did, the old line, the new one, line, field, message)
MISTAKES = [
    ("three spaces", "  en: P", "   en: P", 4, "en", INDENTATION),
    ("one space", "  en: P", " en: P", 4, "en", INDENTATION),
    ("four spaces, then two", "  da: P", "    da: P", 3, "da", INDENTATION),
    (
        "a list entry moved in",
        "- organisation:",
        "  - organisation:",
        11,
        "organisation",
        INDENTATION,
    ),
    ("a tab", "  en: P", "\ten: P", 4, "en", TAB),
    (
        "no space after a colon",
        "status: unknown",
        "status:unknown",
        6,
        "status",
        "no space after the colon of status: write status: unknown",
    ),
    (
        "no space after a colon, in a list",
        "- municipality: holbaek",
        "- municipality:holbaek",
        8,
        "municipality",
        "no space after the colon of municipality: write municipality: holbaek",
    ),
    ("a colon in a text", "  en: Partnership in", "  en: Partnership: in", 4, "en", COLON_IN_TEXT),
    ("a quote not closed", "  en: Partnership", '  en: "Partnership', 4, "en", UNCLOSED_QUOTE),
    (
        "a quote not closed, last line",
        "last_reviewed: 2026-12-07",
        "last_reviewed: '2026-12-07",
        13,
        "last_reviewed",
        UNCLOSED_QUOTE,
    ),
    (
        "a key twice",
        "status: unknown",
        "status: unknown\nstatus: active",
        7,
        "status",
        "status is written twice: keep only one",
    ),
    (
        "a bracket not closed",
        "models: [home-start-family-friend]",
        "models: [home-start-family-friend",
        12,
        "models",
        "a [ opened on this line is not closed: end it with ] on the same line",
    ),
    (
        "a text that begins with @",
        "  en: Partnership",
        "  en: @Partnership",
        4,
        "en",
        'a text cannot begin with @: put the whole text in quotes, such as en: "@…"',
    ),
    (
        "a control character",
        "  en: Partnership",
        "  en: Part\x07nership",
        4,
        "en",
        "this line holds an invisible control character (U+0007), often copied from a PDF or a"
        " word processor: delete it, or type the text again",
    ),
]


def read(tmp_path: Path, raw: bytes) -> list[Problem]:
    data_dir = tmp_path / "data"
    path = data_dir / "partnerships" / "holbaek-home-start.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    problems: list[Problem] = []
    read_yaml(path, data_dir, problems)
    return problems


def test_the_good_file_reads(tmp_path: Path) -> None:
    assert read(tmp_path, GOOD.encode()) == []


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [mistake[1:] for mistake in MISTAKES],
    ids=[mistake[0] for mistake in MISTAKES],
)
def test_each_yaml_mistake_is_said_plainly_at_its_line(
    tmp_path: Path, old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in GOOD
    problems = read(tmp_path, GOOD.replace(old, new, 1).encode())
    shown = "data/partnerships/holbaek-home-start.yml"
    assert problems == [Problem(shown, line, field, message)]
    assert not any(word in message for word in JARGON)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_file_not_saved_as_utf8_says_how_to_save_it(tmp_path: Path, encoding: str) -> None:
    problems = read(tmp_path, GOOD.encode(encoding))
    assert problems == [Problem("data/partnerships/holbaek-home-start.yml", 3, "(file)", NOT_UTF8)]
    assert "save the file as UTF-8" in NOT_UTF8


def test_every_language_of_the_site_says_each_yaml_mistake() -> None:
    """data/site.yml has each message as a label in every language, with the same {names};
    the English label is the message itself."""
    site = load_site_config(ROOT / "data")
    for language in site.languages:
        for key, template in TEMPLATES.items():
            label = language.labels[key]
            assert set(PLACEHOLDER.findall(label)) == set(PLACEHOLDER.findall(template)), key
            if language.code == "en":
                assert label == template


@pytest.mark.parametrize(
    ("options", "terminal", "message"),
    [
        (
            ["--lang", "da"],
            "C.UTF-8",
            "et tabulatortegn i starten af linjen: ryk kun ind med mellemrum",
        ),
        ([], "nb_NO.UTF-8", "et tabulatortegn i starten av linjen: rykk bare inn med mellomrom"),
        ([], "C.UTF-8", "a tab at the start of this line: indent with spaces only"),
    ],
)
def test_check_says_a_yaml_mistake_in_the_editors_language(
    data_dir: Path, capsys, monkeypatch, options: list[str], terminal: str, message: str
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", terminal)
    path = data_dir / "partnerships" / "holbaek-home-start.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n  en: ", "\n\ten: ", 1), encoding="utf-8")
    assert main(["--data", str(data_dir), "check", *options]) == 1
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if "\ten: " in row)
    assert (
        f"data/partnerships/holbaek-home-start.yml:{line}: en: {message}" in capsys.readouterr().err
    )
