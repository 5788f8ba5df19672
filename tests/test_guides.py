"""Guides as data and `familyhub guide`: every item sourced, bad guides named by file and line,
and the personal plan written right or refused with exit 2."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from familyhub.cli.main import main
from familyhub.data.guide_model import PHASES
from familyhub.pages.guides import item_views, plans_by_requirement_set

from .conftest import LANGUAGE_CODES
from .real_data import HUB

DASH, TIMES = "\u2013", "\u00d7"  # as the labels write them
BRANCH = "guides/new-branch-norway.yml"
Edit = Callable[[str, Callable[[str], str]], Path]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse's own errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_number(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


# --- the guides in data/ ---------------------------------------------------------------------


def test_both_guides_exist_for_founders_and_for_municipalities() -> None:
    assert {guide.audience for guide in HUB.all("guide")} == {"founders", "municipalities"}


@pytest.mark.parametrize("guide_id", list(HUB.entities["guide"]))
def test_every_item_names_a_source_that_exists(guide_id: str) -> None:
    for view in item_views(HUB, HUB.get("guide", guide_id)):
        assert view.sources, f"{guide_id}: {view.id} has no source"
        for source_id in view.sources:
            assert source_id in HUB.sources
        assert view.title["da"].strip() and view.title["en"].strip()


@pytest.mark.parametrize("guide_id", list(HUB.entities["guide"]))
def test_the_guide_lists_every_source_its_items_cite(guide_id: str) -> None:
    guide = HUB.get("guide", guide_id)
    cited = {source for view in item_views(HUB, guide) for source in view.sources}
    assert cited == set(guide.sources)


@pytest.mark.parametrize("guide_id", list(HUB.entities["guide"]))
def test_phases_start_with_preparing_and_end_with_the_first_families(guide_id: str) -> None:
    order = [phase.phase for phase in HUB.get("guide", guide_id).phases]
    assert sorted(order) == sorted(PHASES)
    assert order[0] == "prepare" and order[-1] == "start"


# counted by hand in data/guides/*.yml (audience: founders); an empty list would skip, not fail
FOUNDERS_GUIDES = [g.id for g in HUB.all("guide") if g.audience == "founders"]


def test_the_founders_guides_are_those_of_the_data() -> None:
    assert sorted(FOUNDERS_GUIDES) == ["new-branch-denmark", "new-branch-norway"]


@pytest.mark.parametrize("guide_id", FOUNDERS_GUIDES)
def test_a_founder_hires_only_after_the_money_and_the_agreement(guide_id: str) -> None:
    """Issue 13: no money spent before the decision it depends on; in Norway the application to
    the national organisation comes before the coordinator is hired."""
    order = [phase.phase for phase in HUB.get("guide", guide_id).phases]
    assert order.index("fund") < order.index("hire")
    assert order.index("agree") < order.index("hire")


def test_the_branch_guide_budgets_the_coordinator_and_the_office_from_the_requirements() -> None:
    guide = plans_by_requirement_set(HUB)["hsfn-new-branch"]
    budgeted = {(line.requirement.id, line.input) for line in guide.budget}
    assert budgeted == {("coordinator", "coordinator-salary"), ("office-costs", "office-cost")}


def test_the_partnership_guide_covers_what_the_partnerships_agreed() -> None:
    guide = HUB.get("guide", "municipal-partnership")
    ids = {view.id for view in item_views(HUB, guide)}
    agreed = {
        "multi-year-funding",
        "evaluations",
        "shared-values",
        "contact-person",
        "volunteer-insurance",
        "purchasing",
        "donations",
        "separate-it",
        "political-priority",
    }
    assert agreed <= ids


# --- bad guides are reported by `familyhub check` --------------------------------------------


def check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, _, err = run(["--data", str(data_dir), "check"], capsys)
    return code, err


def test_item_naming_a_missing_requirement_names_file_line_and_field(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(BRANCH, lambda text: text.replace("      id: operator\n", "      id: operater\n"))
    code, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "id: operater")
    assert (
        f"data/{BRANCH}:{line}: phases[0].items[1].requirement.id: "
        "no requirement 'operater' in requirement set 'hsfn-new-branch'"
    ) in err


def test_budget_on_a_requirement_without_years_is_refused(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(
        BRANCH,
        lambda text: text.replace(
            "    set: hsfn-new-branch\n    id: office-costs\n",
            "    set: hsfn-new-branch\n    id: operator\n",
        ),
    )
    code, err = check(data_dir, capsys)
    assert code == 1
    # the budget's own line (an item's requirement further up names operator too, indented more)
    line = path.read_text().splitlines().index("    id: operator") + 1
    assert f"data/{BRANCH}:{line}: budget[1].requirement.id: " in err
    assert "has no years to budget for" in err


def test_budget_running_from_a_step_not_in_the_guide_is_refused(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(
        BRANCH,
        lambda text: text.replace(
            "    item: hire-coordinator\n    at: end\n", "    item: hire-coordinatr\n    at: end\n"
        ),
    )
    code, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(path, "    item: hire-coordinatr")
    assert f"data/{BRANCH}:{line}: budget[0].runs_from.item: " in err
    assert "no step 'hire-coordinatr' in this guide" in err


def test_item_without_source_or_requirement_is_refused(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(BRANCH, lambda text: text.replace("    source: hsfn-til-kommuner\n", "", 1))
    code, err = check(data_dir, capsys)
    assert code == 1
    assert "phases[0].items[2]: an item names a requirement or a source" in err


def test_a_requirement_set_planned_by_two_guides_is_refused(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        BRANCH,
        lambda text: text.replace(
            "requirement_sets:\n- hsfn-new-branch\n",
            "requirement_sets:\n- hsfn-new-branch\n- dk-samarbejdsaftale\n",
        ),
    )
    code, err = check(data_dir, capsys)
    assert code == 1
    assert f"data/{BRANCH}:" in err
    assert "requirement set 'dk-samarbejdsaftale' is also the plan of guide" in err


def test_a_phase_twice_and_twice_used_item_ids_are_refused(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(BRANCH, lambda text: text.replace("phase: fund", "phase: start"))
    code, err = check(data_dir, capsys)
    assert code == 1
    assert "each phase appears once" in err
    edit(BRANCH, lambda text: text.replace("phase: start", "phase: fund", 1))
    edit(BRANCH, lambda text: text.replace("- id: principles", "- id: operator"))
    code, err = check(data_dir, capsys)
    assert code == 1
    assert "item id used twice: operator" in err


def test_a_guide_that_mixes_countries_is_refused_with_file_line_and_field(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13: Denmark's «børneattest» slipped into the Norway guide."""
    danish_item = (
        "  - id: boerneattest\n    requirement:\n      set: dk-samarbejdsaftale\n"
        "      id: boerneattest\n"
    )
    edit(
        BRANCH,
        lambda text: text.replace(
            "  - id: match-families\n", danish_item + "  - id: match-families\n"
        ),
    )
    code, err = check(data_dir, capsys)
    assert code == 1
    assert re.search(
        rf"data/{BRANCH}:\d+: phases\[5\]\.items\[\d\]\.requirement\.set: requirement set "
        "'dk-samarbejdsaftale' is for DK, this guide is for NO",
        err,
    ), err


