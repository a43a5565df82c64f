"""Full-text search over stored articles.

Titles and bodies are indexed as Indonesian stems (``stem_text``), so
"menyerukan" finds "seruan"; the query's words are stemmed the same way. The query
language (AND, OR, NOT, -word, "phrases", word*, parentheses, title:/outlet:/entity:/date:
fields) is parsed by ``syntax`` into a tree that compiles to FTS5 with every token quoted,
so nothing typed becomes FTS5 or SQL syntax; a query that cannot be read is a
``QuerySyntaxError`` saying where. On SQLite an FTS5 index ranks with bm25 (title
weighted above body) when a query matches up to CANDIDATES articles, and ranks broader
queries by title match then recency among their newest matches (bm25's cost grows with
the archive). Outlet, dates and entities are index tokens too ("facets"), so filters and
fields are FTS5 intersections. Other databases, or a SQLite without FTS5, run the same tree
as LIKE conditions over the stem columns. Snippets come from the original text,
HTML-escaped, with the matched words in ``<mark>`` (``plain_snippet`` gives plain text and offsets).
"""

from __future__ import annotations

import bisect
import html
import json
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy import text as sql

from kabar.analyse.stem import stem_text, stem_words
from kabar.store import fulltext_postgres
from kabar.store import schema as t
from kabar.store import syntax
from kabar.store.db import Store
from kabar.store.schema import FTS_TABLE
from kabar.store.terms import date_terms, entity_term, outlet_term, split_stems

TITLE_WEIGHT = 4.0  # bm25 column weights: a word in the title counts four times one in the body
BODY_WEIGHT = 1.0
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
# Queries matching at most CANDIDATES articles are ranked in full by bm25; broader ones rank
# their newest CANDIDATES matches by title match then recency, so latency stays flat as the
# archive grows (bm25's cost grows with every article that holds the query's words).
CANDIDATES = 1000
# Totals are exact up to COUNT_CAP; beyond it they read "at least COUNT_CAP" (total_exact False).
COUNT_CAP = 10_000
SNIPPET_WORDS = 32
_WORD = re.compile(r"\w+(?:-\w+)*")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float  # bm25 (title weighted, higher is better); 2.0 / 1.0 for broad queries, 0.0 when browsing
    snippet: str  # HTML: escaped text, matched words in <mark>

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "score": self.score,
            "snippet": self.snippet,
        }

    def to_plain(self) -> dict[str, Any]:
        """`to_dict` with the snippet as plain text and the matches as [start, end) offsets into it."""
        text, matches = plain_snippet(self.snippet)
        return self.to_dict() | {"snippet": text, "matches": matches}


@dataclass(frozen=True, slots=True)
class Facet:
    value: str  # outlet name, entity id, story id or month (YYYY-MM)
    label: str  # what a reader sees: the same, or the entity's or story's name
    count: int


@dataclass(frozen=True, slots=True)
class Facets:
    """How the matching articles spread over outlets, entities, stories and months (the most frequent first)."""

    outlet: tuple[Facet, ...] = ()
    entity: tuple[Facet, ...] = ()
    story: tuple[Facet, ...] = ()
    month: tuple[Facet, ...] = ()
    counted: int = 0  # matches the counts are over (at most FACET_CAP)

    def to_dict(self) -> dict[str, Any]:
        return {
            name: [{"value": f.value, "label": f.label, "count": f.count} for f in getattr(self, name)]
            for name in ("outlet", "entity", "story", "month")
        } | {"counted": self.counted}


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: tuple[SearchHit, ...]
    total: int
    terms: tuple[str, ...] = ()  # the stems searched for, after sanitising
    total_exact: bool = True  # False: at least `total` articles match
    facets: Facets | None = None  # with search(..., facets=True)


def parse_query(store: Store | None, query: str) -> syntax.Node | None:
    """The query as a tree (`kabar.store.syntax`), fields resolved against `store`; None: no words.

    `QuerySyntaxError` (a ValueError) explains a query that cannot be read."""
    return syntax.parse(query, lambda name, value: _field(store, name, value))


