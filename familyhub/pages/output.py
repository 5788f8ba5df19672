"""Writing generated pages into docs/: only changed files, only into generated folders."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from familyhub.data.kinds import KINDS
from familyhub.pages.markup import RenderedPage

GENERATED_FOLDERS = tuple(KINDS)


class OutputError(Exception):
    """Writing would touch a file that a person maintains."""


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def language_file(path: str, lang: str, default_lang: str) -> str:
    """mkdocs-static-i18n's suffix layout: page.md for the default language, page.en.md else."""
    return path if lang == default_lang else f"{path.removesuffix('.md')}.{lang}.md"


def write_pages(
    pages_by_lang: dict[str, list[RenderedPage]],
    docs_dir: Path,
    default_lang: str,
    known: Container[Path] = (),
) -> WriteStats:
    """Make the generated folders of docs_dir hold exactly these pages, tracked files untouched.

    Files in `known` are taken to hold their page already (the caller wrote them), unread."""
    wanted = {
        docs_dir / language_file(page.path, lang, default_lang): page.markdown
        for lang, pages in pages_by_lang.items()
        for page in pages
    }
    _refuse_outside_generated_folders(wanted, docs_dir)
    _refuse_tracked(docs_dir)
    stats = WriteStats()
    for path, text in wanted.items():
        if path in known or (path.is_file() and path.read_text(encoding="utf-8") == text):
            stats.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
        stats.written += 1
    for folder in GENERATED_FOLDERS:
        for stale in sorted((docs_dir / folder).glob("*.md")):
            if stale not in wanted:
                stale.unlink()
                stats.removed += 1
    return stats


def _refuse_outside_generated_folders(wanted: dict[Path, str], docs_dir: Path) -> None:
    for path in wanted:
        relative = path.relative_to(docs_dir)
        if len(relative.parts) != 2 or relative.parts[0] not in GENERATED_FOLDERS:
            raise OutputError(f"refusing to write {path}: not in a generated folder of {docs_dir}")


def _refuse_tracked(docs_dir: Path) -> None:
    """A generated folder holding a file git tracks means someone hand-wrote it: stop."""
    tracked = _tracked_files(docs_dir, GENERATED_FOLDERS)
    if tracked:
        raise OutputError(
            f"refusing to write generated pages: git tracks {tracked[0]} in a generated folder; "
            "generated folders of docs/ must hold no hand-written files"
        )


def _tracked_files(docs_dir: Path, folders: tuple[str, ...]) -> list[str]:
    try:
        result = subprocess.run(
            ["git", "ls-files", "--", *folders],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return []  # no git: nothing can be tracked
    return result.stdout.split() if result.returncode == 0 else []


def write_docs_tree(
    pages_by_lang: dict[str, list[RenderedPage]],
    hand_written: Path,
    out: Path,
    default_lang: str,
) -> WriteStats:
    """A complete docs folder in `out`: the hand-written pages of `hand_written`, then the
    generated pages, exactly as the build's hook would write them (for a bare MkDocs build)."""
    ignore = shutil.ignore_patterns(*GENERATED_FOLDERS)
    shutil.copytree(hand_written, out, ignore=ignore, dirs_exist_ok=True)
    return write_pages(pages_by_lang, out, default_lang)
