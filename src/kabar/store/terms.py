"""The search index's words: an article's stems and its filter tokens ("facets").

Both the writer (`convert`, rows of the FTS5 table) and the reader (`search`,
the query) build tokens here, so the two always agree on their form.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kabar.analyse.stem import stem_text


def index_terms(text: str | None) -> str:
    """The indexed form of a text: its stems, hyphenated ones split, joined by spaces."""
    return " ".join(split_stems(stem_text(text or "")))


def split_stems(stems: list[str]) -> list[str]:
    """Stems with hyphenated ones split into their parts."""
    # FTS5's tokenizer splits "kerja-sama" in the index; split the query the same way.
    return [part for s in stems for part in s.replace("_", "-").split("-") if part]


def facet_terms(outlet: str | None, published: str | None, entity_ids: tuple[str, ...] = ()) -> str:
    """Filter tokens indexed with an article: its outlet, the year, month and day it was published, its entities."""
    terms = [outlet_term(outlet)] if outlet else []
    terms += [entity_term(e) for e in entity_ids]
    day = (published or "")[:10]
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", day)
    if m:
        y, mo, d = m.groups()
        terms.append(f"y{y}")
        if mo:
            terms.append(f"m{y}{mo}")
            if d:
                terms.append(f"d{y}{mo}{d}")
    return " ".join(terms)


def outlet_term(outlet: str) -> str:
    """The index token of an outlet ("Kompas.com" -> "okompascom")."""
    return "o" + "".join(ch for ch in outlet.lower() if ch.isalnum())


def entity_term(entity_id: str) -> str:
    """The index token of an entity id."""
    return "e" + "".join(ch for ch in entity_id.lower() if ch.isalnum())


def date_terms(date_from: str | None, date_to: str | None) -> list[str]:
    """The fewest year/month/day tokens that cover [date_from, date_to] exactly (both inclusive)."""
    lo = _bound(date_from, upper=False) or date(1900, 1, 1)
    hi = _bound(date_to, upper=True) or date(2099, 12, 31)
    terms: list[str] = []
    d = lo
    while d <= hi:
        if d.month == 1 and d.day == 1 and date(d.year, 12, 31) <= hi:
            terms.append(f"y{d.year}")
            d = date(d.year + 1, 1, 1)
        elif d.day == 1 and _month_end(d) <= hi:
            terms.append(f"m{d.year}{d.month:02d}")
            d = _month_end(d) + timedelta(days=1)
        else:
            terms.append(f"d{d.year}{d.month:02d}{d.day:02d}")
            d += timedelta(days=1)
    return terms


def _month_end(d: date) -> date:
    return date(d.year, 12, 31) if d.month == 12 else date(d.year, d.month + 1, 1) - timedelta(days=1)


def _bound(value: str | None, *, upper: bool) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return date(parts[0], 12, 31) if upper else date(parts[0], 1, 1)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return _month_end(first) if upper else first
        return date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValueError(f"not a date: {value!r}") from exc
