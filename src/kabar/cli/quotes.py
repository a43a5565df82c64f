"""`kabar quotes PATH...`: a JSON line per quotation found in the articles."""

from __future__ import annotations

from pathlib import Path

import typer

from kabar.cli._app import app


def quote_record(quote) -> dict:
    """The contract object of one quotation (shared/docs/interfaces.md)."""
    return {
        "article": quote.article_id,
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "quote": quote.quote,
        "kind": quote.kind,
        "cue": quote.cue,
        "via": list(quote.via),
        "start": quote.start,
        "end": quote.end,
    }


@app.command("quotes")
def quotes_cli(
    paths: list[Path] = typer.Argument(..., help="Files or directories (HTML, text, JSON Lines, WARC) or - for stdin."),
    indirect: bool = typer.Option(
        True,
        "--indirect/--direct-only",
        help="Print reported (indirect) speech too (the default), or only words in quote marks.",
    ),
) -> None:
    """Quotations with speakers, cues and relay chains, one JSON line each.

    Every quotation found is printed, direct ("kind": "direct", words in quote
    marks) and reported speech ("kind": "indirect": "X mengatakan bahwa …",
    "menurut X, …"), as the interface contract asks. `--direct-only` keeps the
    quote-mark kind alone, which is what statement-attribution gold such as
    PFSA-ID marks.
    """
    from kabar.cli._io import finish, report_failure, write_jsonl
    from kabar.pipeline import analyse, extract_paths
    from kabar.records import Failure

    processed = failed = 0
    for item in extract_paths([str(p) for p in paths]):
        if isinstance(item, Failure):
            report_failure(item)
            failed += 1
            continue
        try:
            result = analyse(item)
        except Exception as exc:  # one bad article must not stop the batch
            report_failure(Failure(item.source, "analyse.quotes", f"{type(exc).__name__}: {exc}"))
            failed += 1
            continue
        for failure in result.failures:  # an analyser that failed (say entities) is told, not hidden
            report_failure(failure)
        write_jsonl(quote_record(q) for q in result.analysed.quotes if indirect or q.kind == "direct")
        processed += 1
    finish(processed, failed)
