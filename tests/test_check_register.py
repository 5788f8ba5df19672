"""`familyhub check` on issue 14's facts (history, status, disputes, series, cost per family,
sources without an address): each problem names its file, line and field, and exits 1."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .register_fixtures import ACTIVE, ENDED, LARGE, NETWORK, NO_ADDRESS, add_register_examples
from .test_check import check, line_number

Edit = Callable[[str, Callable[[str], str]], Path]
ENDED_FILE = f"partnerships/{ENDED}.yml"
ACTIVE_FILE = f"partnerships/{ACTIVE}.yml"
LARGE_FILE = f"partnerships/{LARGE}.yml"


@pytest.fixture
def register_data(data_dir: Path) -> Path:
    add_register_examples(data_dir)
    return data_dir


def test_the_examples_themselves_are_clean(register_data: Path, capsys) -> None:
    code, _, err = check(register_data, capsys)
    assert code == 0, err


def test_source_without_address_or_reason(register_data: Path, edit: Edit, capsys) -> None:
    path = edit(
        f"sources/{NO_ADDRESS}.yml", lambda text: re.sub(r"no_address:\n(  .*\n)+", "", text)
    )
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "title:")
    assert (
        f"data/sources/{NO_ADDRESS}.yml:{line}: title: "
        "give the source's address (url) or say why it has none (no_address)" in err
    )


def test_status_that_contradicts_the_last_event(register_data: Path, edit: Edit, capsys) -> None:
    path = edit(ENDED_FILE, lambda text: text.replace("status: ended", "status: unknown"))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "status: unknown")
    assert (
        f"data/{ENDED_FILE}:{line}: status: "
        "status is 'unknown' but the last history event is 'ended'" in err
    )


def test_ended_status_without_an_ended_event(register_data: Path, edit: Edit, capsys) -> None:
    path = edit(ENDED_FILE, lambda text: text.replace("event: ended", "event: paused"))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "status: ended")
    assert (
        f"data/{ENDED_FILE}:{line}: status: "
        "an ended partnership has an 'ended' event in its history" in err
    )


def test_active_status_without_its_source(register_data: Path, edit: Edit, capsys) -> None:
    relative = f"partnerships/{ACTIVE}.yml"
    path = edit(relative, lambda text: text.replace("status_source: fixture-register-page\n", ""))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "status: active")
    assert (
        f"data/{relative}:{line}: status: status 'active' needs the source that says so "
        "(status_source)" in err
    )


def test_dispute_with_one_value(register_data: Path, edit: Edit, capsys) -> None:
    path = edit(ENDED_FILE, lambda text: text.replace('value: "2009"', 'value: "2008"'))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "disputes:") + 1
    assert (
        f"data/{ENDED_FILE}:{line}: disputes[0]: a dispute holds at least two different values"
        in err
    )


def test_disputed_value_without_its_source(register_data: Path, edit: Edit, capsys) -> None:
    path = edit(
        ENDED_FILE,
        lambda text: text.replace(
            '      - value: "2009"\n        source: fixture-register-letter\n',
            '      - value: "2009"\n',
        ),
    )
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, 'value: "2009"')
    assert f"data/{ENDED_FILE}:{line}: disputes[0].claims[1].source:" in err


def test_series_with_two_points_for_one_year(register_data: Path, edit: Edit, capsys) -> None:
    relative = f"organisations/{NETWORK}.yml"
    path = edit(relative, lambda text: text.replace("- year: 2020", "- year: 2012"))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "- id: branches")
    assert (
        f"data/{relative}:{line}: series[0]: points in year order, one a year "
        "(a second value for a year is a dispute)" in err
    )


@pytest.mark.parametrize("figure", ["amount", "families"])
def test_cost_per_family_without_one_of_its_figures(
    register_data: Path, edit: Edit, capsys, figure: str
) -> None:
    lines = {"amount": "  - amount: 700000\n    currency", "families": "    families: 35\n"}
    replaced = {"amount": "  - currency", "families": ""}
    path = edit(ENDED_FILE, lambda text: text.replace(lines[figure], replaced[figure]))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "cost_per_family:") + 1
    assert f"data/{ENDED_FILE}:{line}: cost_per_family[0].{figure}:" in err


def test_history_event_without_a_date(register_data: Path, edit: Edit, capsys) -> None:
    path = edit(
        ENDED_FILE, lambda text: text.replace('  - date: "2015-03"\n    event', "  - event")
    )
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(path, "  - event: started")
    assert f"data/{ENDED_FILE}:{line}: history[0].date:" in err


def test_funding_payer_outside_the_register_or_vocabulary_and_a_backward_period(
    register_data: Path, edit: Edit, capsys
) -> None:
    """Three funding lines, three files, one run: each problem at its own line and field."""
    ended = edit(ENDED_FILE, lambda text: text.replace("id: holbaek", "id: holbeak"))
    large = edit(LARGE_FILE, lambda text: text.replace("kind: foundation", "kind: fond"))
    active = edit(
        ACTIVE_FILE, lambda text: text.replace("    per: year\n", "    per: year\n    years: -2\n")
    )
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(ended, "id: holbeak")
    assert (
        f"data/{ENDED_FILE}:{line}: funding[0].payer.id: "
        "payer id 'holbeak' is not a municipality in data/municipalities/" in err
    )
    line = line_number(large, "kind: fond")
    assert f"data/{LARGE_FILE}:{line}: funding[0].payer.kind: Input should be 'municipality'" in err
    line = line_number(active, "  - amount: 300000")
    assert (
        f"data/{ACTIVE_FILE}:{line}: funding[0]: years is -2: the period would end before it "
        "starts; write 1 or more (1: the start year alone)" in err
    )


def test_funding_without_payer_or_period(register_data: Path, edit: Edit, capsys) -> None:
    ended = edit(ENDED_FILE, lambda text: text.replace("    years: 4\n", ""))
    large = edit(LARGE_FILE, lambda text: re.sub(r"    payer:\n(      .*\n)+", "", text))
    code, _, err = check(register_data, capsys)
    assert code == 1
    line = line_number(large, "  - amount: 1500000")
    assert f"data/{LARGE_FILE}:{line}: funding[0].payer: required field missing" in err
    line = line_number(ended, "  - amount: 800000")
    assert (
        f"data/{ENDED_FILE}:{line}: funding[0]: a funding line needs its period: start_year and "
        "years, or 'period: unknown' where the source gives none" in err
    )
