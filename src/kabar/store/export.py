"""Export the store: one file per record kind, as JSON Lines, CSV or Parquet.

Rows stream out of the store in chunks, so a large database never has to fit
in memory. Each kind has a fixed Arrow schema: Parquet keeps nested fields
(authors, body, citations) as lists and structs; CSV writes them as JSON.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select

from kabar.records import Citation, Linking
from kabar.store import convert as cv
from kabar.store import schema as t
from kabar.store.coded_events import CodedMention, iter_coded
from kabar.store.db import Store

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
KINDS = ("articles", "entities", "mentions", "timexes", "quotes", "events", "stories", "reuse", "quote_links", "coded_events")
_CHUNK = 2000
Row = dict[str, Any]


def export(store: Store, out_dir: str | Path, fmt: Format = "jsonl") -> dict[str, Path]:
    """Write every kind into `out_dir` (created); returns the file written for each kind."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    linking = store.linking()
    sources = _row_sources(store, linking)
    written = {}
    for kind in KINDS:
        path = out / f"{kind}.{fmt}"
        _WRITERS[fmt](path, kind, sources[kind]())
        written[kind] = path
    return written


# --- rows ------------------------------------------------------------------------


def _row_sources(store: Store, linking: Linking) -> dict[str, Callable[[], Iterator[Row]]]:
    event_of = {a: e.id for e in linking.events for a in e.article_ids}
    story_of = {e: s.id for s in linking.stories for e in s.event_ids}

    def articles() -> Iterator[Row]:
        for a in store.analysed_articles():
            row = a.article.to_contract()
            event = event_of.get(a.article.id)
            yield row | {"event": event, "story": story_of.get(event) if event else None}

    def per_article(field: str) -> Callable[[], Iterator[Row]]:
        return lambda: (cv.fields_of(x) for a in store.analysed_articles() for x in getattr(a, field))

    def entities() -> Iterator[Row]:
        with store.engine.connect() as conn:
            for r in conn.execute(select(t.entities).order_by(t.entities.c.canonical, t.entities.c.id)).mappings():
                yield cv.fields_of(cv.entity_from(r))

    return {
        "articles": articles,
        "entities": entities,
        "mentions": per_article("mentions"),
        "timexes": per_article("timexes"),
        "quotes": per_article("quotes"),
        "events": lambda: (
            {
                "id": e.id,
                "date": e.date,
                "title": e.title,
                "article_ids": list(e.article_ids),
                "entity_ids": list(e.entity_ids),
                "conflicts": list(e.conflicts),
                "summary": _cites(e.summary),
                "story": story_of.get(e.id),
            }
            for e in linking.events
        ),
        "stories": lambda: (
            {
                "id": s.id,
                "title": s.title,
                "event_ids": list(s.event_ids),
                "summary": _cites(s.summary),
                "timeline": [
                    {"date": x.date, "description": x.description, "background": x.background, "evidence": _cites(x.evidence)}
                    for x in s.timeline
                ],
            }
            for s in linking.stories
        ),
        "reuse": lambda: (cv.fields_of(r) for r in linking.reuse),
        "quote_links": lambda: (
            {
                "id": g.id,
                "quote": g.quote,
                "speaker": g.speaker,
                "carriers": [
                    {"article_id": o.article_id, "outlet": o.outlet, "published": o.published,
                     "start": o.quote.start, "end": o.quote.end, "first": n == 0}
                    for n, o in enumerate(g.occurrences)
                ],
            }
            for g in store.quote_links()
        ),
        "coded_events": lambda: (_coded_row(x) for x in iter_coded(store)),
    }


