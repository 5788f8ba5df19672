"""The `synth` and `render` subcommands: data sets and pages for measuring the build at scale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from familyhub.cli.loading import load_or_report
from familyhub.data.load import DEFAULT_DATA_DIR
from familyhub.data.synth import SynthError, write_data_set
from familyhub.pages.compose import render_site
from familyhub.pages.output import OutputError, write_docs_tree

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
DEFAULT_DOCS_DIR = DEFAULT_DATA_DIR.parent / "docs"


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def cmd_synth(args: argparse.Namespace) -> int:
    try:
        counts = write_data_set(args.out, args.count, args.seed)
    except SynthError as error:
        print(f"familyhub synth: {error}", file=sys.stderr)
        return EXIT_USAGE
    summary = ", ".join(f"{count} {folder}" for folder, count in counts.items())
    print(f"synthetic data set written to {args.out} ({summary})")
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:

    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        print(f"familyhub render: {args.out} exists and is not an empty folder", file=sys.stderr)
        return EXIT_USAGE
    if not args.docs.is_dir():
        print(f"familyhub render: no docs folder at {args.docs}", file=sys.stderr)
        return EXIT_USAGE
    hub = load_or_report(args.data)
    if hub is None:
        return EXIT_DATA
    try:
        stats = write_docs_tree(render_site(hub), args.docs, args.out, hub.site.default_language)
    except OutputError as error:
        print(f"familyhub render: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{stats.written} generated pages and the hand-written pages written to {args.out}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    synth = commands.add_parser(
        "synth", help="write a synthetic data set of N partnerships, for benchmarks"
    )
    synth.add_argument("--count", type=positive_int, required=True, help="partnerships to make")
    synth.add_argument("--out", type=Path, required=True, help="new (or empty) data folder")
    synth.add_argument("--seed", type=int, default=1, help="same seed, same files (default 1)")
    synth.set_defaults(func=cmd_synth)
    render = commands.add_parser(
        "render", help="write the docs folder a build would see: generated and hand-written pages"
    )
    render.add_argument("--out", type=Path, required=True, help="new (or empty) docs folder")
    render.add_argument(
        "--docs", type=Path, default=DEFAULT_DOCS_DIR, help="hand-written pages (default docs/)"
    )
    render.set_defaults(func=cmd_render)
