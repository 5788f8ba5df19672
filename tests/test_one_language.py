"""issue 23: one language per page. A source's title is the one it was published under, marked
with its language, or the hub's description in every language; "not recorded" is the reader's
label, never typed into the data; amounts name their currency where the text crosses the border.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from familyhub.cli.main import main
from familyhub.data.load import load_site_config

from .conftest import PREFIX, ROOT, Edit, edits_put_back
from .page_languages import Markers, leaks, visible_text
from .real_data import HUB

SITE = load_site_config(ROOT / "data")
VOSS = "municipalities/voss.yml"
HOLBAEK = "partnerships/holbaek-home-start.yml"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of data/ (not of the project: `check` reads only data), put back after each test."""
    return Path(shutil.copytree(ROOT / "data", tmp_path_factory.mktemp("one-language") / "data"))


@pytest.fixture
def edit(data_dir: Path) -> Iterator[Edit]:
    with edits_put_back(data_dir) as rewrite:
        yield rewrite


def check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--data", str(data_dir), "check"])
    return code, capsys.readouterr().err


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_bare_krone_across_the_border_is_warned_with_file_and_line(
    data_dir: Path, edit: Edit, capsys
) -> None:
    voss = edit(VOSS, lambda text: text.replace("1 mio. norske kr. om året", "1 mio. kr. om året"))
    edit(HOLBAEK, lambda text: text.replace("500 000 danske kroner", "500 000 kr", 1))
    code, err = check(data_dir, capsys)
    assert code == 0, err  # a warning: the editor decides
    voss_line = f"warning: data/{VOSS}:{line_of(voss, 'description:') + 1}: description.da: 'kr.'"
    assert voss_line in err, err
    assert 'write "norske kr."' in err
    nb_warnings = [line for line in err.splitlines() if f"data/{HOLBAEK}:" in line]
    assert nb_warnings and all("'kr' in the nb text" in line for line in nb_warnings), err
    assert 'write "danske kroner"' in nb_warnings[0]
    # the real data names the currency everywhere: test_check.py's clean run has no warning but
    # the example publisher's


def test_a_descriptive_title_is_written_in_every_language(
    data_dir: Path, edit: Edit, capsys
) -> None:
    path = edit(
        "sources/rakkestad-frivillige-familiekontakter-soekes.yml",
        lambda text: text.replace("  nb: Frivillige familiekontakter søkes\n", ""),
    )
    code, err = check(data_dir, capsys)
    assert code == 1
    line = line_of(path, "title:")
    assert f"{path.relative_to(data_dir.parent)}:{line}: title" in err and "nb" in err, err


def test_no_source_title_is_typed_as_a_placeholder_or_in_two_languages() -> None:
    for source in HUB.all("source"):
        titles = source.title.values() if isinstance(source.title, dict) else [source.title]
        assert all(" / " not in title for title in titles), source.id
        assert source.publisher is None or "noteret" not in source.publisher.lower(), source.id
    descriptive = [s for s in HUB.all("source") if s.title_descriptive]
    # a description is written in each language, not copied from one
    assert sum(s.title["nb"] != s.title["en"] for s in descriptive) > len(descriptive) / 2


def own_texts() -> dict[str, list[str]]:
    """Each language's labels and its descriptions of the sources that have no title."""
    described = [source.title for source in HUB.all("source") if source.title_descriptive]
    return {
        language.code: [*language.labels.values(), *(title[language.code] for title in described)]
        for language in SITE.languages
    }


def test_every_page_shows_only_its_own_language_outside_marked_passages(
    built_site: Path,
) -> None:
    found = leaks(built_site, PREFIX, Markers(own_texts()))
    assert not found, "\n".join(f"{page}: {phrases}" for page, phrases in sorted(found.items()))
    # a Norwegian source's own title on a Danish page is marked with its language
    page = (built_site / "sources/hsfn-til-kommuner.html").read_text(encoding="utf-8")
    assert '<span lang="nb">Til kommuner</span>' in page
    english = built_site / "en/sources/rakkestad-frivillige-familiekontakter-soekes.html"
    assert "Volunteer family contacts wanted" in english.read_text(encoding="utf-8")
    norwegian = built_site / "nb/sources/rakkestad-frivillige-familiekontakter-soekes.html"
    assert "Frivillige familiekontakter søkes" in visible_text(norwegian.read_text("utf-8"))
    # a value on which sources disagree: the source's own words marked, the hub's translated
    network = built_site / "organisations/home-start-familiekontakten-norge.html"
    assert '<span lang="nb">47 koordinatorer</span>' in network.read_text(encoding="utf-8")
    model = (built_site / "en/models/familiens-hus.html").read_text(encoding="utf-8")
    assert "mothers under 26 (project description, draft)" in model


def test_the_check_of_pages_finds_another_language_and_spares_a_marked_passage() -> None:
    markers = Markers(own_texts())
    page = "<html lang='en'><body><p>Author: Ikke noteret / not recorded</p>{}</body></html>"
    assert markers.found("en", visible_text(page.format(""))) == ["da: Ikke noteret"]
    marked = '<p><span lang="da">Ikke oplyst i kilderne</span></p>'
    assert markers.found("en", visible_text("<body>" + marked)) == []
    assert markers.found("da", visible_text("<body>" + marked)) == []
