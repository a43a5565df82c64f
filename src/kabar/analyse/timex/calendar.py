"""Calendar arithmetic for the normaliser: anchors, year choice, ISO weeks, the Hijri calendar.

Pure functions over `datetime.date`; nothing here knows Indonesian.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

# Cost multiplier for a future reading: news mostly reports what already happened.
FUTURE_COST = 2
MONTH_FUTURE_COST = 1.5
# A weekday that disagrees with a date this close to the anchor is taken for a slip (days).
TYPO_WINDOW = 31


def parse_anchor(anchor: date | datetime | str | None) -> tuple[date | None, datetime | None]:
    """(day, timestamp) of an anchor given as a date, a datetime or an ISO string; bad → (None, None)."""
    if anchor is None:
        return None, None
    if isinstance(anchor, datetime):
        return anchor.date(), anchor
    if isinstance(anchor, date):
        return anchor, None
    text = str(anchor).strip()
    if not text:
        return None, None
    try:
        if len(text) > 10:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return stamp.date(), stamp
        return date.fromisoformat(text[:10]), None
    except ValueError:
        try:
            return date.fromisoformat(text[:10]), None
        except ValueError:
            return None, None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_days(day: date, n: int) -> date | None:
    try:
        return day + timedelta(days=n)
    except OverflowError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def add_months_to_day(day: date, n: int) -> date | None:
    """The same day of the month n months on, or the month's last day ("31 Januari" + 1 → 28 Februari)."""
    year, month = add_months(day.year, day.month, n)
    for dom in range(day.day, 27, -1):
        if (found := safe_date(year, month, dom)) is not None:
            return found
    return safe_date(year, month, min(day.day, 28))


def choose_day_of_month(dom: int, anchor: date, *, direction: int = 0, this_month: bool = False) -> date | None:
    """A day of a month the text does not name: this month's if `this_month`, else the nearest such
    day (a future one costing double), on or before the anchor if direction < 0, on or after if > 0."""
    if this_month:
        return safe_date(anchor.year, anchor.month, dom)
    candidates = [d for n in range(-3, 4) if (d := safe_date(*add_months(anchor.year, anchor.month, n), dom))]
    if direction < 0:
        candidates = [d for d in candidates if d <= anchor]
    elif direction > 0:
        candidates = [d for d in candidates if d >= anchor]
    return min(candidates, key=lambda d: _cost(d, anchor), default=None)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _cost(candidate: date, anchor: date) -> int:
    delta = (candidate - anchor).days
    return -delta if delta <= 0 else FUTURE_COST * delta


def choose_day(month: int, day: int, anchor: date, *, weekday: int | None = None,
               direction: int = 0) -> date | None:
    """The year for a day and month without one: weekday agreeing, near the anchor, past preferred.

    direction -1 keeps dates on or before the anchor ("15 November lalu"), +1 on or after.
    """
    candidates = [d for y in range(anchor.year - 6, anchor.year + 7) if (d := safe_date(y, month, day))]
    if direction < 0:
        candidates = [d for d in candidates if d <= anchor] or candidates
    elif direction > 0:
        candidates = [d for d in candidates if d >= anchor] or candidates
    if weekday is not None:
        near = [d for d in candidates if abs(d.year - anchor.year) <= 1]
        agreeing = [d for d in near if d.isoweekday() == weekday]
        best_near = min(near, key=lambda d: _cost(d, anchor), default=None)
        best_agreeing = min(agreeing, key=lambda d: _cost(d, anchor), default=None)
        # The weekday decides the year, unless it would move the date months away while the
        # date itself sits within weeks of the anchor: then the weekday is the reporter's slip.
        if best_agreeing is not None and not (
            best_near is not None and abs((best_near - anchor).days) <= TYPO_WINDOW
            and abs((best_agreeing - anchor).days) > 3 * TYPO_WINDOW
        ):
            return best_agreeing
        return best_near
    else:
        candidates = [d for d in candidates if abs(d.year - anchor.year) <= 1] or candidates
    return min(candidates, key=lambda d: _cost(d, anchor), default=None)


def choose_month_year(month: int, anchor: date, direction: int = 0) -> int:
    """The year of a month named without one: the anchor's, or the nearest past/future one."""
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    # The nearest such month, a future one counting 1.5 times its distance: "Januari" in a
    # December paper is the coming one, "Mei" in a November paper the past one.
    def cost(year: int) -> float:
        months = (year - anchor.year) * 12 + month - anchor.month
        return -months if months <= 0 else MONTH_FUTURE_COST * months

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=cost)


def weekday_date(weekday: int, anchor: date, relation: str) -> date | None:
    """A weekday named against the anchor: 'past' (on or before), 'last' (strictly before),
    'future' (on or after), 'next' (strictly after), 'this' (the anchor's ISO week)."""
    today = anchor.isoweekday()
    if relation == "this":
        return add_days(anchor, weekday - today)
    if relation in ("future", "next"):
        delta = (weekday - today) % 7
        if delta == 0 and relation == "next":
            delta = 7
        return add_days(anchor, delta)
    delta = (today - weekday) % 7
    if delta == 0 and relation == "last":
        delta = 7
    return add_days(anchor, -delta)


# --- The tabular (arithmetic) Islamic calendar: within a day or two of Indonesia's official dates.
_ISLAMIC_EPOCH = 1948439.5
_ORDINAL_OFFSET = 1721424.5


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 3000):
        return None
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _ISLAMIC_EPOCH - 1
    try:
        return date.fromordinal(int(jd - _ORDINAL_OFFSET))
    except (ValueError, OverflowError):
        return None


def hijri_year_near(month: int, day: int, anchor: date, *, gregorian_year: int | None = None,
                    direction: int = 0) -> date | None:
    """The Gregorian date of a Hijri month/day: in `gregorian_year` if given, else nearest the anchor."""
    guess = round((anchor.year - 622) * 33 / 32) if gregorian_year is None else round((gregorian_year - 622) * 33 / 32)
    dates = [d for h in range(guess - 2, guess + 3) if (d := hijri_to_gregorian(h, month, day))]
    if gregorian_year is not None:
        dates = [d for d in dates if d.year == gregorian_year] or dates
        return min(dates, key=lambda d: _cost(d, anchor), default=None)
    if direction < 0:
        dates = [d for d in dates if d <= anchor] or dates
    elif direction > 0:
        dates = [d for d in dates if d >= anchor] or dates
    return min(dates, key=lambda d: _cost(d, anchor), default=None)
