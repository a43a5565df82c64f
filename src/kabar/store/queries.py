"""Read views for the API and the web UI: paged lists and lookups, all as records.

Each function takes the `Store` first and keyword-only parameters; none
writes. Lists return ``(items, total)`` so callers can page.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, and_, distinct, func, or_, select

from kabar.records import Entity, Event, Quote, Reuse, Story
from kabar.store import convert as cv
from kabar.store import schema as t
from kabar.store.db import Store


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str


@dataclass(frozen=True, slots=True)
class EntityCount:
    entity: Entity
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class StoryOverview:
    story: Story
    articles: int
    outlets: tuple[str, ...]
    first: str | None  # earliest and latest event date
    last: str | None


_SUMMARY = (t.articles.c.id, t.articles.c.title, t.articles.c.outlet, t.articles.c.published, t.articles.c.source)


def _summary(r) -> ArticleSummary:
    return ArticleSummary(r.id, r.title, r.outlet, r.published, r.source)


def _count(conn, query: Select) -> int:
    return conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


class GenerationProbe:
    """`Store.generation()` for a hot path that asks before every request (the web answer cache):
    one connection of its own, raw driver calls (about 6 µs on SQLite, against 170 µs through the
    pool and SQLAlchemy; one round trip on PostgreSQL). Not for sharing between threads; a failed
    read drops the connection and the next call opens another; `close()` gives it back."""

    SQL = "SELECT value FROM kabar_meta WHERE key = 'generation'"

    def __init__(self, store: Store) -> None:
        self._engine = store.engine
        self._conn = None

    def __call__(self) -> str:
        if self._conn is None:
            self._conn = self._engine.raw_connection()
        try:
            cur = self._conn.cursor()
            try:
                cur.execute(self.SQL)
                row = cur.fetchone()
            finally:
                cur.close()
            self._conn.rollback()  # end the read, so the next one sees later commits (PostgreSQL begins one)
        except Exception:
            self.close()  # a server restart or a broken connection: a new one next time
            raise
        return (row[0] if row else None) or "0"

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                conn.close()
            except Exception:
                pass  # already broken


def list_articles(
    store: Store, *, limit: int = 20, offset: int = 0, outlet: str | None = None
) -> tuple[list[ArticleSummary], int]:
    """Articles newest first (undated last)."""
    query = select(*_SUMMARY)
    if outlet:
        query = query.where(func.lower(t.articles.c.outlet) == outlet.lower())
    query = query.order_by(t.articles.c.published_day.is_(None), t.articles.c.published_day.desc(), t.articles.c.pk)
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(limit).offset(offset)).all()
        return [_summary(r) for r in rows], _count(conn, query)


def article_summaries(store: Store, ids: list[str]) -> dict[str, ArticleSummary]:
    if not ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(*_SUMMARY).where(t.articles.c.id.in_(list(set(ids))))).all()
    return {r.id: _summary(r) for r in rows}


def outlets(store: Store) -> list[tuple[str, int]]:
    """Outlets with their article counts, most articles first."""
    return store.memo(("outlets",), lambda: _outlets(store))


def _outlets(store: Store) -> list[tuple[str, int]]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.articles.c.outlet, func.count())
            .where(t.articles.c.outlet.is_not(None))
            .group_by(t.articles.c.outlet)
            .order_by(func.count().desc(), t.articles.c.outlet)
        ).all()
    return [(o, n) for o, n in rows]


def placement(store: Store, article_id: str) -> tuple[str | None, str | None]:
    """The event and the story an article belongs to (None when linking left it out)."""
    with store.engine.connect() as conn:
        event_id = conn.execute(
            select(t.event_articles.c.event_id).where(t.event_articles.c.article_id == article_id).limit(1)
        ).scalar()
        story_id = None
        if event_id is not None:
            story_id = conn.execute(
                select(t.story_events.c.story_id).where(t.story_events.c.event_id == event_id).limit(1)
            ).scalar()
    return event_id, story_id


def reuse_of(store: Store, article_id: str) -> list[Reuse]:
    """Reused passages an article shares with others (as source or target)."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.reuse)
            .where(or_(t.reuse.c.source_article == article_id, t.reuse.c.target_article == article_id))
            .order_by(t.reuse.c.seq)
        ).mappings()
        return [cv.reuse_from(r) for r in rows]


