"""Full-text search on PostgreSQL: tsvectors of Kabar's stems, GIN indexes, tsquery built from the query tree.

The index is a narrow table, `article_search` (one row per article: its pk and two
tsvectors), kept in step with `articles` by a trigger, as FTS5's external-content table is on
SQLite. `fts` holds the words (the title's stems weighted A, the body's B) and the filter
tokens ("facets", written "f.okompascom": a stem never holds a dot, so none is mistaken for a
word), `fts_title` the title's words alone; both through the 'simple' configuration (lower
case, no stemming: the stems are already Kabar's, `kabar.store.terms`). Words and filters in
one vector let one GIN scan intersect them; narrow rows matter because a match is confirmed
on its heap page, and an article row (body, stems) fills a page on its own.

A query tree (`kabar.store.syntax`) becomes one `@@` per vector it looks in, each tsquery with
every lexeme quoted, parsed by `to_tsquery('simple', …)` from a bound parameter: nothing typed
becomes tsquery or SQL syntax. Ranking mirrors the FTS5 path: `ts_rank` with the title weighted
over the body when at most `candidates` articles match, else title match then recency among the
newest matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect
from sqlalchemy import text as sql

from kabar.store import syntax

CONFIG = "simple"
TABLE = "article_search"
# The vector each column of the query language looks in. No term needs a weight label to pick
# its column, so GIN answers a word without rechecking the row (a label would detoast every
# candidate's vector).
VECTORS = {"text": "fts", "title": "fts_title", "facets": "fts"}
FACET = "f."  # before each filter token in `fts`


# A tsvector holds at most 1 MB (a longer one fails the article's write) and positions up to
# 16,383: the first MAX_CHARS characters of each stem column are indexed, about 30,000 words.
MAX_CHARS = 200_000


def _vector(column: str) -> str:
    return f"to_tsvector('{CONFIG}'::regconfig, left(coalesce(NEW.{column}, ''), {MAX_CHARS}))"


_FACETS = (
    f"to_tsvector('{CONFIG}'::regconfig, "
    f"regexp_replace(left(coalesce(NEW.facets, ''), {MAX_CHARS}), '(\\S+)', '{FACET}\\1', 'g'))"
)
_VALUES = (
    f"setweight({_vector('title_stems')}, 'A') || setweight({_vector('body_stems')}, 'B') || {_FACETS}, "
    f"{_vector('title_stems')}"
)
DDL = (
    f"CREATE TABLE {TABLE} (pk integer PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE, "
    "fts tsvector NOT NULL, fts_title tsvector NOT NULL)",
    *(f"CREATE INDEX ix_{TABLE}_{c} ON {TABLE} USING gin ({c})" for c in sorted(set(VECTORS.values()))),
    # created in the store's schema (the first of search_path), so each schema has its own
    f"CREATE OR REPLACE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"INSERT INTO {TABLE} (pk, fts, fts_title) VALUES (NEW.pk, {_VALUES}) "
    "ON CONFLICT (pk) DO UPDATE SET fts = EXCLUDED.fts, fts_title = EXCLUDED.fts_title; RETURN NULL; END $$",
    f"DROP TRIGGER IF EXISTS {TABLE}_sync ON articles",  # left by a search table dropped by hand
    f"CREATE TRIGGER {TABLE}_sync AFTER INSERT OR UPDATE OF title_stems, body_stems, facets ON articles "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()",
    # articles stored before the index existed (a store written by an older Kabar)
    "UPDATE articles SET facets = facets",
)


@dataclass(frozen=True, slots=True)
class Limits:
    """The ranking settings of `kabar.store.search`, passed in so both backends read the same ones."""

    title_weight: float
    body_weight: float
    candidates: int  # rank every match by ts_rank up to this many; beyond, title match then recency
    count_cap: int  # totals are exact up to this
    facet_cap: int  # facets count at most this many matches


def install(conn: Connection) -> None:
    """Create the search table, its indexes and its trigger in the connection's schema, unless there."""
    if not inspect(conn).has_table(TABLE):
        for statement in DDL:
            conn.execute(sql(statement))


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _term(node: syntax.Term) -> str:
    last = len(node.tokens) - 1
    tokens = [FACET + tok if node.column == "facets" else tok for tok in node.tokens]
    return "(" + " <-> ".join(_lexeme(tok) + (":*" if node.prefix and i == last else "") for i, tok in enumerate(tokens)) + ")"


def to_tsquery(node: syntax.Node) -> tuple[str, str] | None:
    """(column, tsquery text) when the whole tree looks in one vector; None when it spans several."""
    if isinstance(node, syntax.Term):
        return VECTORS[node.column], _term(node)
    parts = node.options if isinstance(node, syntax.AnyOf) else (*node.include, *node.exclude) if isinstance(node, syntax.AllOf) else None
    if parts is None:
        raise ValueError("Nothing has no tsquery form: simplify() first")
    compiled = [to_tsquery(n) for n in parts]
    if any(c is None for c in compiled) or len({c[0] for c in compiled}) != 1:
        return None
    column = compiled[0][0]
    if isinstance(node, syntax.AnyOf):
        return column, "(" + " | ".join(q for _, q in compiled) + ")"
    include, exclude = compiled[: len(node.include)], compiled[len(node.include) :]
    return column, "(" + " & ".join(q for _, q in include) + "".join(f" & !{q}" for _, q in exclude) + ")"