def _field(store: Store | None, name: str, value: str) -> syntax.Node:
    """A field of the query (or a filter option) as index tokens: the store knows entity ids and its dates."""
    if name == "title":
        stems = tuple(split_stems(stem_text(value)))
        return syntax.Term("title", stems) if stems else syntax.Nothing()
    if name == "outlet":
        term = outlet_term(value)
        return syntax.Term("facets", (term,)) if len(term) > 1 else syntax.Nothing()
    if name == "entity":
        ids = resolve_entity(store, value) if store is not None else ()
        terms = [syntax.Term("facets", (entity_term(e),)) for e in ids]
        return syntax.AnyOf(tuple(terms)) if len(terms) > 1 else terms[0] if terms else syntax.Nothing()
    if name == "date":
        lo, sep, hi = value.partition("..")
        try:
            lo, hi = check_date(lo, "date:"), check_date(hi if sep else lo, "date:")
        except ValueError as exc:
            raise syntax.QuerySyntaxError(f"{exc} (a span: date:2021-03..2021-04)") from None
        first, last = _date_span(store) if store is not None else (None, None)
        # Years the store does not hold match nothing: a far range needs no token for each of them.
        if first and (lo is None or lo[:4] < first):
            lo = first
        if last and (hi is None or hi[:4] > last):
            hi = last
        terms = date_terms(lo, hi)
        if len(terms) > 400:
            raise syntax.QuerySyntaxError(f"date:{value} spans too many days: give whole months or years")
        nodes = tuple(syntax.Term("facets", (t,)) for t in terms)
        return syntax.AnyOf(nodes) if len(nodes) > 1 else nodes[0] if nodes else syntax.Nothing()
    raise syntax.QuerySyntaxError(f"unknown field {name}:")


def _date_span(store: Store) -> tuple[str | None, str | None]:
    """The first and last year stored (YYYY), for closing open date ranges."""

    def span():
        with store.engine.connect() as conn:
            lo, hi = conn.execute(sql("SELECT min(published_day), max(published_day) FROM articles")).one()
        valid = [v[:4] if v and v[:4].isdigit() else None for v in (lo, hi)]
        return valid[0], valid[1]

    return store.memo(("date-span",), span)


def check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise ValueError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    return value


def search(
    store: Store,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    entity: str | None = None,
    story: str | None = None,
    facets: bool = False,
) -> SearchPage:
    """Ranked articles matching `query` (the syntax of `kabar.store.syntax`) and the filters.

    `entity` is an entity id, or a name or alias (any case); dates are
    YYYY, YYYY-MM or YYYY-MM-DD and both bounds are inclusive. A query with no
    words lists the filtered articles, newest first (nothing without filters).
    `facets`: count the matches by outlet, entity, story and month too.
    `ValueError` (`QuerySyntaxError` for the query) says what is wrong.
    """
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    limit, offset = min(limit, MAX_LIMIT), min(offset, MAX_OFFSET)
    date_from, date_to = check_date(date_from, "date_from"), check_date(date_to, "date_to")
    node = parse_query(store, query)
    if node is None:
        where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to, entity=None, story=story)
        if entity:
            ids = resolve_entity(store, entity)
            if not ids:
                return SearchPage((), 0, facets=Facets() if facets else None)
            where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to, entity=ids, story=story)
        if not where:
            return SearchPage((), 0, facets=Facets() if facets else None)
        with store.engine.connect() as conn:
            rows, total = _browse(conn, where, params, limit, offset)
            counts = _facets(conn, f"SELECT a.pk FROM articles a WHERE {' AND '.join(where)}", params) if facets else None
        return SearchPage(tuple(_hit(r, set()) for r in rows), total, (), True, counts)
    root = _with_filters(store, node, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity)
    stems = syntax.words(root)
    if isinstance(root, syntax.Nothing):
        return SearchPage((), 0, stems, facets=Facets() if facets else None)
    syntax.require_positive(root)
    story_where, story_params = _filters(outlet=None, date_from=None, date_to=None, entity=None, story=story)
    with store.engine.connect() as conn:
        if store.has_fts and store.dialect == "postgresql":  # a tsvector with a GIN index (`fulltext_postgres`)
            limits = fulltext_postgres.Limits(TITLE_WEIGHT, BODY_WEIGHT, CANDIDATES, COUNT_CAP, FACET_CAP)
            found = fulltext_postgres.search(conn, root, stems, story_where, story_params, limit=limit, offset=offset, limits=limits)
            rows, total, matching, params = found
        elif store.has_fts:
            rows, total, matching, params = _fts(conn, root, stems, story_where, story_params, limit, offset)
        else:
            rows, total, matching, params = _scan(conn, root, stems, story_where, story_params, limit, offset)
        counts = _facets(conn, matching, params) if facets else None
    hits = tuple(_hit(r, set(stems)) for r in rows)
    exact = total <= COUNT_CAP
    return SearchPage(hits, min(total, COUNT_CAP), stems, exact, counts)


