"""The store's tables (SQLAlchemy Core): one table per record kind, plus link tables.

Every per-article row carries a ``seq`` (its position in the record's tuple)
so that loading gives back exactly the tuples that were saved. Lists inside
a record (body paragraphs, authors, aliases, via) are JSON columns: they are
never queried on their own.

Full-text search reads ``title_stems``/``body_stems`` (space-joined stems)
and ``facets`` (filter tokens), see ``search.py``; on SQLite an FTS5 index over
them is kept in step by triggers (``fts_ddl``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Names lists are sorted by: PostgreSQL sorts text by the database's locale ("abc" before "Abd"
# in en_US), SQLite by bytes; collation "C" there sorts as SQLite does, whatever the server's locale.
Sorted = String().with_variant(String(collation="C"), "postgresql")


def _required(name: str, kind=String) -> Column:
    return Column(name, kind, nullable=False)


def _span(text: str = "text") -> tuple[Column, ...]:
    """Offsets into an article's text and the words there."""
    return (_required("start", Integer), _required("end", Integer), _required(text, Text))


def _listed(name: str, *columns: Column) -> Table:
    """A table of records with a stable id, kept in the order saved (`seq`)."""
    return Table(name, metadata, Column("id", String, primary_key=True), _required("seq", Integer), *columns)


def _owned(name: str, owner: str, key: str, *columns: Column) -> Table:
    """A table of rows that belong to one row of `owner` (deleted with it), in order: (key, seq) is the key."""
    return Table(
        name,
        metadata,
        Column(key, String, ForeignKey(f"{owner}.id", ondelete="CASCADE"), primary_key=True),
        Column("seq", Integer, primary_key=True),
        *columns,
    )


def _per_article(name: str, *columns: Column) -> Table:
    """Rows of one article's analysis, in the article's order; replaced with the article."""
    return _owned(name, "articles", "article_id", *columns)


pages = Table(
    "pages",
    metadata,
    Column("source", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("url", String),
    Column("encoding", String),
    Column("size", Integer, nullable=False),  # characters of decoded content
    Column("content_hash", String, nullable=False),
    Column("id_hint", String),
    Column("published_hint", String),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # FTS rowid; insertion order
    Column("id", String, nullable=False, unique=True),
    Column("source", String, nullable=False),
    Column("url", String),
    Column("outlet", Sorted, index=True),
    Column("title", Text),
    Column("published", String),
    Column("published_day", String, index=True),  # "2021-03-23", "2021-03", "2021": for filters and sorting
    Column("dateline", String),
    Column("language", String),
    Column("authors", JSON, nullable=False),  # [[name, role], …]
    Column("body", JSON, nullable=False),  # [paragraph, …]
    Column("sources_cited", JSON, nullable=False),
    Column("boilerplate", JSON, nullable=False),
    Column("title_stems", Text, nullable=False),
    Column("body_stems", Text, nullable=False),
    Column("facets", Text, nullable=False),  # filter tokens for FTS5: outlet, dates, entities (search.facet_terms)
)

# One row: the schema version, so an older database is reported instead of misread.
# 4: quote_groups and quote_carriers (cross-article quote links); a version-3 database
# gains them on open (`MIGRATIONS`), filled by the next `kabar run`.
# 5: coded_events, coded_event_mentions, coded_event_parties (PLOVER coding); a version-4 database
# gains them on open and the next `kabar run` codes the articles it already holds.
SCHEMA_VERSION = 5
kabar_meta = Table(
    "kabar_meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

# id: a stable hash of source, stage, reason, so re-runs add nothing
failures = _listed("failures", _required("source"), _required("stage"), _required("reason", Text))

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("canonical", Sorted, nullable=False, index=True),
    Column("type", String, nullable=False),
    Column("aliases", JSON, nullable=False),  # union over every article
)

# The entity as one article saw it (its own aliases), in the article's order.
article_entities = _per_article(
    "article_entities",
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False, index=True),
    _required("canonical"),
    _required("type"),
    _required("aliases", JSON),
)

mentions = _per_article(
    "mentions",
    *_span(),
    _required("type"),
    Column("entity_id", String, nullable=False, index=True),
    Column("role", String),
)

timexes = _per_article("timexes", *_span(), _required("type"), _required("value"))

quotes = _per_article(
    "quotes",
    *_span("quote"),
    _required("kind"),
    Column("speaker", String),
    Column("speaker_text", String),
    Column("cue", String),
    _required("via", JSON),
    Column("speaker_entity_id", String, index=True),
)

# --- linking: replaced as a whole by each save_linking ------------------------

reuse = Table(
    "reuse",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("source_article", String, nullable=False, index=True),
    Column("target_article", String, nullable=False, index=True),
    Column("source_start", Integer, nullable=False),
    Column("source_end", Integer, nullable=False),
    Column("target_start", Integer, nullable=False),
    Column("target_end", Integer, nullable=False),
    Column("similarity", Float, nullable=False),
    Column("kind", String, nullable=False),
    Column("agency", String),
)

