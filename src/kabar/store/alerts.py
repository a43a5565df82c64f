"""Saved searches ("alerts"): a named query, and the articles that came to match it after it was saved.

`add` saves a query and records what it already matches as the baseline (not news).
`refresh` runs it again and records each article matching it for the first time, with
the time it was found; `new_hits` are those not yet marked seen (`mark_seen`), and
`recent_hits` feed the Atom feed (`/feeds/NAME.atom`). The two tables live here, created
on first use, so the rest of the store knows nothing of alerts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Text, delete, func, insert, select, update

from kabar.store.db import Store
from kabar.store.search import MAX_LIMIT, search

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # it is a file name in the feed's URL
MAX_ALERTS = 200

_meta = MetaData()
alerts = Table(
    "alerts",
    _meta,
    Column("name", String, primary_key=True),
    Column("query", Text, nullable=False),
    Column("created", String, nullable=False),  # ISO 8601, UTC
    Column("checked", String, nullable=False),
)
alert_hits = Table(
    "alert_hits",
    _meta,
    Column("alert", String, primary_key=True),
    Column("article_id", String, primary_key=True),
    Column("found", String, nullable=False),  # when a refresh first saw it match
    Column("seq", Integer, nullable=False),  # order found (several in one refresh share `found`)
    Column("baseline", Boolean, nullable=False),  # matched already when the alert was saved
    Column("seen", Boolean, nullable=False),
)


@dataclass(frozen=True, slots=True)
class Alert:
    name: str
    query: str
    created: str
    checked: str


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    found: str
    seen: bool


def _tables(store: Store) -> None:
    _meta.create_all(store.engine, checkfirst=True)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise ValueError(f"alert name {name[:70]!r}: use letters, digits, '-' and '_' (at most 64), starting with a letter or digit")
    return name


def add(store: Store, name: str, query: str) -> tuple[Alert, int]:
    """Save `query` as `name`; what it matches now is the baseline (how many: the second value),
    never reported as new. ValueError for a bad name, a name in use or a query search refuses."""
    check_name(name)
    _tables(store)
    matches = _matches(store, query)  # a query that cannot be read is refused before it is saved
    now = _now()
    with store.engine.begin() as conn:
        if conn.execute(select(alerts.c.name).where(alerts.c.name == name)).first():
            raise ValueError(f"an alert named {name!r} exists: remove it first")
        if conn.execute(select(func.count()).select_from(alerts)).scalar_one() >= MAX_ALERTS:
            raise ValueError(f"at most {MAX_ALERTS} alerts")
        conn.execute(insert(alerts).values(name=name, query=query, created=now, checked=now))
        rows = [dict(alert=name, article_id=a, found=now, seq=i, baseline=True, seen=True) for i, a in enumerate(matches)]
        if rows:
            conn.execute(insert(alert_hits), rows)
    return Alert(name, query, now, now), len(matches)


def remove(store: Store, name: str) -> bool:
    _tables(store)
    with store.engine.begin() as conn:
        conn.execute(delete(alert_hits).where(alert_hits.c.alert == name))
        return conn.execute(delete(alerts).where(alerts.c.name == name)).rowcount > 0


def list_alerts(store: Store) -> list[Alert]:
    _tables(store)
    with store.engine.connect() as conn:
        return [Alert(*row) for row in conn.execute(select(alerts).order_by(alerts.c.name))]


def get(store: Store, name: str) -> Alert | None:
    _tables(store)
    with store.engine.connect() as conn:
        row = conn.execute(select(alerts).where(alerts.c.name == name)).first()
    return Alert(*row) if row else None


def refresh(store: Store, name: str) -> list[str]:
    """Run the alert's query again; the articles matching it for the first time (recorded as new)."""
    alert = get(store, name)
    if alert is None:
        raise KeyError(name)
    matches = _matches(store, alert.query)
    now = _now()
    with store.engine.begin() as conn:
        known = set(conn.execute(select(alert_hits.c.article_id).where(alert_hits.c.alert == name)).scalars())
        last = conn.execute(select(func.max(alert_hits.c.seq)).where(alert_hits.c.alert == name)).scalar() or 0
        new = [a for a in matches if a not in known]
        if new:
            conn.execute(
                insert(alert_hits),
                [dict(alert=name, article_id=a, found=now, seq=last + 1 + i, baseline=False, seen=False) for i, a in enumerate(new)],
            )
        conn.execute(update(alerts).where(alerts.c.name == name).values(checked=now))
    return new


def new_hits(store: Store, name: str) -> list[Hit]:
    """Articles found since the alert was saved and not yet marked seen, the latest found first."""
    return _hits(store, name, unseen_only=True, limit=MAX_LIMIT)


def recent_hits(store: Store, name: str, limit: int = 50) -> list[Hit]:
    """The latest articles found since the alert was saved (seen or not), for its feed."""
    return _hits(store, name, unseen_only=False, limit=limit)


def mark_seen(store: Store, name: str) -> int:
    with store.engine.begin() as conn:
        done = conn.execute(
            update(alert_hits).where(alert_hits.c.alert == name, alert_hits.c.seen.is_(False)).values(seen=True)
        )
        return done.rowcount


def _hits(store: Store, name: str, *, unseen_only: bool, limit: int) -> list[Hit]:
    _tables(store)
    query = select(alert_hits.c.article_id, alert_hits.c.found, alert_hits.c.seen).where(
        alert_hits.c.alert == name, alert_hits.c.baseline.is_(False)
    )
    if unseen_only:
        query = query.where(alert_hits.c.seen.is_(False))
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(alert_hits.c.seq.desc()).limit(limit)).all()
    return [Hit(*row) for row in rows]


def _matches(store: Store, query: str) -> list[str]:
    """Ids of the articles the query matches (its best MAX_LIMIT); ValueError explains a bad query."""
    if not query.strip():
        raise ValueError("an alert needs a query")
    ids: list[str] = []
    page = search(store, query, limit=MAX_LIMIT)
    ids.extend(h.id for h in page.results)
    return ids
