"""The preview's answer while a saved file has a mistake: every page shows the mistakes.

MkDocs' `serve` keeps a failed rebuild's reason in the terminal and holds back every request
until a rebuild succeeds ("the server will appear stuck"), so an editor looking at the browser
sees a page that never loads (walk-editor.md §5). Here a failed rebuild is answered in the
browser: its `file:line: message` lines become a page, in the language of the page asked for
(with the labels of data/site.yml as the last good build read them), and every page's address
shows that page until a save builds again. MkDocs serves it like any page, with its live-reload
script, so the browser shows the mistakes at once and the page again after the repairing save.
"""

from __future__ import annotations

import logging
import posixpath
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from familyhub.data.faults import fault_message
from familyhub.data.site_config import SiteConfig

log = logging.getLogger("mkdocs.familyhub")
# inside the served site's folder, which a failed build's next build empties (preview.py)
FOLDER = ".familyhub-problems"
TEMPLATE = "preview_problems.html.j2"
LABELS = ("title", "intro", "terminal")
SHOWN = "familyhub: every page of the preview shows these problems until a save corrects them"

_HTML = Environment(
    loader=PackageLoader("familyhub", "templates"), undefined=StrictUndefined, autoescape=True
)

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def problem_lines(error: BaseException) -> list[str]:
    """A failed build's error as the lines an editor reads: `file:line: message` each.

    familyhub's own errors (a PluginError, "data/ has problems:" and a line per problem) and
    MkDocs' (a configuration error) carry their words; anything else is a fault, said as one."""
    if type(error).__module__.startswith(("mkdocs", "familyhub")):
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    else:
        lines = [fault_message("the preview", error)]
    if len(lines) > 1 and lines[0].endswith(":"):  # "data/ has problems:": the page's title
        lines = lines[1:]
    return lines or [fault_message("the preview", error)]


@dataclass
class ProblemsPage:
    """A preview's problems while its last build failed, and the page that shows them."""

    site: SiteConfig | None = None  # data/site.yml as the last good build read it
    site_dir: Path | None = None
    problems: list[str] | None = None
    _failed_with: list[str] | None = None
    # a request waits for a rebuild under way, as MkDocs' own wait does, then asks for problems
    _building: bool = False
    _built: threading.Condition = field(default_factory=threading.Condition)

    def building(self, site: SiteConfig, site_dir: Path) -> None:
        """A build's start (on_pre_build): the labels and folder its problems page will use."""
        self.site, self.site_dir = site, site_dir

    def build_failed(self, error: BaseException) -> None:
        """MkDocs' on_build_error: the error the failed build ends with."""
        self._failed_with = problem_lines(error)

    def serve(self, server: Any) -> None:
        """MkDocs' on_serve: the server's rebuilds and page requests go through this page."""
        server.builder = self._builder(server.builder)
        server.set_app(self._app(server.get_app(), server.mount_path))

    def _builder(self, build: Callable[[], None]) -> Callable[[], None]:
        """A rebuild that fails writes the problems page instead of raising: MkDocs then
        counts it as done, answers the requests it held and reloads the browsers."""

        def build_or_show_problems() -> None:
            with self._built:
                self._building, self._failed_with = True, None
            try:
                build()
            except Exception as error:
                self.problems = self._failed_with or problem_lines(error)
                self._write_pages()
                if isinstance(error, SystemExit):  # MkDocs' Abort: it has logged the problems
                    log.error(SHOWN)
                else:
                    log.error("%s:\n%s", SHOWN, "\n".join(self.problems))
            else:
                self.problems = None
            finally:
                with self._built:
                    self._building = False
                    self._built.notify_all()

        return build_or_show_problems

    def _app(self, serve: Wsgi, mount_path: str) -> Wsgi:
        def serve_or_show_problems(environ: dict[str, Any], start: Callable[..., Any]) -> Any:
            path = str(environ.get("PATH_INFO", ""))
            if is_page(path, mount_path) and self._shows_problems():
                lang = self._language_of(path[len(mount_path) :])
                environ = {**environ, "PATH_INFO": f"{mount_path}{FOLDER}/{lang}.html"}
            return serve(environ, start)

        return serve_or_show_problems

    def _shows_problems(self) -> bool:
        with self._built:
            self._built.wait_for(lambda: not self._building)
            return self.problems is not None

    def _language_of(self, path: str) -> str:
        assert self.site is not None
        first = path.lstrip("/").split("/", 1)[0]
        return first if first in self.site.codes else self.site.default_language

    def _write_pages(self) -> None:
        assert self.site is not None and self.site_dir is not None and self.problems is not None
        folder = self.site_dir / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        default = self.site.language(self.site.default_language).labels
        for lang in self.site.codes:
            labels = self.site.language(lang).labels
            keys = {name: f"preview-problems-{name}" for name in LABELS}
            text = {name: labels.get(key) or default.get(key) or key for name, key in keys.items()}
            page = _HTML.get_template(TEMPLATE).render(lang=lang, problems=self.problems, **text)
            (folder / f"{lang}.html").write_text(page, encoding="utf-8")


def is_page(path: str, mount_path: str) -> bool:
    """A request for a page (not a stylesheet, script, picture or the live reload's poll)."""
    if not (path + "/").startswith(mount_path) or path.startswith("/livereload/"):
        return False
    name = posixpath.basename(path)
    return not name or name.endswith(".html") or "." not in name


# One per process, as preview.PREVIEW.
PROBLEMS = ProblemsPage()
