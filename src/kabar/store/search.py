"""Full-text search over stored articles.

Titles and bodies are indexed as Indonesian stems (``stem_text``), so
"menyerukan" finds "seruan"; the query is stemmed the same way. On SQLite an
FTS5 index ranks with bm25 (title weighted above body) when a query matches up
to CANDIDATES articles, and ranks broader queries by title match then recency
among their newest matches (bm25's cost grows with the archive). Outlet, dates
and entities are index tokens too ("facets"), so filters are FTS5 intersections.
Other databases, or a SQLite without FTS5, scan the stem columns. Any query string is safe: it is
reduced to word stems (plus balanced "quoted phrases") before it reaches FTS5,
so operators, unbalanced quotes and SQL never get through. Snippets come from
the original text, HTML-escaped, with the matched words in ``<mark>``.
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
from kabar.store import schema as t
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
_PHRASE = re.compile(r'"([^"]*)"')
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float
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


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: tuple[SearchHit, ...]
    total: int
    terms: tuple[str, ...] = ()  # the stems searched for, after sanitising
    total_exact: bool = True  # False: at least `total` articles match


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    phrases: tuple[tuple[str, ...], ...]  # each a run of stems; one-word phrases are plain terms

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for p in self.phrases for s in p))

    def fts(self) -> str:
        """An FTS5 expression: every phrase required; each token quoted, so nothing is an operator."""
        return " AND ".join('"' + " ".join(p) + '"' for p in self.phrases)


def parse_query(query: str) -> ParsedQuery:
    """Stems of the query's words; text in balanced double quotes stays a phrase."""
    query = (query or "")[:1000]
    phrases: list[tuple[str, ...]] = []
    rest = query
    if query.count('"') % 2 == 0:
        for match in _PHRASE.finditer(query):
            words = tuple(split_stems(stem_text(match.group(1))))
            if words:
                phrases.append(words)
        rest = _PHRASE.sub(" ", query)
    phrases += [(s,) for s in split_stems(stem_text(rest))]
    return ParsedQuery(tuple(dict.fromkeys(phrases)))


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
) -> SearchPage:
    """Ranked articles matching `query` and the filters (all optional).

    `entity` is an entity id, or a name or alias (any case); dates are
    YYYY, YYYY-MM or YYYY-MM-DD and both bounds are inclusive. A query with no
    words lists the filtered articles, newest first (nothing without filters).
    """
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    limit, offset = min(limit, MAX_LIMIT), min(offset, MAX_OFFSET)
    date_from, date_to = check_date(date_from, "date_from"), check_date(date_to, "date_to")
    entity_ids = resolve_entity(store, entity) if entity else None
    if entity_ids == ():
        return SearchPage((), 0, parse_query(query).stems)
    where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to, entity=entity_ids, story=story)
    parsed = parse_query(query)
    if not parsed.phrases and not where:
        return SearchPage((), 0)
    with store.engine.connect() as conn:
        if not parsed.phrases:
            rows, total = _browse(conn, where, params, limit, offset)
        elif store.has_fts:
            # Outlet, dates and entities are tokens in the index: FTS5 intersects them with the words.
            facets = []
            if outlet:
                facets.append([outlet_term(outlet)])
            if date_from or date_to:
                first, last = _date_span(store)  # an open range ends where the data does: fewer tokens
                facets.append(date_terms(date_from or first, date_to or last))
            if entity_ids:
                facets.append([entity_term(e) for e in entity_ids])
            linked, linked_params = _filters(outlet=None, date_from=None, date_to=None, entity=None, story=story)
            rows, total = _fts(conn, parsed, facets, linked, linked_params, limit, offset)
        else:
            rows, total = _scan(conn, parsed, where, params, limit, offset)
    hits = tuple(_hit(r, set(parsed.stems)) for r in rows)
    exact = total <= COUNT_CAP
    return SearchPage(hits, min(total, COUNT_CAP), parsed.stems, exact)


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


