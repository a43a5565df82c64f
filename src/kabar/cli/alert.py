"""`kabar alert add|list|show|remove`: saved searches that report the articles matching them since."""

from __future__ import annotations

import typer

from kabar.cli._app import app

alert_app = typer.Typer(
    help="Saved searches: `add` one, then after later runs `list` says how many new articles match each "
    "and `show` prints them (the web UI serves each as an Atom feed at /feeds/NAME.atom).",
    no_args_is_help=True,
)
app.add_typer(alert_app, name="alert")
app.add_typer(alert_app, name="alerts", hidden=True)  # the plural reads as naturally

DB = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL.")


def _open(db: str):
    from kabar.cli.serve import require_db
    from kabar.store import open_store

    return open_store(require_db(db))


def _fail(message: str) -> None:
    typer.echo(f"kabar alert: {message}", err=True)
    raise typer.Exit(code=2)


@alert_app.command("add")
def add_cli(
    name: str = typer.Argument(..., help="A short name (letters, digits, - and _): the feed is /feeds/NAME.atom."),
    query: str = typer.Argument(..., help="A query in the syntax of `kabar search`."),
    db: str = DB,
) -> None:
    """Save QUERY as NAME. What it matches now is the baseline; only later matches are news."""
    from kabar.store import alerts

    store = _open(db)
    try:
        _, baseline = alerts.add(store, name, query)
    except ValueError as exc:
        _fail(str(exc))
    finally:
        store.close()
    typer.echo(f"alert {name!r} saved: {baseline} article(s) match it now; new ones will be listed from the next run on")


@alert_app.command("list")
def list_cli(db: str = DB) -> None:
    """Each alert with its query and how many new articles match it (the query is run again now)."""
    from kabar.store import alerts

    store = _open(db)
    try:
        rows = []
        for a in alerts.list_alerts(store):
            alerts.refresh(store, a.name)
            rows.append((a.name, a.query, len(alerts.new_hits(store, a.name))))
    finally:
        store.close()
    if not rows:
        typer.echo("no alerts (add one: kabar alert add NAME QUERY)")
        return
    for name, query, new in rows:
        typer.echo(f"{name}\t{new} new\t{query}")


@alert_app.command("show")
def show_cli(
    name: str = typer.Argument(...),
    db: str = DB,
    keep: bool = typer.Option(False, "--keep", help="Leave them new (by default they are marked seen)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: id, title, outlet, published, found."),
) -> None:
    """The new articles matching alert NAME, the latest found first; then they count as seen."""
    from kabar.cli._io import write_jsonl
    from kabar.store import alerts, queries

    store = _open(db)
    try:
        if alerts.get(store, name) is None:
            _fail(f"no alert named {name!r}")
        alerts.refresh(store, name)
        hits = alerts.new_hits(store, name)
        summaries = queries.article_summaries(store, [h.article_id for h in hits])
        if not keep:
            alerts.mark_seen(store, name)
    finally:
        store.close()
    rows = [
        {"id": h.article_id, "title": s.title, "outlet": s.outlet, "published": s.published, "found": h.found}
        for h in hits
        if (s := summaries.get(h.article_id)) is not None
    ]
    if as_json:
        write_jsonl(rows)
        return
    if not rows:
        typer.echo(f"no new articles for {name!r}")
    for r in rows:
        typer.echo(f"{(r['published'] or '')[:10]}\t{r['outlet'] or ''}\t{r['title'] or r['id']}\t{r['id']}")


@alert_app.command("remove")
def remove_cli(name: str = typer.Argument(...), db: str = DB) -> None:
    """Forget alert NAME and what it found."""
    from kabar.store import alerts

    store = _open(db)
    try:
        if not alerts.remove(store, name):
            _fail(f"no alert named {name!r}")
    finally:
        store.close()
    typer.echo(f"alert {name!r} removed")
