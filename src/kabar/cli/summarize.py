"""`kabar summarize PATH [--sentences N]`: each article's N summary sentences, one a line."""

from __future__ import annotations

import typer

from kabar.cli._app import app


@app.command("summarize")
def summarize_cli(
    path: str = typer.Argument(..., help="An article (HTML, page text), a directory, JSON Lines or WARC of them; - for stdin."),
    sentences: int = typer.Option(3, "--sentences", "-n", min=1, help="How many sentences to print per article."),
) -> None:
    """Print the sentences chosen as an article's summary, in article order. When PATH holds several
    articles, each one's sentences follow a `==> SOURCE <==` line, with a blank line between them."""
    from kabar.cli._io import finish, report_failure
    from kabar.extract.batch import extract_all
    from kabar.ingest import read_pages
    from kabar.link.summary import summarize
    from kabar.records import AnalysedArticle, Failure

    done = failed = 0
    pending: list[str] | None = None  # the first article's lines, held until we know whether a second follows
    for item in extract_all(read_pages([path])):
        if isinstance(item, Failure):
            report_failure(item)
            failed += 1
            continue
        # The summary scores only the article's text: no entity, date or quote analysis to wait for.
        lines = [" ".join(c.text.split()) for c in summarize(AnalysedArticle(item), sentences)]
        block = [f"==> {item.source} <=="] + lines
        if done == 0:
            pending = block
        else:
            if pending is not None:
                typer.echo("\n".join(pending))
                pending = None
            typer.echo("\n" + "\n".join(block))
        done += 1
    if pending is not None:  # one article: its sentences alone, as the contract prints them
        for line in pending[1:]:
            typer.echo(line)
    finish(done, failed)
    if done == 0:
        raise typer.Exit(code=1)
