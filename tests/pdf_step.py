"""The PDF step of the session's shared build (conftest.py: built_site), in a process of its own:
the same `build_pdfs` that `make site` runs after MkDocs (with its progress), on the pages MkDocs
has just written. The tests of the pages go on meanwhile; those of the PDFs wait for its marker
(built_pdfs)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from familyhub.pdf.documents import build_pdfs
from familyhub.site.progress import PdfProgress

MADE, FAILED = ".pdfs-made", ".pdfs-failed"


def main(project: Path, day: dt.date) -> int:
    site, config, data = project / "site", project / "mkdocs.yml", project / "data"
    try:
        with PdfProgress() as progress:  # what `make site` says as it goes ("PDF 12/42: …")
            built = build_pdfs(site, config, data, day, progress=progress)
    except BaseException as error:  # the waiting tests say why, instead of waiting in vain
        (project / FAILED).write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
        return 1
    (project / MADE).write_text(str(len(built)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])))
