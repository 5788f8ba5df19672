"""`familyhub guide`: a founder's own plan, with target dates and a budget, as Markdown or HTML."""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from familyhub.cli.loading import load_or_report
from familyhub.data.load import Hub
from familyhub.i18n import Formatter
from familyhub.pages.compose import make_renderer
from familyhub.pages.guides import guide_spec, item_views, plans_by_requirement_set
from familyhub.pages.markup import fold_spaces
from familyhub.pages.plan import (
    FUNDING_INPUTS,
    MAX_AMOUNT,
    MAX_ON_COSTS,
    MONTHLY_BELOW,
    OPTIONAL_INPUTS,
    PERCENT_SCALE,
    Plan,
    make_plan,
    needed_inputs,
    pays_salaries,
    required_inputs,
)

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
OUTPUT_SUFFIXES = (".md", ".html")
# characters left as they are in an address; the rest are percent-encoded (">" ends an autolink)
URL_SAFE = ":/?#@!$&'*+,;=%-._~"

_HTML = Environment(
    loader=PackageLoader("familyhub", "templates"), autoescape=True, undefined=StrictUndefined
)


def add_guide_command(commands: Any) -> None:
    """Register `familyhub guide` on the subcommands of familyhub.cli.main's parser."""
    guide = commands.add_parser(
        "guide",
        help="write your own start-up plan: checklist with target dates, and a budget",
        description="Write a personal guide: the checklist of the guide that plans for the "
        "requirement set, with target dates counted from --start, and a budget worked out from "
        "the requirement set's figures (share of a post times salary times years, office costs).",
    )
    chosen = guide.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--guide", metavar="GUIDE-ID", help="such as new-branch-norway")
    chosen.add_argument(
        "--requirements",
        metavar="REQUIREMENT-SET-ID",
        help="the guide that plans for this requirement set, such as hsfn-new-branch",
    )
    guide.add_argument("--municipality", required=True, type=_non_empty, metavar="NAME")
    guide.add_argument("--start", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    guide.add_argument("--coordinator-salary", type=_amount, metavar="YEARLY-AMOUNT")
    guide.add_argument("--office-cost", type=_amount, metavar="YEARLY-AMOUNT")
    for name in OPTIONAL_INPUTS:
        guide.add_argument(
            f"--{name}", type=_amount, metavar="YEARLY-AMOUNT", help="optional; 0 when left out"
        )
    for name in FUNDING_INPUTS:
        guide.add_argument(
            f"--{name}", type=_amount, metavar="AMOUNT", help="in all for the plan; optional"
        )
    guide.add_argument(
        "--on-costs",
        type=_percent,
        default=0,
        metavar="PERCENT",
        help="employer's costs and pension on top of the salary, a percentage with at most two"
        " decimals such as 14.1 (default 0: the hub has no figure for them)",
    )
    guide.add_argument("--currency", help="default, and the only one allowed: the guide's own")
    guide.add_argument("--lang", help="language of the guide, such as da or en (default: da)")
    guide.add_argument("-o", "--output", required=True, type=_output_path, metavar="FILE")
    guide.set_defaults(func=cmd_guide)


def _non_empty(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text.strip()


def _iso_date(text: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day in the calendar") from None


def _amount(text: str) -> int:
    if re.fullmatch(r"\s*-\s*\d+(\.\d+)?\s*", text):
        raise argparse.ArgumentTypeError(f"'{text}' is negative; amounts are 0 or more")
    if not re.fullmatch(r"\s*\d+\s*", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole amount such as 480000")
    if int(text) > MAX_AMOUNT:
        raise argparse.ArgumentTypeError(f"'{text}' is more than {MAX_AMOUNT}")
    return int(text)


def _percent(text: str) -> int:
    """A percentage as basis points: "14.1" (or "14,1") is 1410."""
    match = re.fullmatch(r"\s*(\d+)(?:[.,](\d{1,2}))?\s*", text)
    basis_points = None
    if match:
        basis_points = int(match[1]) * PERCENT_SCALE + int((match[2] or "").ljust(2, "0"))
    if basis_points is None or basis_points > MAX_ON_COSTS * PERCENT_SCALE:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a percentage from 0 to {MAX_ON_COSTS} with at most two decimals,"
            " such as 14.1"
        )
    return basis_points


def _output_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise argparse.ArgumentTypeError(f"'{text}' must end in .md or .html")
    return path


def _usage_error(message: str) -> int:
    print(f"familyhub guide: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_guide(args: argparse.Namespace) -> int:

    hub = load_or_report(args.data)
    if hub is None:
        return EXIT_DATA
    lang = args.lang or hub.site.default_language
    if lang not in hub.site.codes:
        return _usage_error(f"--lang '{lang}' is not one of {', '.join(hub.site.codes)}")
    if args.guide:
        problem = _guide_problem(hub, args.guide)
        if problem:
            return _usage_error(problem)
        args.requirements = hub.get("guide", args.guide).requirement_sets[0]
    problem = _requirement_set_problem(hub, args.requirements)
    if problem:
        return _usage_error(problem)
    fmt = Formatter(hub.site.language(lang))
    guide = plans_by_requirement_set(hub)[args.requirements]
    spec = guide_spec(hub, guide, fmt)
    names = ("coordinator-salary", "office-cost", *OPTIONAL_INPUTS, *FUNDING_INPUTS)
    amounts = {name: getattr(args, name.replace("-", "_")) for name in names}
    for name in sorted(required_inputs(spec)):
        if amounts[name] is None:
            return _usage_error(
                f"--{name} is required: the budget for '{args.requirements}' is based on it"
            )
    for name, value in amounts.items():
        if value is not None and name not in needed_inputs(spec):
            print(f"note: --{name} is not used for '{args.requirements}'", file=sys.stderr)
    if args.on_costs and not pays_salaries(spec):
        print(f"note: --on-costs is not used for '{args.requirements}'", file=sys.stderr)
    salary = args.coordinator_salary
    if salary and salary < MONTHLY_BELOW:
        print(
            f"note: --coordinator-salary {salary} is below {MONTHLY_BELOW}: is it a monthly "
            f"salary? The plan counts a yearly one ({salary} a month is {salary * 12} a year)",
            file=sys.stderr,
        )
    currency = args.currency or spec["currency"] or next(iter(fmt.language.money))
    if spec["currency"] and currency != spec["currency"]:
        return _usage_error(
            f"--currency '{currency}': the guide '{guide.id}' budgets in {spec['currency']},"
            f" the currency of its country ({guide.country})"
        )
    if currency not in fmt.language.money:
        known = ", ".join(fmt.language.money)
        return _usage_error(f"--currency '{currency}' is not one of {known}")
    if not args.output.parent.is_dir():
        return _usage_error(f"folder '{args.output.parent}' does not exist")
    plan = make_plan(
        spec, args.requirements, args.municipality, args.start, currency, amounts, args.on_costs
    )
    document = personal_guide(hub, lang, plan, args.output.suffix.lower())
    _write_atomically(args.output, document)
    print(f"wrote {args.output}")
    return EXIT_OK


def _guide_problem(hub: Hub, guide_id: str) -> str | None:
    if guide_id in hub.entities["guide"]:
        return None
    known = ", ".join(hub.entities["guide"]) or "none"
    return f"unknown guide '{guide_id}' (known: {known})"


def _requirement_set_problem(hub: Hub, set_id: str) -> str | None:
    plans = plans_by_requirement_set(hub)
    if set_id in plans:
        return None
    if set_id not in hub.entities["requirement_set"]:
        known = ", ".join(hub.entities["requirement_set"]) or "none"
        return f"unknown requirement set '{set_id}' (known: {known})"
    planned = ", ".join(plans) or "none"
    return f"no guide plans for requirement set '{set_id}' (guides plan for: {planned})"


# Characters that start Markdown or HTML in the middle of a line; the file's text never starts
# a line with data, so `#`, `-`, `+` and `1.` need no escape here.
_INLINE_MARKUP = re.compile(r"([\\`*_{}\[\]|])")


def plain_markdown(value: object) -> Markup:
    """Data text as inert Markdown, with as few backslashes as that takes."""
    if isinstance(value, Markup):
        return value
    flat = fold_spaces(str(value)).strip()
    return Markup(_INLINE_MARKUP.sub(r"\\\1", html.escape(flat, quote=False)))


def source_text(hub: Hub, source_id: str, lang: str) -> Markup:
    """A citation that needs no site around it: publisher, title and address."""
    source = hub.get("source", source_id)
    text = plain_markdown(source.cited_as(lang))
    if not source.url:
        return text
    return Markup(f"{text}, <{quote(source.url, safe=URL_SAFE)}>")


def personal_guide(hub: Hub, lang: str, plan: Plan, suffix: str) -> str:
    """The plan as Markdown, or as a standalone HTML page made from that Markdown."""
    renderer = make_renderer(hub, lang)
    guide = hub.get("guide", plan.guide["id"])
    sources = [source for view in item_views(hub, guide) for source in view.sources]
    # the site's escaping, lighter: a person reads this file as it is, backslashes and all
    env = renderer.env.overlay(finalize=plain_markdown)
    text = env.get_template("personal_guide.md.j2").render(
        lang=lang,
        plan=plan,
        requirement_set=hub.get("requirement_set", plan.requirement_set),
        sources=[source_text(hub, source_id, lang) for source_id in dict.fromkeys(sources)],
        benchmark_source=lambda figure: source_text(hub, figure["source_id"], lang),
        total_weeks=sum(phase["weeks"] for phase in plan.guide["phases"]),
    )
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    if suffix == ".md":
        return text
    body = markdown.markdown(text, extensions=["tables"], output_format="html")
    title = renderer.fmt.label("plan-title").format(
        guide=plan.guide["name"], municipality=plan.municipality
    )
    return _HTML.get_template("personal_guide.html.j2").render(lang=lang, title=title, body=body)


def _write_atomically(path: Path, text: str) -> None:
    """Never a half-written file: write beside it, then move it into place."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
