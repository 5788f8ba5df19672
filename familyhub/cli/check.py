"""`familyhub check`: every file in the data folder validated, its problems said in plain words, or
(--format gitlab|github) as the report a merge request shows on the line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from familyhub.cli.check_formats import FORMATS, code_quality, workflow_commands
from familyhub.cli.check_language import editor_language, in_language
from familyhub.data.address import release_address_problems
from familyhub.data.currency_words import currency_problems
from familyhub.data.load import SITE_CONFIG_FILE, load_hub, load_site_config
from familyhub.data.problems import DataError, Problem, display
from familyhub.data.release import publisher_problems
from familyhub.data.site_config import SiteConfig
from familyhub.data.terms import term_warnings

EXIT_OK, EXIT_DATA = 0, 1
RELEASE_REFUSED = "familyhub: a release must name its publisher and its address (data/site.yml)"


def add_check_command(commands: Any) -> None:
    check = commands.add_parser("check", help="validate every file in the data folder")
    check.add_argument(
        "--release",
        action="store_true",
        help="also refuse an example or missing publisher or site_url in data/site.yml"
        " (a plain check warns)",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: one line per problem (default); gitlab: a Code Quality report (JSON) on"
        " stdout; github: workflow commands that annotate the lines of a pull request",
    )
    check.add_argument(
        "--lang",
        default=None,
        help="say the YAML mistakes in this language of data/site.yml, such as da or nb"
        " (default: the terminal's language when the site has it, else English)",
    )
    check.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    site: SiteConfig | None
    glossary: list[Problem] = []
    try:
        hub = load_hub(data_dir)
        problems, site = [], hub.site
        # warnings: words data/terms.yml avoids; a bare "kr." where the country's differs
        glossary = term_warnings(data_dir, hub.site) + currency_problems(hub)
    except DataError as error:
        hub, problems, site = None, error.problems, _site_alone(data_dir)
    problems = in_language(problems, site, editor_language(args.lang, site))
    owner = _owner_problems(site, data_dir) if site else []
    errors, warnings = (problems + owner, []) if args.release else (problems, owner)
    warnings += glossary
    if problems and args.format == "text":
        warnings = []  # in a terminal, the problems to fix first; a report lists every finding
    _report(args.format, errors, warnings)
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {data_dir}", file=sys.stderr)
    if errors or hub is None:
        if owner and args.release:
            print(RELEASE_REFUSED, file=sys.stderr)
        return EXIT_DATA
    counts = ", ".join(f"{len(by_id)} {kind}" for kind, by_id in hub.entities.items())
    summary = f"ok: {hub.count()} entities in {data_dir} ({counts})"
    print(summary, file=sys.stdout if args.format == "text" else sys.stderr)
    return EXIT_OK


def _site_alone(data_dir: Path) -> SiteConfig | None:
    """data/site.yml when another file has problems: its warnings are said all the same."""
    try:
        return load_site_config(data_dir)
    except DataError:
        return None


def _owner_problems(site: SiteConfig, data_dir: Path) -> list[Problem]:
    """The publisher and address of data/site.yml: warned about, refused by --release."""
    site_file = data_dir / SITE_CONFIG_FILE
    shown = display(site_file, data_dir)
    return publisher_problems(site, site_file, shown) + release_address_problems(
        site, site_file, shown
    )


def _report(form: str, errors: list[Problem], warnings: list[Problem]) -> None:
    """The plain lines always go to stderr (a pipeline's log); a report format goes to stdout."""
    for problem in errors:
        print(problem, file=sys.stderr)
    for problem in warnings:
        print(f"warning: {problem}", file=sys.stderr)
    if form == "gitlab":
        print(code_quality(errors, warnings))
    elif form == "github" and (errors or warnings):
        print(workflow_commands(errors, warnings))
