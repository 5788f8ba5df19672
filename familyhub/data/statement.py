"""data/site.yml's accessibility section (issue 21): each known problem in every language, and
a status that agrees with the list (a site with known problems is not fully compliant)."""

from __future__ import annotations

from pathlib import Path

from familyhub.data.problems import Problem, field_name
from familyhub.data.site_config import SiteConfig
from familyhub.data.yaml_lines import line_of

FIELD = "accessibility"


def statement_problems(site: SiteConfig, path: Path, shown: str) -> list[Problem]:
    statement = site.accessibility
    if statement is None:
        return []
    problems = []
    if statement.status == "compliant" and statement.known_problems:
        status: tuple[str | int, ...] = (FIELD, "status")
        message = (
            "'compliant' while known_problems lists content that is not: write"
            " partially-compliant, or remove the problems that are solved"
        )
        problems.append(Problem(shown, line_of(path, status), field_name(status), message))
    for index, known in enumerate(statement.known_problems):
        missing = [code for code in site.codes if not known.problem.get(code, "").strip()]
        if missing:
            loc = (FIELD, "known_problems", index, "problem")
            message = f"missing translation: {', '.join(missing)}"
            problems.append(Problem(shown, line_of(path, loc), field_name(loc), message))
    return problems
