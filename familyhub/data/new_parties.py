"""`familyhub new partnership`: the municipality, organisation and source it names, in one run.

A partnership from one news item used to take four `new` commands and a `check` to learn that
the municipality was not in data/ yet (walk-editor.md §3). Here the ids are given (flags, or
asked for on a terminal), each is looked up in data/, an id not there gets its near matches
("did you mean vordingborg?") and, when wanted, a skeleton of its own in the same run, and the
partnership's skeleton carries the ids in every field that names them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from familyhub.data.kinds import FOLDER_OF_KIND

# what a partnership names, in the order an editor is asked
NAMED_KINDS = ("municipality", "organisation", "source")
NEAR_MATCHES = 3
TODO = "TODO"

Ask = Callable[[str], str]


@dataclass
class Plan:
    """The ids the partnership's skeleton names, and the skeletons to start beside it."""

    ids: dict[str, str] = field(default_factory=lambda: dict.fromkeys(NAMED_KINDS, TODO))
    create: list[tuple[str, str]] = field(default_factory=list)  # (kind, id)
    problems: list[str] = field(default_factory=list)


def existing_ids(data_dir: Path, kind: str) -> list[str]:
    return sorted(path.stem for path in (data_dir / FOLDER_OF_KIND[kind]).glob("*.yml"))


def near_matches(entity_id: str, ids: list[str]) -> list[str]:
    return difflib.get_close_matches(entity_id, ids, n=NEAR_MATCHES, cutoff=0.6)


def missing_message(data_dir: Path, kind: str, entity_id: str, near: list[str]) -> str:
    said = f"no {kind} '{entity_id}' in {_folder(data_dir, kind)}"
    if near:
        said += ": did you mean " + " or ".join(near) + "?"
    return said


def ask_for_id(kind: str, ask: Ask) -> str | None:
    """On a terminal: an id not given on the command line (Enter: fill it in later)."""
    folder = FOLDER_OF_KIND[kind]
    prompt = (
        f"the {kind}'s id (its file name in data/{folder}/ without .yml; Enter: fill in later): "
    )
    return ask(prompt).strip() or None


def plan_parties(
    data_dir: Path,
    given: dict[str, str | None],
    create_missing: bool,
    ask: Ask | None,
    id_problem: Callable[[str], str | None],
) -> Plan:
    """Look up each given id in data/. One not there: with `ask` (a terminal), the editor picks
    a near match or a new skeleton; without, `create_missing` starts one, or it is a problem."""
    plan = Plan()
    for kind in NAMED_KINDS:
        entity_id = given.get(kind)
        if entity_id is None and ask is not None:
            entity_id = ask_for_id(kind, ask)
        if entity_id is None:
            continue
        problem = id_problem(entity_id)
        if problem:
            plan.problems.append(f"{kind}: {problem}")
            continue
        plan.ids[kind] = entity_id
        ids = existing_ids(data_dir, kind)
        if entity_id in ids:
            continue
        near = near_matches(entity_id, ids)
        if ask is not None:
            _decide(plan, (data_dir, kind), entity_id, near, ask)
        elif create_missing:
            plan.create.append((kind, entity_id))
        else:
            plan.problems.append(
                f"{missing_message(data_dir, kind, entity_id, near)} (or run again with "
                f"--create-missing to start {_folder(data_dir, kind)}{entity_id}.yml as well)"
            )
    return plan


def _decide(plan: Plan, where: tuple[Path, str], entity_id: str, near: list[str], ask: Ask) -> None:
    data_dir, kind = where
    print(missing_message(data_dir, kind, entity_id, near))
    start = f"{_folder(data_dir, kind)}{entity_id}.yml"
    if not near:
        if _yes(ask(f"start {start} now? [Y/n] "), default=True):
            plan.create.append((kind, entity_id))
        return
    answer = ask(f"type the id you meant ({', '.join(near)}), or Enter to start {start}: ").strip()
    if answer in near or (len(near) == 1 and _yes(answer)):
        plan.ids[kind] = answer if answer in near else near[0]
    elif not answer:
        plan.create.append((kind, entity_id))


def _folder(data_dir: Path, kind: str) -> str:
    """As `familyhub check` names files: from the data folder on, e.g. data/municipalities/."""
    return f"{data_dir.resolve().name}/{FOLDER_OF_KIND[kind]}/"


def _yes(answer: str, default: bool = False) -> bool:
    answer = answer.strip().lower()
    return default if not answer else answer[0] in "yj"  # j: ja
