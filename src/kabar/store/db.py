"""The store: open a database, write records, read them back.

``open_store("kabar.db")`` opens (and creates) a SQLite file in WAL mode with
foreign keys on; any SQLAlchemy URL (``sqlite:///…``, ``postgresql://…``)
is accepted too (``postgresql://`` means the psycopg 3 driver). Each write runs
in its own transaction and commits, so a crash mid-run loses nothing already
stored; writes are upserts keyed by stable ids, so re-running on the same input
changes nothing. On PostgreSQL every write transaction first takes one advisory
lock of the schema, so concurrent writers take turns as SQLite's do (alias
unions and sequence numbers are read, then written) while readers never wait.
"""

from __future__ import annotations

from collections import defaultdict
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Integer, String, bindparam, create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool

from kabar.analyse.plover.record import EventMention
from kabar.records import AnalysedArticle, Failure, Linking, Quote, QuoteGroup, RawPage
from kabar.store import convert as cv
from kabar.store import fulltext_postgres
from kabar.store import schema as t

# An article to store, alone or with its coded (PLOVER) events
Analysed = AnalysedArticle | tuple[AnalysedArticle, Sequence[EventMention] | None]

_CHUNK = 500  # articles loaded per query when streaming the corpus
_OPEN_ATTEMPTS = 5  # tries to open a store another process is opening at the same moment
_MEMO_SIZE = 256  # cached aggregate reads per store