def _with_filters(store: Store, node: syntax.Node, **f: str | None) -> syntax.Node:
    """The query with the filter options as required index tokens (the same nodes as its fields)."""
    required: list[syntax.Node] = []
    if f["outlet"]:
        required.append(_field(store, "outlet", f["outlet"]))
    if f["date_from"] or f["date_to"]:
        required.append(_field(store, "date", f"{f['date_from'] or ''}..{f['date_to'] or ''}"))
    if f["entity"]:
        required.append(_field(store, "entity", f["entity"]))
    if not required:
        return node
    if isinstance(node, syntax.AllOf):
        return syntax.simplify(syntax.AllOf((*node.include, *required), node.exclude))
    return syntax.simplify(syntax.AllOf((node, *required)))


_COLUMNS = "a.id, a.title, a.outlet, a.published, a.body"


MAX_ENTITY_IDS = 50


def resolve_entity(store: Store, value: str) -> tuple[str, ...]:
    """Entity ids for an id, a canonical name or an alias (case-insensitive); () when none."""
    names = store.memo(("entity-names",), lambda: _entity_names(store))
    ids = dict.fromkeys(([value] if value in names["ids"] else []) + names["names"].get(value.casefold(), []))
    return tuple(ids)[:MAX_ENTITY_IDS]


def _entity_names(store: Store) -> dict[str, Any]:
    ids: set[str] = set()
    names: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for eid, canonical, aliases in conn.execute(select(t.entities.c.id, t.entities.c.canonical, t.entities.c.aliases)):
            ids.add(eid)
            for name in dict.fromkeys([canonical, *aliases]):
                names.setdefault(name.casefold(), []).append(eid)
    return {"ids": ids, "names": names}


def _filters(**f: Any) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if f["outlet"]:
        where.append("lower(a.outlet) = lower(:outlet)")
        params["outlet"] = f["outlet"]
    if f["date_from"]:
        where.append("a.published_day >= :date_from")
        params["date_from"] = f["date_from"]
    if f["date_to"]:
        where.append("a.published_day <= :date_to")
        params["date_to"] = f["date_to"] + "~"  # "~" sorts after digits: "2021-03" covers the whole month
    if f["entity"]:
        names = [f":entity{i}" for i in range(len(f["entity"]))]
        where.append(f"a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN ({', '.join(names)}))")
        params.update((n[1:], eid) for n, eid in zip(names, f["entity"]))
    if f["story"]:
        where.append(
            "a.id IN (SELECT ea.article_id FROM event_articles ea "
            "JOIN story_events se ON se.event_id = ea.event_id WHERE se.story_id = :story)"
        )
        params["story"] = f["story"]
    return where, params


def _and(where: list[str]) -> str:
    return "".join(f" AND {w}" for w in where)