def _coded_row(x: CodedMention) -> Row:
    """One PLOVER event mention as a GDELT user reads it: who did what to whom, when and where, and the
    article and sentence that say so. A compound actor's names are joined by "; " (GDELT's one name)."""
    m = x.mention
    return {
        "event_id": x.event_id, "date": m.date, "actor": _joined(m.actor), "actor_text": _joined(m.actor_text),
        "type": m.type, "mode": m.mode, "recipient": _joined(m.recipient), "recipient_text": _joined(m.recipient_text),
        "location": m.location, "background": m.background, "source_url": x.url, "outlet": x.outlet,
        "published": x.published, "article_id": m.article_id, "start": m.start, "end": m.end,
        "sentence": m.sentence, "trigger": m.trigger,
    }


def _joined(name) -> str | None:
    return "; ".join(name) if isinstance(name, tuple) else name


def _cites(cites: Iterable[Citation]) -> list[Row]:
    return [cv.fields_of(c) for c in cites]


# --- schemas -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def schemas():
    """The Arrow schema of each kind (pyarrow imported only when exporting)."""
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    strs = pa.list_(s)
    cite = pa.list_(pa.struct([("article_id", s), ("start", i), ("end", i), ("text", s)]))

    def schema(*fields):
        return pa.schema(list(fields))

    return {
        "articles": schema(
            ("id", s), ("source", s), ("url", s), ("outlet", s), ("title", s), ("published", s),
            ("authors", pa.list_(pa.struct([("name", s), ("role", s)]))), ("dateline", s), ("language", s),
            ("body", strs), ("sources_cited", strs), ("event", s), ("story", s),
        ),
        "entities": schema(("id", s), ("canonical", s), ("type", s), ("aliases", strs)),
        "mentions": schema(("article_id", s), ("start", i), ("end", i), ("text", s), ("type", s), ("entity_id", s), ("role", s)),
        "timexes": schema(("article_id", s), ("start", i), ("end", i), ("text", s), ("type", s), ("value", s)),
        "quotes": schema(
            ("article_id", s), ("start", i), ("end", i), ("quote", s), ("kind", s), ("speaker", s), ("speaker_text", s),
            ("cue", s), ("via", strs), ("speaker_entity_id", s),
        ),
        "events": schema(
            ("id", s), ("date", s), ("title", s), ("article_ids", strs), ("entity_ids", strs), ("conflicts", strs),
            ("summary", cite), ("story", s),
        ),
        "stories": schema(
            ("id", s), ("title", s), ("event_ids", strs), ("summary", cite),
            ("timeline", pa.list_(pa.struct([("date", s), ("description", s), ("background", b), ("evidence", cite)]))),
        ),
        "reuse": schema(
            ("source_article", s), ("target_article", s), ("source_start", i), ("source_end", i), ("target_start", i),
            ("target_end", i), ("similarity", f), ("kind", s), ("agency", s),
        ),
        "quote_links": schema(
            ("id", s), ("quote", s), ("speaker", s),
            ("carriers", pa.list_(pa.struct([
                ("article_id", s), ("outlet", s), ("published", s), ("start", i), ("end", i), ("first", b),
            ]))),
        ),
        "coded_events": schema(
            ("event_id", s), ("date", s), ("actor", s), ("actor_text", s), ("type", s), ("mode", s), ("recipient", s),
            ("recipient_text", s), ("location", s), ("background", b), ("source_url", s), ("outlet", s),
            ("published", s), ("article_id", s), ("start", i), ("end", i), ("sentence", s), ("trigger", s),
        ),
    }


def columns(kind: str) -> list[str]:
    return schemas()[kind].names


# --- writers -------------------------------------------------------------------------


def _chunks(rows: Iterable[Row], size: int = _CHUNK) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write_jsonl(path: Path, kind: str, rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_csv(path: Path, kind: str, rows: Iterable[Row]) -> None:
    names = columns(kind)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_cell(row.get(n)) for n in names])


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _write_parquet(path: Path, kind: str, rows: Iterable[Row]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = schemas()[kind]
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _chunks(rows):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


_WRITERS: dict[str, Callable[[Path, str, Iterable[Row]], None]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "parquet": _write_parquet,
}
