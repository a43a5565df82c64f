"""Publication times as pages print them: "23/03/2021, 18:31 WIB",
"Kamis, 02 November 2017 - 15:23 WIB", "28 October 2021 20:47", ISO stamps.

A time keeps its zone's offset (WIB +07:00, WITA +08:00, WIT +09:00); a date
with no time stays a date; nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from kabar.lang.id.page_dates import MONTHS, NOT_PUBLISHED_CUES, WEEKDAYS, ZONES


@dataclass(frozen=True, slots=True)
class PageDate:
    day: date
    time: str | None = None  # "18:31" or "14:56:43"
    offset: str | None = None  # "+07:00"
    start: int = 0  # where the date starts in its line

    def iso(self, default_offset: str | None = None) -> str:
        if self.time is None:
            return self.day.isoformat()
        offset = self.offset or default_offset or ""
        return f"{self.day.isoformat()}T{self.time}{offset}"


_TIME = r"(?:(?:pukul|jam|pk\.?)\s*)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:[:.](?P<s>[0-5]\d))?"
_ZONE = r"(?:\s*(?P<z>WIB|WITA|WIT|GMT\s*\+\s*0?[789](?::00)?|UTC\s*\+\s*0?[789])\b)?"
_SEP = r"\s*(?:[,|/–—-]|\bpukul\b|\bjam\b|\bat\b)?\s*"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    months = "|".join(sorted(MONTHS, key=len, reverse=True))
    numeric = rf"\b(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>(?:19|20)\d\d)\b(?:{_SEP}{_TIME})?{_ZONE}"
    named = rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{months})\.?\s+(?P<y>(?:19|20)\d\d)\b(?:{_SEP}{_TIME})?{_ZONE}"
    english = rf"\b(?P<mn>{months})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b(?:{_SEP}{_TIME})?{_ZONE}"
    iso = rf"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ]\s*{_TIME})?{_ZONE}"
    return tuple(re.compile(p, re.I) for p in (numeric, named, english, iso))


def find_dates(line: str) -> list[PageDate]:
    """Every date (with its time and zone when printed) in one line, in order."""
    found: list[PageDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for match in pattern.finditer(line):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            parsed = _parse(match)
            if parsed is not None:
                found.append(parsed)
                taken.append(match.span())
    return sorted(found, key=lambda d: d.start)


def _parse(match: re.Match[str]) -> PageDate | None:
    groups = match.groupdict()
    month = MONTHS.get((groups.get("mn") or "").lower()) if groups.get("mn") else int(groups["m"])
    try:
        day = date(int(groups["y"]), month or 0, int(groups["d"]))
    except (TypeError, ValueError):
        return None
    time = None
    if groups.get("h") is not None:
        time = f"{int(groups['h']):02d}:{groups['mi']}" + (f":{groups['s']}" if groups.get("s") else "")
    zone = groups.get("z")
    offset = ZONES.get(re.sub(r"\s+", "", zone).lower().replace("+0", "+")) if zone else None
    if zone and offset is None:
        offset = ZONES.get(re.sub(r"\s+", "", zone).lower())
    return PageDate(day, time, offset if time else None, match.start())


_NOT_PUBLISHED = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in NOT_PUBLISHED_CUES) + r")\b", re.I)


def published_from_lines(lines: list[str]) -> PageDate | None:
    """The publication time from a page's date lines: the first date with a time,
    else the first date; lines that say "updated" are passed over."""
    first_date: PageDate | None = None
    for line in lines:
        if _NOT_PUBLISHED.search(line):
            continue
        for found in find_dates(line):
            if found.time is not None:
                return found
            if first_date is None:
                first_date = found
    return first_date


def parse_iso(value: str, local_offset: str | None = None) -> PageDate | None:
    """A machine-readable stamp (meta tags, JSON-LD, <time datetime>, JSON Lines input)."""
    text = value.strip().replace(" T", "T").replace(" ", "T", 1) if value else ""
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            return PageDate(date.fromisoformat(text))
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        # an impossible day ("2021-13-45", "2015-02-30") is no date: the article stays, undated
        found = find_dates(value)
        return found[0] if found else None
    if stamp.tzinfo is not None and stamp.utcoffset() == timedelta(0) and local_offset:
        sign = 1 if local_offset[0] == "+" else -1
        hours, minutes = map(int, local_offset[1:].split(":"))
        try:
            stamp = stamp.astimezone(timezone(sign * timedelta(hours=hours, minutes=minutes)))
        except (OverflowError, ValueError):  # "9999-12-31T23:59Z" has no local day
            return None
    offset = None
    if stamp.tzinfo is not None:
        total = int(stamp.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        sign = "+" if total >= 0 else "-"
        offset = f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    time = stamp.strftime("%H:%M") + (stamp.strftime(":%S") if stamp.second else "")
    return PageDate(stamp.date(), time, offset)


_REPORTED_DAY = re.compile(r"\b(?P<wd>[A-Za-z']+)\s*\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*\)")


def reported_day(paragraphs: list[str], anchors: list[date]) -> date | None:
    """The day an undated article reports, when its lead names it as "Sabtu (26/11)".

    `anchors` are full dates printed on the page outside the body (a caption's
    "Jumat (18/11/2022)"). The day must fall in the fortnight after one of them and
    on the weekday the lead gives; anything less certain gives None.
    """
    for paragraph in paragraphs[:2]:
        for match in _REPORTED_DAY.finditer(paragraph):
            weekday = WEEKDAYS.get(match.group("wd").lower())
            if weekday is None:
                continue
            fits = set()
            for anchor in anchors:
                for year in (anchor.year, anchor.year + 1):
                    try:
                        day = date(year, int(match.group("m")), int(match.group("d")))
                    except ValueError:
                        continue
                    if day.isoweekday() == weekday and timedelta(0) <= day - anchor <= timedelta(days=14):
                        fits.add(day)
            if len(fits) == 1:
                return fits.pop()
    return None


# A day in the URL's path, as outlets file their articles: "/read/2016/02/16/14380041/…",
# "/2021-03-23/…"; a bare number of eight digits is not trusted (ids look like dates).
_URL_DAY = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?:[/-]|$)")


def date_from_url(url: str | None) -> PageDate | None:
    """The publication day a URL's path gives, or None; an impossible day is none."""
    match = _URL_DAY.search(url or "")
    if match is None:
        return None
    try:
        return PageDate(date(int(match.group("y")), int(match.group("m")), int(match.group("d"))))
    except ValueError:
        return None