def _fts(conn, parsed: ParsedQuery, facets: list[list[str]], where, params, limit, offset):
    """Ranked matches from the FTS5 index.

    A query matching at most CANDIDATES articles is ranked in full by bm25
    (title weighted). A broader one is ranked without bm25, whose cost grows
    with the whole archive: among its newest `CANDIDATES` matches (rowid order
    is free in FTS5), those matching in the title come first, then the rest,
    newest first; their score is 2.0 and 1.0.

    `facets` are groups of index tokens (any of a group, every group); `where`
    holds the story filter (stories change with every linking, so they are not indexed).
    """
    if any(not group for group in facets):
        return [], 0
    facet_expr = "".join(" AND facets : (" + " OR ".join(f'"{t}"' for t in group) + ")" for group in facets)
    params = params | {"q": parsed.fts() + facet_expr, "limit": limit, "offset": offset, "count_cap": COUNT_CAP + 1}
    story = ""
    if where:
        # "+ 0": test membership row by row as FTS5 scans, instead of one FTS5 probe per rowid (far slower)
        story = f" AND ({FTS_TABLE}.rowid + 0) IN (SELECT a.pk FROM articles a WHERE {' AND '.join(where)})"
    match = f"{FTS_TABLE} MATCH :q{story}"
    total = conn.execute(
        sql(f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {match} LIMIT :count_cap)"), params
    ).scalar_one()
    if total == 0 or offset >= total:
        return [], total
    if total <= CANDIDATES:
        rank = f"bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0)"
        ranked = _raw(conn, f"SELECT rowid, -{rank} FROM {FTS_TABLE} WHERE {match} ORDER BY {rank}, rowid DESC LIMIT :limit OFFSET :offset", params)
    else:
        ranked = _broad(conn, parsed, facet_expr, match, story, params, limit, offset)
    if not ranked:
        return [], total
    scores = {rid: score for rid, score in ranked}
    rows = conn.execute(
        sql(f"SELECT a.pk, {_COLUMNS} FROM articles a WHERE a.pk IN ({', '.join(str(int(r)) for r in scores)})"),
        params,
    ).mappings().all()
    by_pk = {r["pk"]: dict(r) | {"score": scores[r["pk"]]} for r in rows}
    return [by_pk[rid] for rid, _ in ranked if rid in by_pk], total


def _raw(conn, query: str, params: dict[str, Any]) -> list[tuple]:
    """Rows straight from the SQLite driver: thousands of rowids without per-row overhead."""
    cursor = conn.connection.cursor()
    try:
        return cursor.execute(query, params).fetchall()
    finally:
        cursor.close()


def _broad(conn, parsed: ParsedQuery, facet_expr: str, match: str, story: str, params, limit: int, offset: int):
    """Title matches first, then the rest, among the newest candidates: [(rowid, score)]."""
    cap = max(CANDIDATES, offset + limit)
    newest = [r for (r,) in _raw(conn, f"SELECT rowid FROM {FTS_TABLE} WHERE {match} ORDER BY rowid DESC LIMIT {cap}", params)]
    # Title matches only within the candidates' rowid range: the scan stays short.
    title_q = params | {"tq": f"title_stems : ({parsed.fts()}){facet_expr}", "lowest": newest[-1]}
    in_title = [
        r
        for (r,) in _raw(
            conn, f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :tq{story} AND rowid >= :lowest ORDER BY rowid DESC", title_q
        )
    ]
    titled = set(in_title)
    order = [(r, 2.0) for r in in_title] + [(r, 1.0) for r in newest if r not in titled]
    return order[offset : offset + limit]


def _scan(conn, parsed: ParsedQuery, where, params, limit, offset):
    """The portable path: every phrase must occur in the stems; the title counts more."""
    conds, score = [], []
    params = dict(params)
    for i, phrase in enumerate(parsed.phrases):
        params[f"p{i}"] = "% " + " ".join(phrase) + " %"
        conds.append(f"(' ' || a.title_stems || ' ' || a.body_stems || ' ') LIKE :p{i}")
        score.append(f"(CASE WHEN (' ' || a.title_stems || ' ') LIKE :p{i} THEN {TITLE_WEIGHT} ELSE 0 END)")
    cond = " AND ".join(conds) + _and(where)
    rows = conn.execute(
        sql(
            f"SELECT {_COLUMNS}, ({' + '.join(score)} + {BODY_WEIGHT}) AS score FROM articles a WHERE {cond} "
            "ORDER BY score DESC, a.pk LIMIT :limit OFFSET :offset"
        ),
        params | {"limit": limit, "offset": offset},
    ).mappings().all()
    total = conn.execute(sql(f"SELECT count(*) FROM articles a WHERE {cond}"), params).scalar_one()
    return rows, total


def _browse(conn, where, params, limit, offset):
    cond = " AND ".join(where)
    rows = conn.execute(
        sql(
            f"SELECT {_COLUMNS}, 0.0 AS score FROM articles a WHERE {cond} "
            "ORDER BY a.published_day DESC, a.pk LIMIT :limit OFFSET :offset"
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


@lru_cache(maxsize=256)
def _key_pattern(stems: frozenset[str]) -> re.Pattern:
    keys = sorted({s[1:] if len(s) >= 3 else s for s in stems}, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def _matched(words: list[re.Match], stems: set[str], text: str) -> dict[int, str]:
    """Indexes of the words whose stem is searched for, with that stem."""
    if not stems:
        return {}
    # A stem minus its first letter is inside its word (meN- drops s/p/t/k: seru → menyerukan):
    # find those places with one regex, then stem only the words there.
    keys = sorted({s[1:] if len(s) >= 3 else s for s in stems}, key=len, reverse=True)
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
