"""What `make site` says while it works (familyhub/site/progress.py): the PDFs counted, on a
terminal as a bar, in a log a line each; mkdocs-static-i18n's INFO chatter left out. The real
build's count is checked where the tests build the site (tests/conftest.py make_site)."""

from __future__ import annotations

import io
import logging

import pytest
from mkdocs.plugins import get_plugin_logger

from familyhub.site.progress import PdfProgress, quiet_plugins


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_in_a_log_each_pdf_is_a_line_counted_against_all_planned() -> None:
    out = io.StringIO()
    with PdfProgress(out) as progress:
        progress.languages(2)
        progress.planned(2)  # each language says how many it makes, as it starts
        progress.made("pdf/familyhub-da.pdf")
        progress.planned(1)  # the last language starts: the total is known
        for target in ("pdf/cases/x-da.pdf", "pdf/familyhub-en.pdf"):
            progress.made(target)
    assert out.getvalue().splitlines() == [
        "PDF 1/2+: pdf/familyhub-da.pdf",
        "PDF 2/3: pdf/cases/x-da.pdf",
        "PDF 3/3: pdf/familyhub-en.pdf",
    ]


def test_on_a_terminal_a_bar_counts_the_pdfs() -> None:
    out = Terminal()
    with PdfProgress(out) as progress:
        progress.languages(1)
        progress.planned(42)
        for number in range(12):
            progress.made(f"pdf/da/{number}.pdf")
    assert "PDF 12/42" in out.getvalue()
    assert "PDF 1/42: " not in out.getvalue()  # not a line per PDF


def test_the_i18n_plugin_s_info_lines_are_left_out_but_its_warnings_and_languages_stay(
    caplog: pytest.LogCaptureFixture,
) -> None:
    quiet_plugins()
    # as the plugin logs: through MkDocs' plugin logger, which puts its name before each line
    plugin = get_plugin_logger("mkdocs_static_i18n.reconfigure")
    building = get_plugin_logger("mkdocs_static_i18n.plugin")
    with caplog.at_level(logging.INFO):
        plugin.info("The 'extra.alternate' configuration contains a 'link' option ...")
        plugin.warning("a translation is missing")
        building.info("Building 'en' documentation to directory: /tmp/site/en")
    assert [record.getMessage() for record in caplog.records] == [
        "mkdocs_static_i18n: a translation is missing",
        "mkdocs_static_i18n: Building 'en' documentation to directory: /tmp/site/en",
    ]
