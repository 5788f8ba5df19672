"""The pipeline (issue 24): `familyhub check --format gitlab|github` on broken data, exactly as a
merge request shows it, and both pipeline files valid against their published schemas
(SchemaStore's gitlab-ci and github-workflow schemas, as check-jsonschema vendors them)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from familyhub.cli.check_formats import workflow_commands
from familyhub.cli.main import main
from familyhub.data.problems import Problem

from .conftest import ROOT

GITLAB_CI = ROOT / ".gitlab-ci.yml"
GITHUB_WORKFLOW = ROOT / ".github" / "workflows" / "check-and-publish.yml"
VENDORED_SCHEMAS = files("check_jsonschema.builtin_schemas.vendor")
AMOUNT_FILE = "partnerships/aarhus-home-start.yml"
TAB_FILE = "partnerships/holbaek-home-start.yml"
SITE = "site.yml"
AMOUNT = "write the amount in digits only: 250000, not 250.000"
TAB = "a tab at the start of this line: indent with spaces only (two for each level)"
EXAMPLE_PUBLISHER = "is the example publisher: name the real publisher and remove 'example'"
EXAMPLE_ADDRESS = (
    "'https://familyhub.example.org/' is the example address: write the address the site is"
    " published at and remove 'site_url_example'"
)


def broken(data_dir: Path) -> dict[str, int]:
    """A money figure with a thousands point and a tab before a field (the errors, in two files:
    a file that is not YAML is not read further); the example publisher and address of
    data/site.yml stay (the warnings). The line of each finding."""
    amount = _edit(data_dir / AMOUNT_FILE, "amount: 250000\n", "amount: 250.000\n")
    tab = _edit(data_dir / TAB_FILE, "\n  en: ", "\n\ten: ")
    site = (data_dir / SITE).read_text(encoding="utf-8").splitlines()
    return {
        "amount": _line(amount, "amount: 250.000"),
        "tab": _line(tab, "\ten: "),
        **{f"publisher.{code}": _publisher_line(site, code) for code in ("da", "en", "nb")},
        "site_url": _line(site, "site_url: "),
    }


def _edit(path: Path, old: str, new: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text.splitlines()


def _line(lines: list[str], start: str) -> int:
    return next(n for n, line in enumerate(lines, 1) if line.lstrip(" -").startswith(start))


def _publisher_line(site: list[str], code: str) -> int:
    language = _line(site, f"code: {code}")
    return next(
        n for n, line in enumerate(site, 1) if n > language and line.strip() == "example: true"
    )


def run_check(data_dir: Path, capsys: pytest.CaptureFixture[str], form: str) -> tuple[str, str]:
    code = main(["--data", str(data_dir), "check", "--format", form])
    captured = capsys.readouterr()
    assert code == 1, captured.err
    return captured.out, captured.err


def test_github_format_annotates_each_line(data_dir: Path, capsys) -> None:
    at = broken(data_dir)
    out, err = run_check(data_dir, capsys, "github")
    assert out.splitlines() == [
        f"::error file=data/{AMOUNT_FILE},line={at['amount']},"
        f"title=familyhub check%3A funding[0].amount::{AMOUNT}",
        f"::error file=data/{TAB_FILE},line={at['tab']},title=familyhub check%3A en::{TAB}",
        *(
            f"::warning file=data/site.yml,line={at[f'publisher.{code}']},"
            f"title=familyhub check%3A languages.{code}.publisher.example::{EXAMPLE_PUBLISHER}"
            for code in ("da", "en", "nb")
        ),
        f"::warning file=data/site.yml,line={at['site_url']},title=familyhub check%3A site_url"
        f"::{EXAMPLE_ADDRESS}",
    ]
    assert err.splitlines()[-1] == f"2 problems in {data_dir}"


def test_github_format_escapes_what_ends_a_command() -> None:
    problem = Problem("data/a,b:c.yml", 0, "name", "50 % done\r\nnext: line")
    assert workflow_commands([], [problem]) == (
        "::warning file=data/a%2Cb%3Ac.yml,line=1,title=familyhub check%3A name"
        "::50 %25 done%0D%0Anext: line"
    )


def test_gitlab_format_is_a_code_quality_report(data_dir: Path, capsys) -> None:
    at = broken(data_dir)
    out, err = run_check(data_dir, capsys, "gitlab")
    report = json.loads(out)
    fingerprints = [finding.pop("fingerprint") for finding in report]
    assert report == [
        _finding(f"funding[0].amount: {AMOUNT}", "major", f"data/{AMOUNT_FILE}", at["amount"]),
        _finding(f"en: {TAB}", "major", f"data/{TAB_FILE}", at["tab"]),
        *(
            _finding(
                f"languages.{code}.publisher.example: {EXAMPLE_PUBLISHER}",
                "minor",
                "data/site.yml",
                at[f"publisher.{code}"],
            )
            for code in ("da", "en", "nb")
        ),
        _finding(f"site_url: {EXAMPLE_ADDRESS}", "minor", "data/site.yml", at["site_url"]),
    ]
    assert len(set(fingerprints)) == len(report)
    assert all(len(fingerprint) == 32 for fingerprint in fingerprints)
    # the same findings in plain words for the job's log
    assert f"data/{AMOUNT_FILE}:{at['amount']}: funding[0].amount: {AMOUNT}" in err
    # a fingerprint stays while its finding does, so GitLab can tell new from fixed
    main(["--data", str(data_dir), "check", "--format", "gitlab"])
    again = json.loads(capsys.readouterr().out)
    assert [finding["fingerprint"] for finding in again] == fingerprints


def _finding(description: str, severity: str, path: str, line: int) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": "familyhub-check",
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }


def test_gitlab_format_on_good_data_is_an_empty_report_or_warnings(data_dir: Path, capsys) -> None:
    code = main(["--data", str(data_dir), "check", "--format", "gitlab"])
    captured = capsys.readouterr()
    assert code == 0
    assert {finding["severity"] for finding in json.loads(captured.out)} <= {"minor"}
    assert captured.err.splitlines()[-1].startswith("ok: ")


def load_pipeline(path: Path) -> Any:
    """YAML 1.2 as GitLab and GitHub read it (PyYAML would read the key `on` as true)."""
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def schema_errors(document: Any, schema_name: str) -> list[str]:
    schema = json.loads(VENDORED_SCHEMAS.joinpath(schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    checker = validator(schema, format_checker=validator.FORMAT_CHECKER)
    return [error.message for error in checker.iter_errors(document)]


def test_gitlab_ci_follows_its_schema_checks_and_publishes() -> None:
    pipeline = load_pipeline(GITLAB_CI)
    assert schema_errors(pipeline, "gitlab-ci.json") == []
    check = pipeline["check"]
    report = check["artifacts"]["reports"]["codequality"]
    assert any(f"check --format gitlab > {report}" in line for line in check["script"])
    assert check["artifacts"]["when"] == "always"  # the report of a failed check is kept
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in check["rules"]
    pages = pipeline["pages"]
    assert "make site" in pages["script"] and pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    # the control: the schema refuses what GitLab would refuse
    check["artifacts"]["reports"]["code_quality"] = check["artifacts"]["reports"].pop("codequality")
    assert schema_errors(pipeline, "gitlab-ci.json") != []


def test_github_workflow_follows_its_schema_checks_and_publishes() -> None:
    workflow = load_pipeline(GITHUB_WORKFLOW)
    assert schema_errors(workflow, "github-workflows.json") == []
    assert "pull_request" in workflow["on"] and workflow["on"]["push"]["branches"] == ["main"]
    check, publish = workflow["jobs"]["check"], workflow["jobs"]["publish"]
    assert any("check --format github" in step.get("run", "") for step in check["steps"])
    steps = {step.get("uses", "").split("@")[0]: step for step in publish["steps"]}
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert "actions/deploy-pages" in steps
    assert any(step.get("run") == "make site" for step in publish["steps"])
    assert "refs/heads/main" in publish["if"] and publish["needs"] == "check"
    # the control: the schema refuses what GitHub would refuse
    check["run-on"] = check.pop("runs-on")
    assert schema_errors(workflow, "github-workflows.json") != []
