"""`kabar ner FILE`: BIO labels for CoNLL-style tokens (shared/docs/interfaces.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kabar.cli._app import app

BATCH_SENTENCES = 2000


@app.command("ner")
def ner_cli(
    file: str = typer.Argument(..., help="CoNLL-style file: first column a token, blank line between sentences; - for stdin."),
    text: bool = typer.Option(False, "--text", help="FILE is plain text: print its entity mentions as `kabar entities` does."),
) -> None:
    """Tag each token with PER, ORG or LOC in BIO form: `token<TAB>label`, a blank line after each sentence.
    With --text, FILE is plain text and each entity mention is a JSON line (`kabar entities`)."""
    if text:
        from kabar.cli.entities import print_entities

        print_entities(file)
        return
    from itertools import islice

    from kabar.analyse.ner.conll import read_sentences
    from kabar.analyse.ner.model import shipped

    try:
        handle = sys.stdin if file == "-" else open(Path(file), encoding="utf-8", errors="replace")
    except OSError as exc:
        typer.echo(f"kabar: {file}: ner: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    out = sys.stdout
    model = shipped()
    with handle:
        sentences = read_sentences(handle)
        # a batch at a time: the tagger is fastest on many sentences, and a long file streams
        while batch := [[r[0] for r in rows] for rows in islice(sentences, BATCH_SENTENCES)]:
            for words, labels in zip(batch, model.tag_many(batch), strict=True):
                out.write("".join(f"{word}\t{label}\n" for word, label in zip(words, labels, strict=True)) + "\n")
    out.flush()
