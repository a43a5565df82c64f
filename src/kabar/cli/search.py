"""`kabar search QUERY [--db FILE] [--limit N] [--json]`: full-text search over stored articles."""

from __future__ import annotations

import typer

from kabar.cli._app import app


@app.command("search")
def search_cli(
    query: str = typer.Argument(
        ...,
        help="Words to find (stemmed: 'seruan' finds 'menyerukan'), \"phrases\", AND, OR, NOT or -word, word*, "
        "( ), title:WORD, outlet:NAME, entity:NAME, date:2021-03..2021-04.",
    ),
    db: str = typer.Option("kabar.db", "--db", help="SQLite file or SQLAlchemy URL."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000, help="Results to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Results to skip (paging)."),
    outlet: str = typer.Option(None, "--outlet", help="Only this outlet (e.g. Kompas.com)."),
    date_from: str = typer.Option(None, "--from", help="Published on or after (YYYY[-MM[-DD]])."),
    date_to: str = typer.Option(None, "--to", help="Published on or before (YYYY[-MM[-DD]])."),
    entity: str = typer.Option(None, "--entity", help="Only articles naming this entity (id or name)."),
    story: str = typer.Option(None, "--story", help="Only articles of this story id."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines: id, title, outlet, published, score, snippet (plain text)."),
    facets: bool = typer.Option(False, "--facets", help="Count the matches by outlet, entity, story and month too."),
) -> None:
    """Search stored articles; a table by default, JSON Lines with --json."""
    from kabar.cli._io import write_jsonl
    from kabar.cli.serve import require_db
    from kabar.store import open_store
    from kabar.store.search import search

    store = open_store(require_db(db))
    try:
        page = search(
            store, query, limit=limit, offset=offset, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, story=story,
            facets=facets,
        )
    except ValueError as exc:
        typer.echo(f"kabar search: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    if as_json:
        # the contract's six fields; the snippet as plain text (the offsets of the matches are in the web API)
        write_jsonl({k: v for k, v in hit.to_plain().items() if k != "matches"} for hit in page.results)
        if page.facets is not None:
            write_jsonl([{"facets": page.facets.to_dict()}])
        return
    _print_table(query, page)
    if page.facets is not None:
        _print_facets(page.facets)


def _print_table(query: str, page) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{page.total}{'' if page.total_exact else '+'} article(s) for {query!r}", title_justify="left", show_lines=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("outlet", max_width=16)
    table.add_column("title, snippet and id", ratio=1)
    for hit in page.results:
        body = Text(hit.title or "(no title)", style="bold")
        body.append("\n")
        body.append_text(_rich_snippet(hit.snippet))
        body.append(f"\n{hit.id}", style="dim")
        table.add_row(f"{hit.score:.3g}", (hit.published or "")[:10], hit.outlet or "", body)
    Console().print(table)


def _print_facets(facets) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"matches by facet (over {facets.counted})", title_justify="left")
    for name in ("outlet", "entity", "story", "month"):
        table.add_column(name)
    columns = [[f"{f.label} ({f.count})" for f in getattr(facets, n)] for n in ("outlet", "entity", "story", "month")]
    for row in range(max(map(len, columns), default=0)):
        table.add_row(*(c[row] if row < len(c) else "" for c in columns))
    Console().print(table)


def _rich_snippet(snippet_html: str):
    """The HTML snippet as Rich text: <mark>ed words highlighted, entities unescaped, nothing else markup."""
    import html
    import re

    from rich.text import Text

    out = Text()
    for i, piece in enumerate(re.split(r"</?mark>", snippet_html)):
        out.append(html.unescape(piece), style="bold yellow" if i % 2 else "")
    return out
