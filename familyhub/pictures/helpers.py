"""Template helpers for the pictures: the funding charts and the who-works-with-whom diagram on
the partnerships overview (templates/partnership_pictures.md.j2), and the series charts of an
organisation's page (issue 14)."""

from __future__ import annotations

from typing import Any

from familyhub.data.load import Hub
from familyhub.i18n import Formatter
from familyhub.pictures.funding_chart import funding_panels
from familyhub.pictures.network import network
from familyhub.pictures.series_chart import series_charts


def picture_helpers(hub: Hub, fmt: Formatter) -> dict[str, Any]:
    return {
        "funding_panels": lambda: funding_panels(hub, fmt),
        "network": lambda: network(hub, fmt),
        "series_charts": lambda organisation: series_charts(organisation, fmt),
    }
