"""`kabar run PATH... [--db FILE] [--report FILE]`: the whole pipeline, stored and reported."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("run")
def run_cli(
    paths: list[str] = typer.Argument(..., help="Files and folders of pages (HTML, text, JSON Lines, WARC), or -."),
    db: str = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL."),
    report: Path = typer.Option(None, "--report", help="Write the HTML report here."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for the per-page stages."),
    executor: str = typer.Option("local", "--executor", help="local, ray, or ray://host:port for a Ray cluster."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Ingest, extract, analyse, link and store; then report what was found."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kabar.cli._io import finish, report_failure
    from kabar.pipeline import expected_pages, run
    from kabar.scale import make_executor

    # Every option is checked before any page is read: a bad one costs nothing.
    if report is not None:
        _check_writable(report, "--report")
    _check_db(db)
    try:
        chosen = make_executor(executor, workers)
    except ImportError:
        typer.echo(f"kabar run: --executor {executor} needs Ray, which is not installed: pip install 'kabar[scale]'", err=True)
        raise typer.Exit(code=2) from None
    except ValueError as exc:
        typer.echo(f"kabar run: --executor: {exc}", err=True)
        raise typer.Exit(code=2) from None
    except RuntimeError as exc:  # Ray missing, or its cluster not reachable: one line, not Ray's traceback
        typer.echo(f"kabar run: --executor {executor}: {exc}", err=True)
        raise typer.Exit(code=2) from None
    console = Console(stderr=True, quiet=quiet)
    with Progress(
        TextColumn("[bold]kabar run"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=expected_pages(paths))
        summary = run(
            paths,
            db=db,
            on_page=lambda source: progress.update(task, advance=1, description=Path(source).name),
            executor=chosen,
            on_pass=lambda name: progress.update(task, description=_PASSES.get(name, name)),
        )
    for failure in summary.failures:
        report_failure(failure)
    console.print(_summary_table(summary, db))
    if report is not None:
        _write_report(db, summary.failures, report)
        console.print(f"Report written to [bold]{report.resolve()}[/bold]")
    finish(summary.articles_stored, len(summary.failures))


_PASSES = {"count": "counting lines repeated across pages…", "process": ""}


def _check_writable(path: Path, option: str) -> None:
    """Exit 2 with the reason unless a file can be written at `path`."""
    import os

    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        problem = "is a directory"
    elif not parent.is_dir():
        problem = f"its folder {parent} does not exist"
    elif not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        problem = "cannot be written (permission denied)"
    else:
        return
    typer.echo(f"kabar run: {option} {path}: {problem}", err=True)
    raise typer.Exit(code=2)


def _check_db(db: str) -> None:
    """A SQLite file's folder must exist (a SQLAlchemy URL is the driver's to check)."""
    if "://" in db or db == ":memory:":
        return
    _check_writable(Path(db), "--db")


def _summary_table(summary, db: str):
    from rich.table import Table

    table = Table(title="kabar run", show_header=False, title_justify="left")
    table.add_row("pages read", str(summary.pages_read))
    table.add_row("articles stored", str(summary.articles_stored))
    table.add_row("events / stories", f"{len(summary.linking.events)} / {len(summary.linking.stories)}")
    table.add_row("reused passages", str(len(summary.linking.reuse)))
    table.add_row("quotes in several articles", str(len(summary.quote_links)))
    table.add_row("failures", str(len(summary.failures)))
    table.add_row("database", db)
    return table


def _write_report(db: str, failures, path: Path) -> None:
    from collections import defaultdict

    from kabar.report import render_report
    from kabar.store import open_store
    from kabar.store.coded_events import iter_coded

    store = open_store(db)
    try:
        coded = defaultdict(list)
        for x in iter_coded(store):
            coded[x.mention.article_id].append(x.mention)
        html = render_report(
            list(store.analysed_articles()), store.linking(), failures, quote_links=store.quote_links(), coded=coded
        )
    finally:
        store.close()
    path.write_text(html, encoding="utf-8")
