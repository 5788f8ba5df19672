"""What `make bench` (bench.py) measured for one data set, and the table it prints and writes
between PERFORMANCE.md's markers."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PIPELINE_CASES = ("cold", "warm", "one edit")
KB = 1024
MB = 1024 * 1024


@dataclass
class Run:
    seconds: float
    peak_rss: int  # bytes


@dataclass
class Result:
    label: str
    entities: int = 0
    pages: int = 0
    # case (PIPELINE_CASES) -> per run: (load + validate, render)
    pipeline: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    full: list[Run] = field(default_factory=list)
    bare: list[Run] = field(default_factory=list)
    sizes: dict[str, Any] = field(default_factory=dict)
    preview: dict[str, float] = field(default_factory=dict)  # bench_preview.py's seconds
    lighthouse: dict[str, Any] = field(default_factory=dict)  # bench_lighthouse.py's, per page


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(results: list[Result], runs: int, side_by_side: bool, started: float) -> Iterator[str]:
    python = sys.version.split()[0]
    builds = "side by side" if side_by_side else "one at a time"
    yield (
        f"cores: {os.cpu_count()}; runs per figure: {runs} (median); full and bare builds "
        f"{builds}; python {python}"
    )
    rows: list[tuple[str, Callable[[Result], str]]] = [
        ("entities (data files)", lambda r: f"{r.entities:,}"),
        ("generated pages (all languages)", lambda r: f"{r.pages:,}"),
        *pipeline_rows(),
        ("full mkdocs build", lambda r: f"{median([x.seconds for x in r.full]):.1f} s"),
        ("bare mkdocs build", lambda r: f"{median([x.seconds for x in r.bare]):.1f} s"),
        ("ratio full / bare (target <= 1.15)", lambda r: f"{ratio(r):.2f}"),
        ("make serve: first build", lambda r: f"{r.preview['first build']:.1f} s"),
        (
            "make serve: save -> page shown (target <= 10 s)",
            lambda r: f"{r.preview['save to page shown']:.1f} s",
        ),
        (
            "full build per generated page",
            lambda r: f"{1000 * median([x.seconds for x in r.full]) / r.pages:.1f} ms",
        ),
        ("peak memory, full build", lambda r: f"{max(x.peak_rss for x in r.full) / MB:.0f} MB"),
        ("peak memory, bare build", lambda r: f"{max(x.peak_rss for x in r.bare) / MB:.0f} MB"),
        ("size of site/", lambda r: f"{r.sizes['site'] / MB:.1f} MB"),
    ]
    rows.append(("search bundle, all languages", lambda r: f"{r.sizes['search'] / MB:.2f} MB"))
    for figure in results[0].sizes["reader"]:
        rows += [
            (f"{figure}, gzip: hub", reader_cell(figure, 0)),
            (f"{figure}, gzip: bare, lunr", reader_cell(figure, 1)),
        ]
    rows += [
        (
            "home page + css + js, gzip (target <= 60 KB)",
            lambda r: f"{r.sizes['home'] / KB:.1f} KB",
        ),
        (
            "largest overview page",
            lambda r: f"{r.sizes['overview'][1] / KB:.0f} KB",
        ),
        ("largest overview page, gzip", lambda r: f"{r.sizes['overview'][2] / KB:.0f} KB"),
    ]
    if any(r.lighthouse for r in results):
        rows += lighthouse_rows(results)
    width = max(len(name) for name, _ in rows)
    yield f"{'':{width}}  " + "  ".join(f"{r.label:>14}" for r in results)
    for name, cell in rows:
        yield f"{name:{width}}  " + "  ".join(f"{cell(r):>14}" for r in results)
    names = ", ".join(f"{r.label}: {r.sizes['overview'][0]}" for r in results)
    yield f"largest overview page: {names}"
    scaled = [r for r in results if r.label.startswith("N=")]
    if len(scaled) == 2:
        small, large = scaled
        times = [median([x.seconds for x in r.full]) for r in scaled]
        growth = times[1] / times[0]
        yield (
            f"linearity: {large.pages / small.pages:.1f}x the pages took {growth:.1f}x the time "
            f"({growth / (large.pages / small.pages):.2f}x per page; 1.00 is linear)"
        )
    yield from lighthouse_findings(results)
    took = time.perf_counter() - started
    yield f"bench took {took:.0f} s; load average at the end: {load_average()}"


def pipeline_rows() -> list[tuple[str, Callable[[Result], str]]]:
    rows: list[tuple[str, Callable[[Result], str]]] = []
    for case in PIPELINE_CASES:
        target = " (target <= 1 s)" if case == "cold" else ""
        rows += [
            (f"{case}: load + validate", pipeline_cell(case, lambda t: t[0])),
            (f"{case}: render", pipeline_cell(case, lambda t: t[1])),
            (f"{case}: load + validate + render{target}", pipeline_cell(case, sum)),
        ]
    return rows


def pipeline_cell(
    case: str, pick: Callable[[tuple[float, float]], float]
) -> Callable[[Result], str]:
    return lambda r: f"{median([pick(t) for t in r.pipeline[case]]):.2f} s"


def lighthouse_rows(results: list[Result]) -> list[tuple[str, Callable[[Result], str]]]:
    """Per page: Lighthouse's performance and accessibility scores."""
    pages = next(r.lighthouse for r in results if r.lighthouse)
    return [(f"Lighthouse, {page}: performance / a11y", lighthouse_cell(page)) for page in pages]


