"""Contract objects of coded events, with the offsets the contract asks for (a `.txt` file's own
characters, the joined body for every other kind). Coding whole input files is the driver's
(`kabar.pipeline.code_paths`): this package sits below the pipeline."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kabar.analyse.plover.offsets import OffsetMap
from kabar.analyse.plover.record import EventMention
from kabar.records import Article


def contract_objects(article: Article, events: Iterable[EventMention]) -> list[dict]:
    """The events' contract objects; a .txt input's offsets point into the file as read."""
    events = list(events)
    original = _text_file(article.source) if events else None
    if original is None:
        return [e.to_contract(article.source) for e in events]
    mapping = OffsetMap(article.text, original)
    out = []
    for e in events:
        span = mapping.span(e.start, e.end)
        if span is None:
            continue  # nothing of the sentence is in the file as read (cannot happen for a body the file holds)
        out.append(e.to_contract(article.source, start=span[0], end=span[1], sentence=original[span[0] : span[1]]))
    return out


def _text_file(source: str) -> str | None:
    path = Path(source)
    if path.suffix.lower() != ".txt" or not path.is_file():
        return None
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
