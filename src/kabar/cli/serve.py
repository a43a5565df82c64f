"""`kabar serve [--db FILE] [--host 127.0.0.1] [--port 8000]`: the web UI and the HTTP API."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


def require_db(db: str) -> str:
    """The database argument, or exit with a message when a file path does not exist."""
    if "://" not in db and db != ":memory:" and not Path(db).exists():
        typer.echo(f"kabar: no database at {db} (create one with: kabar run PAGES --db {db})", err=True)
        raise typer.Exit(code=1)
    return db


@app.command("serve")
def serve_cli(
    db: str = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    ingest_token: str = typer.Option(
        None, "--ingest-token", envvar="KABAR_INGEST_TOKEN", help="Enable POST /api/ingest for clients sending this Bearer token."
    ),
    workers: int = typer.Option(1, "--workers", min=1, help="Server processes (one per core)."),
    cache: int = typer.Option(2048, "--cache", min=0, help="Answers of the read routes each process keeps until the store changes (0: none)."),
) -> None:
    """Serve the stories, articles, entities, quotes and search, as HTML and as JSON (/docs)."""
    import uvicorn

    from kabar.web.app import Settings, create_app

    settings = Settings(db_url=require_db(db), ingest_token=ingest_token or None, cache_entries=cache)
    typer.echo(f"kabar: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    if workers > 1:  # uvicorn needs an import string to start several processes
        import os

        os.environ["KABAR_DB"] = settings.db_url
        os.environ["KABAR_CACHE"] = str(cache)
        if settings.ingest_token:
            os.environ["KABAR_INGEST_TOKEN"] = settings.ingest_token
        uvicorn.run("kabar.web.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")
        return
    uvicorn.run(create_app(settings=settings), host=host, port=port, log_level="warning")