def lighthouse_cell(page: str) -> Callable[[Result], str]:
    def cell(r: Result) -> str:
        figures = r.lighthouse.get(page)
        if not figures:
            return "-"
        return f"{figures['performance']:.0f} / {figures['accessibility']:.0f}"

    return cell


def lighthouse_findings(results: list[Result]) -> Iterator[str]:
    """Per page: the metrics, the accessibility audits below 1, the two largest performance
    savings, any request to another host and any audit Lighthouse could not run
    (bench_lighthouse.py alone lists all it found)."""
    for r in results:
        if r.lighthouse:
            yield (
                "Lighthouse: mobile, simulated throttling, served with gzip; issue 15's target: "
                "performance >= 95, accessibility 100"
            )
        for page, figures in r.lighthouse.items():
            failed = [audit["id"] for audit in figures["accessibility below 1"]]
            largest = [audit["id"] for audit in figures["performance opportunities"][:2]]
            notes = [
                f"FCP {figures['fcp ms'] / 1000:.1f} s, LCP {figures['lcp ms'] / 1000:.1f} s, "
                f"TBT {figures['tbt ms']:.0f} ms",
                f"accessibility below 1: {', '.join(failed) or 'none'}",
                f"largest savings: {', '.join(largest) or 'none'}",
            ]
            if figures["other hosts"]:
                notes.append(f"other hosts: {', '.join(figures['other hosts'])}")
            not_run = [audit for ids in figures["audit errors"].values() for audit in ids]
            if not_run:
                notes.append(f"audits Lighthouse could not run: {', '.join(not_run)}")
            yield f"Lighthouse, {page} ({figures['page']}): {'; '.join(notes)}"


def load_average() -> str:
    """Other work on the machine slows every figure: say how busy it was."""
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def reader_cell(figure: str, which: int) -> Callable[[Result], str]:
    return lambda r: f"{r.sizes['reader'][figure][which] / KB:.1f} KB"


def ratio(result: Result) -> float:
    return median([x.seconds for x in result.full]) / median([x.seconds for x in result.bare])


def write_between_markers(path: Path, lines: list[str]) -> None:
    """The figures as a dated block between PERFORMANCE.md's `make bench` markers."""
    start, end = "<!-- make bench: start -->", "<!-- make bench: end -->"
    text = path.read_text(encoding="utf-8")
    block = f"{start}\n```text\n{time.strftime('%Y-%m-%d')}\n" + "\n".join(lines) + f"\n```\n{end}"
    before, rest = text.split(start, 1)
    path.write_text(before + block + rest.split(end, 1)[1], encoding="utf-8")
