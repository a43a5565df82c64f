"""`kabar export --db FILE --format jsonl|csv|parquet --out DIR`: one file per record kind."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("export")
def export_cli(
    db: str = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    out: Path = typer.Option(..., "--out", "-o", help="Directory to write into (created)."),
) -> None:
    """Write articles, entities, mentions, timexes, quotes, events, stories (and reuse, quote links) into DIR."""
    from kabar.cli.serve import require_db
    from kabar.store import open_store
    from kabar.store.export import FORMATS, export

    if fmt not in FORMATS:
        typer.echo(f"kabar export: --format must be one of {', '.join(FORMATS)}, not {fmt!r}", err=True)
        raise typer.Exit(code=2)
    store = open_store(require_db(db))
    try:
        written = export(store, out, fmt)  # type: ignore[arg-type]
    finally:
        store.close()
    for kind, path in written.items():
        typer.echo(f"{kind}\t{path}")
