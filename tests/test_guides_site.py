"""Guide pages in the real built site: stable item ids in both languages, labels on every box, a
timeline with a text alternative, the plan spec embedded from the data, small self-hosted assets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from familyhub.i18n import Formatter
from familyhub.pages.guides import item_views

from .conftest import PREFIX, ROOT, InjectedProject
from .injected import INJECTED, event_handlers
from .real_data import HUB

GUIDES = list(HUB.entities["guide"])
ASSETS = [
    "assets/javascripts/familyhub-checklist.js",
    "assets/javascripts/familyhub-plan.js",
    "assets/stylesheets/familyhub-guides.css",
]
# "small": what one page of the guides loads of them, uncompressed (the plan page's script keeps
# the plan in the address, prints it, links the municipalities the hub knows, and since issue 13
# adds on-costs and dates the budget's years; issue 22 adds the budget by calendar year, the
# funding split, the register's figures, numbers read the language's way and a link's
# impossible values reported, and a scroll shadow on phones: 8.8 KB of the script gzipped; issue
# 21 marks a benchmark's published title with its language, 106 bytes past 37,000)
PAGE_ASSETS_BUDGET_BYTES = 37_500


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


def yaml_of(relative: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "data" / relative).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def items_in_the_yaml(guide_id: str) -> list[tuple[str, dict[str, str]]]:
    """(id, title by language) of each item, read off data/guides/<id>.yml as an editor reads
    it: an item without a title of its own has its requirement's (data/requirement_sets/)."""
    items = []
    for phase in yaml_of(f"guides/{guide_id}.yml")["phases"]:
        for item in phase["items"]:
            title = item.get("title")
            if title is None:
                ref = item["requirement"]
                requirements = yaml_of(f"requirement_sets/{ref['set']}.yml")["requirements"]
                title = next(r["title"] for r in requirements if r["id"] == ref["id"])
            items.append((item["id"], title))
    return items


# counted by hand in data/guides/*.yml (7 December 2026)
ITEMS_PER_GUIDE = {"municipal-partnership": 42, "new-branch-denmark": 26, "new-branch-norway": 44}


def test_every_guide_is_checked() -> None:
    assert sorted(GUIDES) == sorted(ITEMS_PER_GUIDE)


@pytest.mark.parametrize("guide_id", GUIDES)
def test_item_ids_come_from_the_data_and_match_across_languages(
    built_site: Path, guide_id: str
) -> None:
    expected = [item_id for item_id, _ in items_in_the_yaml(guide_id)]
    assert len(expected) == ITEMS_PER_GUIDE[guide_id]
    for lang in PREFIX:
        assert item_ids(page(built_site, lang, guide_id)) == expected, lang


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
    assert len(boxes) == ITEMS_PER_GUIDE[guide_id]
    for item_id, titles in items_in_the_yaml(guide_id):
        title = " ".join(titles[lang].split()).replace("&", "&amp;")
        assert f">{title}</label>" in html, f"{item_id}: title missing"


@pytest.mark.parametrize("lang", PREFIX)
def test_timeline_is_an_svg_with_a_text_alternative(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "new-branch-norway")
    svg = re.search(r'<svg class="fh-timeline fh-wide".*?</svg>', html, re.DOTALL)
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
def test_plan_page_embeds_the_plan_the_data_describes(built_site: Path, lang: str) -> None:
    """The embedded spec against values read off the YAML by hand, not against plan_spec()."""
    html = page(built_site, lang, "plan")
    spec = embedded_spec(html)
    assert isinstance(spec, dict)
    assert spec["lang"] == lang
    assert spec["plans"]["hsfn-new-branch"] == "new-branch-norway"
    guide = spec["guides"]["new-branch-norway"]
    # data/requirement_sets/hsfn-new-branch.yml: coordinator fte 0.5 for 3 years, office 3 years
    budget = {line["requirement"]: line for line in guide["budget"]}
    assert (budget["coordinator"]["fte_basis_points"], budget["coordinator"]["years"]) == (5000, 3)
    assert budget["coordinator"]["required"] is True
    assert (budget["office-costs"]["fte_basis_points"], budget["office-costs"]["years"]) == (
        10000,
        3,
    )
    assert budget["office-costs"]["required"] is False
    # data/guides/new-branch-norway.yml: the weeks of each phase, in the phases' order
    weeks = {phase["phase"]: phase["weeks"] for phase in guide["phases"]}
    assert list(weeks) == ["prepare", "fund", "agree", "hire", "organise", "start"]
    data = yaml.safe_load((ROOT / "data" / "guides" / "new-branch-norway.yml").read_text())
    assert list(weeks.values()) == [phase["weeks"] for phase in data["phases"]]
    assert guide["name"] == data["name"][lang]
    # Norwegian groups thousands with a (no-break) space, as Språkrådet writes them
    separators = {"da": (",", "."), "en": (".", ","), "nb": (",", "\u00a0")}[lang]
    assert (spec["format"]["decimal"], spec["format"]["group"]) == separators
    assert re.search(r'<form class="fh-plan-form" id="fh-plan-form" novalidate hidden>', html)
    assert "<noscript>" in html


