"""What a resolver of the time grammar gets (the rule's groups, the context) and gives (`Resolved`),
and the small readings every resolver shares (words, numbers, days as TIMEX3 text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from kabar.lang.id import time_words as tw


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    anchor: date | None
    stamp: datetime | None
    ref: date | None  # the last day the story named ("dua hari kemudian" counts from it)


@dataclass(frozen=True, slots=True)
class Resolved:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    day: date | None = None  # a day this expression fixes, to anchor later "kemudian"
    floating: bool = False  # a clock time whose day was borrowed from the context
    clock_shift: int | None = None  # minutes after the text's last clock time ("40 menit kemudian")
    counted: bool = False  # a day counted from another ("keesokan harinya"): a date in apposition overrides it


class Groups:
    """The named groups of one rule inside the master match."""

    __slots__ = ("m", "rule")

    def __init__(self, m: re.Match[str], rule: str):
        self.m, self.rule = m, rule

    def __getitem__(self, name: str) -> str | None:
        return self.m.group(f"{self.rule}__{name}")

    def form(self, *forms: str, key: str) -> str:
        """Which written form of the rule matched: the first whose `<form>_<key>` group is set."""
        for form in forms:
            if self[f"{form}_{key}"] is not None:
                return form
        raise LookupError(forms)

    def span(self, *names: str) -> tuple[int, int, str]:
        for name in names:
            if self[name] is not None:
                start, end = self.m.span(f"{self.rule}__{name}")
                return start, end, name
        raise LookupError(names)


def low(s: str | None) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip(".") if s else ""


def month_of(word: str | None) -> int | None:
    w = low(word)
    return tw.MONTHS.get(w) or tw.MONTH_ABBREVIATIONS.get(w)


def year_of(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    if len(text) == 2:
        y += 2000 if y <= 40 else 1900
    return y


def direction_of(rel: str | None) -> int:
    rel = low(rel)
    if rel in tw.PAST_WORDS:
        return -1
    if rel in tw.FUTURE_WORDS:
        return 1
    return 0


def day_value(day: date | None, month: int | None = None, dom: int | None = None) -> str:
    if day is not None:
        return day.isoformat()
    mm = f"{month:02d}" if month else "XX"
    dd = f"{dom:02d}" if dom else "XX"
    return f"XXXX-{mm}-{dd}"


def clock_value(g: Groups, day: str, hh: str = "hh", mm: str = "mm", pod: str = "pod",
                half: bool = False) -> tuple[str, str]:
    """(type, value) of a day plus an optional clock time and part of day; `half`: "jam setengah 3" (2.30)."""
    hour, minute, part = g[hh], g[mm], low(g[pod])
    if hour is not None:
        h = int(hour)
        if half:
            h, minute = (h - 1) % 12 or 12, "30"  # "setengah 1" is 12.30 (0.30 at night)
        return "TIME", f"{day}T{hour_of_day(h, part):02d}:{int(minute or 0):02d}"
    if part:
        return "TIME", f"{day}T{tw.PARTS_OF_DAY[part]}"
    return "DATE", day


def hour_of_day(h: int, part: str) -> int:
    """The 24-hour clock of "pukul 8 malam" (20), "pukul 2 malam" (2), "pukul 12 malam" (0), "pukul 24.00" (0),
    "pukul 11 siang" (11)."""
    night = part in tw.NIGHT_PARTS
    morning = part in tw.MIDDAY_PARTS and h >= tw.MIDDAY_MORNING_HOURS
    if part in tw.PM_PARTS and h < 12 and not (night and h < tw.NIGHT_SMALL_HOURS) and not morning:
        h += 12
    elif night and h == 12:
        h = 0
    return h % 24


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“‘(":
        i -= 1
    return i < 0 or text[i] in "\n.!?:"


def previous_word(text: str, start: int) -> str:
    m = re.search(r"(\w+(?:-\w+)?)[ \t\u00a0]{1,3}$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""
