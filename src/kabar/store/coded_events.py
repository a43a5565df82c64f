"""Read views of the coded (PLOVER) events: an article's, an entity's, a story's, a page of all.

Each mention comes back as the `EventMention` `kabar events` prints, with the coded event it
states (`event_id`, shared by every article stating the same dated act) and where it was
published, for lists that link to the source.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, func, select

from kabar.analyse.plover.record import EventMention
from kabar.store import convert as cv
from kabar.store import schema as t
from kabar.store.db import Store

Role = Literal["actor", "recipient"]
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CodedMention:
    """One stored mention of a coded event, with its source article's particulars."""

    event_id: str
    mention: EventMention
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    roles: tuple[Role, ...] = ()  # when listed for an entity: what it was in it


_M, _E, _A = t.coded_event_mentions, t.coded_events, t.articles


def _base() -> Select:
    return (
        select(
            _M.c.article_id, _M.c.seq, _M.c.event_id, _M.c.start, _M.c.end, _M.c.sentence, _M.c.actor_text,
            _M.c.recipient_text, _M.c.background, _M.c.trigger,
            _E.c.date, _E.c.type, _E.c.mode, _E.c.actor, _E.c.recipient, _E.c.location,
            _A.c.url, _A.c.outlet, _A.c.published, _A.c.title,
        )
        .join(_E, _E.c.id == _M.c.event_id)
        .join(_A, _A.c.id == _M.c.article_id)
    )


def _ordered(query: Select) -> Select:
    # the happening's date first (undated last), then where the article says it
    return query.order_by(_E.c.date.is_(None), _E.c.date, _A.c.published, _M.c.article_id, _M.c.seq)


def _record(r, roles: tuple[Role, ...] = ()) -> CodedMention:
    return CodedMention(r["event_id"], cv.coded_mention_from(r), r["url"], r["outlet"], r["published"], r["title"], roles)


def _count(conn, query: Select) -> int:
    return conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


def article_events(store: Store, article_id: str) -> tuple[EventMention, ...]:
    """The coded event mentions of one article, in text order."""
    with store.engine.connect() as conn:
        rows = conn.execute(_base().where(_M.c.article_id == article_id).order_by(_M.c.seq)).mappings().all()
    return tuple(cv.coded_mention_from(r) for r in rows)


def list_coded(
    store: Store,
    *,
    limit: int | None = 20,
    offset: int = 0,
    entity: str | None = None,
    role: Role | None = None,
    type: str | None = None,
    article_ids: Sequence[str] | None = None,
    story: str | None = None,
    background: bool | None = None,
) -> tuple[list[CodedMention], int]:
    """A page of coded event mentions (all with `limit` None), by the happening's date, and how many match.

    `entity`: only those whose actor (or recipient, or either when `role` is None) is that entity;
    `article_ids`: only those stated by these articles; `story`: by the articles of that story's
    events; `background` False: only the news, not the history an article recalls."""
    query = _base()
    if story is not None:
        in_story = (
            select(t.event_articles.c.article_id)
            .join(t.story_events, t.story_events.c.event_id == t.event_articles.c.event_id)
            .where(t.story_events.c.story_id == story)
        )
        query = query.where(_M.c.article_id.in_(in_story))
    if entity is not None:
        parties = select(t.coded_event_parties.c.article_id, t.coded_event_parties.c.mention_seq).where(
            t.coded_event_parties.c.entity_id == entity
        )
        if role is not None:
            parties = parties.where(t.coded_event_parties.c.role == role)
        found = parties.distinct().subquery()
        query = query.join(found, (found.c.article_id == _M.c.article_id) & (found.c.mention_seq == _M.c.seq))
    if type is not None:
        query = query.where(_E.c.type == type)
    if article_ids is not None:
        query = query.where(_M.c.article_id.in_(list(article_ids)))
    if background is not None:
        query = query.where(_M.c.background.is_(background))
    with store.engine.connect() as conn:
        total = _count(conn, query)
        rows = conn.execute(_ordered(query).limit(limit).offset(offset)).mappings().all()
        roles = _roles(conn, rows, entity) if entity is not None else {}
    return [_record(r, roles.get((r["article_id"], r["seq"]), ())) for r in rows], total


def _roles(conn, rows, entity: str) -> dict[tuple[str, int], tuple[Role, ...]]:
    p = t.coded_event_parties
    ids = sorted({r["article_id"] for r in rows})
    out: dict[tuple[str, int], list[Role]] = {}
    if not ids:
        return {}
    query = select(p.c.article_id, p.c.mention_seq, p.c.role).where(p.c.entity_id == entity, p.c.article_id.in_(ids))
    for article_id, seq, role in conn.execute(query.order_by(p.c.article_id, p.c.seq)):
        if role not in out.setdefault((article_id, seq), []):
            out[(article_id, seq)].append(role)
    return {k: tuple(v) for k, v in out.items()}


def iter_coded(store: Store) -> Iterator[CodedMention]:
    """Every stored mention, article by article in the order stored, read in chunks (for exports)."""
    last = 0
    while True:
        with store.engine.connect() as conn:
            pks = conn.execute(select(_A.c.pk, _A.c.id).where(_A.c.pk > last).order_by(_A.c.pk).limit(_CHUNK)).all()
            if not pks:
                return
            query = _base().where(_M.c.article_id.in_([i for _, i in pks])).order_by(_A.c.pk, _M.c.seq)
            rows = conn.execute(query).mappings().all()
        last = pks[-1][0]
        yield from (_record(r) for r in rows)


def by_event(items: Sequence[CodedMention]) -> list[tuple[CodedMention, list[CodedMention]]]:
    """`items` once per coded event, at its first mention, with the other articles' mentions of it
    (for lists that show an act once, and every outlet that stated it)."""
    out: list[tuple[CodedMention, list[CodedMention]]] = []
    at: dict[str, int] = {}
    for x in items:
        if x.event_id in at:
            out[at[x.event_id]][1].append(x)
        else:
            at[x.event_id] = len(out)
            out.append((x, []))
    return out


@dataclass(frozen=True, slots=True)
class CodedPage:
    """A page of `list_coded` grouped `by_event`, for the web pages."""

    groups: list[tuple[CodedMention, list[CodedMention]]]
    shown: int  # mentions on this page
    total: int  # mentions matching in all


def coded_page(store: Store, **filters) -> CodedPage:
    """`list_coded(store, **filters)`, each coded event once with every article stating it."""
    items, total = list_coded(store, **filters)
    return CodedPage(by_event(items), len(items), total)
