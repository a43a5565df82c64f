"""The floors `kabar eval --check` holds the scores to, read from a TOML file.

One table per task and dev set, ``[task."set"]``: ``needs`` names the file or
folder the set is read from (``data:…`` under the dev data folder, ``gold:…``
under the samples' gold folder), so a set that is absent is skipped rather than
failed; every other key is a system whose value maps metrics to floors. A score
passes when it is at least its floor minus the tolerance (the file's
``tolerance``, overridden by a task's or a set's).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FLOORS = Path(__file__).with_name("floors.toml")
_SET_KEYS = frozenset({"needs", "tolerance"})


@dataclass(frozen=True, slots=True)
class Floor:
    task: str
    set: str
    system: str
    metric: str
    floor: float
    tolerance: float
    needs: str | None = None  # "data:ner/nergrit.valid.tsv" or "gold:quotes.jsonl"

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.task, self.set, self.system, self.metric)

    def needed_path(self, data: Path, gold: Path) -> Path | None:
        """The file or folder the set is read from, or None when the floor names none."""
        if self.needs is None:
            return None
        root, _, rest = self.needs.partition(":")
        if root not in ("data", "gold") or not rest:
            raise ValueError(f"needs must be 'data:PATH' or 'gold:PATH', not {self.needs!r}")
        return (data if root == "data" else gold) / rest

    def describe(self) -> str:
        return f"{self.task} · {self.set} · {self.system} · {self.metric}"


def load_floors(path: Path = DEFAULT_FLOORS) -> tuple[Floor, ...]:
    """Every floor in the file, in file order; a malformed entry raises ValueError naming it."""
    with path.open("rb") as handle:
        doc = tomllib.load(handle)
    return parse_floors(doc)


def parse_floors(doc: dict) -> tuple[Floor, ...]:
    default = _tolerance(doc, 0.0, "the file")
    floors = []
    for task, sets in doc.items():
        if task == "tolerance":
            continue
        if not isinstance(sets, dict):
            raise ValueError(f"[{task}] must be a table of sets")
        task_tolerance = _tolerance(sets, default, task)
        for set_name, entry in sets.items():
            if set_name == "tolerance":
                continue
            if not isinstance(entry, dict):
                raise ValueError(f"[{task}.{set_name!r}] must be a table")
            tolerance = _tolerance(entry, task_tolerance, f"{task} · {set_name}")
            needs = entry.get("needs")
            for system, metrics in entry.items():
                if system in _SET_KEYS:
                    continue
                if not isinstance(metrics, dict):
                    raise ValueError(f"{task} · {set_name} · {system}: expected a table of metric = floor")
                for metric, value in metrics.items():
                    if isinstance(value, bool) or not isinstance(value, int | float):
                        raise ValueError(f"{task} · {set_name} · {system} · {metric}: floor must be a number")
                    floors.append(Floor(task, set_name, system, metric, float(value), tolerance, needs))
    return tuple(floors)


def _tolerance(table: dict, default: float, where: str) -> float:
    value = table.get("tolerance", default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
        raise ValueError(f"{where}: tolerance must be a number in [0, 1)")
    return float(value)
