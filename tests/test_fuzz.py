"""The real data, broken in many seeded ways: `familyhub check` always answers like an editor needs
(and so does the build: tests/test_fuzz_build.py).

Every case must exit 1 with no traceback, and every problem line must name file, line and field.
The cases break a slice of the real data: a Danish and a Norwegian partnership with everything
they refer to, so that a check costs a slice's time, not the whole hub's, as the data grows.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from familyhub.cli.main import main

from .conftest import ROOT

# 150 seeded cases: each of the fifteen mutations alone and in pairs and threes, about 17 times
# each (the test asserts every one was used); 1,000 took a minute of the suite's time, 250 half one
CASES = 150
SEED = 20261123
# the slice: these entities, and every entity their files name, until nothing new is named
SLICE_ROOTS = ("holbaek-home-start", "hamar-home-start")
ID_LIKE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PROBLEM_LINE = re.compile(
    r"^data/[^:\s]+\.yml:\d+: (\(file\)|[A-Za-z_][\w-]*(\.[\w-]+|\[\d+\])*): \S.*$"
)
DATE_LINE = re.compile(r"^(\s*(?:-\s+)?[a-z_]+: )\d{4}-\d{2}-\d{2}\s*$", re.MULTILINE)
NUMBER_LINE = re.compile(r"^(\s*(?:-\s+)?(?:amount|value): )(\d+)\s*$", re.MULTILINE)
REFERENCE_LINE = re.compile(
    r"^(\s*(?:-\s+)?(?:source|municipality|organisation|parent): )[a-z0-9-]+\s*$", re.MULTILINE
)
TRANSLATION_LINE = re.compile(r"^\s+en: .*$", re.MULTILINE)
AMOUNT_LINE = re.compile(r"^(\s*(?:-\s+)?amount: )(\d+)\s*$", re.MULTILINE)
HISTORY_DATE_LINE = re.compile(r"^(\s*-\s+date: )'?\d{4}(?:-\d\d){0,2}'?\s*$", re.MULTILINE)

Mutation = Callable[[Path, random.Random], None]


# Mutations stack, and one may leave bytes that are not UTF-8 for the next: keep them as they are.
def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="surrogateescape")


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", errors="surrogateescape")


def _replace_one(
    pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str], breaks: bool = True
) -> Mutation:
    def mutate(path: Path, rng: random.Random) -> None:
        text = read(path)
        matches = list(pattern.finditer(text))
        if not matches:  # nothing of that shape in this file: break it another way, or leave it
            if breaks:
                unknown_field(path, rng)
            return
        match = rng.choice(matches)
        write(path, text[: match.start()] + replacement(match) + text[match.end() :])

    return mutate


def unknown_field(path: Path, rng: random.Random) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(f"surprise_{rng.randrange(1000)}: true\n")


def invalid_yaml(path: Path, rng: random.Random) -> None:
    lines = read(path).splitlines()
    broken = rng.choice(
        ["key: [unclosed", 'key: "unclosed', "a: b: c", "\t- tab", "  : no key", "{"]
    )
    lines.insert(rng.randrange(len(lines) + 1), broken)
    write(path, "\n".join(lines) + "\n")


def wrong_type(path: Path, rng: random.Random) -> None:
    text = read(path)
    field, value = rng.choice(
        [
            ("id", "[1, 2]"),
            ("last_reviewed", "yesterday"),
            ("id", "42"),
            ("last_reviewed", "{a: 1}"),
        ]
    )
    write(path, re.sub(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.M))


def missing_field(path: Path, rng: random.Random) -> None:
    text = read(path)
    write(path, re.sub(r"^last_reviewed: .*\n", "", text, count=1, flags=re.M))


def duplicate_id(path: Path, rng: random.Random) -> None:
    shutil.copy(path, path.with_name(f"copy-{rng.randrange(1000)}.yml"))


def huge_string(path: Path, rng: random.Random) -> None:
    size = rng.choice([6000, 50_000, 1_100_000])
    text = read(path)
    filler = "ø" * size
    write(
        path,
        re.sub(r"^(\s+da: ).*$", rf"\g<1>{filler}", text, count=1, flags=re.M) + f"x: {filler}\n",
    )


def odd_unicode(path: Path, rng: random.Random) -> None:
    if rng.random() < 0.5:
        path.write_bytes(
            path.read_bytes() + rng.choice([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80"])
        )
    else:
        odd = rng.choice(
            ["\u202eevil", "zero\u200bwidth", "emoji\U0001f600", "nul\x00", "bell\x07"]
        )
        text = read(path)
        write(path, re.sub(r"^id: .*$", f"id: {odd}", text, count=1, flags=re.M))


def empty_file(path: Path, rng: random.Random) -> None:
    write(path, rng.choice(["", "\n", "# only a comment\n", "[]\n", "just text\n"]))


def folder_named_like_a_file(path: Path, rng: random.Random) -> None:
    (path.parent / f"folder-{rng.randrange(1000)}.yml").mkdir()


MUTATIONS: dict[str, Mutation] = {
    "invalid-yaml": invalid_yaml,
    "wrong-type": wrong_type,
    "missing-field": missing_field,
    "missing-translation": _replace_one(TRANSLATION_LINE, lambda m: ""),
    "unknown-field": unknown_field,
    "duplicate-id": duplicate_id,
    "dangling-reference": _replace_one(REFERENCE_LINE, lambda m: m.group(1) + "no-such-thing"),
    "negative-number": _replace_one(NUMBER_LINE, lambda m: f"{m.group(1)}-{m.group(2)}"),
    "impossible-date": _replace_one(DATE_LINE, lambda m: m.group(1) + "2024-02-30"),
    "impossible-history-date": _replace_one(HISTORY_DATE_LINE, lambda m: m[1] + "2021-02-31"),
    "money-with-a-point": _replace_one(AMOUNT_LINE, lambda m: f"{m[1]}{int(m[2]) // 1000}.000"),
    "huge-string": huge_string,
    "odd-unicode": odd_unicode,
    "empty-file": empty_file,
    "folder-named-like-a-file": folder_named_like_a_file,
}


class Scratch:
    """A copy of data/ that is put back after each case: only what a case touched is restored."""

    def __init__(self, source: Path, target: Path) -> None:
        shutil.copytree(source, target)
        self.root = target
        self.entries = set(target.rglob("*"))
        self.saved: dict[Path, bytes] = {}

    def before_change(self, path: Path) -> None:
        if path.is_file() and path not in self.saved:
            self.saved[path] = path.read_bytes()

    def restore(self) -> None:
        for path, content in self.saved.items():
            path.write_bytes(content)
        self.saved.clear()
        for extra in sorted(set(self.root.rglob("*")) - self.entries, reverse=True):
            if extra.is_dir():
                shutil.rmtree(extra)
            elif extra.exists():
                extra.unlink()


def write_slice(target: Path) -> Path:
    """A copy of data/ holding SLICE_ROOTS and every file they name, directly or not: a word of a
    file that is the id of another names it (more than the references, never fewer)."""
    files: dict[str, list[Path]] = {}
    for path in (ROOT / "data").glob("*/*.yml"):
        files.setdefault(path.stem, []).append(path)  # one id may name entities of two kinds
    kept: set[str] = set()
    todo = list(SLICE_ROOTS)
    while todo:
        entity_id = todo.pop()
        if entity_id not in kept:
            kept.add(entity_id)
            for path in files[entity_id]:
                words = set(ID_LIKE.findall(path.read_text(encoding="utf-8")))
                todo.extend(words & set(files) - kept)
    for path in (path for entity_id in kept for path in files[entity_id]):
        copy = target / path.relative_to(ROOT / "data")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, copy)
    shutil.copy(ROOT / "data" / "site.yml", target / "site.yml")
    return target


@pytest.fixture(scope="module")
def data_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_slice(tmp_path_factory.mktemp("slice") / "data")
    code, output = run_check(folder)
    assert code == 0, output  # the slice alone is valid data: every break below is the case's
    return folder


@contextmanager
def fresh_copy(source: Path, target: Path) -> Iterator[Path]:
    shutil.copytree(source, target)
    try:
        yield target
    finally:
        shutil.rmtree(target)


def run_check(data_dir: Path) -> tuple[int | str, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code: int | str = main(["--data", str(data_dir), "check"])
        except BaseException as error:
            code = f"raised {type(error).__name__}: {error}"
    return code, out.getvalue() + err.getvalue()


def test_every_broken_data_set_gets_a_precise_answer(data_slice: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    files = sorted(data_slice.glob("*/*.yml"))
    assert len(files) < len(list((ROOT / "data").glob("*/*.yml")))
    used: Counter[str] = Counter()
    failures: list[str] = []
    scratch = Scratch(data_slice, tmp_path / "data")
    for case in range(CASES):
        names = rng.sample(sorted(MUTATIONS), k=rng.choice([1, 1, 2, 3]))
        for name in names:
            target = scratch.root / rng.choice(files).relative_to(data_slice)
            scratch.before_change(target)
            MUTATIONS[name](target, rng)
            used[name] += 1
        code, output = run_check(scratch.root)
        scratch.restore()
        lines = output.strip().splitlines()
        bad_lines = [line for line in lines[:-1] if not PROBLEM_LINE.match(line)]
        if code != 1 or "Traceback" in output or not lines[:-1] or bad_lines:
            failures.append(f"case {case} {names}: exit {code}: {(bad_lines or lines)[:3]}")
    print(f"{CASES} cases, mutations used: {dict(used)}; failures: {len(failures)}")
    assert set(used) == set(MUTATIONS)
    assert failures == [], "\n".join(failures[:10])


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_alone_breaks_the_data(name: str, tmp_path: Path) -> None:
    """Guards the fuzz test: every mutation really makes the data invalid."""
    with fresh_copy(ROOT / "data", tmp_path / "data") as data_dir:
        MUTATIONS[name](data_dir / "partnerships" / "holbaek-home-start.yml", random.Random(1))
        code, output = run_check(data_dir)
    assert code == 1, output
