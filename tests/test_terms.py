"""data/terms.yml: `familyhub check` warns with file:line where a text uses a word its language's
glossary avoids, in that language only, and the curated texts use none."""

from __future__ import annotations

from pathlib import Path

from familyhub.data.load import load_site_config
from familyhub.data.terms import load_terms, term_warnings

from .conftest import ROOT
from .test_check import Edit, check, line_number, replace_all

PARTNERSHIP = "partnerships/holbaek-home-start.yml"


def test_the_curated_texts_use_no_avoided_word() -> None:
    warnings = term_warnings(ROOT / "data", load_site_config(ROOT / "data"))
    assert [str(warning) for warning in warnings] == []


def test_every_language_of_the_site_has_a_glossary() -> None:
    terms = load_terms(ROOT / "data")
    assert terms is not None
    assert set(terms.terms) == set(load_site_config(ROOT / "data").codes)


def test_a_variant_in_a_text_label_or_page_of_its_language_is_warned_with_file_and_line(
    data_dir: Path, edit: Edit, capsys
) -> None:
    def use_variants(text: str) -> str:
        text = replace_all(text, {"\n  en: ": "\n  en: A volunteer\n    organisation and "})
        # an English calque in a Danish text is not a Danish variant
        return replace_all(text, {"\n  da: ": "\n  da: The offer and "})

    path = edit(PARTNERSHIP, use_variants)
    site = edit("site.yml", lambda text: text.replace(": Lokal avdeling", ": Lokalavdeling"))
    page = data_dir.parent / "docs" / "about.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nAn outpatient service.\n", encoding="utf-8"
    )
    code, out, err = check(data_dir, capsys)
    assert code == 0, err  # a warning, not a refusal
    assert out.startswith("ok: ")
    line = line_number(path, "en: A volunteer")
    assert f"warning: data/{PARTNERSHIP}:{line}: name.en: 'volunteer organisation': " in err
    assert "the hub writes 'voluntary organisation'" in err
    assert "'The offer'" not in err
    label_line = line_number(site, ": Lokalavdeling")
    assert f"data/site.yml:{label_line}: languages[2].labels.organisation-local-branch: " in err
    page_line = line_number(page, "An outpatient service.")
    assert f"docs/about.en.md:{page_line}: (file): 'outpatient'" in err
    assert err.count("the hub writes") == 3


def test_a_broken_glossary_names_file_line_and_field(data_dir: Path, capsys) -> None:
    terms = data_dir / "terms.yml"
    text = terms.read_text(encoding="utf-8")
    terms.write_text(text.replace("    term: driftsherre", "    word: driftsherre", 1))
    code, _, err = check(data_dir, capsys)
    assert code == 1
    line = line_number(terms, "word: driftsherre")
    assert f"data/terms.yml:{line}: terms.da[0]" in err
    assert "Traceback" not in err
