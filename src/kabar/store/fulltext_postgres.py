"""Full-text search on PostgreSQL: a tsvector of Kabar's stems, a GIN index, tsquery built from the query tree.

The index is a generated column, `articles.fts`, so PostgreSQL keeps it in step with every
write, as FTS5's triggers do on SQLite: the title's stems weighted A, the body's B, the
filter tokens ("facets") C, each through the 'simple' configuration (lower case, no
stemming: the stems are already Kabar's, `kabar.store.terms`). A query tree
(`kabar.store.syntax`) becomes a tsquery with every lexeme quoted and its columns as weight
labels ('seru':AB, 'okompascom':C), parsed by `to_tsquery('simple', …)` from a bound
parameter: nothing typed becomes tsquery or SQL syntax. Ranking mirrors the FTS5 path:
`ts_rank` with the title weighted over the body when at most `candidates` articles match,
else title match then recency among the newest matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect
from sqlalchemy import text as sql

from kabar.store import syntax

CONFIG = "simple"
COLUMN = "fts"
INDEX = "ix_articles_fts"
_WEIGHTS = {"text": "AB", "title": "A", "facets": "C"}


def _vector(column: str, weight: str) -> str:
    return f"setweight(to_tsvector('{CONFIG}'::regconfig, coalesce({column}, '')), '{weight}')"


DDL = (
    f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS {COLUMN} tsvector GENERATED ALWAYS AS ("
    f"{_vector('title_stems', 'A')} || {_vector('body_stems', 'B')} || {_vector('facets', 'C')}) STORED",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles USING gin ({COLUMN})",
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
    """Add the tsvector column and its GIN index to `articles` (in the connection's schema) if missing."""
    names = {c["name"] for c in inspect(conn).get_columns("articles")}
    indexes = {i["name"] for i in inspect(conn).get_indexes("articles")}
    if COLUMN not in names:  # ALTER TABLE locks the table even when the column exists: ask first
        conn.execute(sql(DDL[0]))
    if INDEX not in indexes:
        conn.execute(sql(DDL[1]))


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(node: syntax.Node) -> str:
    """The tsquery text of a query tree: lexemes quoted, columns as weights, phrases as <->."""
    if isinstance(node, syntax.Term):
        weight = _WEIGHTS[node.column]
        last = len(node.tokens) - 1
        parts = [f"{_lexeme(tok)}:{'*' if node.prefix and i == last else ''}{weight}" for i, tok in enumerate(node.tokens)]
        return "(" + " <-> ".join(parts) + ")"
    if isinstance(node, syntax.AnyOf):
        return "(" + " | ".join(to_tsquery(o) for o in node.options) + ")"
    if isinstance(node, syntax.AllOf):
        expr = " & ".join(to_tsquery(n) for n in node.include)
        return "(" + expr + "".join(f" & !{to_tsquery(n)}" for n in node.exclude) + ")"
    raise ValueError("Nothing has no tsquery form: simplify() first")


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
    params = params | {"q": to_tsquery(root), "count_cap": limits.count_cap + 1}
    match = f"a.{COLUMN} @@ to_tsquery('{CONFIG}', :q)" + "".join(f" AND {w}" for w in where)
    matching = f"SELECT a.pk FROM articles a WHERE {match} LIMIT {limits.facet_cap}"
    total = conn.execute(
        sql(f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {match} LIMIT :count_cap) m"), params
    ).scalar_one()
    if total == 0 or offset >= total:
        return [], total, matching, params
    if total <= limits.candidates:
        # ts_rank's weights run {D, C, B, A}, each at most 1: facets count nothing, the title as FTS5 weighs it
        top = max(limits.title_weight, limits.body_weight)
        weights = f"'{{0, 0, {limits.body_weight / top:g}, {limits.title_weight / top:g}}}'"
        ranked = conn.execute(
            sql(
                f"SELECT a.pk, ts_rank({weights}, a.{COLUMN}, to_tsquery('{CONFIG}', :q)) AS score FROM articles a "
                f"WHERE {match} ORDER BY score DESC, a.pk DESC LIMIT :limit OFFSET :offset"
            ),
            params | {"limit": limit, "offset": offset},
        ).all()
        order = [(pk, float(score)) for pk, score in ranked]
    else:
        order = _broad(conn, stems, match, params, limit, offset, limits.candidates)
    if not order:
        return [], total, matching, params
    scores = dict(order)
    rows = conn.execute(sql(f"SELECT {_COLUMNS} FROM articles a WHERE a.pk = ANY(:pks)"), {"pks": list(scores)}).mappings()
    by_pk = {r["pk"]: dict(r) | {"score": scores[r["pk"]]} for r in rows}
    return [by_pk[pk] for pk, _ in order if pk in by_pk], total, matching, params


def _broad(conn: Connection, stems, match: str, params, limit: int, offset: int, candidates: int) -> list[tuple[int, float]]:
    """Title matches first, then the rest, among the newest candidates: [(pk, score)] (as on FTS5)."""
    cap = max(candidates, offset + limit)
    newest = [pk for (pk,) in conn.execute(sql(f"SELECT a.pk FROM articles a WHERE {match} ORDER BY a.pk DESC LIMIT {cap}"), params)]
    in_title: list[int] = []
    if stems:
        titled = "(" + " | ".join(f"{_lexeme(s)}:A" for s in stems) + ")"
        title_q = params | {"tq": f"({params['q']}) & {titled}", "lowest": newest[-1]}
        title_match = match.replace(":q)", ":tq)", 1)
        in_title = [
            pk
            for (pk,) in conn.execute(
                sql(f"SELECT a.pk FROM articles a WHERE {title_match} AND a.pk >= :lowest ORDER BY a.pk DESC"), title_q
            )
        ]
    titled_set = set(in_title)
    order = [(pk, 2.0) for pk in in_title] + [(pk, 1.0) for pk in newest if pk not in titled_set]
    return order[offset : offset + limit]