events = _listed(
    "events",
    Column("date", String),
    _required("title", Text),
    _required("entity_ids", JSON),
    _required("conflicts", JSON),
)

event_articles = _owned("event_articles", "events", "event_id", Column("article_id", String, nullable=False, index=True))

stories = _listed("stories", _required("title", Text))

story_events = _owned("story_events", "stories", "story_id", Column("event_id", String, nullable=False, index=True))

timeline_entries = _owned(
    "timeline_entries",
    "stories",
    "story_id",
    _required("date"),
    _required("description", Text),
    _required("background", Boolean),
)

# Sentences quoted as evidence: an event's or a story's summary, a timeline entry's evidence.
citations = Table(
    "citations",
    metadata,
    Column("owner", String, primary_key=True),  # "event", "story" or "timeline"
    Column("owner_id", String, primary_key=True),  # event id, story id, or "story_id#entry seq"
    Column("seq", Integer, primary_key=True),
    Column("article_id", String, nullable=False, index=True),
    *_span(),
)

# The same quotation carried by several articles (`kabar.link.quote_links`), earliest first.
quote_groups = _listed("quote_groups", _required("quote", Text), Column("speaker", String))  # quote: the first version's words

# One article's version of a group's quotation: it is the quote at (article_id, start, end).
quote_carriers = _owned(
    "quote_carriers",
    "quote_groups",
    "group_id",  # seq 0: the first to carry it
    _required("article_id"),
    _required("start", Integer),
    _required("end", Integer),
    Column("outlet", String),
    Column("published", String),
)

# --- PLOVER coding (`kabar events`): who did what to whom, as GDELT's event and mention tables ---
# Not the `events` above: those are linked happenings (clusters of articles about one thing); these
# are coded acts, one actor doing one PLOVER type of thing to one recipient. One coded event (its
# date, type, mode, actor, recipient, place: the id hashes them) may be stated by many articles;
# each statement is a mention, a per-article row replaced with the article, in its transaction.
coded_events = Table(
    "coded_events",
    metadata,
    Column("id", String, primary_key=True),
    Column("date", String, index=True),  # of the happening: day, month, year, ISO week or interval
    _required("type"),  # one of the 19 PLOVER categories
    Column("mode", String),
    Column("actor", JSON),  # canonical English name, or a list of names for a compound actor
    Column("recipient", JSON),
    Column("location", String),
)

coded_event_mentions = _per_article(
    "coded_event_mentions",
    Column("event_id", String, ForeignKey("coded_events.id"), nullable=False, index=True),
    *_span("sentence"),  # the evidence sentence
    Column("actor_text", JSON),  # the words in the sentence naming the actor (a list for a compound one)
    Column("recipient_text", JSON),
    _required("background", Boolean),
    _required("trigger"),
)

# The entities a mention's actor and recipient are (by the article's own entities), so an entity's page
# finds what it did and what was done to it through an index instead of reading names out of JSON.
coded_event_parties = _per_article(
    "coded_event_parties",
    _required("mention_seq", Integer),  # the coded_event_mentions row of the same article
    _required("role"),  # "actor" or "recipient"
    Column("entity_id", String, nullable=False, index=True),
)

Index("ix_quote_carriers_quote", quote_carriers.c.article_id, quote_carriers.c.start)
Index("ix_articles_outlet_day", articles.c.outlet, articles.c.published_day)

LINKING_TABLES = (citations, timeline_entries, story_events, stories, event_articles, events, reuse)
QUOTE_LINK_TABLES = (quote_carriers, quote_groups)  # children first, for deletes

CODED_TABLES = (coded_event_parties, coded_event_mentions)  # per-article rows; coded_events are shared
CODING_PENDING = "coded_events_pending"  # kabar_meta key: stored articles not coded yet (a migrated store)

# Schema upgrades this Kabar can make in place: from version → what to run (tables are
# created by `metadata.create_all` after it; the step only has to make the data fit).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    3: (),  # 3 → 4: new tables only
    # 4 → 5: new tables; the flag asks the next `kabar run` to code the articles stored before
    4: (f"INSERT INTO kabar_meta (key, value) VALUES ('{CODING_PENDING}', '1')",),
}

# FTS5 over the stem columns and the facet tokens, kept in step with `articles` by triggers
# (the external-content pattern of the SQLite FTS5 documentation).
FTS_TABLE = "article_fts"
_COLS = "title_stems, body_stems, facets"
_NEW = "new.pk, new.title_stems, new.body_stems, new.facets"
_OLD = "old.pk, old.title_stems, old.body_stems, old.facets"
fts_ddl = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"{_COLS}, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES ({_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', {_OLD}); END",
    f"CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', {_OLD}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES ({_NEW}); END",
)