def test_assets_are_self_hosted_and_small(built_site: Path) -> None:
    sizes = {asset: (built_site / asset).stat().st_size for asset in ASSETS}
    # issue 15: each on the pages that use it only, the plan's script on the plan page
    for name, assets in (("new-branch-norway", ASSETS[0::2]), ("plan", ASSETS[1:])):
        html = page(built_site, "en", name)
        for asset in assets:
            assert f'"../../{asset}"' in html, f"{asset} not linked from /en/guides/{name}.html"
        assert sum(sizes[asset] for asset in assets) < PAGE_ASSETS_BUDGET_BYTES, (name, sizes)
    assert f'"../../{ASSETS[1]}"' not in page(built_site, "en", "new-branch-norway")


def test_guide_text_and_labels_stay_text_in_checklist_timeline_and_plan(
    injected_project: InjectedProject,
) -> None:
    """tests/injected.py puts script into the guide's name, an item and two Danish labels."""
    site = injected_project.site
    for name in ("new-branch-norway", "plan"):
        html = (site / "guides" / f"{name}.html").read_text()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert event_handlers(html) == []
        assert "{{ 7*7 }}" in html  # shown as text, never evaluated
    spec = embedded_spec((site / "guides" / "plan.html").read_text())
    assert isinstance(spec, dict)
    assert spec["guides"]["new-branch-norway"]["name"] == INJECTED
    assert spec["guides"]["new-branch-norway"]["phases"][0]["label"] == INJECTED


@pytest.mark.parametrize("lang", PREFIX)
def test_requirements_and_sources_a_guide_uses_link_back_to_its_step(
    built_site: Path, lang: str
) -> None:
    """GOV.UK's "part of" box: each requirement and source page a guide uses names the guide and
    the step, and links to that step; a source no guide uses names no step."""
    fmt = Formatter(HUB.site.language(lang))
    root = built_site / PREFIX[lang]
    used: set[str] = set()
    for guide in HUB.all("guide"):
        numbers = {phase.phase: n for n, phase in enumerate(guide.phases, start=1)}
        for view in item_views(HUB, guide):
            number = numbers[view.phase.phase]
            href = f'href="../guides/{guide.id}.html#phase-{view.phase.phase}"'
            text = fmt.label("guide-step").format(
                guide=fmt.text(guide.name),
                step=number,
                steps=len(guide.phases),
                phase=fmt.label(f"phase-{view.phase.phase}"),
            )
            pages = [f"sources/{source}.html" for source in view.sources]
            if view.item.requirement:
                pages.append(f"requirement_sets/{view.item.requirement.set}.html")
            for path in pages:
                html = (root / path).read_text(encoding="utf-8")
                assert href in html, f"{path} does not link to {href}"
                assert text in html.replace("&amp;", "&"), f"{path} does not name {text!r}"
            used.update(view.sources)
    unused = next(source.id for source in HUB.all("source") if source.id not in used)
    assert "#phase-" not in (root / "sources" / f"{unused}.html").read_text(encoding="utf-8")
