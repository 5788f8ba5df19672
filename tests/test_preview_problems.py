"""The preview's problems page (familyhub/site/preview_problems.py), without a server: which
requests it answers, which lines it shows, in which language. test_serve.py shows it served."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from familyhub.data.load import load_site_config
from familyhub.site.preview_problems import FOLDER, ProblemsPage, is_page, problem_lines

ROOT = Path(__file__).resolve().parents[1]
PROBLEM = "data/partnerships/x.yml:4: name: missing translation: <nb>"


class Server:
    """What ProblemsPage uses of MkDocs' LiveReloadServer (a WSGI server with a builder)."""

    mount_path = "/"

    def __init__(self, build: Any) -> None:
        self.builder, self.asked = build, []
        self._app = lambda environ, start: self.asked.append(environ["PATH_INFO"]) or [b""]

    def get_app(self) -> Any:
        return self._app

    def set_app(self, app: Any) -> None:
        self._app = app


def broken_build() -> None:
    raise PluginError(f"data/ has problems:\n{PROBLEM}\n")


def test_problem_lines_are_the_editor_s_lines_and_a_fault_is_one_line() -> None:
    assert problem_lines(PluginError(f"data/ has problems:\n{PROBLEM}")) == [PROBLEM]
    (fault,) = problem_lines(ValueError("day is out of range for month"))
    assert fault.startswith("the preview could not be made (ValueError: day is out of range")


@pytest.mark.parametrize(
    ("path", "answered"),
    [
        ("/", True),
        ("/en/partnerships/", True),
        ("/nb/about.html", True),
        ("/partnerships/aarhus-home-start", True),
        ("/assets/stylesheets/familyhub.css", False),
        ("/pagefind/pagefind.js", False),
        ("/livereload/1700000000/1", False),
    ],
)
def test_only_pages_are_answered_with_the_problems(path: str, answered: bool) -> None:
    assert is_page(path, "/") is answered


def test_a_failed_rebuild_is_shown_in_each_language_until_one_succeeds(tmp_path: Path) -> None:
    outcome: list[Any] = [broken_build]
    problems = ProblemsPage()
    problems.building(load_site_config(ROOT / "data"), tmp_path)
    server = Server(lambda: outcome[0]())
    problems.serve(server)
    server.builder()  # fails, and does not raise: MkDocs reloads the browsers
    assert problems.problems == [PROBLEM]
    for path, lang, title in (
        ("/en/cases/index.html", "en", "The preview cannot show this page"),
        ("/nb/", "nb", "Forhåndsvisningen kan ikke vise siden"),
        ("/about.html", "da", "Forhåndsvisningen kan ikke vise siden"),
    ):
        server.get_app()({"PATH_INFO": path}, None)
        assert server.asked[-1] == f"/{FOLDER}/{lang}.html"
        shown = (tmp_path / FOLDER / f"{lang}.html").read_text(encoding="utf-8")
        assert f'lang="{lang}"' in shown and f"<h1>{title}</h1>" in shown
        assert "missing translation: &lt;nb&gt;" in shown  # escaped
    server.get_app()({"PATH_INFO": "/assets/x.css"}, None)
    assert server.asked[-1] == "/assets/x.css"
    outcome[0] = lambda: None  # the repairing save
    server.builder()
    assert problems.problems is None
    server.get_app()({"PATH_INFO": "/en/cases/index.html"}, None)
    assert server.asked[-1] == "/en/cases/index.html"
