"""`kabar events PATH... [--anchor DATE]`: a JSON line per coded PLOVER event mention."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("events")
def events_cli(
    paths: list[Path] = typer.Argument(..., help="Files or directories (HTML, text, JSON Lines, WARC) or - for stdin."),
    anchor: str = typer.Option(None, "--anchor", help="Publication date (YYYY-MM-DD) of inputs that carry none."),
) -> None:
    """Political events in the PLOVER ontology: who did what to whom, when and where, with the evidence
    sentence (contract v2, "kabar events"). Only asserted happenings are coded: not plans, appeals,
    comments, negated, conditional, alleged or predicted acts."""
    from kabar.analyse.timex.calendar import parse_anchor
    from kabar.cli._io import finish, report_failure, write_jsonl
    from kabar.pipeline import code_paths
    from kabar.records import Failure

    if anchor is not None and parse_anchor(anchor) == (None, None):
        typer.echo(f"kabar events: --anchor {anchor!r} is not an ISO date", err=True)
        raise typer.Exit(code=2)
    processed = failed = 0
    for item in code_paths(paths, anchor=anchor):
        if isinstance(item, Failure):
            report_failure(item)
            failed += 1
            continue
        write_jsonl(item)
        processed += 1
    finish(processed, failed)