def test_a_plan_in_another_currency_than_its_country_is_refused(
    data_dir: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(BRANCH, lambda text: text.replace("currency: NOK", "currency: DKK"))
    code, err = check(data_dir, capsys)
    assert code == 1
    assert re.search(
        rf"data/{BRANCH}:\d+: currency: .*currency DKK is not the currency of NO", err
    ), err


# --- familyhub guide -------------------------------------------------------------------------


def guide(target: Path, /, **changes: str | None) -> list[str]:
    """`familyhub guide` with good arguments, some changed (None leaves one out)."""
    options: dict[str, str | None] = {
        "--requirements": "hsfn-new-branch",
        "--municipality": "Aarhus",
        "--start": "2026-01-05",
        "--coordinator-salary": "480000",
        "--office-cost": "60000",
        "--output": str(target),
    }
    options.update({f"--{name.replace('_', '-')}": value for name, value in changes.items()})
    return ["guide", *(f"{name}={value}" for name, value in options.items() if value is not None)]


def test_personal_guide_in_danish_has_dates_and_the_budget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.md"
    code, stdout, err = run(guide(out, lang="da"), capsys)
    assert code == 0, err
    assert stdout == f"wrote {out}\n"
    text = out.read_text()
    assert text.startswith(f"# Start en ny Home-Start-lokalafdeling i Norge {DASH} Aarhus\n")
    assert "Budget i alt: 900.000 norske kr. over 3 år." in text
    assert "| Forbered | 5. januar 2026 | 1. marts 2026 | 8 |" in text
    assert "| Aftal | 27. april 2026 | 7. juni 2026 | 3 |" in text
    assert "| Ansæt | 8. juni 2026 | 2. august 2026 | 3 |" in text  # hired after the approval
    first_families = "☐ Find en familiekontakt til de første familier"
    assert f"| Start | {first_families} | 25. oktober 2026 | | |" in text
    # issue 22: the salary from the first whole month after hiring (2 August 2026), the office
    # from the first whole month from the start of hiring (8 June 2026)
    assert (
        f"| Lønnet, fagligt uddannet koordinator | 0,5 {TIMES} 480.000 norske kr. i 3 år "
        "| september 2026 | 240.000 norske kr. | 720.000 norske kr. |"
    ) in text
    assert (
        "| Penge til kontordrift | 60.000 norske kr. i 3 år | juli 2026 | 60.000 norske kr. "
        "| 180.000 norske kr. |" in text
    )
    # by calendar year: 4 + 12 + 12 + 8 months of salary, 6 + 12 + 12 + 6 of office
    assert "Beløb i norske kr." in text  # the currency once; plain numbers in the cells
    assert (
        "| Lønnet, fagligt uddannet koordinator | 80.000 | 240.000 | 240.000 | 160.000 | 720.000 |"
    ) in text
    assert "| I alt | 110.000 | 300.000 | 300.000 | 190.000 | 900.000 |" in text
    assert "Arbejdsgiverudgifter og pension er ikke talt med: 0\u00a0%" in text
    assert "<https://homestartnorge.no/til-kommuner/>" in text


def test_personal_guide_in_english_as_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.html"
    code, _, err = run(guide(out, lang="en", office_cost=None), capsys)
    assert code == 0, err
    page = out.read_text()
    assert page.startswith("<!doctype html>") and '<html lang="en">' in page
    assert f"<title>Start a new Home-Start branch in Norway {DASH} Aarhus</title>" in page
    assert "<td>NOK 720,000</td>" in page  # the guide's currency: HSFN's requirements are Norway's
    assert "not filled in" in page  # no --office-cost: that line is left out of the totals
    assert page.count("<table>") == 5  # phases, items, budget, calendar years, funding


def test_a_guide_without_a_budget_says_so_and_needs_no_salary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.md"
    args = guide(out, requirements="dk-samarbejdsaftale", coordinator_salary=None, lang="en")
    code, _, err = run(args, capsys)
    assert code == 0, err
    text = out.read_text()
    assert "The requirements put no figures on costs, so the plan has no budget." in text
    assert "| Agree | ☐ Write shared values into the agreement |" in text


BAD_ARGUMENTS: dict[str, tuple[dict[str, str], str]] = {
    "unknown requirement set": (
        {"requirements": "no-such-set"},
        "unknown requirement set 'no-such-set'",
    ),
    "impossible date": ({"start": "2026-02-30"}, "'2026-02-30' is not a day in the calendar"),
    "date in another format": ({"start": "05/01/2026"}, "is not a date written YYYY-MM-DD"),
    "negative salary": ({"coordinator_salary": "-480000"}, "is negative"),
    "negative office cost": ({"office_cost": "-1"}, "is negative"),
    "salary with decimals": ({"coordinator_salary": "480000.50"}, "is not a whole amount"),
    "on-costs above 100 %": ({"on_costs": "100.01"}, "is not a percentage from 0 to 100"),
    "on-costs with 3 decimals": ({"on_costs": "14.125"}, "with at most two decimals"),
    "unknown language": ({"lang": "sv"}, "--lang 'sv' is not one of da, en, nb\n"),
    "currency of another country": (
        {"currency": "DKK"},
        "--currency 'DKK': the guide 'new-branch-norway' budgets in NOK, the currency of",
    ),
    "unknown guide": (
        {"guide": "no-such-guide", "requirements": None},
        "unknown guide 'no-such-guide'",
    ),
    "both a guide and a requirement set": ({"guide": "new-branch-norway"}, "not allowed with"),
    "empty municipality": ({"municipality": " "}, "must not be empty"),
    "output neither md nor html": ({"output": "plan.pdf"}, "must end in .md or .html"),
    "output folder missing": ({"output": "/no/such/folder/plan.md"}, "does not exist"),
}


@pytest.mark.parametrize("case", BAD_ARGUMENTS)
def test_bad_arguments_exit_2_with_a_clear_message_and_write_nothing(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative output, if it were written, lands where it is seen
    changes, message = BAD_ARGUMENTS[case]
    code, out, err = run(guide(tmp_path / "plan.md", **changes), capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""
    assert list(tmp_path.iterdir()) == []


def test_guide_picks_the_same_plan_as_its_requirement_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_set, by_guide = tmp_path / "set.md", tmp_path / "guide.md"
    assert run(guide(by_set), capsys)[0] == 0
    assert run(guide(by_guide, guide="new-branch-norway", requirements=None), capsys)[0] == 0
    assert by_guide.read_text() == by_set.read_text()


# what belongs to one country only, in every language's words for it
NORWAY_ONLY = ("politiattest", "police certificate", "HSFN", "NOK", "norske kr", " kr\n")
DENMARK_ONLY = (
    "børneattest",
    "underretningspligt",
    "child-protection certificate",
    "DKK",
    "danske kr",
)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_each_country_plan_holds_its_own_country_only(
    tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    norway, denmark = tmp_path / "no.md", tmp_path / "dk.md"
    assert run(guide(norway, lang=lang), capsys)[0] == 0
    args = guide(denmark, guide="new-branch-denmark", requirements=None, lang=lang)
    assert run(args, capsys)[0] == 0
    norway_text, denmark_text = norway.read_text(), denmark.read_text()
    assert not [word for word in DENMARK_ONLY if word in norway_text]
    assert not [word for word in NORWAY_ONLY if word in denmark_text]
    assert "HOME-START" in denmark_text and "Home-Start" in norway_text


def test_missing_salary_is_required_when_the_budget_needs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(guide(tmp_path / "plan.md", coordinator_salary=None), capsys)
    assert code == 2
    assert "--coordinator-salary is required" in err


def test_bad_data_exits_1_and_writes_nothing(
    data_dir: Path, edit: Edit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(BRANCH, lambda text: text.replace("weeks: 8", "weeks: eight", 1))
    out = tmp_path / "plan.md"
    code, _, err = run(["--data", str(data_dir), *guide(out)], capsys)
    assert code == 1
    assert re.search(rf"data/{BRANCH}:\d+: phases\[0\]\.weeks:", err)
    assert not out.exists()


def test_a_small_salary_is_taken_as_given_with_a_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.md"
    args = ["guide", "--requirements", "hsfn-new-branch", "--municipality", "Hamar"]
    args += ["--start", "2027-01-04", "--coordinator-salary", "42000", "-o", str(out)]
    code, _, err = run(args, capsys)
    assert code == 0 and out.is_file()
    assert "42000 is below 100000: is it a monthly salary?" in err
    assert "42000 a month is 504000 a year" in err
    code, _, err = run([*args[:-4], "--coordinator-salary", "480000", "-o", str(out)], capsys)
    assert code == 0 and "monthly" not in err
