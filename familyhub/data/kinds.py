"""Every entity kind: its folder in data/, its name and its model, in the order of the site's
sections."""

from __future__ import annotations

from familyhub.data.fields import Record
from familyhub.data.guide_model import Guide
from familyhub.data.models import (
    Case,
    Evaluation,
    Model,
    Municipality,
    Organisation,
    Partnership,
    RequirementSet,
    Source,
)

# folder in data/ -> (kind name, model). The order is the order of the site's sections.
KINDS: dict[str, tuple[str, type[Record]]] = {
    "guides": ("guide", Guide),
    "partnerships": ("partnership", Partnership),
    "models": ("model", Model),
    "requirement_sets": ("requirement_set", RequirementSet),
    "cases": ("case", Case),
    "evaluations": ("evaluation", Evaluation),
    "organisations": ("organisation", Organisation),
    "municipalities": ("municipality", Municipality),
    "sources": ("source", Source),
}
FOLDER_OF_KIND = {kind: folder for folder, (kind, _) in KINDS.items()}
