"""`kabar eval --check`: the scores the boards print, named, and held to their floors.

A board's rows become `Score(task, set, system, metric, value)`: the set comes
from the row's "set" / "dev file" / "view" column (with its "level", when there
is one), or from the board's title when the rows don't name one; the system
from the "system" column, or "kabar" on boards that score Kabar alone; every
float cell of another column is a metric. Counts (ints) are not scores, nor are
figures a board quotes from a paper or a model card.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kabar.evaluate.floors import Floor
from kabar.evaluate.scoreboard import Scoreboard

_SET_COLUMNS = ("set", "dev file", "view")
_LABEL_COLUMNS = frozenset({*_SET_COLUMNS, "level", "system", "set / system"})
# figures a board quotes from elsewhere (a paper, the model card) beside what this run measures
_QUOTED_COLUMNS = frozenset({"anchor F1", "held-out F1†"})
# boards whose rows don't name their set: the set is read from the title (else the whole title is the set)
_TITLE_SETS = (
    (re.compile(r"dev pages \((HTML|page text)\b"), r"dev \1"),
    (re.compile(r"\bfive samples\b"), "samples"),
    (re.compile(r"\bIndoSum dev\b"), "IndoSum dev"),
)
Status = Literal["ok", "below", "missing", "skipped"]
FAILING: frozenset[Status] = frozenset({"below", "missing"})


@dataclass(frozen=True, slots=True)
class Score:
    task: str
    set: str
    system: str
    metric: str
    value: float

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.task, self.set, self.system, self.metric)


@dataclass(frozen=True, slots=True)
class Verdict:
    floor: Floor
    status: Status
    value: float | None = None
    reason: str = ""

    def describe(self) -> str:
        f = self.floor
        if self.status == "skipped":
            return f"skipped: {f.describe()} ({self.reason})"
        if self.status == "missing":
            return f"missing: {f.describe()} ({self.reason})"
        relation = "<" if self.status == "below" else ">="
        return f"{self.status}: {f.describe()} = {self.value:.3f} {relation} {f.floor:.3f} - {f.tolerance:.3f}"


def scores_of(task: str, boards: Iterable[Scoreboard]) -> list[Score]:
    """Every float cell of every board of one task, named."""
    out = []
    for board in boards:
        columns = board.columns
        for row in board.rows:
            cells = dict(zip(columns, row, strict=False))
            set_name, system = _row_names(board.title, cells)
            for column, value in cells.items():
                if column in _LABEL_COLUMNS or column in _QUOTED_COLUMNS or not isinstance(value, float) or not math.isfinite(value):
                    continue
                out.append(Score(task, set_name, system, column, value))
    return out


def _row_names(title: str, cells: dict[str, object]) -> tuple[str, str]:
    if "set / system" in cells:
        set_name, _, system = str(cells["set / system"]).partition(" · ")
        return set_name.strip(), system.strip() or "kabar"
    names = [_clean(cells[c]) for c in _SET_COLUMNS if c in cells]
    if "level" in cells:
        names.append(_clean(cells["level"]))
    set_name = " / ".join(names) if names else set_from_title(title)
    return set_name, _clean(cells.get("system", "kabar"))


def _clean(value: object) -> str:
    # "nerp*†": marks on a dev file's name are footnotes, not part of it
    return str(value).strip().rstrip("*†").strip()


def set_from_title(title: str) -> str:
    for pattern, name in _TITLE_SETS:
        found = pattern.search(title)
        if found:
            return found.expand(name)
    return title


def is_kabar(system: str) -> bool:
    return system.lower().startswith("kabar")


def check(
    floors: Sequence[Floor], scores: Sequence[Score], *, tasks: Iterable[str], data: Path, gold: Path
) -> list[Verdict]:
    """A verdict for each floor of the tasks run: a set that is absent is skipped; a score that was not
    produced although its set is there is missing (a failing task, or a renamed set or metric)."""
    values: dict[tuple[str, str, str, str], list[float]] = {}
    for score in scores:
        values.setdefault(score.key, []).append(score.value)
    wanted = set(tasks)
    verdicts = []
    for floor in floors:
        if floor.task not in wanted:
            continue
        path = floor.needed_path(data, gold)
        found = values.get(floor.key)
        if path is not None and not path.exists():
            verdicts.append(Verdict(floor, "skipped", reason=f"{path} is absent"))
        elif not found:
            verdicts.append(Verdict(floor, "missing", reason="kabar eval produced no such score"))
        else:
            value = min(found)  # two scores under one name: both must pass
            status: Status = "below" if value < floor.floor - floor.tolerance else "ok"
            verdicts.append(Verdict(floor, status, value))
    return verdicts


def unfloored(floors: Sequence[Floor], scores: Sequence[Score]) -> list[Score]:
    """Kabar's scores that no floor guards (to print, so a new score is not silently unguarded)."""
    keys = {f.key for f in floors}
    return [s for s in scores if is_kabar(s.system) and s.key not in keys]


def failed(verdicts: Iterable[Verdict]) -> list[Verdict]:
    return [v for v in verdicts if v.status in FAILING]
