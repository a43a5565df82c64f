"""`kabar crawl SOURCES --db FILE [--since DATE] [--max N] [--archive DIR]` and `kabar watch SOURCES --every 30m`."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from kabar.cli._app import app

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@app.command("crawl")
def crawl_cli(
    sources: Path = typer.Argument(..., help="The outlets to crawl: a TOML file of outlet tables (name, home, feeds, sitemaps)."),
    db: str = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL; the crawl adds to it."),
    since: str = typer.Option(None, "--since", help="Leave out articles published before this date (YYYY-MM-DD)."),
    max_pages: int = typer.Option(None, "--max", min=0, help="Fetch at most N article pages."),
    archive: Path = typer.Option(None, "--archive", help="Write every response to WARC files in this folder."),
    delay: float = typer.Option(1.0, "--delay", min=0.0, help="Seconds between requests to a host without Crawl-delay."),
    contact: str = typer.Option(None, "--contact", help="A URL or e-mail put in the User-Agent for site owners."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for a response."),
    retries: int = typer.Option(3, "--retries", min=0, help="Tries again after a 429, a 5xx or a network error."),
    verbose: bool = typer.Option(False, "--verbose", help="One line per fetch outcome on stderr."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Fetch what is new from the outlets' feeds and sitemaps, politely, and run the pipeline on it."""
    summary = _crawl_once(sources, db, since, max_pages, archive, delay, contact, timeout, verbose, quiet, retries=retries)
    if summary.sources_listed and not summary.sources_read:
        raise typer.Exit(code=1)


@app.command("watch")
def watch_cli(
    sources: Path = typer.Argument(..., help="The outlets to crawl (as for `kabar crawl`)."),
    db: str = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL."),
    every: str = typer.Option("30m", "--every", help="Time between the starts of two crawls: 90s, 30m, 2h."),
    archive: Path = typer.Option(None, "--archive", help="Write every response to WARC files in this folder."),
    delay: float = typer.Option(1.0, "--delay", min=0.0, help="Seconds between requests to a host without Crawl-delay."),
    contact: str = typer.Option(None, "--contact", help="A URL or e-mail put in the User-Agent for site owners."),
    max_pages: int = typer.Option(None, "--max", min=0, help="Fetch at most N article pages a cycle (the rest wait)."),
    cycles: int = typer.Option(None, "--cycles", min=1, help="Stop after N crawls (default: until stopped)."),
    verbose: bool = typer.Option(False, "--verbose", help="One line per fetch outcome on stderr."),
) -> None:
    """`kabar crawl` again and again until stopped; a crawl cut short resumes where it was on the next."""
    import time

    from rich.console import Console

    period = _seconds(every)
    console = Console(stderr=True)
    done = 0
    try:
        while cycles is None or done < cycles:
            started = time.monotonic()
            _crawl_once(sources, db, None, max_pages, archive, delay, contact, 20.0, verbose, quiet=True, cycle=done + 1)
            done += 1
            if cycles is not None and done >= cycles:
                break
            with console.status(f"kabar watch: crawl {done + 1} in {period:g} s…"):
                time.sleep(max(0.0, period - (time.monotonic() - started)))
    except KeyboardInterrupt:
        console.print(f"kabar watch: stopped after {done} crawl(s)")


def _crawl_once(sources, db, since, max_pages, archive, delay, contact, timeout, verbose, quiet, *, retries=3, cycle=None):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kabar.cli._io import report_failure
    from kabar.crawl import CrawlConfig, FetchConfig, SourcesError, crawl, default_user_agent, load_sources

    try:
        loaded = load_sources(sources)
    except SourcesError as exc:
        typer.echo(f"kabar: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    since = _since(since)
    user_agent = loaded.user_agent or default_user_agent(contact or loaded.contact)
    cfg = CrawlConfig(
        fetch=FetchConfig(user_agent=user_agent, default_delay=delay, timeout=timeout, retries=retries),
        since=since,
        max_pages=max_pages,
        archive=archive,
    )
    console = Console(stderr=True, quiet=quiet)

    accepted = 0

    def on_event(event) -> None:
        nonlocal accepted
        if verbose:
            typer.echo(f"kabar crawl: {event.outcome} {event.status or '-'} {event.kind} {event.url}"
                       + (f" ({event.detail})" if event.detail else ""), err=True)
        if event.kind == "page":  # fetched and judged
            accepted += event.outcome == "accepted"
            progress.update(fetching, advance=1)
        elif event.kind == "article":  # extracted, analysed and stored
            progress.update(storing, advance=1, total=accepted, visible=True)

    with Progress(
        TextColumn("[bold]kabar crawl"), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console, transient=True, disable=verbose,
    ) as progress:
        fetching = progress.add_task("fetching", total=None)
        storing = progress.add_task("analysing", total=None, visible=False)
        summary = crawl(loaded, db=db, cfg=cfg, on_event=on_event, on_plan=lambda n: progress.update(fetching, total=n))
    for failure in summary.failures:
        report_failure(failure)
    prefix = f"kabar crawl {cycle}" if cycle is not None else "kabar crawl"
    typer.echo(
        f"{prefix}: fetched {summary.fetched}, not modified {summary.not_modified}, new articles {summary.new_articles}, "
        f"skipped by robots {summary.skipped_robots}, failures {len(summary.failures)}",
        err=True,
    )
    return summary


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {value!r}", param_hint="--since") from exc


def _seconds(value: str) -> float:
    match = _EVERY.match(value)
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"not a period such as 90s, 30m or 2h: {value!r}", param_hint="--every")
    return float(match.group(1)) * _UNIT[match.group(2)]
