"""Guide pages in the real built site: stable item ids in both languages, labels on every box, a
timeline with a text alternative, the plan spec embedded from the data, small self-hosted assets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from familyhub.data.load import load_hub
from familyhub.i18n import Formatter
from familyhub.pages.guides import item_views, plan_spec

from .conftest import ROOT, run_mkdocs_build

HUB = load_hub(ROOT / "data")
PREFIX = {"da": "", "en": "en/"}
GUIDES = list(HUB.entities["guide"])
ASSETS = [
    "assets/javascripts/familyhub-checklist.js",
    "assets/javascripts/familyhub-plan.js",
    "assets/stylesheets/familyhub-guides.css",
]
# "small": all three together, uncompressed
ASSETS_BUDGET_BYTES = 24_000


def page(site: Path, lang: str, name: str) -> str:
    return (site / PREFIX[lang] / "guides" / f"{name}.html").read_text(encoding="utf-8")


def item_ids(html: str) -> list[str]:
    return re.findall(
        r'<input type="checkbox" class="fh-check" id="[^"]+" data-item-id="([^"]+)"', html
    )


def embedded_spec(html: str) -> object:
    match = re.search(r'<script type="application/json" id="fh-plan-spec">(.*?)</script>', html)
    assert match, "plan spec not embedded"
    return json.loads(match.group(1))


@pytest.mark.parametrize("guide_id", GUIDES)
def test_item_ids_come_from_the_data_and_match_across_languages(
    built_site: Path, guide_id: str
) -> None:
    expected = [view.id for view in item_views(HUB, HUB.get("guide", guide_id))]
    assert item_ids(page(built_site, "da", guide_id)) == expected
    assert item_ids(page(built_site, "en", guide_id)) == expected


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("guide_id", GUIDES)
def test_every_box_has_a_label_and_the_page_reads_without_javascript(
    built_site: Path, lang: str, guide_id: str
) -> None:
    html = page(built_site, lang, guide_id)
    boxes = re.findall(r'<input type="checkbox" class="fh-check" id="([^"]+)"', html)
    assert boxes
    for box in boxes:
        assert f'<label for="{box}">' in html, f"{box} has no label"
    # the tools need JavaScript, so they start hidden; the list itself is plain HTML
    assert re.search(r'<div class="fh-checklist-tools"[^>]* hidden>', html)
    assert 'aria-live="polite"' in html
    for view in item_views(HUB, HUB.get("guide", guide_id)):
        title = view.title[lang].replace("&", "&amp;")
        assert f">{title}</label>" in html, f"{view.id}: title missing"


@pytest.mark.parametrize("lang", PREFIX)
def test_timeline_is_an_svg_with_a_text_alternative(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "new-branch")
    svg = re.search(r'<svg class="fh-timeline".*?</svg>', html, re.DOTALL)
    assert svg
    assert 'role="img"' in svg.group(0)
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg.group(0))
    assert labelled_by
    for element_id in labelled_by.group(1).split():
        assert f'id="{element_id}"' in svg.group(0)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg.group(0))
    assert desc
    fmt = Formatter(HUB.site.language(lang))
    for phase in ("prepare", "fund", "hire", "organise", "agree", "start"):
        assert fmt.label(f"phase-{phase}") in desc.group(1)


@pytest.mark.parametrize("lang", PREFIX)
def test_plan_page_embeds_the_spec_made_from_the_data(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "plan")
    expected = plan_spec(HUB, Formatter(HUB.site.language(lang)))
    assert embedded_spec(html) == json.loads(json.dumps(expected))
    assert re.search(r'<form class="fh-plan-form" id="fh-plan-form" novalidate hidden>', html)
    assert "<noscript>" in html


def test_assets_are_self_hosted_and_small(built_site: Path) -> None:
    sizes = {asset: (built_site / asset).stat().st_size for asset in ASSETS}
    assert sum(sizes.values()) < ASSETS_BUDGET_BYTES, sizes
    # issue 15: each on the pages that use it only, the plan's script on the plan page
    for name, assets in (("new-branch", ASSETS[0::2]), ("plan", ASSETS[1:])):
        html = page(built_site, "en", name)
        for asset in assets:
            assert f'"../../{asset}"' in html, f"{asset} not linked from /en/guides/{name}.html"
    assert f'"../../{ASSETS[1]}"' not in page(built_site, "en", "new-branch")


INJECTED = "<script>alert(1)</script> {{ 7*7 }} </script><img src=x onerror=alert(2)>"


def test_guide_text_and_labels_stay_text_in_checklist_timeline_and_plan(project: Path) -> None:
    guide_file = project / "data" / "guides" / "new-branch.yml"
    guide = yaml.safe_load(guide_file.read_text())
    guide["name"]["da"] = INJECTED
    guide["phases"][0]["items"][2]["title"]["da"] = INJECTED
    guide_file.write_text(yaml.safe_dump(guide, allow_unicode=True))
    site_file = project / "data" / "site.yml"
    site = yaml.safe_load(site_file.read_text())
    site["languages"][0]["labels"]["phase-prepare"] = INJECTED
    site["languages"][0]["labels"]["checklist-reset"] = INJECTED
    site_file.write_text(yaml.safe_dump(site, allow_unicode=True))
    result = run_mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    for name in ("new-branch", "plan"):
        html = (project / "site" / "guides" / f"{name}.html").read_text()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert not re.search(r"<[a-z]+[^>]*\son(error|click)=", html)
        assert "{{ 7*7 }}" in html  # shown as text, never evaluated
    spec = embedded_spec((project / "site" / "guides" / "plan.html").read_text())
    assert isinstance(spec, dict)
    assert spec["guides"]["new-branch"]["name"] == INJECTED
    assert spec["guides"]["new-branch"]["phases"][0]["label"] == INJECTED
