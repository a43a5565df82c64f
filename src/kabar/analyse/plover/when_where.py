"""When and where a happening took place, and whether the article recalls it as background.

The date is the time expression of the evidence sentence nearest the
predicate (Kabar's timex, resolved against the publication date): a day, a
month, a year, an ISO week, or a weekend as an interval. A statement dated
only by "kata X, Kamis (3/7)" takes that date through the same rule. The place
is a location entity after "di" (a visit's "ke"); the dateline is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from kabar.lang.id import plover_cues as cues
from kabar.records import TimeExpr

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_INTERVAL = re.compile(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")

# Recalled more than this long before publication: background.
_BACKGROUND_AFTER = timedelta(days=31)


def contract_date(value: str) -> str | None:
    """A TIMEX3 value as the contract's date: day, month, year, ISO week or interval; else None."""
    value = value.split("T", 1)[0]
    if _DAY.match(value) or _MONTH.match(value) or _YEAR.match(value) or _WEEK.match(value) or _INTERVAL.match(value):
        return value
    weekend = _WEEKEND.match(value)
    if weekend:
        saturday = date.fromisocalendar(int(weekend[1]), int(weekend[2]), 6)
        return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"
    return None


def sentence_date(timexes: Sequence[TimeExpr], start: int, end: int, trigger_at: int) -> str | None:
    """The date of the sentence [start, end) nearest to the predicate at `trigger_at`."""
    best: tuple[int, str] | None = None
    for t in timexes:
        if t.start < start or t.end > end or t.type not in {"DATE", "TIME"}:
            continue
        value = contract_date(t.value)
        if value is None:
            continue
        distance = t.start - trigger_at if t.start >= trigger_at else (trigger_at - t.end) + 1
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _last_day(value: str) -> date | None:
    """The latest day a contract date covers."""
    try:
        if "/" in value:
            return date.fromisoformat(value.split("/")[1])
        if _DAY.match(value):
            return date.fromisoformat(value)
        if _MONTH.match(value):
            y, m = map(int, value.split("-"))
            return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        if _YEAR.match(value):
            return date(int(value), 12, 31)
        week = _WEEK.match(value)
        if week:
            return date.fromisocalendar(int(week[1]), int(week[2]), 7)
    except ValueError:
        return None
    return None


def is_background(sentence: str, happened: str | None, published: date | None) -> bool:
    """Past context: dated well before publication, or told with "pernah", "silam", "kala itu"."""
    if happened and published:
        last = _last_day(happened)
        if last is not None and published - last > _BACKGROUND_AFTER:
            return True
    lowered = sentence.lower()
    words = set(re.findall(r"\w+", lowered))
    return bool(words & cues.BACKGROUND - {"sebelumnya"}) or any(p in lowered for p in cues.BACKGROUND_PHRASES[:1])


def place(
    words: Sequence[str], locations: Sequence[tuple[int, int, str]], trigger_first: int, type_: str
) -> str | None:
    """The location canonical name after "di" (or "ke" for a visit) in the sentence, nearest after
    the predicate first. `locations` are (first, last, canonical) token spans of location entities."""
    preps = {"di"} | ({"ke"} if type_ == "CONSULT" else set())
    found: list[tuple[int, str]] = []
    for first, last, name in locations:
        j = first - 1
        while j >= 0 and words[j] in {"kota", "wilayah", "kawasan", "provinsi", "kabupaten", "negara", "jalur"}:
            j -= 1
        if j >= 0 and words[j] in preps:
            found.append((first, name))
    if not found:
        return None
    after = [n for f, n in found if f > trigger_first]
    return (after or [n for _, n in found])[0]
