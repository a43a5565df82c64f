"""`kabar entities [FILE|-]`: a JSON line per entity mention of a plain text (text in, entities out)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kabar.cli._app import app


@app.command("entities")
def entities_cli(
    file: str = typer.Argument("-", help="Plain-text file (one paragraph a line), or - for standard input."),
) -> None:
    """Find the people, organisations and places a text names: one JSON line per mention with its
    offsets into the text as read, the words, the type, the canonical name and the entity id, and
    the title kept as a role ("Presiden"). The CoNLL tagger is `kabar ner`."""
    print_entities(file)


def print_entities(file: str) -> None:
    """The command's work, shared with `kabar ner --text`."""
    from kabar.api import KabarError, analyse_text
    from kabar.cli._io import write_jsonl

    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        typer.echo(f"kabar: {file}: read: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    if not text.strip():
        return  # nothing to tag is no error: no lines out
    try:
        analysed = analyse_text(text)
    except KabarError as exc:
        typer.echo(f"kabar: {file}: entities: {exc}", err=True)
        raise typer.Exit(code=1) from None
    canonical = {e.id: e.canonical for e in analysed.entities}
    write_jsonl(
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "type": m.type,
            "canonical": canonical.get(m.entity_id, m.text),
            "entity": m.entity_id,
            "role": m.role,
        }
        for m in analysed.mentions
    )
