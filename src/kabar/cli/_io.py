"""What every command shares: reading PATH arguments, writing JSON Lines, reporting failures."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import typer

from kabar.records import Failure


def write_jsonl(objects: Iterable[dict[str, Any]]) -> int:
    """Print one JSON object a line (UTF-8, not ASCII-escaped); returns how many."""
    count = 0
    for obj in objects:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    sys.stdout.flush()
    return count


def report_failure(failure: Failure) -> None:
    """One line on stderr: the path, the stage and the reason."""
    typer.echo(f"kabar: {failure.source}: {failure.stage}: {failure.reason}", err=True)


def finish(processed: int, failed: int) -> None:
    """Exit non-zero only when nothing at all could be processed."""
    if processed == 0 and failed > 0:
        raise typer.Exit(code=1)
