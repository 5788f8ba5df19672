"""The Contribute page quotes the error messages an editor meets: each one must be real.

The scenario makes, through the real commands, the mistakes a newcomer makes while following
the page (docs/contribute.md and .en.md), and every message the page's table quotes must appear.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from familyhub.cli.main import main

from .conftest import LANGUAGE_CODES, PREFIX, ROOT

# docs/contribute.md in the default language, contribute.<code>.md in each other one
CONTRIBUTE_PAGES = [f"contribute.{code}.md" if PREFIX[code] else "contribute.md" for code in PREFIX]

QUOTED = re.compile(r"^\| `([^`]+)`(?:\{: lang=\"en\" \})? \|", re.M)  # English, marked as such
# what a newcomer types into the partnership skeleton, with the mistakes the page warns about
FILLED = [
    "Viborg og Home-Start",
    "Viborg and Home-Start",
    "Viborg og Home-Start",
    "aktiv",  # Danish for active
    "holbaek-home-start-2024",  # the source that says it is active
    "viborg",  # no such municipality yet
    "2025",
    "viborg",
    "Betaler: koordinator",  # a colon and a space, unquoted
    "Pays the coordinator",
    "Betaler koordinatoren",
    "home-start-viborg",  # no such organisation yet
    "Frivillige",
    "Volunteers",
    "Frivillige",
    "Et samarbejde.",
    "",  # the English summary left empty
    "Et samarbeid.",
    "500.000 kr.",
    "viborg",  # the payer: the municipality
    "2025",
    "3",
    "granted",
    "Bidrag",
    "Contribution",
    "Bidrag",
    "holbaek-home-start-2024",
    "holbaek-home-start-2024",
]

FILLED_SUMMARY = {"da": "Et samarbejde.", "en": "A cooperation.", "nb": "Et samarbeid."}

# the source of the partnership, with a language and a month written as people say them
SOURCE = [
    "Viborg og Home-Start",
    "Viborg Kommune",
    "news",
    "dansk",  # not a language code
    "https://www.viborg.dk/nyheder/home-start",
    "2025-11-20",  # published
    "11-2025",  # not YYYY-MM
    "En nyhed om samarbejdet.",
    "A news item about the partnership.",
    "En nyhet om samarbeidet.",
]

ORGANISATION = [
    "Home-Start Viborg",
    "local-branch",
    "home-start-familiekontakt",  # the national organisation it belongs to
    "viborg",  # the municipality it works in
    "www.homestart.dk",  # no https://
    "Lokalafdeling.",
    "Local branch.",  # then deleted: a missing translation
    "Lokal avdeling.",
    "holbaek-home-start-2024",
]


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str, exits: int) -> str:
    """What a command says; it must end with the exit code the README gives for the case
    (0 done, 1 the data has problems, 2 a usage error)."""
    try:
        code = main(["--data", str(data_dir), *args])
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert code == exits, f"{args} exited {code}: {captured.err}"
    return captured.out + captured.err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fill(path: Path, values: list[str]) -> None:
    """Replace the TODOs of a skeleton, in order, with what a newcomer types."""
    answers = iter(values)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?<=: )TODO|(?<=\[)TODO", lambda _: next(answers), text), "utf-8")


def newcomer_session(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    said = [run(data_dir, capsys, "new", "source", "viborg-news-2025", exits=0)]
    fill(data_dir / "sources" / "viborg-news-2025.yml", SOURCE)
    said.append(run(data_dir, capsys, "new", "partnership", "Viborg Home-Start", exits=2))
    said.append(run(data_dir, capsys, "new", "partnership", "viborg-home-start", exits=0))
    said.append(run(data_dir, capsys, "new", "partnership", "viborg-home-start", exits=2))
    said.append(run(data_dir, capsys, "check", exits=1))  # TODOs
    path = data_dir / "partnerships" / "viborg-home-start.yml"
    fill(path, FILLED)
    said.append(run(data_dir, capsys, "check", exits=1))  # the colon
    edit(path, "Betaler: koordinator", "Betaler koordinatoren")
    said.append(run(data_dir, capsys, "check", exits=1))  # status, empty text, amount
    edit(path, "status: aktiv", "status: active")
    edit(path, "  en: \n", "  en: A cooperation.\n")
    edit(path, "amount: 500.000 kr.", "amount: 500000")
    edit(path, "summary:", "sumary:")
    said.append(run(data_dir, capsys, "check", exits=1))  # unknown and missing field, references
    edit(path, "sumary:", "summary:")
    said.append(
        run(data_dir, capsys, "check", exits=1)
    )  # the municipality and organisation to make
    said.append(run(data_dir, capsys, "new", "organisation", "home-start-viborg", exits=0))
    organisation = data_dir / "organisations" / "home-start-viborg.yml"
    fill(organisation, ORGANISATION)
    edit(organisation, "  en: Local branch.\n", "")
    edit(organisation, "name: Home-Start Viborg", "name: Home-Start Viborg\nname: Home-Start")
    said.append(run(data_dir, capsys, "check", exits=1))  # a key twice
    edit(organisation, "\nname: Home-Start\n", "\n")
    # whatever day `new` wrote (the test may run across midnight), the date a Dane types
    written = re.search(r"(?m)^last_reviewed: \d{4}-\d{2}-\d{2}$", organisation.read_text())
    assert written, "the skeleton has no review date"
    edit(organisation, written.group(), "last_reviewed: 23-11-2026")
    # a copy of a file under a new name, with the id left as it was
    shutil.copy(
        data_dir / "organisations" / "red-barnet.yml", data_dir / "organisations" / "rb.yml"
    )
    said.append(run(data_dir, capsys, "check", exits=1))  # website, translation, date, duplicate id
    said.extend(editors_walk(data_dir, capsys, path, organisation))
    return "\n".join(said)


# issue 20: the mistakes of ../shared/reviews/walk-editor.md §4, one at a time, each put back
WALK = [
    {"amount: 500000": "amount: 500.000"},
    {"start_year: 2025": "start_year: i år"},
    {"  en: Viborg and Home-Start": "   en: Viborg and Home-Start"},  # a space too many
    {"  en: Viborg and Home-Start": "\ten: Viborg and Home-Start"},  # a tab
    {"  en: Viborg and Home-Start": '  en: "Viborg and Home-Start'},  # a quote not closed
    {"status: active": "status: [active"},
    {"status: active": "status:active"},  # no space after the colon
    {"  en: Viborg and Home-Start": "  en: @Viborg and Home-Start"},
    {"summary:": "startyear: 2025\nsummary:"},
    {"summary:": "budget: 3\nsummary:"},
    # the texts of summary at the left margin
    {f"  {lang}: {text}": f"{lang}: {text}" for lang, text in FILLED_SUMMARY.items()},
]


def editors_walk(
    data_dir: Path, capsys: pytest.CaptureFixture[str], path: Path, organisation: Path
) -> list[str]:
    said = []
    for changes in WALK:
        for old, new in changes.items():
            edit(path, old, new)
        said.append(run(data_dir, capsys, "check", exits=1))
        for old, new in changes.items():
            edit(path, new, old)
    edit(organisation, "last_reviewed: 23-11-2026", "last_reviewed: 2026-02-31")
    said.append(run(data_dir, capsys, "check", exits=1))
    text = path.read_text(encoding="utf-8")
    latin_1 = text.replace("Et samarbejde.", "Et særligt samarbejde.").encode("latin-1")
    for broken in (latin_1, b""):  # saved as Latin-1, then emptied
        path.write_bytes(broken)
        said.append(run(data_dir, capsys, "check", exits=1))
    path.write_text(text, encoding="utf-8")
    return said


def quoted_messages(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    error_table = text[text.rindex("\n## ") :]
    return QUOTED.findall(error_table)


def test_every_message_the_contribute_pages_quote_is_real(data_dir: Path, capsys) -> None:
    """One newcomer's session, and each language's page read against what it said."""
    said = newcomer_session(data_dir, capsys)
    for page in CONTRIBUTE_PAGES:
        messages = quoted_messages(ROOT / "docs" / page)
        assert len(messages) >= 15, page
        missing = [
            message
            for message in messages
            if not all(part.strip() in said for part in message.split("…") if part.strip())
        ]
        assert missing == [], f"{page}: {missing}\n{said}"


YAML_EXAMPLE = re.compile(r"```yaml\n(.*?)```", re.S)
GUIDE = "guides/municipal-partnership.yml"


def with_example(data_dir: Path, example: str) -> None:
    """The guide's item `contact-person` replaced by the page's example, indented as an item."""
    guide = data_dir / GUIDE
    text = guide.read_text(encoding="utf-8")
    start, end = text.index("  - id: contact-person\n"), text.index("- phase: organise")
    guide.write_text(text[:start] + textwrap.indent(example, "  ") + text[end:], "utf-8")


def test_the_checklist_example_has_every_language_and_passes_check(data_dir: Path, capsys) -> None:
    """Each page's YAML example, put into a guide as it stands, passes `familyhub check`."""
    for page in CONTRIBUTE_PAGES:
        example = YAML_EXAMPLE.search((ROOT / "docs" / page).read_text(encoding="utf-8"))
        assert example, page
        item = yaml.safe_load(example.group(1))[0]
        assert set(item["title"]) == set(item["text"]) == set(LANGUAGE_CODES), page
        with_example(data_dir, example.group(1))
        assert run(data_dir, capsys, "check", exits=0).count("ok: ") == 1
    # the control: the example without its Norwegian title is refused
    without_nb = re.sub(r"(?m)^    nb: Utpek.*\n", "", example.group(1))
    with_example(data_dir, without_nb)
    assert "title: missing translation: nb" in run(data_dir, capsys, "check", exits=1)
