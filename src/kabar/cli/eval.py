"""`kabar eval [TASK] [--data DIR] [--check [--floors FILE]]`: the scoreboard on the dev data,
and with --check the scores held to their floors (exit 1 when one falls below)."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("eval")
def eval_cli(
    task: str = typer.Argument("all", help="extract, timex, ner, quotes, cluster, summaries, events, or all."),
    data: Path = typer.Option(None, "--data", help="Dev data folder (default: ../shared/data)."),
    gold: Path = typer.Option(None, "--gold", help="Samples' gold folder (default: ../shared/samples/gold)."),
    check: bool = typer.Option(False, "--check", help="Compare each score with its floor; exit 1 if one is below."),
    floors: Path = typer.Option(None, "--floors", help="Floors file (default: kabar/evaluate/floors.toml); implies --check."),
) -> None:
    """Score Kabar on the dev data and print a table per task, anchors beside."""
    from rich.console import Console

    from kabar.evaluate import TASKS, default_shared_dir, run_task

    shared = default_shared_dir()
    data = data or (shared / "data" if shared else None)
    gold = gold or (shared / "samples" / "gold" if shared else None)
    if data is None or not data.is_dir():
        typer.echo("kabar eval: no dev data found (pass --data DIR)", err=True)
        raise typer.Exit(code=2)
    tasks = list(TASKS) if task == "all" else [task]
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        typer.echo(f"kabar eval: unknown task {unknown[0]!r}; choose from {', '.join(TASKS)}", err=True)
        raise typer.Exit(code=2)
    # read the floors before the slow part, so a broken file fails at once
    floor_list = _load_floors(floors) if check or floors is not None else None
    console = Console()
    if not console.is_terminal:  # CI logs and pipes: wide enough that no column is cut to "…"
        console = Console(width=max(console.width, 160))
    boards_of = {}
    for name in tasks:
        try:
            boards = run_task(name, data, gold or data)
        except Exception as exc:  # one task's failure must not hide the others' scores
            console.print(f"[red]{name}: failed: {type(exc).__name__}: {exc}[/red]")
            continue
        boards_of[name] = boards
        for board in boards:
            console.print(board.to_rich())
            for note in board.notes:
                console.print(f"  {note}", style="dim")
    if floor_list is not None:
        _check(console, floor_list, boards_of, tasks, data, gold or data)


def _load_floors(path: Path | None):
    from kabar.evaluate.floors import DEFAULT_FLOORS, load_floors

    try:
        return load_floors(path or DEFAULT_FLOORS)
    except (OSError, ValueError) as exc:  # tomllib's TOMLDecodeError is a ValueError
        typer.echo(f"kabar eval: cannot read the floors file: {exc}", err=True)
        raise typer.Exit(code=2) from exc


def _check(console, floor_list, boards_of, tasks: list[str], data: Path, gold: Path) -> None:
    from kabar.evaluate.check import check, failed, scores_of, unfloored

    scores = [s for name, boards in boards_of.items() for s in scores_of(name, boards)]
    verdicts = check(floor_list, scores, tasks=tasks, data=data, gold=gold)
    counts = {status: sum(v.status == status for v in verdicts) for status in ("ok", "below", "missing", "skipped")}
    for verdict in verdicts:
        if verdict.status != "ok":
            console.print(verdict.describe(), style="dim" if verdict.status == "skipped" else "red")
    loose = unfloored(floor_list, scores)
    console.print(
        f"floors: {counts['ok']} ok, {counts['below']} below, {counts['missing']} missing, "
        f"{counts['skipped']} skipped (set absent); {len(loose)} of Kabar's scores have no floor"
    )
    bad = failed(verdicts)
    if bad:
        for verdict in bad:  # on stderr too, so a CI log's tail names each one
            typer.echo(f"kabar eval --check: {verdict.describe()}", err=True)
        raise typer.Exit(code=1)
