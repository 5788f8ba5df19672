"""`make site`: build the site and its PDFs into a temporary folder, then swap it in for site/.

A failed build (MkDocs or PDFs) leaves the previous site/ as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from familyhub.data.faults import fault_message
from familyhub.data.load import data_dir_beside
from familyhub.data.problems import DataError
from familyhub.pages.citation import BUILD_DATE_VARIABLE, BuildDateError, build_date, epoch_of
from familyhub.pdf.documents import PdfError, build_pdfs
from familyhub.site.headers import write_header_files
from familyhub.site.progress import PdfProgress, step

ROOT = Path(__file__).resolve().parents[2]


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> int:
    site_dir = site_dir.resolve()
    try:
        # issue 22: one date for the pages' citations and the PDFs, even across midnight
        built = build_date()
    except BuildDateError as error:
        print(f"site not built: {error}", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        step("1/2 the pages in every language, and their search index (MkDocs)")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                # not --quiet: in MkDocs 1.6 it hides warnings from --strict, which then passes
                "--strict",
                "--config-file",
                str(config_file),
                "--site-dir",
                str(staging),
            ],
            check=False,
            env={**os.environ, BUILD_DATE_VARIABLE: epoch_of(built)},
        )
        if result.returncode != 0:
            print(
                f"site not built: mkdocs exited {result.returncode}; {site_dir} unchanged",
                file=sys.stderr,
            )
            return 1
        write_header_files(staging)
        if not _build_pdfs(staging, config_file, site_dir, built):
            return 1
        _swap(staging, site_dir)
        print(f"site built: {site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build_pdfs(staging: Path, config_file: Path, site_dir: Path, day: dt.date) -> bool:
    step("2/2 the PDFs (a few minutes; to edit, make check and make serve are enough)")
    try:
        with PdfProgress() as progress:
            built = build_pdfs(
                staging, config_file, data_dir_beside(config_file), day, progress=progress
            )
    except PdfError as error:
        print(f"site not built: PDF failed: {error}\n{site_dir} unchanged", file=sys.stderr)
        return False
    except DataError as error:  # a page's data that could not be printed names its file
        print(f"site not built: PDF failed:\n{error}\n{site_dir} unchanged", file=sys.stderr)
        return False
    except Exception as error:  # never a traceback: the error's own words, and site/ as it was
        message = fault_message("the PDFs", error)
        print(f"site not built: {message}\n{site_dir} unchanged", file=sys.stderr)
        return False
    print(f"PDFs built: {len(built)} in {site_dir / 'pdf'}")
    return True


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    return build_site(ROOT / "site")


if __name__ == "__main__":
    sys.exit(main())
