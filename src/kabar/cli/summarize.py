"""`kabar summarize FILE [--sentences N]`: the article's N summary sentences, one a line."""

from __future__ import annotations

import typer

from kabar.cli._app import app


@app.command("summarize")
def summarize_cli(
    file: str = typer.Argument(..., help="One article (HTML, page text, JSON Lines, WARC); - for stdin."),
    sentences: int = typer.Option(3, "--sentences", "-n", min=1, help="How many sentences to print."),
) -> None:
    """Print the sentences chosen as the article's summary, in article order."""
    from kabar.cli._io import report_failure
    from kabar.link.summary import summarize
    from kabar.pipeline import analyse_article, extract_paths
    from kabar.records import Failure

    for item in extract_paths([file]):
        if isinstance(item, Failure):
            report_failure(item)
            continue
        for citation in summarize(analyse_article(item), sentences):
            typer.echo(" ".join(citation.text.split()))
        return  # one article: the first one the file holds
    raise typer.Exit(code=1)