def list_entities(
    store: Store, *, limit: int = 50, offset: int = 0, type: str | None = None, name: str | None = None
) -> tuple[list[EntityCount], int]:
    """Entities by how many articles name them (cached until the next write: counting scans every mention)."""
    return store.memo(("entities", limit, offset, type, name), lambda: _list_entities(store, limit, offset, type, name))


def _list_entities(store: Store, limit: int, offset: int, type: str | None, name: str | None) -> tuple[list[EntityCount], int]:
    ae = t.article_entities
    counts = (
        select(ae.c.entity_id, func.count(distinct(ae.c.article_id)).label("n_articles"))
        .group_by(ae.c.entity_id)
        .subquery()
    )
    mcounts = select(t.mentions.c.entity_id, func.count().label("n_mentions")).group_by(t.mentions.c.entity_id).subquery()
    query = (
        select(t.entities, func.coalesce(counts.c.n_articles, 0).label("n_articles"), func.coalesce(mcounts.c.n_mentions, 0).label("n_mentions"))
        .select_from(t.entities.outerjoin(counts, counts.c.entity_id == t.entities.c.id).outerjoin(mcounts, mcounts.c.entity_id == t.entities.c.id))
    )
    if type:
        query = query.where(t.entities.c.type == type)
    if name:
        query = query.where(func.lower(t.entities.c.canonical).contains(name.lower(), autoescape=True))
    query = query.order_by(func.coalesce(counts.c.n_articles, 0).desc(), t.entities.c.canonical)
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        items = [EntityCount(cv.entity_from(r), r["n_articles"], r["n_mentions"]) for r in rows]
        return items, _count(conn, query)


def entity(store: Store, entity_id: str) -> Entity | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).mappings().first()
    return cv.entity_from(row) if row else None


