"""`kabar search` (placeholder: the owning issue replaces this)."""

from __future__ import annotations

import typer

from kabar.cli._app import app


@app.command("search")
def search_cli() -> None:
    """Not built yet."""
    typer.echo("kabar search: not built yet", err=True)
    raise typer.Exit(code=2)