def database_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL for a URL or a file path (a path means a SQLite file)."""
    value = str(url_or_path)
    for scheme in ("postgresql://", "postgres://"):  # SQLAlchemy would pick psycopg2; Kabar installs psycopg 3
        if value.startswith(scheme):
            return "postgresql+psycopg://" + value[len(scheme) :]
    if "://" in value:
        return value
    if value == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql"):
        return _postgres_engine(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    # A file database serves many threads (the web server runs routes in up to 40): keep that many open,
    # as a connection over the pool's size is closed after each use and the next one opened anew
    # (connecting and its pragmas were 6% of a loaded server's time at a pool of 10)
    pooling = {"poolclass": StaticPool} if memory else {"pool_size": 40, "max_overflow": 20}
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **pooling)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # every new SQLite connection
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def _postgres_engine(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _session(dbapi_conn, _record) -> None:  # every new PostgreSQL connection
        # A commit returns before its WAL reaches the disk, as SQLite's synchronous=NORMAL in WAL mode
        # does: a server crash may lose the last moments' writes (a rerun upserts them again), never
        # corrupt. Waiting for the flush made `kabar run` on 214 articles take 40 s instead of 26.
        cur = dbapi_conn.cursor()
        cur.execute("SET synchronous_commit = off")
        cur.close()
        dbapi_conn.commit()

    return engine


def open_store(url_or_path: str | Path = "kabar.db") -> Store:
    """Open (creating the tables if needed) the store at a path or SQLAlchemy URL."""
    return Store(make_engine(database_url(url_or_path)))


class Store:
    """Records in, records out; every query Kabar makes lives in this package."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                self._open_schema()
                break
            except OperationalError as exc:
                # two SQLite openers can deadlock (one turning the file to WAL, one holding the write
                # lock): SQLite then fails one at once instead of waiting; it tries again
                if "locked" not in str(exc) or attempt == _OPEN_ATTEMPTS - 1:
                    raise
                time.sleep(0.1 * (attempt + 1))
        self._memo: dict[tuple, tuple[str, Any]] = {}
        self._memo_lock = threading.Lock()

    def _open_schema(self) -> None:
        engine = self.engine
        with engine.begin() as conn:  # one opener at a time: two processes creating tables would collide
            if self.dialect == "sqlite":
                # SQLite's DDL is transactional, but the driver begins none before it: take the write
                # lock first, so a second opener waits, then finds the tables made (it died on
                # "table … already exists" in 4 of 6 runs)
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            _lock(conn, _OPENING)
            _check_version(conn)
            t.metadata.create_all(conn)
            if self.dialect == "postgresql":
                fulltext_postgres.install(conn)
            # an index over the stems: FTS5 on SQLite (when built in), GIN-indexed tsvectors on PostgreSQL;
            # made under the same lock (apart, a second opener's FTS5 DDL met "database is locked")
            self.has_fts = self.dialect == "postgresql" or (self.dialect == "sqlite" and _create_fts(conn))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writes --------------------------------------------------------------

    def upsert_page(self, page: RawPage) -> None:
        self.upsert_pages([page])

    def upsert_pages(self, pages: Sequence[RawPage]) -> None:
        """Store raw pages, one transaction for all (the same source twice: the last one wins)."""
        latest = {p.source: p for p in pages}
        with self.engine.begin() as conn:
            self._upsert(conn, t.pages, [cv.page_row(p) for p in latest.values()], ("source",))

    def add_failure(self, failure: Failure) -> None:
        with self.engine.begin() as conn:
            _lock(conn, _WRITING)
            self._add_failures(conn, [failure])

    def upsert_analysed(self, a: AnalysedArticle, events: Sequence[EventMention] | None = None) -> None:
        """Store an article with its entities, mentions, timexes, quotes and coded events (replacing
        earlier ones; `events` None: not coded, and coded events stored before for it go)."""
        self.upsert_analysed_many([(a, events)])

    def upsert_analysed_many(self, items: Iterable[Analysed], *, batch_size: int = 500) -> int:
        """`upsert_analysed` for many articles (each alone, or with its coded events), one
        transaction per batch (bulk loads); returns how many."""
        count = 0
        batch: list[tuple[AnalysedArticle, Sequence[EventMention] | None]] = []
        for item in items:
            batch.append(item if isinstance(item, tuple) else (item, None))
            if len(batch) >= batch_size:
                count += self._write_batch(batch)
                batch = []
        if batch:
            count += self._write_batch(batch)
        return count

    def save_coded_events(self, items: Iterable[tuple[AnalysedArticle, Sequence[EventMention]]], *, batch_size: int = 500) -> int:
        """Replace stored articles' coded events only (coding a store migrated from before coding);
        the last batch also clears the store's `coding_pending` flag. Returns how many articles."""
        count = 0
        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                count += self._write_coded_batch(batch, done=False)
                batch = []
        return count + self._write_coded_batch(batch, done=True)

    def coding_pending(self) -> bool:
        """Whether articles stored before PLOVER coding was stored (a migrated store) wait to be coded."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.kabar_meta.c.value).where(t.kabar_meta.c.key == t.CODING_PENDING)).first() is not None

    def prune_entities(self) -> int:
        """Delete entities no stored article names any more (after identities were merged); returns how many."""
        named = select(t.article_entities.c.entity_id)
        with self.engine.begin() as conn:
            _lock(conn, _WRITING)
            deleted = conn.execute(delete(t.entities).where(t.entities.c.id.not_in(named))).rowcount
            _bump_generation(conn)
        return deleted

    def save_linking(self, linking: Linking) -> None:
        """Replace the stored reuse, events, stories and timelines with `linking`.

        Its failures go to the failures table (``linking()`` returns none).
        """
        with self.engine.begin() as conn:
            _lock(conn, _WRITING)
            for table in t.LINKING_TABLES:
                conn.execute(delete(table))
            self._insert(conn, t.reuse, [cv.reuse_row(x, i) for i, x in enumerate(linking.reuse)])
            cites: list[dict[str, Any]] = []
            self._insert(conn, t.events, [cv.event_row(e, i) for i, e in enumerate(linking.events)])
            self._insert(
                conn,
                t.event_articles,
                [{"event_id": e.id, "seq": i, "article_id": a} for e in linking.events for i, a in enumerate(e.article_ids)],
            )
            for e in linking.events:
                cites += cv.citation_rows("event", e.id, e.summary)
            self._insert(conn, t.stories, [{"id": s.id, "seq": i, "title": s.title} for i, s in enumerate(linking.stories)])
            self._insert(
                conn,
                t.story_events,
                [{"story_id": s.id, "seq": i, "event_id": e} for s in linking.stories for i, e in enumerate(s.event_ids)],
            )
            entries = []
            for s in linking.stories:
                cites += cv.citation_rows("story", s.id, s.summary)
                for i, entry in enumerate(s.timeline):
                    entries.append(cv.timeline_row(s.id, entry, i))
                    cites += cv.citation_rows("timeline", cv.timeline_owner(s.id, i), entry.evidence)
            self._insert(conn, t.timeline_entries, entries)
            self._insert(conn, t.citations, cites)
            self._add_failures(conn, linking.failures)
            _bump_generation(conn)

    def save_quote_links(self, groups: Sequence[QuoteGroup]) -> None:
        """Replace the stored quote links (`kabar.link.quote_links.link_quotes`) with `groups`."""
        with self.engine.begin() as conn:
            _lock(conn, _WRITING)
            for table in t.QUOTE_LINK_TABLES:
                conn.execute(delete(table))
            self._insert(conn, t.quote_groups, [cv.quote_group_row(g, i) for i, g in enumerate(groups)])
            self._insert(conn, t.quote_carriers, [row for g in groups for row in cv.quote_carrier_rows(g)])
            _bump_generation(conn)

    # --- reads ---------------------------------------------------------------

    def article(self, article_id: str) -> AnalysedArticle | None:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).mappings().all()
            found = self._load_analysed(conn, rows)
        return found[0] if found else None

    def articles(self, ids: Sequence[str]) -> dict[str, AnalysedArticle]:
        """The stored articles among `ids`, by id."""
        out: dict[str, AnalysedArticle] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), _CHUNK):
                chunk = list(ids[start : start + _CHUNK])
                rows = conn.execute(select(t.articles).where(t.articles.c.id.in_(chunk))).mappings().all()
                out.update((a.article.id, a) for a in self._load_analysed(conn, rows))
        return out

    def analysed_articles(self) -> Iterator[AnalysedArticle]:
        """Every stored article with its analysis, in the order first stored."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = (
                    conn.execute(select(t.articles).where(t.articles.c.pk > last).order_by(t.articles.c.pk).limit(_CHUNK))
                    .mappings()
                    .all()
                )
                if not rows:
                    return
                batch = self._load_analysed(conn, rows)
            last = rows[-1]["pk"]
            yield from batch

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.failures).order_by(t.failures.c.seq)).mappings().all()
        return [cv.failure_from(r) for r in rows]

    def linking(self) -> Linking:
        with self.engine.connect() as conn:
            reuse = tuple(cv.reuse_from(r) for r in conn.execute(select(t.reuse).order_by(t.reuse.c.seq)).mappings())
            events = self._load_events(conn, None)
            stories = self._load_stories(conn, None)
        return Linking(reuse=reuse, events=events, stories=stories)

    def quote_links(self, *, limit: int | None = None, offset: int = 0) -> tuple[QuoteGroup, ...]:
        """The stored quote groups in the order saved (by first carrier's time); a page of them with `limit`."""
        with self.engine.connect() as conn:
            if limit is None and not offset:
                return self._load_quote_groups(conn, None)
            query = select(t.quote_groups.c.id).order_by(t.quote_groups.c.seq).limit(limit).offset(offset)
            return self._load_quote_groups(conn, list(conn.execute(query).scalars()))

    def quote_links_of(self, quotes: Iterable[Quote]) -> dict[tuple[str, int], QuoteGroup]:
        """The group each of `quotes` belongs to, keyed by (article id, start); quotes in none are absent."""
        wanted = {(q.article_id, q.start) for q in quotes}
        if not wanted:
            return {}
        c = t.quote_carriers
        articles = sorted({a for a, _ in wanted})
        group_ids: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(articles), _CHUNK):
                query = select(c.c.group_id, c.c.article_id, c.c.start).where(c.c.article_id.in_(articles[start : start + _CHUNK]))
                group_ids.update(g for g, a, s in conn.execute(query) if (a, s) in wanted)
            groups = self._load_quote_groups(conn, sorted(group_ids)) if group_ids else ()
        return {
            (o.article_id, o.quote.start): g
            for g in groups
            for o in g.occurrences
            if (o.article_id, o.quote.start) in wanted
        }

    def generation(self) -> str:
        """A stamp that changes with every write of articles or linking (by any process)."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.kabar_meta.c.value).where(t.kabar_meta.c.key == "generation")).scalar() or "0"

    def memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """`compute()`, cached until the next write: for aggregates the web pages repeat (counts, lists)."""
        stamp = self.generation()
        with self._memo_lock:
            hit = self._memo.get(key)
            if hit is not None and hit[0] == stamp:
                return hit[1]
        value = compute()
        with self._memo_lock:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
            self._memo[key] = (stamp, value)
        return value

    def count(self, table_name: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.metadata.tables[table_name])).scalar_one()

    # --- helpers -------------------------------------------------------------

    def _write_batch(self, batch: list[tuple[AnalysedArticle, Sequence[EventMention] | None]]) -> int:
        """Write articles with their children: one statement per table for the whole batch."""
        latest = {a.article.id: (a, events) for a, events in batch}  # the same article twice: the last one wins
        items = [a for a, _ in latest.values()]
        ids = list(latest)
        with self.engine.begin() as conn:
            _lock(conn, _WRITING)
            rows = [cv.article_row(a.article, tuple(dict.fromkeys(e.id for e in a.entities))) for a in items]
            self._upsert(conn, t.articles, rows, ("id",))
            for table in (t.article_entities, t.mentions, t.timexes, t.quotes):
                conn.execute(delete(table).where(table.c.article_id.in_(ids)))
            self._merge_entities(conn, [e for a in items for e in a.entities])
            self._insert(
                conn,
                t.article_entities,
                [cv.article_entity_row(a.article.id, e, i) for a in items for i, e in enumerate(a.entities)],
            )
            self._insert(conn, t.mentions, [cv.mention_row(m, i) for a in items for i, m in enumerate(a.mentions)])
            self._insert(conn, t.timexes, [cv.timex_row(x, i) for a in items for i, x in enumerate(a.timexes)])
            self._insert(conn, t.quotes, [cv.quote_row(q, i) for a in items for i, q in enumerate(a.quotes)])
            # in the article's own transaction: a run killed at any moment never leaves an article
            # stored with the coded events of its earlier text, nor coded events without their article
            self._replace_coded(conn, ids, [(a, events) for a, events in latest.values() if events is not None])
            _bump_generation(conn)
        return len(items)

    def _write_coded_batch(self, batch: list[tuple[AnalysedArticle, Sequence[EventMention]]], *, done: bool) -> int:
        latest = {a.article.id: (a, events) for a, events in batch}
        with self.engine.begin() as conn:
            _lock(conn, _WRITING)
            stored = set(conn.execute(select(t.articles.c.id).where(t.articles.c.id.in_(list(latest)))).scalars()) if latest else set()
            kept = {k: v for k, v in latest.items() if k in stored}  # an article deleted meanwhile is not coded
            self._replace_coded(conn, list(kept), list(kept.values()))
            if done:
                conn.execute(delete(t.kabar_meta).where(t.kabar_meta.c.key == t.CODING_PENDING))
            _bump_generation(conn)
        return len(kept)

    def _replace_coded(self, conn: Connection, ids: list[str], coded: list[tuple[AnalysedArticle, Sequence[EventMention]]]) -> None:
        """The coded events of articles `ids` become `coded`'s; coded events no article states any more go."""
        if not ids:
            return
        m = t.coded_event_mentions
        old = set(conn.execute(select(m.c.event_id).where(m.c.article_id.in_(ids)).distinct()).scalars())
        for table in t.CODED_TABLES:
            conn.execute(delete(table).where(table.c.article_id.in_(ids)))
        events: dict[str, dict[str, Any]] = {}
        mentions: list[dict[str, Any]] = []
        parties: list[dict[str, Any]] = []
        known = self._entity_ids(conn, {n for _, found in coded for n in cv.party_names(tuple(found))})
        for a, found in coded:
            e_rows, m_rows, p_rows = cv.coded_rows(a, tuple(found), known)
            events.update((r["id"], r) for r in e_rows)  # one row per id: an upsert may touch a row once
            mentions += m_rows
            parties += p_rows
        self._upsert(conn, t.coded_events, list(events.values()), ("id",))
        self._insert(conn, m, mentions)
        self._insert(conn, t.coded_event_parties, parties)
        orphans = sorted(old - set(events))
        for start in range(0, len(orphans), _CHUNK):
            chunk = orphans[start : start + _CHUNK]
            conn.execute(delete(t.coded_events).where(t.coded_events.c.id.in_(chunk), t.coded_events.c.id.not_in(select(m.c.event_id))))

    @staticmethod
    def _entity_ids(conn: Connection, names: set[str]) -> dict[str, str]:
        """The stored entity of each canonical name that names exactly one."""
        ids: dict[str, list[str]] = defaultdict(list)
        wanted = sorted(names)
        for start in range(0, len(wanted), _CHUNK):
            query = select(t.entities.c.canonical, t.entities.c.id).where(t.entities.c.canonical.in_(wanted[start : start + _CHUNK]))
            for name, entity_id in conn.execute(query):
                ids[name].append(entity_id)
        return {name: found[0] for name, found in ids.items() if len(found) == 1}

    def _merge_entities(self, conn: Connection, entities: Sequence) -> None:
        """Upsert entities, keeping the union of aliases seen across articles."""
        if not entities:
            return
        wanted: dict[str, dict[str, Any]] = {}
        for e in entities:
            row = wanted.setdefault(e.id, cv.entity_row(e) | {"aliases": []})
            row["aliases"] = _union(row["aliases"], e.aliases)
        ids = list(wanted)
        existing: dict[str, Any] = {}
        for start in range(0, len(ids), _CHUNK):
            query = select(t.entities).where(t.entities.c.id.in_(ids[start : start + _CHUNK]))
            existing.update((r["id"], r) for r in conn.execute(query).mappings())
        new, changed = [], []
        for eid, row in wanted.items():
            old = existing.get(eid)
            if old is None:
                new.append(row)
                continue
            merged = _union(old["aliases"], row["aliases"])
            if merged != list(old["aliases"]) or old["canonical"] != row["canonical"] or old["type"] != row["type"]:
                changed.append({"b_id": eid, "b_canonical": row["canonical"], "b_type": row["type"], "b_aliases": merged})
        self._insert(conn, t.entities, new)
        if changed:
            conn.execute(
                update(t.entities)
                .where(t.entities.c.id == bindparam("b_id"))
                .values(canonical=bindparam("b_canonical"), type=bindparam("b_type"), aliases=bindparam("b_aliases")),
                changed,
            )

    def _add_failures(self, conn: Connection, failures: Iterable[Failure]) -> None:
        failures = list(failures)
        if not failures:
            return
        seq = conn.execute(select(func.coalesce(func.max(t.failures.c.seq), -1))).scalar_one() + 1
        for f in failures:
            row = cv.failure_row(f, seq)
            if conn.execute(select(t.failures.c.id).where(t.failures.c.id == row["id"])).first() is None:
                conn.execute(insert(t.failures).values(**row))
                seq += 1

    def _upsert(self, conn: Connection, table, rows: list[dict[str, Any]], keys: tuple[str, ...]) -> None:
        if not rows:
            return
        if self.dialect in ("sqlite", "postgresql"):
            if self.dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as dialect_insert
            else:
                from sqlalchemy.dialects.postgresql import insert as dialect_insert
            stmt = dialect_insert(table)
            changed = {k: stmt.excluded[k] for k in rows[0] if k not in keys}
            conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changed), rows)
            return
        for row in rows:  # portable path: look, then update or insert
            where = [table.c[k] == row[k] for k in keys]
            if conn.execute(select(*[table.c[k] for k in keys]).where(*where)).first():
                conn.execute(update(table).where(*where).values(**{k: v for k, v in row.items() if k not in keys}))
            else:
                conn.execute(insert(table).values(**row))

    @staticmethod
    def _insert(conn: Connection, table, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(table), rows)

    def _load_analysed(self, conn: Connection, rows: Sequence) -> list[AnalysedArticle]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        children = {
            name: _grouped(conn, table, ids)
            for name, table in (
                ("entities", t.article_entities),
                ("mentions", t.mentions),
                ("timexes", t.timexes),
                ("quotes", t.quotes),
            )
        }
        out = []
        for r in rows:
            aid = r["id"]
            out.append(
                AnalysedArticle(
                    article=cv.article_from(r),
                    entities=tuple(cv.entity_from(x, id_key="entity_id") for x in children["entities"].get(aid, ())),
                    mentions=tuple(cv.mention_from(x) for x in children["mentions"].get(aid, ())),
                    timexes=tuple(cv.timex_from(x) for x in children["timexes"].get(aid, ())),
                    quotes=tuple(cv.quote_from(x) for x in children["quotes"].get(aid, ())),
                )
            )
        return out

    def _citations(self, conn: Connection, owner: str, owner_ids: list[str] | None) -> dict[str, tuple]:
        query = select(t.citations).where(t.citations.c.owner == owner)
        if owner_ids is not None:
            query = query.where(t.citations.c.owner_id.in_(owner_ids))
        grouped: dict[str, list] = defaultdict(list)
        for r in conn.execute(query.order_by(t.citations.c.owner_id, t.citations.c.seq)).mappings():
            grouped[r["owner_id"]].append(cv.citation_from(r))
        return {k: tuple(v) for k, v in grouped.items()}

    def _load_events(self, conn: Connection, ids: list[str] | None) -> tuple:
        query = select(t.events).order_by(t.events.c.seq)
        links = select(t.event_articles).order_by(t.event_articles.c.event_id, t.event_articles.c.seq)
        if ids is not None:
            query = query.where(t.events.c.id.in_(ids))
            links = links.where(t.event_articles.c.event_id.in_(ids))
        rows = conn.execute(query).mappings().all()
        articles: dict[str, list[str]] = defaultdict(list)
        for r in conn.execute(links).mappings():
            articles[r["event_id"]].append(r["article_id"])
        summaries = self._citations(conn, "event", ids)
        return tuple(cv.event_from(r, tuple(articles.get(r["id"], ())), summaries.get(r["id"], ())) for r in rows)

    def _load_stories(self, conn: Connection, ids: list[str] | None) -> tuple:
        query = select(t.stories).order_by(t.stories.c.seq)
        links = select(t.story_events).order_by(t.story_events.c.story_id, t.story_events.c.seq)
        entries_q = select(t.timeline_entries).order_by(t.timeline_entries.c.story_id, t.timeline_entries.c.seq)
        if ids is not None:
            query = query.where(t.stories.c.id.in_(ids))
            links = links.where(t.story_events.c.story_id.in_(ids))
            entries_q = entries_q.where(t.timeline_entries.c.story_id.in_(ids))
        rows = conn.execute(query).mappings().all()
        event_ids: dict[str, list[str]] = defaultdict(list)
        for r in conn.execute(links).mappings():
            event_ids[r["story_id"]].append(r["event_id"])
        evidence = self._citations(conn, "timeline", None if ids is None else _timeline_owners(conn, ids))
        timelines: dict[str, list] = defaultdict(list)
        for r in conn.execute(entries_q).mappings():
            timelines[r["story_id"]].append(cv.timeline_from(r, evidence.get(cv.timeline_owner(r["story_id"], r["seq"]), ())))
        summaries = self._citations(conn, "story", ids)
        return tuple(
            cv.story_from(r, tuple(event_ids.get(r["id"], ())), tuple(timelines.get(r["id"], ())), summaries.get(r["id"], ()))
            for r in rows
        )


    def _load_quote_groups(self, conn: Connection, ids: list[str] | None) -> tuple[QuoteGroup, ...]:
        g, c, q = t.quote_groups, t.quote_carriers, t.quotes
        groups = select(g).order_by(g.c.seq)
        carriers = (
            select(c, *[col.label(f"q_{col.name}") for col in q.columns])
            .join(q, (q.c.article_id == c.c.article_id) & (q.c.start == c.c.start) & (q.c.end == c.c.end))
            .order_by(c.c.group_id, c.c.seq)
        )
        if ids is not None:
            groups = groups.where(g.c.id.in_(ids))
            carriers = carriers.where(c.c.group_id.in_(ids))
        found: dict[str, list] = defaultdict(list)
        for r in conn.execute(carriers).mappings():
            quote = cv.quote_from({k[2:]: v for k, v in r.items() if k.startswith("q_")})
            found[r["group_id"]].append(cv.quote_occurrence_from(r, quote))
        # a carrier whose article was re-analysed since is dropped; a group left with one is no link
        return tuple(
            cv.quote_group_from(r, tuple(found[r["id"]]))
            for r in conn.execute(groups).mappings()
            if len({o.article_id for o in found.get(r["id"], ())}) >= 2
        )


