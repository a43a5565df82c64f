"""`kabar eval [TASK] [--data DIR]`: the scoreboard on the dev data."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("eval")
def eval_cli(
    task: str = typer.Argument("all", help="extract, timex, ner, quotes, cluster, summaries, or all."),
    data: Path = typer.Option(None, "--data", help="Dev data folder (default: ../shared/data)."),
    gold: Path = typer.Option(None, "--gold", help="Samples' gold folder (default: ../shared/samples/gold)."),
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
    console = Console()
    if not console.is_terminal:  # CI logs and pipes: wide enough that no column is cut to "…"
        console = Console(width=max(console.width, 160))
    for name in tasks:
        try:
            boards = run_task(name, data, gold or data)
        except Exception as exc:  # one task's failure must not hide the others' scores
            console.print(f"[red]{name}: failed: {type(exc).__name__}: {exc}[/red]")
            continue
        for board in boards:
            console.print(board.to_rich())
            for note in board.notes:
                console.print(f"  {note}", style="dim")
