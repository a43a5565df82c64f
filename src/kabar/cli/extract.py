"""`kabar extract PATH... [--url URL]`: the contract JSON Lines, one article a line."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("extract")
def extract_cli(
    paths: list[str] = typer.Argument(..., help="Files or directories (HTML, page text, JSON Lines, WARC); - for stdin."),
    url: str = typer.Option(None, "--url", help="The page's URL, when the input does not give it."),
) -> None:
    """Clean articles with their metadata, as JSON Lines on stdout; failures on stderr."""
    from kabar.cli._io import finish, report_failure, write_jsonl
    from kabar.extract.batch import extract_all
    from kabar.ingest import read_pages
    from kabar.records import Failure

    processed = failed = 0

    def articles():
        nonlocal processed, failed
        for item in extract_all(read_pages([p if p == "-" else Path(p) for p in paths], url=url)):
            if isinstance(item, Failure):
                report_failure(item)
                failed += 1
                continue
            processed += 1
            yield item.to_contract()

    write_jsonl(articles())
    finish(processed, failed)
