"""Records to table rows and back: pure functions, one pair per record kind.

Loading a row must give back exactly the record that was saved (tuples, not
lists; None kept as None), so the round trip is tested as equality.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import fields
from typing import Any, TypeVar

from kabar.analyse.plover.record import EventMention, Name
from kabar.ids import stable_id
from kabar.records import (
    AnalysedArticle,
    Article,
    Author,
    Citation,
    Entity,
    Event,
    Failure,
    Mention,
    Quote,
    QuoteGroup,
    QuoteOccurrence,
    RawPage,
    Reuse,
    Story,
    TimeExpr,
    TimelineEntry,
)
from kabar.store.terms import facet_terms, index_terms

Row = dict[str, Any]
R = TypeVar("R")


def published_day(published: str | None) -> str | None:
    """The date part of an ISO 8601 value ("2021-03-23T18:31+07:00" → "2021-03-23")."""
    return published[:10] if published else None


def page_row(page: RawPage) -> Row:
    return {
        "source": page.source,
        "kind": page.kind,
        "url": page.url,
        "encoding": page.encoding,
        "size": len(page.content),
        "content_hash": hashlib.sha1(page.content.encode("utf-8", "surrogatepass")).hexdigest(),
        "id_hint": page.id_hint,
        "published_hint": page.published_hint,
    }


def article_row(a: Article, entity_ids: tuple[str, ...] = ()) -> Row:
    return {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published,
        "published_day": published_day(a.published),
        "dateline": a.dateline,
        "language": a.language,
        "authors": [[au.name, au.role] for au in a.authors],
        "body": list(a.body),
        "sources_cited": list(a.sources_cited),
        "boilerplate": list(a.boilerplate),
        "title_stems": index_terms(a.title),
        "body_stems": index_terms(a.text),
        "facets": facet_terms(a.outlet, a.published, entity_ids),
    }


def article_from(r: Mapping[str, Any]) -> Article:
    return Article(
        id=r["id"],
        source=r["source"],
        body=tuple(r["body"]),
        url=r["url"],
        outlet=r["outlet"],
        title=r["title"],
        published=r["published"],
        authors=tuple(Author(name, role) for name, role in r["authors"]),
        dateline=r["dateline"],
        language=r["language"],
        sources_cited=tuple(r["sources_cited"]),
        boilerplate=tuple(r["boilerplate"]),
    )


def fields_of(record: Any) -> Row:
    """A flat record's fields by name, tuples as lists: the columns of its table (without
    `seq`) and the fields of its export file. One place, so the two never drift apart."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def record_from(cls: type[R], r: Mapping[str, Any], **renamed: str) -> R:
    """`cls` back from a row holding its fields (list columns as tuples); `renamed`: field → column."""
    return cls(**{f.name: _frozen(r[renamed.get(f.name, f.name)]) for f in fields(cls)})


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def entity_row(e: Entity) -> Row:
    return fields_of(e)


def article_entity_row(article_id: str, e: Entity, seq: int) -> Row:
    """The entity as one article saw it: its own aliases."""
    row = fields_of(e)
    return {"article_id": article_id, "seq": seq, "entity_id": row.pop("id")} | row


def entity_from(r: Mapping[str, Any], *, id_key: str = "id") -> Entity:
    return record_from(Entity, r, id=id_key)


def mention_row(m: Mention, seq: int) -> Row:
    return fields_of(m) | {"seq": seq}


def mention_from(r: Mapping[str, Any]) -> Mention:
    return record_from(Mention, r)


def timex_row(t: TimeExpr, seq: int) -> Row:
    return fields_of(t) | {"seq": seq}


def timex_from(r: Mapping[str, Any]) -> TimeExpr:
    return record_from(TimeExpr, r)


def quote_row(q: Quote, seq: int) -> Row:
    return fields_of(q) | {"seq": seq}


def quote_from(r: Mapping[str, Any]) -> Quote:
    return record_from(Quote, r)


def failure_row(f: Failure, seq: int) -> Row:
    return {"id": stable_id(f.source, f.stage, f.reason), "seq": seq, "source": f.source, "stage": f.stage, "reason": f.reason}


def failure_from(r: Mapping[str, Any]) -> Failure:
    return Failure(r["source"], r["stage"], r["reason"])


def reuse_row(x: Reuse, seq: int) -> Row:
    return fields_of(x) | {"seq": seq}


def reuse_from(r: Mapping[str, Any]) -> Reuse:
    return record_from(Reuse, r)


def citation_rows(owner: str, owner_id: str, cites: tuple[Citation, ...]) -> list[Row]:
    return [{"owner": owner, "owner_id": owner_id, "seq": i} | fields_of(c) for i, c in enumerate(cites)]


def citation_from(r: Mapping[str, Any]) -> Citation:
    return record_from(Citation, r)


def event_row(e: Event, seq: int) -> Row:
    return {
        "id": e.id,
        "seq": seq,
        "date": e.date,
        "title": e.title,
        "entity_ids": list(e.entity_ids),
        "conflicts": list(e.conflicts),
    }


