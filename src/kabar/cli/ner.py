"""`kabar ner FILE`: BIO labels for CoNLL-style tokens (shared/docs/interfaces.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("ner")
def ner_cli(
    file: str = typer.Argument(..., help="CoNLL-style file: first column a token, blank line between sentences; - for stdin."),
) -> None:
    """Tag each token with PER, ORG or LOC in BIO form: `token<TAB>label`, a blank line after each sentence."""
    from kabar.analyse.ner.conll import read_sentences
    from kabar.analyse.ner.model import tag_words

    try:
        handle = sys.stdin if file == "-" else open(Path(file), encoding="utf-8", errors="replace")
    except OSError as exc:
        typer.echo(f"kabar: {file}: ner: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    out = sys.stdout
    with handle:
        for rows in read_sentences(handle):
            words = [r[0] for r in rows]
            for word, label in zip(words, tag_words(words), strict=True):
                out.write(f"{word}\t{label}\n")
            out.write("\n")
    out.flush()
