"""`kabar timex --anchor DATE [FILE|-]`: a JSON line per time expression of a plain text."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("timex")
def timex_cli(
    file: str = typer.Argument("-", help="Plain-text file, or - for standard input."),
    anchor: str = typer.Option(None, "--anchor", help="Document creation date: YYYY-MM-DD or a full timestamp."),
) -> None:
    """Find and normalise the time expressions of a text (ISO-TimeML TIMEX3 values)."""
    from kabar.analyse.timex import tag
    from kabar.analyse.timex.calendar import parse_anchor
    from kabar.cli._io import write_jsonl

    if anchor is not None and parse_anchor(anchor) == (None, None):
        typer.echo(f"kabar timex: --anchor {anchor!r} is not an ISO date or timestamp", err=True)
        raise typer.Exit(code=2)
    try:
        if file == "-":
            text = sys.stdin.read()
        else:
            text = Path(file).read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        typer.echo(f"kabar: {file}: read: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    write_jsonl(t.to_contract() for t in tag(text, anchor))