def _fts(conn, root: syntax.Node, stems: tuple[str, ...], where, params, limit, offset):
    """Ranked matches from the FTS5 index: (rows, total, SQL of the matching pks, its parameters).

    A query matching at most CANDIDATES articles is ranked in full by bm25
    (title weighted). A broader one is ranked without bm25, whose cost grows
    with the whole archive: among its newest `CANDIDATES` matches (rowid order
    is free in FTS5), those matching in the title come first, then the rest,
    newest first; their score is 2.0 and 1.0.

    `where` holds the story filter (stories change with every linking, so they are not indexed).
    """
    params = params | {"q": syntax.to_fts(root), "limit": limit, "offset": offset, "count_cap": COUNT_CAP + 1}
    story = ""
    if where:
        # "+ 0": test membership row by row as FTS5 scans, instead of one FTS5 probe per rowid (far slower)
        story = f" AND ({FTS_TABLE}.rowid + 0) IN (SELECT a.pk FROM articles a WHERE {' AND '.join(where)})"
    match = f"{FTS_TABLE} MATCH :q{story}"
    matching = f"SELECT rowid FROM {FTS_TABLE} WHERE {match} LIMIT {FACET_CAP}"
    total = conn.execute(
        sql(f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {match} LIMIT :count_cap)"), params
    ).scalar_one()
    if total == 0 or offset >= total:
        return [], total, matching, params
    if total <= CANDIDATES:
        rank = f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0)"
        ranked = _raw(conn, f"SELECT rowid, -{rank} FROM {FTS_TABLE} WHERE {match} ORDER BY {rank}, rowid DESC LIMIT :limit OFFSET :offset", params)
    else:
        ranked = _broad(conn, stems, match, story, params, limit, offset)
    if not ranked:
        return [], total, matching, params
    scores = {rid: score for rid, score in ranked}
    rows = conn.execute(
        sql(f"SELECT a.pk, {_COLUMNS} FROM articles a WHERE a.pk IN ({', '.join(str(int(r)) for r in scores)})"),
        params,
    ).mappings().all()
    by_pk = {r["pk"]: dict(r) | {"score": scores[r["pk"]]} for r in rows}
    return [by_pk[rid] for rid, _ in ranked if rid in by_pk], total, matching, params


def _fts_word(stem: str) -> str:
    """One word of `syntax.words` for FTS5: quoted; `word*` a quoted prefix."""
    if stem.endswith("*"):
        return '"' + stem[:-1].replace('"', '""') + '" *'
    return '"' + stem.replace('"', '""') + '"'


def _raw(conn, query: str, params: dict[str, Any]) -> list[tuple]:
    """Rows straight from the SQLite driver: thousands of rowids without per-row overhead."""
    cursor = conn.connection.cursor()
    try:
        return cursor.execute(query, params).fetchall()
    finally:
        cursor.close()


def _broad(conn, stems: tuple[str, ...], match: str, story: str, params, limit: int, offset: int):
    """Title matches first, then the rest, among the newest candidates: [(rowid, score)]."""
    cap = max(CANDIDATES, offset + limit)
    newest = [r for (r,) in _raw(conn, f"SELECT rowid FROM {FTS_TABLE} WHERE {match} ORDER BY rowid DESC LIMIT {cap}", params)]
    in_title: list[int] = []
    if stems:
        # A title holding any of the words sought; only within the candidates' rowid range, so the scan stays short.
        titled_q = "title_stems : (" + " OR ".join(_fts_word(s) for s in stems) + ")"
        title_q = params | {"tq": f"{params['q']} AND {titled_q}", "lowest": newest[-1]}
        in_title = [
            r
            for (r,) in _raw(
                conn, f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :tq{story} AND rowid >= :lowest ORDER BY rowid DESC", title_q
            )
        ]
    titled = set(in_title)
    order = [(r, 2.0) for r in in_title] + [(r, 1.0) for r in newest if r not in titled]
    return order[offset : offset + limit]


def _scan(conn, root: syntax.Node, stems: tuple[str, ...], where, params, limit, offset):
    """The portable path: the query as LIKE conditions over the stem columns; a title word counts more."""
    params = dict(params)
    cond = syntax.to_sql(root, params) + _and(where)
    score = []
    for i, stem in enumerate(stems):
        params[f"t{i}"] = f"% {stem[:-1]}%" if stem.endswith("*") else f"% {stem} %"
        score.append(f"(CASE WHEN (' ' || coalesce(a.title_stems, '') || ' ') LIKE :t{i} THEN {TITLE_WEIGHT} ELSE 0 END)")
    rows = conn.execute(
        sql(
            f"SELECT {_COLUMNS}, ({' + '.join(score + [str(BODY_WEIGHT)])}) AS score FROM articles a WHERE {cond} "
            "ORDER BY score DESC, a.pk LIMIT :limit OFFSET :offset"
        ),
        params | {"limit": limit, "offset": offset},
    ).mappings().all()
    total = conn.execute(sql(f"SELECT count(*) FROM articles a WHERE {cond}"), params).scalar_one()
    return rows, total, f"SELECT a.pk FROM articles a WHERE {cond} LIMIT {FACET_CAP}", params