def entity_timeline(store: Store, entity_id: str) -> list[tuple[str, int]]:
    """Mentions of an entity per publication day of the articles (undated articles left out)."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.articles.c.published_day, func.count())
            .select_from(t.mentions.join(t.articles, t.articles.c.id == t.mentions.c.article_id))
            .where(t.mentions.c.entity_id == entity_id, t.articles.c.published_day.is_not(None))
            .group_by(t.articles.c.published_day)
            .order_by(t.articles.c.published_day)
        ).all()
    return [(d, n) for d, n in rows]


def entity_articles(store: Store, entity_id: str, *, limit: int = 50, offset: int = 0) -> tuple[list[ArticleSummary], int]:
    query = (
        select(*_SUMMARY)
        .where(t.articles.c.id.in_(select(t.article_entities.c.article_id).where(t.article_entities.c.entity_id == entity_id)))
        .order_by(t.articles.c.published_day.desc().nulls_last(), t.articles.c.pk)  # as SQLite orders NULL
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(limit).offset(offset)).all()
        return [_summary(r) for r in rows], _count(conn, query)


def list_quotes(
    store: Store,
    *,
    limit: int = 20,
    offset: int = 0,
    speaker_entity: str | None = None,
    article_id: str | None = None,
    speaker: str | None = None,
) -> tuple[list[Quote], int]:
    q = t.quotes
    query = select(q).join(t.articles, t.articles.c.id == q.c.article_id)
    conds = []
    if speaker_entity:
        conds.append(q.c.speaker_entity_id == speaker_entity)
    if article_id:
        conds.append(q.c.article_id == article_id)
    if speaker:
        conds.append(func.lower(q.c.speaker).contains(speaker.lower(), autoescape=True))
    if conds:
        query = query.where(and_(*conds))
    query = query.order_by(t.articles.c.published_day.desc().nulls_last(), t.articles.c.pk, q.c.seq)  # undated last, as on SQLite
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return [cv.quote_from(r) for r in rows], _count(conn, query)


def list_events(store: Store, *, limit: int = 20, offset: int = 0) -> tuple[tuple[Event, ...], int]:
    return store.memo(("events", limit, offset), lambda: _list_events(store, limit, offset))


def _list_events(store: Store, limit: int, offset: int) -> tuple[tuple[Event, ...], int]:
    with store.engine.connect() as conn:
        ids = list(conn.execute(select(t.events.c.id).order_by(t.events.c.seq).limit(limit).offset(offset)).scalars())
        total = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        return (store._load_events(conn, ids) if ids else ()), total


def events_by_id(store: Store, ids: list[str]) -> dict[str, Event]:
    """The stored events among `ids`, by id (one round of queries for all of them)."""
    if not ids:
        return {}
    with store.engine.connect() as conn:
        return {e.id: e for e in store._load_events(conn, list(dict.fromkeys(ids)))}


def event(store: Store, event_id: str) -> Event | None:
    with store.engine.connect() as conn:
        found = store._load_events(conn, [event_id])
    return found[0] if found else None


def list_stories(store: Store, *, limit: int = 20, offset: int = 0) -> tuple[tuple[Story, ...], int]:
    return store.memo(("stories", limit, offset), lambda: _list_stories(store, limit, offset))


def _list_stories(store: Store, limit: int, offset: int) -> tuple[tuple[Story, ...], int]:
    with store.engine.connect() as conn:
        ids = list(conn.execute(select(t.stories.c.id).order_by(t.stories.c.seq).limit(limit).offset(offset)).scalars())
        total = conn.execute(select(func.count()).select_from(t.stories)).scalar_one()
        return (store._load_stories(conn, ids) if ids else ()), total


def story(store: Store, story_id: str) -> Story | None:
    with store.engine.connect() as conn:
        found = store._load_stories(conn, [story_id])
    return found[0] if found else None


def story_overviews(store: Store, stories: tuple[Story, ...]) -> list[StoryOverview]:
    """Article counts, outlets and date ranges of stories, for the story list (three queries in all)."""
    return store.memo(("overviews", tuple(s.id for s in stories)), lambda: _story_overviews(store, stories))


def _story_overviews(store: Store, stories: tuple[Story, ...]) -> list[StoryOverview]:
    ids = [s.id for s in stories]
    if not ids:
        return []
    se, ea, ev, ar = t.story_events, t.event_articles, t.events, t.articles
    with store.engine.connect() as conn:
        counts = dict(
            conn.execute(
                select(se.c.story_id, func.count(distinct(ea.c.article_id)))
                .select_from(se.join(ea, ea.c.event_id == se.c.event_id))
                .where(se.c.story_id.in_(ids))
                .group_by(se.c.story_id)
            ).all()
        )
        spans = {
            sid: (first, last)
            for sid, first, last in conn.execute(
                select(se.c.story_id, func.min(ev.c.date), func.max(ev.c.date))
                .select_from(se.join(ev, ev.c.id == se.c.event_id))
                .where(se.c.story_id.in_(ids))
                .group_by(se.c.story_id)
            )
        }
        names: dict[str, list[str]] = {}
        for sid, outlet in conn.execute(
            select(se.c.story_id, ar.c.outlet)
            .distinct()
            .select_from(se.join(ea, ea.c.event_id == se.c.event_id).join(ar, ar.c.id == ea.c.article_id))
            .where(se.c.story_id.in_(ids), ar.c.outlet.is_not(None))
            .order_by(se.c.story_id, ar.c.outlet)
        ):
            names.setdefault(sid, []).append(outlet)
    return [
        StoryOverview(s, counts.get(s.id, 0), tuple(names.get(s.id, ())), *spans.get(s.id, (None, None))) for s in stories
    ]


def unplaced_articles(store: Store, *, limit: int = 20) -> tuple[list[ArticleSummary], int]:
    """Articles that no event holds."""
    return store.memo(("unplaced", limit), lambda: _unplaced(store, limit))


def _unplaced(store: Store, limit: int) -> tuple[list[ArticleSummary], int]:
    query = select(*_SUMMARY).where(t.articles.c.id.not_in(select(t.event_articles.c.article_id))).order_by(t.articles.c.pk)
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(limit)).all()
        return [_summary(r) for r in rows], _count(conn, query)
