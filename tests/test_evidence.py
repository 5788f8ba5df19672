"""issue 22: evaluations a committee can weigh. `familyhub check` refuses a design outside the
vocabulary and a participant count that is not a positive whole number, naming file and line;
the build's date is an input (SOURCE_DATE_EPOCH), never guessed by a template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from familyhub.data.evidence import DESIGNS, by_design
from familyhub.data.load import load_hub
from familyhub.pages.citation import BuildDateError, build_date, epoch_of

from .test_check import check, line_number

Edit = Callable[[str, Callable[[str], str]], Path]
SFI = "evaluations/sfi-lige-muligheder-2016.yml"
RATING = "evaluations/vidensportal-home-start.yml"


def test_every_evaluation_states_its_design(data_dir: Path) -> None:
    evaluations = load_hub(data_dir).all("evaluation")
    assert len(evaluations) == 17
    assert all(evaluation.design in DESIGNS for evaluation in evaluations)
    # the vocabulary's order: designs the sources describe first, "not stated" last
    groups = [design for design, _ in by_design(evaluations)]
    assert groups[-1] == "not-stated"
    assert groups == sorted(groups, key=DESIGNS.index)


def test_design_outside_the_vocabulary(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit(SFI, lambda text: text.replace("design: not-stated", "design: survey"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "design: survey")
    assert f"data/{SFI}:{line}: design: write one of the designs effect-study," in err
    assert "not 'survey'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("count", ["0", "-3", "12.5", "many", "'165'", "true"])
def test_participants_not_a_positive_whole_number(
    data_dir: Path, edit: Edit, capsys, count: str
) -> None:
    path = edit(SFI, lambda text: text.replace("count: 165", f"count: {count}"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, f"count: {count}")
    assert (
        f"data/{SFI}:{line}: participants.count: "
        "write how many took part as a positive whole number, such as 165, not " in err
    ), err


def test_score_off_its_scale(data_dir: Path, edit: Edit, capsys) -> None:
    edit(RATING, lambda text: text.replace("score: C", "score: E"))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    assert f"data/{RATING}:" in err
    assert "a score on the scale vidensportal-a-d is one of A, B, C, D, not 'E'" in err


def test_a_rating_without_its_scores(data_dir: Path, edit: Edit, capsys) -> None:
    def without_rating(text: str) -> str:
        """The file less its rating block: the line rating: and the indented lines under it."""
        lines = text.splitlines(keepends=True)
        start = lines.index("rating:\n")
        end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith(" "))
        return "".join(lines[:start] + lines[end:])

    path = edit(RATING, without_rating)
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "design: rating")
    assert f"data/{RATING}:{line}: design: a rating gives its scale and scores" in err


def test_the_build_date_is_an_input() -> None:
    day = dt.date(2026, 12, 7)
    assert build_date({"SOURCE_DATE_EPOCH": epoch_of(day)}) == day
    assert build_date({}) == dt.date.today()
    with pytest.raises(BuildDateError, match="whole seconds since 1 January 1970"):
        build_date({"SOURCE_DATE_EPOCH": "7 December"})
