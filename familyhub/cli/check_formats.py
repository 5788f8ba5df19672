"""`familyhub check`'s findings in the forms a merge request shows on the line: GitLab's Code
Quality report and GitHub's workflow commands, besides the plain `path:line: field: message`."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from familyhub.data.problems import WHOLE_FILE, Problem

FORMATS = ("text", "gitlab", "github")
CHECK_NAME = "familyhub-check"
# GitLab's severities run info, minor, major, critical, blocker: a problem fails the check
SEVERITY = {"error": "major", "warning": "minor"}


def code_quality(errors: list[Problem], warnings: list[Problem]) -> str:
    """GitLab's Code Quality report: a JSON list, one object per finding."""
    seen: Counter[tuple[str, str, str]] = Counter()
    findings = []
    for level, problems in (("error", errors), ("warning", warnings)):
        for problem in problems:
            key = (problem.path, problem.field, problem.message)
            seen[key] += 1
            findings.append(
                {
                    "description": _description(problem),
                    "check_name": CHECK_NAME,
                    "fingerprint": _fingerprint(level, *key, seen[key]),
                    "severity": SEVERITY[level],
                    "location": {"path": problem.path, "lines": {"begin": max(problem.line, 1)}},
                }
            )
    return json.dumps(findings, ensure_ascii=False, indent=2)


def workflow_commands(errors: list[Problem], warnings: list[Problem]) -> str:
    """GitHub Actions' `::error file=…,line=…,title=…::message`, one line per finding."""
    lines = [
        f"::{level} file={_property(problem.path)},line={max(problem.line, 1)},"
        f"title={_property(_title(problem))}::{_data(problem.message)}"
        for level, problems in (("error", errors), ("warning", warnings))
        for problem in problems
    ]
    return "\n".join(lines)


def _description(problem: Problem) -> str:
    if problem.field == WHOLE_FILE:
        return problem.message
    return f"{problem.field}: {problem.message}"


def _title(problem: Problem) -> str:
    return "familyhub check" if problem.field == WHOLE_FILE else f"familyhub check: {problem.field}"


def _fingerprint(level: str, path: str, field: str, message: str, occurrence: int) -> str:
    """Stable while the finding stays, wherever its line moves: GitLab compares them between the
    target branch and the merge request to say what is new and what was fixed."""
    text = "\0".join((level, path, field, message, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped as GitHub's runner reads them."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also ':' and ',', which end a property."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
