"""`kabar eval`: scores on the dev data, one module per task, imported lazily.

Each task module has ``evaluate(data: Path, gold: Path) -> list[Scoreboard]``
where ``data`` is the dev data folder (``shared/data``) and ``gold`` the
samples' gold folder (``shared/samples/gold``); a module skips, with a note,
what is not there.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from kabar.evaluate.scoreboard import Scoreboard

TASKS: dict[str, str] = {
    "extract": "kabar.evaluate.extract",
    "timex": "kabar.evaluate.timex",
    "ner": "kabar.evaluate.ner",
    "quotes": "kabar.evaluate.quotes",
    "cluster": "kabar.evaluate.cluster",
    "summaries": "kabar.evaluate.summaries",
    "events": "kabar.evaluate.plover",
}


def default_shared_dir() -> Path | None:
    """`../shared` beside the working directory or beside the repository."""
    repo_root = Path(__file__).resolve().parents[3]
    for candidate in (Path.cwd().parent / "shared", repo_root.parent / "shared"):
        if (candidate / "data").is_dir():
            return candidate
    return None


def run_task(task: str, data: Path, gold: Path) -> list[Scoreboard]:
    module = importlib.import_module(TASKS[task])
    return module.evaluate(data, gold)