def to_sql(node: syntax.Node, params: dict[str, Any]) -> str:
    """A condition on the search row `s`: each part that looks in one vector is one indexed `@@`; tsquery texts go into `params`."""
    single = to_tsquery(node)
    if single is not None:
        name = f"tsq{len(params)}"
        params[name] = single[1]
        return f"s.{single[0]} @@ to_tsquery('{CONFIG}', :{name})"
    if isinstance(node, syntax.AnyOf):
        return "(" + " OR ".join(to_sql(o, params) for o in node.options) + ")"
    assert isinstance(node, syntax.AllOf)
    parts = [to_sql(n, params) for n in node.include] + [f"NOT {to_sql(n, params)}" for n in node.exclude]
    return "(" + " AND ".join(parts) + ")"


_COLUMNS = "a.pk, a.id, a.title, a.outlet, a.published, a.body"


def search(
    conn: Connection,
    root: syntax.Node,
    stems: tuple[str, ...],
    where: list[str],
    params: dict[str, Any],
    *,
    limit: int,
    offset: int,
    limits: Limits,
) -> tuple[list[dict[str, Any]], int, str, dict[str, Any]]:
    """Ranked matches: (rows, total, SQL selecting the matching pks, its parameters), as `search._fts` gives.

    `where`: conditions on the article `a` (the story filter), with their `params`.
    """
    # The planner prices `@@` on a row as cheap, but a seq scan detoasts every article's words
    # vector: in this transaction, prefer the GIN indexes whenever they can answer.
    conn.execute(sql("SET LOCAL enable_seqscan = off"))
    params = dict(params)
    match = to_sql(root, params)
    if where:  # the story filter speaks of the article `a`
        match += f" AND s.pk IN (SELECT a.pk FROM articles a WHERE {' AND '.join(where)})"
    matching = f"SELECT s.pk FROM {TABLE} s WHERE {match} LIMIT {limits.facet_cap}"
    # Counted on the server, up to the cap (fetching them all cost a third more on common words)
    total = conn.execute(
        sql(f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} s WHERE {match} LIMIT :cap) m"), params | {"cap": limits.count_cap + 1}
    ).scalar_one()
    if total == 0 or offset >= total:
        return [], total, matching, params
    if total <= limits.candidates:
        order = _ranked(conn, stems, match, params, limit, offset, limits)
    else:
        cap = max(limits.candidates, offset + limit)
        if total <= limits.count_cap:  # sparse: every match from the indexes, the newest picked here
            found = conn.execute(sql(f"SELECT s.pk FROM {TABLE} s WHERE {match}"), params).scalars()
            newest = sorted(found, reverse=True)[:cap]
        else:  # dense: walking the primary key back meets the newest after a few rows each
            query = f"SELECT s.pk FROM {TABLE} s WHERE {match} ORDER BY s.pk DESC LIMIT {cap}"
            newest = list(conn.execute(sql(query), params).scalars())
        order = _broad(conn, stems, newest, limit, offset)
    if not order:
        return [], total, matching, params
    scores = dict(order)
    rows = conn.execute(sql(f"SELECT {_COLUMNS} FROM articles a WHERE a.pk = ANY(:pks)"), {"pks": list(scores)}).mappings()
    by_pk = {r["pk"]: dict(r) | {"score": scores[r["pk"]]} for r in rows}
    return [by_pk[pk] for pk, _ in order if pk in by_pk], total, matching, params


def _any_word(stems: tuple[str, ...]) -> str:
    # syntax.words gives a prefix (`word*`) with its "*": a tsquery prefix then
    return " | ".join(_lexeme(s[:-1]) + ":*" if s.endswith("*") else _lexeme(s) for s in stems)


def _ranked(conn: Connection, stems, match: str, params, limit: int, offset: int, limits: Limits) -> list[tuple[int, float]]:
    """The matches ranked by ts_rank over the words sought, the title weighted as bm25 weighs it on SQLite."""
    if not stems:  # only filter tokens: nothing to rank by, newest first
        score = "0.0"
    else:
        # ts_rank's weights run {D, C, B, A}, each at most 1: title (A) `title_weight` times the body (B), filters (D) 0
        top = max(limits.title_weight, limits.body_weight)
        weights = f"'{{0, 0, {limits.body_weight / top:g}, {limits.title_weight / top:g}}}'"
        score = f"ts_rank({weights}, s.fts, to_tsquery('{CONFIG}', :rank_q))"
    ranked = conn.execute(
        sql(f"SELECT s.pk, {score} AS score FROM {TABLE} s WHERE {match} ORDER BY score DESC, s.pk DESC LIMIT :limit OFFSET :offset"),
        params | {"rank_q": _any_word(stems), "limit": limit, "offset": offset},
    ).all()
    return [(pk, float(s)) for pk, s in ranked]


def _broad(conn: Connection, stems, newest: list[int], limit: int, offset: int) -> list[tuple[int, float]]:
    """Title matches first, then the rest, among the newest candidates: [(pk, score)] (as on FTS5)."""
    in_title: set[int] = set()
    if stems:  # a title holding any of the words sought
        query = f"SELECT s.pk FROM {TABLE} s WHERE s.pk = ANY(:pks) AND s.fts_title @@ to_tsquery('{CONFIG}', :title_q)"
        in_title = set(conn.execute(sql(query), {"pks": newest, "title_q": _any_word(stems)}).scalars())
    order = [(pk, 2.0) for pk in newest if pk in in_title] + [(pk, 1.0) for pk in newest if pk not in in_title]
    return order[offset : offset + limit]
