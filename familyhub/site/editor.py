"""The web editor's folder of the built site (issue 24): admin/ with Decap CMS's page, its
scripts (familyhub/templates/admin/) and config.yml, made from the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Template

from familyhub.data.editor import config_text, editor_config, key_order
from familyhub.data.site_config import SiteConfig

ADMIN = "admin"
CONFIG_FILE = "config.yml"
KEY_ORDER_FILE = "key-order.json"
PAGE = Path(__file__).resolve().parents[1] / "templates" / ADMIN
TEMPLATE_SUFFIX = ".j2"


def write_editor(site_dir: Path, site: SiteConfig, backend: dict[str, Any]) -> Path:
    """site_dir/admin/: the page, its scripts and config.yml; the folder."""
    folder = site_dir / ADMIN
    folder.mkdir(parents=True, exist_ok=True)
    for source in sorted(PAGE.iterdir()):
        text = source.read_text(encoding="utf-8")
        if source.suffix == TEMPLATE_SUFFIX:
            text = Template(text).render(language=site.default_language)
        (folder / source.name.removesuffix(TEMPLATE_SUFFIX)).write_text(text, encoding="utf-8")
    config = editor_config(site, backend)
    (folder / CONFIG_FILE).write_text(config_text(config), encoding="utf-8")
    order = json.dumps(key_order(config), ensure_ascii=False, separators=(",", ":"))
    (folder / KEY_ORDER_FILE).write_text(order + "\n", encoding="utf-8")
    return folder
