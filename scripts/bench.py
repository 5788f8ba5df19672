"""`make bench`: the hub's build at scale, against a bare MkDocs build of the same pages.

For each count N of partnerships: a synthetic data set (`familyhub synth`), then
- load + validate and render, each in a fresh process (what a build pays);
- the full `mkdocs build` (hook included) and the bare build of the same pages (`familyhub render`,
  then MkDocs with Material and i18n but no hook), their ratio and peak memory;
- the size of site/ and of the largest overview page; what a reader downloads to open the home
  page, an overview and a guide, and for the first search of a common and of a rare word, against
  Material's lunr search in the bare build (bench_search.py);
- `make serve`'s first build, and the seconds from saving a partnership until the preview shows
  it (bench_preview.py);
- for the curated data only: Lighthouse's mobile performance and accessibility scores of the home
  page, an overview and a guide of the full build, served with gzip (bench_lighthouse.py).
Every time is the median of --runs runs. Data come from $FAMILYHUB_DATA when it is set (then
only one data set is measured), else the curated data/ and `familyhub synth --count N` per N.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from bench_config import dump_config, load_config
from bench_lighthouse import measure as measure_lighthouse
from bench_preview import measure as measure_preview
from bench_report import (
    KB,
    PIPELINE_CASES,
    Result,
    Run,
    load_average,
    report,
    write_between_markers,
)
from bench_search import gzip_size, open_weight
from bench_search import measure as measure_reader

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")
GENERATED = (
    "partnerships",
    "models",
    "requirement_sets",
    "cases",
    "organisations",
    "municipalities",
    "sources",
)
# Times load + validate and render in a fresh process, the way a build's hook does (through
# familyhub.pages.incremental, and so through the store of familyhub/data/store.py unless it is
# switched off); prints them as JSON.
PIPELINE_PROBE = """
import json, sys, time
from pathlib import Path
from familyhub.pages.incremental import BuildCache
start = time.perf_counter()
cache = BuildCache()
hub = cache.hub(Path(sys.argv[1]))
loaded = time.perf_counter()
pages = cache.pages(hub)
rendered = time.perf_counter()
count = sum(len(lang_pages) for lang_pages in pages.values())
print(json.dumps({"load": loaded - start, "render": rendered - loaded, "pages": count}))
"""
# the three situations of an editor's build: a fresh clone (nothing stored), a build with no
# change since the last one, and a build after one file was edited
FAMILYHUB = [sys.executable, "-m", "familyhub.cli.main"]


def run_timed(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run a command; its wall time and its peak resident memory (from wait4, not polling)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    return Run(seconds, usage.ru_maxrss * KB)


def build_env(data_dir: Path, store: bool = False) -> dict[str, str]:
    """The environment of a build or probe; without the store unless asked (a fresh clone)."""
    return {
        **os.environ,
        "FAMILYHUB_DATA": str(data_dir),
        "NO_MKDOCS_2_WARNING": "1",
        "FAMILYHUB_CACHE": "on" if store else "off",
    }


def copy_project(target: Path, data_dir: Path) -> Path:
    """The files a build reads, without generated pages; data/ points at the data set."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(*GENERATED))
        else:
            shutil.copy2(source, target / part)
    (target / "data").symlink_to(data_dir)
    (target / "familyhub").symlink_to(ROOT / "familyhub")
    return target


