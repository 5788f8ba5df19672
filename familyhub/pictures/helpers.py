"""Template helpers for the pictures on the partnerships overview page (templates/
partnership_pictures.md.j2): the funding charts and the who-works-with-whom diagram."""

from __future__ import annotations

from typing import Any

from familyhub.data.load import Hub
from familyhub.i18n import Formatter
from familyhub.pictures.funding_chart import funding_panels
from familyhub.pictures.network import network


def picture_helpers(hub: Hub, fmt: Formatter) -> dict[str, Any]:
    return {
        "funding_panels": lambda: funding_panels(hub, fmt),
        "network": lambda: network(hub, fmt),
    }