FACET_CAP = 10_000  # facets count at most this many matches (the newest, on the FTS5 path)
FACET_VALUES = 10  # values shown per facet


def _facets(conn, matching: str, params: dict[str, Any]) -> Facets:
    """Counts of the matching articles (`matching`: SQL selecting their pks) by outlet, entity, story and month."""
    inner = f"SELECT a.id, a.outlet, a.published_day FROM articles a WHERE a.pk IN ({matching})"
    params = {k: v for k, v in params.items() if k not in ("limit", "offset")}
    top = f"ORDER BY n DESC, value LIMIT {FACET_VALUES}"
    queries = {
        "outlet": f"SELECT m.outlet AS value, m.outlet AS label, count(*) AS n FROM ({inner}) m WHERE m.outlet IS NOT NULL GROUP BY m.outlet {top}",
        "month": f"SELECT substr(m.published_day, 1, 7) AS value, substr(m.published_day, 1, 7) AS label, count(*) AS n "
        f"FROM ({inner}) m WHERE length(m.published_day) >= 7 GROUP BY value {top}",
        "entity": f"SELECT ae.entity_id AS value, min(e.canonical) AS label, count(DISTINCT m.id) AS n FROM ({inner}) m "
        f"JOIN article_entities ae ON ae.article_id = m.id JOIN entities e ON e.id = ae.entity_id GROUP BY ae.entity_id {top}",
        "story": f"SELECT se.story_id AS value, min(s.title) AS label, count(DISTINCT m.id) AS n FROM ({inner}) m "
        f"JOIN event_articles ea ON ea.article_id = m.id JOIN story_events se ON se.event_id = ea.event_id "
        f"JOIN stories s ON s.id = se.story_id GROUP BY se.story_id {top}",
    }
    found = {
        name: tuple(Facet(str(v), str(label), int(n)) for v, label, n in conn.execute(sql(q), params))
        for name, q in queries.items()
    }
    counted = conn.execute(sql(f"SELECT count(*) FROM ({matching}) m"), params).scalar_one()
    return Facets(**found, counted=int(counted))


def _browse(conn, where, params, limit, offset):
    cond = " AND ".join(where)
    rows = conn.execute(
        sql(
            f"SELECT {_COLUMNS}, 0.0 AS score FROM articles a WHERE {cond} "
            "ORDER BY a.published_day DESC NULLS LAST, a.pk LIMIT :limit OFFSET :offset"  # undated last on both
        ),
        params | {"limit": limit, "offset": offset},
    ).mappings().all()
    total = conn.execute(sql(f"SELECT count(*) FROM articles a WHERE {cond}"), params).scalar_one()
    return rows, total


def _hit(row, stems: set[str]) -> SearchHit:
    body = row["body"]
    if isinstance(body, str):  # raw SQL returns the JSON column as text
        body = json.loads(body)
    return SearchHit(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        published=row["published"],
        score=round(float(row["score"] or 0.0), 4),
        snippet=snippet("\n".join(body), stems),
    )


def snippet(text: str, stems: set[str], width: int = SNIPPET_WORDS) -> str:
    """About `width` words of `text` around the densest run of matches, escaped, matches in <mark>."""
    begin = _region_start(text, stems)
    whole = text
    text = text[begin : begin + SNIPPET_REGION]  # only this much is tokenised and stemmed
    words = list(_WORD.finditer(text))
    if not words:
        return ""
    matched = _matched(words, stems, text)
    start = _best_window(matched, len(words), width)
    end = min(len(words), start + width)
    lo, hi = words[start].start(), words[end - 1].end()
    parts = ["…" if start > 0 or begin > 0 else ""]
    pos = lo
    i = start
    while i < end:
        if i not in matched:
            i += 1
            continue
        j = i  # a run of matched words with only spaces between them becomes one <mark>
        while j + 1 < end and j + 1 in matched and not text[words[j].end() : words[j + 1].start()].strip():
            j += 1
        parts.append(html.escape(text[pos : words[i].start()]))
        parts.append(f"<mark>{html.escape(text[words[i].start() : words[j].end()])}</mark>")
        pos = words[j].end()
        i = j + 1
    parts.append(html.escape(text[pos:hi]))
    parts.append("…" if _WORD.search(whole, begin + hi) else "")
    return "".join(parts).replace("\n", " ")


