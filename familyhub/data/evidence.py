"""What an evaluation is worth to a committee (issue 22): its design from a fixed vocabulary, how
many took part where the source says, and a rating on its own scale where it is a rating.

The labels of every value are in data/site.yml (design-<value>, participants-<value>,
scale-<value>, dimension-<value>), so a new value needs a label in every language there.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, model_validator

from familyhub.data.fields import ShortStr, Strict

# How the evaluation was made, as its source describes it. "not-stated": the sources the hub
# has do not say; the hub does not guess a design from the findings.
Design = Literal[
    "effect-study",
    "quasi-experimental",
    "before-after",
    "mixed-methods",
    "qualitative",
    "user-survey",
    "self-evaluation",
    "learning-evaluation",
    "experience-review",
    "rating",
    "not-stated",
]
DESIGNS: tuple[str, ...] = get_args(Design)

# who the count counts
ParticipantKind = Literal["families", "parents", "mothers", "children", "volunteers", "people"]


def _design(value: Any) -> Any:
    if isinstance(value, str) and value in DESIGNS:
        return value
    return _refuse(f"write one of the designs {', '.join(DESIGNS)}", value)


def _whole_positive(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return _refuse("write how many took part as a positive whole number, such as 165", value)


def _refuse(what: str, value: Any) -> Any:
    shown = value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "…"
    raise ValueError(f"{what}, not {shown!r}")


DesignField = Annotated[Design, BeforeValidator(_design)]
PositiveWhole = Annotated[int, BeforeValidator(_whole_positive)]


class Participants(Strict):
    """How many took part in what was evaluated, as the source counts them."""

    count: PositiveWhole
    who: ParticipantKind


# each scale and the scores it allows, best first
SCALES: dict[str, tuple[str, ...]] = {
    # Socialstyrelsen's Vidensportal: A (best) to D, for each dimension of its assessment
    "vidensportal-a-d": ("A", "B", "C", "D"),
    # Ungsinn (Norway): evidence level 0 to 5
    "ungsinn-0-5": ("5", "4", "3", "2", "1", "0"),
}
Scale = Literal["vidensportal-a-d", "ungsinn-0-5"]
Dimension = Literal[
    "target-group", "method", "implementation", "effect", "economy", "evidence-level"
]


class Score(Strict):
    dimension: Dimension
    score: ShortStr


class Rating(Strict):
    """A rating on a published scale: one score for each dimension the source gives."""

    scale: Scale
    scores: list[Score]

    @model_validator(mode="after")
    def _scores_on_the_scale(self) -> Rating:
        allowed = SCALES[self.scale]
        for score in self.scores:
            if score.score not in allowed:
                raise ValueError(
                    f"a score on the scale {self.scale} is one of {', '.join(allowed)}, "
                    f"not {score.score!r}"
                )
        if not self.scores:
            raise ValueError("give at least one score (dimension and score)")
        return self


def by_design(evaluations: list[Any]) -> list[tuple[str, list[Any]]]:
    """Evaluations grouped by design, in the vocabulary's order (effect studies first, the
    ones whose sources say nothing of their design last); within a design, as given."""
    groups: dict[str, list[Any]] = {design: [] for design in DESIGNS}
    for evaluation in evaluations:
        groups[evaluation.design].append(evaluation)
    return [(design, group) for design, group in groups.items() if group]
