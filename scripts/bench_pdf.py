"""`make bench-pdf`: seconds to produce each whole-hub PDF, and the whole PDF step.

Each time is the median of --runs runs (3 by default; `make bench` runs it once, to stay short).

Builds the site once into a temporary folder (data from $FAMILYHUB_DATA, else data/), then times
familyhub.pdf.documents on it. Target on the 2-core reference machine: at most 15 s per language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from familyhub.data.load import data_dir_beside, load_site_config
from familyhub.pdf.documents import build_language, build_pdfs, read_layout

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
TARGET_SECONDS = 15.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per PDF (median)")
    runs = parser.parse_args(argv).runs
    data_dir = data_dir_beside(CONFIG)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}, data: {data_dir}")
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        # not --quiet: MkDocs 1.6 then lets --strict pass warnings; the log is shown on failure
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        mkdocs_run = subprocess.run(
            [*mkdocs, "-f", str(CONFIG), "-d", str(site_dir)], capture_output=True, text=True
        )
        if mkdocs_run.returncode != 0:
            print(mkdocs_run.stderr, file=sys.stderr)
            return 1
        site = load_site_config(data_dir)
        start = time.perf_counter()
        layout = read_layout(CONFIG)
        print(f"reading mkdocs.yml (once per build): {time.perf_counter() - start:.1f} s")
        for lang in site.codes:
            walls, cpus = [], []
            for _ in range(runs):
                wall, cpu = time.perf_counter(), time.process_time()
                built = build_language(site_dir, layout, site, lang, dt.date.today(), True)[0]
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            median = statistics.median(walls)
            verdict = "ok" if median <= TARGET_SECONDS else f"over {TARGET_SECONDS:.0f} s"
            print(
                f"whole hub, {lang}: {median:.1f} s (CPU {statistics.median(cpus):.1f} s; "
                f"runs {', '.join(f'{w:.1f}' for w in walls)}), {built.pages} pages, "
                f"{built.path.stat().st_size / 1e6:.2f} MB: {verdict}"
            )
        start = time.perf_counter()
        every = build_pdfs(site_dir, CONFIG, data_dir)
        print(f"make site's PDF step: {len(every)} PDFs in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
