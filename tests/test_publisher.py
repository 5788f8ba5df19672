"""Someone answers for the site (issue 12): data/site.yml's publisher and licence show in every
page's footer, on the About page and on the PDF cover; `familyhub check --release` refuses an
example or missing publisher, a plain check only warns."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from familyhub.cli.main import main
from familyhub.i18n import Formatter
from familyhub.pdf.documents import hub_pdf

from .conftest import PREFIX, language_pages, run_mkdocs_build
from .real_data import HUB
from .test_pdf import built_on, days_of_the_build

# the shared build's PDFs are made beside the first tests of its pages: these wait for them
pytestmark = pytest.mark.usefixtures("built_pdfs")

Edit = Callable[[str, Callable[[str], str]], Path]
REAL_PUBLISHER = {
    "da": "Holbæk Kommune, Børn og Familie",
    "en": "Holbæk Municipality, Children and Families",
    "nb": "Holbæk Kommune, Barn og familie",
}


# The example publisher as the project ships it: these tests keep their own copy, so they do not
# turn red on the day a deployment names its real publisher, as the README asks it to.
EXAMPLE_PUBLISHER = {
    "da": ("Eksempeludgiver", "redaktion@example.org", "Navn på ansvarlig redaktør", "da"),
    "en": ("Example publisher", "redaktion@example.org", "Name of the responsible editor", "en"),
    "nb": ("Eksempelutgiver", "redaksjon@example.org", "Navn på ansvarlig redaktør", "no"),
}
PUBLISHER_BLOCK = re.compile(r"(?m)^  - code: (\w+)\n(?:    .*\n)*?    publisher:\n(?:      .*\n)+")


def example_block(match: re.Match[str]) -> str:
    name, contact, editor, deed = EXAMPLE_PUBLISHER[match.group(1)]
    head = match.group(0)[: match.group(0).index("    publisher:\n")]
    return (
        f"{head}    publisher:\n      example: true\n      name: {name}\n"
        f"      contact: {contact}\n      editor: {editor}\n      licence: CC BY 4.0\n"
        f"      licence_url: https://creativecommons.org/licenses/by/4.0/deed.{deed}\n"
    )


@pytest.fixture
def example_data(data_dir: Path) -> Path:
    """A copy of the data whose every language names the example publisher."""
    path = data_dir / "site.yml"
    text, found = PUBLISHER_BLOCK.subn(example_block, path.read_text(encoding="utf-8"))
    assert found == len(EXAMPLE_PUBLISHER)
    path.write_text(text, encoding="utf-8")
    return data_dir


def check(data_dir: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    code = main(["--data", str(data_dir), "check", *flags])
    return code, capsys.readouterr().err


REAL_ADDRESS = "https://www.holbaek.dk/familyhub/"


def make_real(text: str) -> str:
    """The example publisher and address replaced by real ones, as a deployment would."""
    text = text.replace("      example: true\n", "").replace("site_url_example: true\n", "")
    text = text.replace("site_url: https://familyhub.example.org/", f"site_url: {REAL_ADDRESS}")
    text = text.replace("name: Eksempeludgiver", f"name: {REAL_PUBLISHER['da']}")
    text = text.replace("name: Eksempelutgiver", f"name: {REAL_PUBLISHER['nb']}")
    return text.replace("name: Example publisher", f"name: {REAL_PUBLISHER['en']}")


def test_release_check_refuses_the_example_publisher(example_data: Path, capsys) -> None:
    code, err = check(example_data, capsys, "--release")
    assert code == 1
    site = (example_data / "site.yml").read_text(encoding="utf-8").splitlines()
    # the built languages come first; a language in preparation is not released
    lines = [n for n, line in enumerate(site, 1) if line.strip() == "example: true"][: len(PREFIX)]
    for lang, line in zip(PREFIX, lines, strict=True):
        assert f"data/site.yml:{line}: languages.{lang}.publisher.example: " in err


def test_plain_check_only_warns_about_the_example_publisher(example_data: Path, capsys) -> None:
    code, err = check(example_data, capsys)
    assert code == 0
    assert "warning: data/site.yml:" in err and "publisher.example" in err


def test_release_check_passes_a_named_publisher(example_data: Path, edit: Edit, capsys) -> None:
    edit("site.yml", make_real)
    assert check(example_data, capsys, "--release") == (0, "")


def line_of_site_url(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("site_url:"))


def test_release_check_refuses_the_example_address(data_dir: Path, edit: Edit, capsys) -> None:
    path = edit("site.yml", lambda text: make_real(text).replace(REAL_ADDRESS, "https://x.dk/"))
    path.write_text(path.read_text() + "site_url_example: true\n", encoding="utf-8")
    code, err = check(data_dir, capsys, "--release")
    assert code == 1
    line = line_of_site_url(path)
    assert f"data/site.yml:{line}: site_url: 'https://x.dk/' is the example address" in err
    assert "publisher" not in err.splitlines()[0]
    # a plain check warns, and goes on
    code, err = check(data_dir, capsys)
    assert code == 0
    assert f"warning: data/site.yml:{line}: site_url: " in err


def test_release_check_refuses_a_missing_address(data_dir: Path, edit: Edit, capsys) -> None:
    edit("site.yml", lambda text: make_real(text).replace(f"site_url: {REAL_ADDRESS}\n", ""))
    code, err = check(data_dir, capsys, "--release")
    assert code == 1
    assert "data/site.yml:1: site_url: missing" in err


@pytest.mark.parametrize(
    "address",
    ["familyhub.dk", "/familyhub/", "ftp://familyhub.dk/", "https://", "https://x.dk/?a=1", "''"],
)
def test_check_refuses_an_address_that_is_not_absolute_http(
    data_dir: Path, edit: Edit, capsys, address: str
) -> None:
    path = edit("site.yml", lambda text: make_real(text).replace(REAL_ADDRESS, address))
    code, err = check(data_dir, capsys)
    assert code == 1
    line = line_of_site_url(path)
    assert f"data/site.yml:{line}: site_url: " in err
    assert "is not an absolute http(s) address" in err or "at least 1 character" in err
    assert "Traceback" not in err


def test_release_check_names_a_missing_field(example_data: Path, edit: Edit, capsys) -> None:
    path = edit(
        "site.yml",
        lambda text: make_real(text).replace("      editor: Name of the responsible editor\n", ""),
    )
    code, err = check(example_data, capsys, "--release")
    assert code == 1
    publisher_line = [
        n
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if "publisher:" in line and line.startswith("    publisher")
    ][1]
    assert f"data/site.yml:{publisher_line}: languages.en.publisher.editor: missing" in err
    assert "languages.da" not in err


def test_a_publisher_label_missing_in_a_language_fails_the_build(project: Path) -> None:
    path = project / "data" / "site.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("      publisher-editor: Responsible editor\n", ""), encoding="utf-8"
    )
    result = run_mkdocs_build(project)
    assert result.returncode != 0
    # the file, the line of the language's labels, and the label
    assert re.search(
        r"data/site\.yml:\d+: languages\[1\]\.labels: label 'publisher-editor'", result.stderr
    )


def footer(html: str) -> str:
    match = re.search(r'<div class="md-copyright__highlight fh-owner">(.*?)</div>', html, re.DOTALL)
    assert match, "no publisher in the footer"
    return " ".join(match.group(1).split())


@pytest.mark.parametrize("lang", PREFIX)
def test_every_page_names_its_publisher_in_its_language(built_site: Path, lang: str) -> None:
    language = HUB.site.language(lang)
    # another language's word for the editor, where it differs from this one's (da and nb agree)
    other_editor = {
        HUB.site.language(code).labels["publisher-editor"] for code in PREFIX if code != lang
    } - {language.labels["publisher-editor"]}
    pages = language_pages(built_site, lang)
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "404" in page.name:
            continue
        line = footer(html)
        assert language.publisher.name in line, page
        # the real data names the example publisher until a deployment names its own
        assert (language.labels["publisher-example"] in line) == language.publisher.example, page
        assert language.labels["licence"] in line and "CC BY 4.0" in line, page
        assert not any(word in line for word in other_editor), page


@pytest.mark.parametrize("lang", PREFIX)
def test_about_page_lists_publisher_contact_editor_and_licence(built_site: Path, lang: str) -> None:
    publisher = HUB.site.language(lang).publisher
    html = (built_site / PREFIX[lang] / "about.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert publisher.name and publisher.name in article
    assert f'<a href="mailto:{publisher.contact}">' in article
    assert str(publisher.editor) in article
    assert f'<a href="{publisher.licence_url}">{publisher.licence}</a>' in article


@pytest.mark.parametrize("lang", PREFIX)
def test_pdf_cover_names_publisher_licence_date_and_version(built_site: Path, lang: str) -> None:
    fmt = Formatter(HUB.site.language(lang))
    publisher = HUB.site.language(lang).publisher
    pdf = built_site / hub_pdf(lang)
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cover = " ".join(cover.split())
    example = f" ({fmt.label('publisher-example')})" if publisher.example else ""
    assert f"{publisher.name}{example}" in cover
    for value in (publisher.contact, publisher.editor, publisher.licence):
        assert str(value) in cover
    # the day the build made it (its own clock), not the day this test runs
    assert [day for day in days_of_the_build(built_site) if built_on(fmt, day) in cover]
    version = importlib.metadata.version("familyhub")
    assert fmt.label("pdf-version").format(version=version) in cover