def event_from(r: Mapping[str, Any], article_ids: tuple[str, ...], summary: tuple[Citation, ...]) -> Event:
    return Event(
        id=r["id"],
        article_ids=article_ids,
        date=r["date"],
        title=r["title"],
        summary=summary,
        entity_ids=tuple(r["entity_ids"]),
        conflicts=tuple(r["conflicts"]),
    )


def timeline_owner(story_id: str, seq: int) -> str:
    return f"{story_id}#{seq}"


def timeline_row(story_id: str, t: TimelineEntry, seq: int) -> Row:
    return {"story_id": story_id, "seq": seq, "date": t.date, "description": t.description, "background": t.background}


def timeline_from(r: Mapping[str, Any], evidence: tuple[Citation, ...]) -> TimelineEntry:
    return TimelineEntry(date=r["date"], description=r["description"], evidence=evidence, background=bool(r["background"]))


def quote_group_row(g: QuoteGroup, seq: int) -> Row:
    return {"id": g.id, "seq": seq, "quote": g.quote, "speaker": g.speaker}


def quote_carrier_rows(g: QuoteGroup) -> list[Row]:
    return [
        {"group_id": g.id, "seq": i, "article_id": o.article_id, "start": o.quote.start, "end": o.quote.end,
         "outlet": o.outlet, "published": o.published}
        for i, o in enumerate(g.occurrences)
    ]


def quote_group_from(r: Mapping[str, Any], occurrences: tuple[QuoteOccurrence, ...]) -> QuoteGroup:
    return QuoteGroup(id=r["id"], quote=r["quote"], speaker=r["speaker"], occurrences=occurrences)


def quote_occurrence_from(r: Mapping[str, Any], quote: Quote) -> QuoteOccurrence:
    return QuoteOccurrence(article_id=r["article_id"], outlet=r["outlet"], published=r["published"], quote=quote)


def story_from(
    r: Mapping[str, Any], event_ids: tuple[str, ...], timeline: tuple[TimelineEntry, ...], summary: tuple[Citation, ...]
) -> Story:
    return Story(id=r["id"], event_ids=event_ids, title=r["title"], timeline=timeline, summary=summary)


# --- coded (PLOVER) events ------------------------------------------------------------------

_EVENT_FIELDS = ("date", "type", "mode", "actor", "recipient", "location")


def coded_event_id(e: EventMention) -> str:
    """One coded event for every mention of the same dated act: date, type, mode, actor, recipient
    and place (GDELT's event key). An undated mention is an event of its own: without a date, two
    statements of the same act cannot be told from two acts."""
    key = [json.dumps(_plain(getattr(e, f)), ensure_ascii=False) for f in _EVENT_FIELDS]
    if e.date is None:
        key += [e.article_id, str(e.start), e.trigger]
    return stable_id("coded", *key)


def coded_rows(
    analysed: AnalysedArticle, events: tuple[EventMention, ...], known: Mapping[str, str] | None = None
) -> tuple[list[Row], list[Row], list[Row]]:
    """One article's coded events as rows: (events, mentions, parties).

    A party is an actor or recipient name the article's own entities (or its quotations' speakers)
    carry, else one of `known` (canonical name → entity id: the store's), so an entity's page finds it."""
    article_id = analysed.article.id
    ids = dict(known or {}) | {e.canonical: e.id for e in analysed.entities}
    for q in analysed.quotes:
        if q.speaker and q.speaker_entity_id:
            ids.setdefault(q.speaker, q.speaker_entity_id)
    event_rows: dict[str, Row] = {}
    mentions: list[Row] = []
    parties: list[Row] = []
    for seq, e in enumerate(events):
        event_id = coded_event_id(e)
        event_rows.setdefault(event_id, {"id": event_id} | {f: _plain(getattr(e, f)) for f in _EVENT_FIELDS})
        mentions.append({
            "article_id": article_id, "seq": seq, "event_id": event_id, "start": e.start, "end": e.end,
            "sentence": e.sentence, "actor_text": _plain(e.actor_text), "recipient_text": _plain(e.recipient_text),
            "background": e.background, "trigger": e.trigger,
        })
        for role, name in (("actor", e.actor), ("recipient", e.recipient)):
            for entity_id in dict.fromkeys(ids[n] for n in _names(name) if n in ids):
                parties.append({"article_id": article_id, "seq": len(parties), "mention_seq": seq, "role": role, "entity_id": entity_id})
    return list(event_rows.values()), mentions, parties


def coded_mention_from(r: Mapping[str, Any]) -> EventMention:
    """A mention row joined with its event's columns back to the record `kabar events` printed."""
    return EventMention(
        article_id=r["article_id"], start=r["start"], end=r["end"], sentence=r["sentence"], type=r["type"],
        mode=r["mode"], actor=_frozen(r["actor"]), actor_text=_frozen(r["actor_text"]),
        recipient=_frozen(r["recipient"]), recipient_text=_frozen(r["recipient_text"]), date=r["date"],
        location=r["location"], background=bool(r["background"]), trigger=r["trigger"],
    )


def party_names(events: tuple[EventMention, ...]) -> set[str]:
    """Every actor and recipient name of `events`."""
    return {n for e in events for n in (*_names(e.actor), *_names(e.recipient))}


def _names(name: Name | None) -> tuple[str, ...]:
    if name is None:
        return ()
    return name if isinstance(name, tuple) else (name,)