def _timeline_owners(conn: Connection, story_ids: list[str]) -> list[str]:
    rows = conn.execute(
        select(t.timeline_entries.c.story_id, t.timeline_entries.c.seq).where(t.timeline_entries.c.story_id.in_(story_ids))
    )
    return [cv.timeline_owner(sid, seq) for sid, seq in rows]


def _grouped(conn: Connection, table, article_ids: list[str]) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    query = select(table).where(table.c.article_id.in_(article_ids)).order_by(table.c.article_id, table.c.seq)
    for r in conn.execute(query).mappings():
        grouped[r["article_id"]].append(r)
    return grouped


def _union(first: Iterable[str], second: Iterable[str]) -> list[str]:
    seen = list(dict.fromkeys(first))
    seen += [x for x in second if x not in seen]
    return seen


# Advisory lock keys (the second half; the first is the schema's name), PostgreSQL only.
_OPENING, _WRITING = 1, 2


def _lock(conn: Connection, key: int) -> None:
    """Hold `key`'s lock of this schema until the transaction ends (PostgreSQL; SQLite has one writer anyway)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema()), :key)"), {"key": key})


def _bump_generation(conn: Connection) -> None:
    meta = t.kabar_meta
    done = conn.execute(
        update(meta).where(meta.c.key == "generation").values(value=func.cast(func.cast(meta.c.value, Integer) + 1, String))
    )
    if done.rowcount == 0:
        conn.execute(insert(meta).values(key="generation", value="1"))


def _check_version(conn: Connection) -> None:
    """Stamp a new database with the schema version; refuse one written by another version."""
    from sqlalchemy import inspect

    tables = set(inspect(conn).get_table_names())
    if "articles" in tables:
        found = None
        if "kabar_meta" in tables:
            found = conn.execute(select(t.kabar_meta.c.value).where(t.kabar_meta.c.key == "schema_version")).scalar()
        found = _migrate(conn, found)
        if found != str(t.SCHEMA_VERSION):
            raise RuntimeError(
                f"{conn.engine.url.render_as_string(hide_password=True)} was written by another Kabar version "
                f"(schema {found or 1}, this Kabar reads {t.SCHEMA_VERSION}): remove it and run `kabar run` again"
            )
        return
    t.kabar_meta.create(conn, checkfirst=True)
    if conn.execute(select(t.kabar_meta.c.value).where(t.kabar_meta.c.key == "schema_version")).first() is None:
        conn.execute(insert(t.kabar_meta).values(key="schema_version", value=str(t.SCHEMA_VERSION)))


def _migrate(conn: Connection, found: str | None) -> str | None:
    """Upgrade a database step by step through `schema.MIGRATIONS`; returns the version reached.

    A version with no step (older, or newer than this Kabar) is left as it is, and refused.
    """
    version = int(found) if found and found.isdigit() else None
    while version is not None and version < t.SCHEMA_VERSION and version in t.MIGRATIONS:
        for statement in t.MIGRATIONS[version]:
            conn.execute(text(statement))
        version += 1
    if version is None or str(version) == found:
        return found
    t.metadata.create_all(conn)
    conn.execute(update(t.kabar_meta).where(t.kabar_meta.c.key == "schema_version").values(value=str(version)))
    return str(version)


def _create_fts(conn: Connection) -> bool:
    """Create the FTS5 index and its triggers; False when this SQLite lacks FTS5."""
    try:
        for ddl in t.fts_ddl:
            conn.execute(text(ddl))
        return True
    except Exception:  # an SQLite built without FTS5: search falls back to scanning the stems
        return False
