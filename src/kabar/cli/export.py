"""`kabar export` (placeholder: the owning issue replaces this)."""

from __future__ import annotations

import typer

from kabar.cli._app import app


@app.command("export")
def export_cli() -> None:
    """Not built yet."""
    typer.echo("kabar export: not built yet", err=True)
    raise typer.Exit(code=2)
