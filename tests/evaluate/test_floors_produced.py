"""The floors file names only scores `kabar eval` produces, and only sets that exist.

A floor with a misspelt set, system or metric would fail `kabar eval --check` as
missing; a misspelt `needs` would skip it for ever. Cheaply: every task runs on
a miniature of the dev data (the first rows of each file floored), not the whole.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kabar.evaluate import run_task
from kabar.evaluate.check import scores_of
from kabar.evaluate.floors import load_floors

pytestmark = pytest.mark.shared
_ROWS = 4  # JSON Lines rows (articles, documents) kept per file
_SENTENCES = 40  # sentences kept per CoNLL file


def _head(path: Path, out: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":
        kept = "\n\n".join(text.split("\n\n")[:_SENTENCES]).strip("\n") + "\n"
    elif path.name == "labels.jsonl":
        kept = "".join(_some_stories(text.splitlines(keepends=True)))
    else:
        kept = "".join(text.splitlines(keepends=True)[:_ROWS])
    out.write_text(kept, encoding="utf-8")


def _some_stories(rows: list[str], stories: int = 3, per_story: int = 4) -> list[str]:
    """Rows of a clustering set's first stories: the held-out board leaves one story out and
    fits on the others' pairs, so it needs several stories and pairs of both kinds."""
    kept: dict[str, list[str]] = {}
    for row in rows:
        story = json.loads(row)["story"]
        if story in kept or len(kept) < stories:
            kept.setdefault(story, [])
            if len(kept[story]) < per_story:
                kept[story].append(row)
    return [row for group in kept.values() for row in group]


def _miniature(data: Path, needed: set[str], out: Path) -> Path:
    """`out` holds the needed files cut to their first rows; everything beside them is linked as is
    (the pages a labels file names, the NER manifest)."""
    cut = {data / rel for rel in needed}
    for folder in sorted({path if path.is_dir() else path.parent for path in cut}):
        target = out / folder.relative_to(data)
        target.mkdir(parents=True, exist_ok=True)
        pages = _first_pages(folder) if folder in cut else None
        for item in folder.iterdir():
            if item in cut:
                _head(item, target / item.name)
            elif item.is_file() and (pages is None or item.name.split(".")[0] in pages):
                os.symlink(item, target / item.name)
    return out


def _first_pages(folder: Path, count: int = 2) -> set[str]:
    """A folder of pages with their gold (`extract/`): the first pages' names."""
    return {p.name.split(".")[0] for p in sorted(folder.glob("*.gold.json"))[:count]}


def test_floors_need_only_sets_that_exist(shared_dir: Path) -> None:
    roots = {"data": shared_dir / "data", "gold": shared_dir / "samples" / "gold"}
    absent = [f.describe() for f in load_floors() if not f.needed_path(roots["data"], roots["gold"]).exists()]
    assert absent == []


def test_floors_name_only_scores_kabar_eval_produces(shared_dir: Path, tmp_path: Path) -> None:
    floors = load_floors()
    needed = {f.needs.removeprefix("data:") for f in floors if f.needs and f.needs.startswith("data:")}
    data = _miniature(shared_dir / "data", needed, tmp_path / "data")
    gold = shared_dir / "samples" / "gold"  # five pages: small enough whole
    tasks = sorted({f.task for f in floors})
    produced = {s.key for task in tasks for s in scores_of(task, run_task(task, data, gold))}
    assert [f.describe() for f in floors if f.key not in produced] == []
