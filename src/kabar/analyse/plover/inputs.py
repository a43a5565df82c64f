"""Event coding of input files: extraction, analysis, coding, and contract objects with the offsets
the contract asks for (a `.txt` file's own characters, the joined body for every other kind)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kabar.analyse.plover.offsets import OffsetMap
from kabar.analyse.plover.record import EventMention
from kabar.records import AnalysedArticle, Article, Failure

Coder = Callable[[AnalysedArticle], tuple[EventMention, ...]]


def code_paths(
    paths: Iterable[str | Path], *, anchor: str | None = None, coder: Coder | None = None
) -> Iterator[list[dict] | Failure]:
    """For each article of `paths`, its events as contract objects (a failure for bad input).

    `anchor` is the publication date of inputs that carry none (a bare .txt body).
    """
    from kabar.analyse.plover import code_events
    from kabar.pipeline import analyse_article, extract_paths

    coder = coder or code_events
    for item in extract_paths([str(p) for p in paths]):
        if isinstance(item, Failure):
            yield item
            continue
        article = item if item.published or not anchor else replace(item, published=anchor)
        try:
            events = coder(analyse_article(article))
        except Exception as exc:  # one bad article must not stop the batch
            yield Failure(article.source, "analyse.events", f"{type(exc).__name__}: {exc}")
            continue
        yield contract_objects(article, events)


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