def bare_project(target: Path, data_dir: Path) -> Path:
    """The same pages as a plain MkDocs project: `familyhub render`, and mkdocs.yml less the
    hooks (and less watched folders that only the hooks read), with Material's own search (lunr)
    in place of the hub's (issue 15)."""
    target.mkdir(parents=True)
    subprocess.run(
        [*FAMILYHUB, "--data", str(data_dir), "render", "--out", str(target / "docs")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.copytree(ROOT / "overrides", target / "overrides")
    for name in ("header.html", "search.html", "copyright.html"):  # their hooks are the hub's
        (target / "overrides" / "partials" / name).unlink()
    config = load_config(ROOT / "mkdocs.yml")
    config.pop("hooks", None)
    config["extra_javascript"] = []
    config["extra_css"] = [css for css in config["extra_css"] if "search" not in css]
    languages = [language["locale"] for language in config["plugins"][0]["i18n"]["languages"]]
    config["plugins"].insert(0, {"search": {"lang": languages}})
    config["watch"] = ["overrides"]
    (target / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    return target


def mkdocs_build(project: Path, site: Path, data_dir: Path) -> Run:
    # --quiet: MkDocs 1.6 then does not enforce mkdocs.yml's strict; same for both builds
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    return run_timed([*command, "--site-dir", str(site)], project, build_env(data_dir))


def clear_generated(project: Path) -> None:
    """A full build as on a fresh clone: every generated page written anew."""
    for folder in GENERATED:
        shutil.rmtree(project / "docs" / folder, ignore_errors=True)


def probe_pipeline(data_dir: Path, store: bool) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", PIPELINE_PROBE, str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        env=build_env(data_dir, store),
    )
    probe: dict[str, Any] = json.loads(result.stdout)
    return probe


def probe_cases(data_dir: Path, runs: int, work: Path, result: Result) -> None:
    """Each PIPELINE_CASES case, `runs` times, on a copy of the data (the edit stays there)."""
    copy = work / f"pipeline-{result.label}" / "data"
    shutil.copytree(data_dir, copy)
    edited = next(iter(sorted(copy.glob("partnerships/*.yml"))))
    cases: dict[str, list[tuple[float, float]]] = {case: [] for case in PIPELINE_CASES}
    for run in range(runs):
        shutil.rmtree(copy.parent / ".cache", ignore_errors=True)  # as on a fresh clone
        probe = probe_pipeline(copy, store=True)  # writing the store is part of a cold build
        cases["cold"].append((probe["load"], probe["render"]))
        probe = probe_pipeline(copy, store=True)
        cases["warm"].append((probe["load"], probe["render"]))
        with edited.open("a", encoding="utf-8") as file:
            file.write(f"# edit {run}\n")  # a comment: new content, same data
        probe = probe_pipeline(copy, store=True)
        cases["one edit"].append((probe["load"], probe["render"]))
    result.pages = probe["pages"]
    result.pipeline = cases


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def largest_overview(site: Path) -> tuple[str, int, int]:
    pages = [site / folder / "index.html" for folder in GENERATED]
    largest = max((page for page in pages if page.is_file()), key=lambda p: p.stat().st_size)
    data = largest.read_bytes()
    return str(largest.relative_to(site)), len(data), gzip_size(data)


def measure(label: str, data_dir: Path, runs: int, work: Path, side_by_side: bool) -> Result:
    result = Result(label)
    say(f"[{label}] load + validate + render: cold, warm and after one edit, {runs} runs each")
    probe_cases(data_dir, runs, work, result)
    project = copy_project(work / f"full-{label}", data_dir)
    bare = bare_project(work / f"bare-{label}", data_dir)
    for run in range(runs):
        say(f"[{label}] full and bare mkdocs build, run {run + 1} of {runs}")
        clear_generated(project)
        builds = [
            partial(mkdocs_build, project, work / f"site-full-{label}", data_dir),
            partial(mkdocs_build, bare, work / f"site-bare-{label}", data_dir),
        ]
        if side_by_side:
            # one build per core, started together: both meet the same machine, and the bench
            # takes half the time
            with ThreadPoolExecutor(max_workers=2) as pool:
                full, bare_run = pool.map(lambda build: build(), builds)
        else:
            full, bare_run = (build() for build in builds)
        result.full.append(full)
        result.bare.append(bare_run)
    say(f"[{label}] make serve: first build, then {runs} saves of one partnership")
    preview_work = work / f"preview-{label}"
    preview_work.mkdir()
    result.preview = measure_preview(project, data_dir, preview_work, saves=runs)
    site = work / f"site-full-{label}"
    overview, overview_bytes, overview_gzip = largest_overview(site)
    result.sizes = {
        "site": folder_size(site),
        "search": folder_size(site / "pagefind"),
        "reader": measure_reader(site, work / f"site-bare-{label}"),
        "home": open_weight(site, "index.html"),
        "overview": (overview, overview_bytes, overview_gzip),
    }
    result.entities = sum(1 for _ in data_dir.glob("*/*.yml"))
    if label == "curated":  # the pages the issue names are the curated ones
        say(f"[{label}] Lighthouse, mobile: home page, an overview and a guide, {runs} runs each")
        result.lighthouse = measure_lighthouse(site, runs)
    return result


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep data sets and sites in this folder")
    parser.add_argument(
        "--one-at-a-time",
        action="store_true",
        help="run the full and the bare build one after the other (default: side by side "
        "when the machine has two cores or more)",
    )
    parser.add_argument(
        "--write", type=Path, help="also put the figures between the markers of this file"
    )
    args = parser.parse_args(argv)
    side_by_side = not args.one_at_a_time and (os.cpu_count() or 1) >= 2
    started = time.perf_counter()
    say(f"load average at the start: {load_average()}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="familyhub-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = []
        given = os.environ.get("FAMILYHUB_DATA")
        if given:
            results.append(measure("data", Path(given).resolve(), args.runs, work, side_by_side))
        else:
            results.append(measure("curated", ROOT / "data", args.runs, work, side_by_side))
            for count in args.counts:
                data_dir = work / f"data-{count}"
                synth = ["synth", "--count", str(count), "--seed", str(args.seed)]
                say(f"[N={count}] familyhub {' '.join(synth)}")
                subprocess.run(
                    [*FAMILYHUB, *synth, "--out", str(data_dir)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                results.append(measure(f"N={count}", data_dir, args.runs, work, side_by_side))
        lines = list(report(results, args.runs, side_by_side, started))
        print("\n".join(lines))
        if args.write:
            write_between_markers(args.write, lines)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