def plain_snippet(snippet_html: str) -> tuple[str, list[list[int]]]:
    """An HTML snippet as plain text (entities unescaped) and its <mark>ed spans as [start, end) offsets."""
    text, matches = "", []
    for i, piece in enumerate(re.split(r"</?mark>", snippet_html)):
        piece = html.unescape(piece)
        if i % 2:
            matches.append([len(text), len(text) + len(piece)])
        text += piece
    return text, matches


SNIPPET_REGION = 900  # characters around the first dense cluster of matches


def _region_start(text: str, stems: set[str]) -> int:
    """Where the snippet region starts: a little before the densest early cluster of query words."""
    if not stems or len(text) <= SNIPPET_REGION:
        return 0
    hits = [(m.start(), m.group()) for _, m in zip(range(300), _key_pattern(frozenset(stems)).finditer(text.lower()))]
    if not hits:
        return 0
    best, best_n = hits[0][0], 0
    for i, (pos, _) in enumerate(hits):
        n = len({k for p, k in hits[i:] if p < pos + 250})
        if n > best_n:
            best, best_n = pos, n
    begin = max(0, best - 200)
    if begin == 0:
        return 0
    space = text.find(" ", begin)
    return space + 1 if 0 <= space < best else begin


def _keys(stems) -> list[str]:
    """What to look for in the text: a stem minus its first letter (meN- drops it), a prefix (`word*`) as is."""
    keys = {s[:-1] if s.endswith("*") else s[1:] if len(s) >= 3 else s for s in stems}
    return sorted((k for k in keys if k), key=len, reverse=True)


@lru_cache(maxsize=256)
def _key_pattern(stems: frozenset[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(k) for k in _keys(stems)) or "(?!)")


def _matched(words: list[re.Match], stems: set[str], text: str) -> dict[int, str]:
    """Indexes of the words whose stem is searched for, with that stem."""
    if not stems:
        return {}
    # A stem minus its first letter is inside its word (meN- drops s/p/t/k: seru → menyerukan):
    # find those places with one regex, then stem only the words there.
    keys = _keys(stems)
    prefixes = [s[:-1] for s in stems if s.endswith("*") and len(s) > 1]
    lowered = text.lower()
    if len(lowered) != len(text):  # rare case-mapping that changes length: test word by word
        candidates = [i for i, w in enumerate(words) if any(k in w.group().lower() for k in keys)]
    else:
        starts = [w.start() for w in words]
        pattern = _key_pattern(frozenset(stems))
        found = set()
        for m in pattern.finditer(lowered):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and words[i].end() >= m.end():
                found.add(i)
        candidates = sorted(found)
    if not candidates:
        return {}
    stemmed = stem_words([words[i].group() for i in candidates])
    out = {}
    for i, s in zip(candidates, stemmed):
        hit = s if s in stems else next((p for p in split_stems([s]) if p in stems), None)
        if hit is None and prefixes:  # `word*`: the word as written starts so (it is not stemmed)
            word = words[i].group().lower()
            hit = next((p + "*" for p in prefixes if word.startswith(p)), None)
        if hit:
            out[i] = hit
    return out


def _best_window(matched: dict[int, str], n: int, width: int) -> int:
    """The start of the `width`-word window with the most distinct matched stems (earliest wins)."""
    if not matched:
        return 0
    best, best_score = 0, -1
    positions = sorted(matched)[:200]
    for p in positions:
        start = max(0, min(p - width // 4, n - width))
        inside = {matched[q] for q in positions if start <= q < start + width}
        if len(inside) > best_score:
            best, best_score = start, len(inside)
    return best
