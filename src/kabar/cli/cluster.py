"""`kabar cluster PATH...`: a line per article with its event and story ids."""

from __future__ import annotations

import typer

from kabar.cli._app import app


@app.command("cluster")
def cluster_cli(
    paths: list[str] = typer.Argument(..., help="Files or directories (HTML, page text, JSON Lines, WARC); - for stdin."),
) -> None:
    """Group articles into events and stories; JSON Lines on stdout, failures on stderr."""
    from kabar.cli._io import finish, report_failure, write_jsonl
    from kabar.link import link
    from kabar.pipeline import analyse_article, extract_paths
    from kabar.records import Failure

    articles, failed = [], 0
    for item in extract_paths(paths):
        if isinstance(item, Failure):
            report_failure(item)
            failed += 1
            continue
        articles.append(analyse_article(item))
    linking = link(articles)
    for failure in linking.failures:
        report_failure(failure)
    event_of = {a: e.id for e in linking.events for a in e.article_ids}
    story_of = {e: s.id for s in linking.stories for e in s.event_ids}
    write_jsonl(
        {
            "id": a.article.id,
            "source": a.article.source,
            "event": event_of.get(a.article.id),
            "story": story_of.get(event_of.get(a.article.id)),
        }
        for a in articles
    )
    finish(len(articles), failed)
