"""Time expressions in Indonesian news (and the English dates in it), as ISO-TimeML TIMEX3.

`tag(text, anchor)` finds and normalises every expression of a text; `annotate(article)`
does it for an article's body, anchored on its publication date. Detection is one regex
alternation over the language data in `kabar.lang.id.time_words` (`grammar.py`); each rule
has a resolver (`rules.py`) doing the calendar work (`calendar.py`). Relative expressions
count from the publication day, except those that read against the story's last named day
("dua hari kemudian", "keesokan harinya"). A clock time or part of the day without a day of
its own ("pukul 06.12", "malam itu", "selepas ashar") is put on the day its sentence names,
else on the story's last named day; the publication day is the last resort.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from kabar.analyse.timex.calendar import add_days, parse_anchor
from kabar.analyse.timex.grammar import FIRST_WORDS, WORD, master
from kabar.analyse.timex.rules import RESOLVERS, Context, Groups
from kabar.lang.id.time_words import HOME_ZONES, LOCAL_CLOCK_WORD
from kabar.records import Article, TimeExpr

__all__ = ["Timex", "tag", "annotate"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None  # TIMEX3 mod: START, MID, END ("awal/pertengahan/akhir")

    def to_contract(self) -> dict:
        """The `kabar timex` JSON object (shared/docs/interfaces.md), plus `mod` when set."""
        out = {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out


def tag(text: str, anchor: date | datetime | str | None = None) -> list[Timex]:
    """Every time expression of `text`, normalised against `anchor` (None → XXXX where it is needed).

    Never raises on odd input: a match whose resolution fails is dropped.
    """
    if not isinstance(text, str) or not text:
        return []
    day, stamp = parse_anchor(anchor)
    pattern = master()
    ref: date | None = None
    out: list[Timex] = []
    days: list[date | None] = []  # the day each expression fixes, if any
    floating: list[int] = []  # indexes in `out` of clock times and parts of day with a borrowed day
    shifted: dict[int, int] = {}  # index in `out` → minutes after the last clock time before it
    counted: list[int] = []  # indexes in `out` of days counted from another day
    pos = 0
    # Only words that can open an expression are tried: a set lookup is far cheaper than the regex.
    for word in WORD.finditer(text):
        start = word.start()
        if start < pos:
            continue
        w = word.group()
        if not (w[0].isdigit() or w.lower() in FIRST_WORDS):
            continue
        m = pattern.match(text, start)
        if m is None:
            continue
        rule = m.lastgroup
        try:
            res = RESOLVERS[rule](Groups(m, rule), Context(text, day, stamp, ref))
        except Exception as exc:  # a resolver bug must not cost the rest of the text
            log.debug("timex: %s failed on %r: %s", rule, m.group(0)[:80], exc)
            res = None
        if res is None:
            continue
        if res.floating:
            floating.append(len(out))
        if res.counted:
            counted.append(len(out))
        if res.clock_shift is not None:
            shifted[len(out)] = res.clock_shift
        out.append(Timex(res.start, res.end, text[res.start:res.end], res.type, res.value, res.mod))
        days.append(res.day)
        if res.day is not None:
            ref = res.day
        pos = m.end()
    out = _apposed_days(text, out, days, counted)
    return _shift_clocks(_place_floating(text, out, days, floating), shifted)


_APPOSITION = re.compile(r"[ \t\u00a0]{0,2},[ \t\u00a0]{1,2}")


def _apposed_days(text: str, out: list[Timex], days: list[date | None], counted: list[int]) -> list[Timex]:
    """ "Keesokan harinya, Senin (29/12), …": a counted day followed by a named one is the named one."""
    for i in counted:
        if i + 1 < len(out) and days[i + 1] is not None and _APPOSITION.fullmatch(text, out[i].end, out[i + 1].start):
            out[i] = replace(out[i], value=days[i + 1].isoformat())
            days[i] = days[i + 1]
    return out


# A sentence ends at a line break, or at . ! ? (and closing quotes) before a space and a capital or digit.
_SENTENCE_END = re.compile(r"\n|[.!?][\"”’)\]]*[ \t\u00a0]+(?=[\"“(\[]?[A-Z0-9])")


def _place_floating(text: str, out: list[Timex], days: list[date | None], floating: list[int]) -> list[Timex]:
    """Put each clock time or part of day on the day of the happening its sentence reports: the nearest
    day its own sentence names (before or after it: "Pukul 06.12 WIB, bus terguling pada Minggu (28/12)"),
    else the day its paragraph names last before it (or first after it). Without one it keeps the day it
    was given: the story's last named day, else the publication day."""
    if not floating:
        return out
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    sentence = [bisect_right(ends, t.start) for t in out]
    breaks = [m.end() for m in re.finditer("\n", text)]
    paragraph = [bisect_right(breaks, t.start) for t in out]
    for i in floating:
        same = [j for j, d in enumerate(days) if d is not None and sentence[j] == sentence[i]]
        if not same:
            # no day in the sentence: the paragraph's last day before it, else its first after it
            around = [j for j, d in enumerate(days) if d is not None and paragraph[j] == paragraph[i]]
            before = [j for j in around if j < i]
            same = before[-1:] or around[:1]
        if not same:
            continue
        j = min(same, key=lambda j: max(out[j].start - out[i].end, out[i].start - out[j].end))
        value = out[i].value
        day = _local_day(out[i], [out[k] for k in same]) or days[j]
        out[i] = replace(out[i], value=day.isoformat() + value[value.index("T"):])
    return out


_LOCAL = re.compile(r"\b" + LOCAL_CLOCK_WORD + r"\b", re.IGNORECASE)
_HOME_ZONE = re.compile(r"\b(?:" + "|".join(HOME_ZONES) + r")\b", re.IGNORECASE)


def _local_day(local: Timex, dated: list[Timex]) -> date | None:
    """The day of a clock "waktu setempat" given beside an Indonesian clock of a named day ("pukul 22.00
    waktu setempat atau Rabu (7/1) pukul 04.00 WIB" is Tuesday there): the day that puts the two clocks
    nearest (zones differ by less than a day)."""
    if not (_LOCAL.search(local.text) and _CLOCK_VALUE.fullmatch(local.value)):
        return None
    home = next((t for t in dated if _HOME_ZONE.search(t.text) and _CLOCK_VALUE.fullmatch(t.value)), None)
    if home is None:
        return None
    there, clock = datetime.fromisoformat(home.value), local.value[local.value.index("T"):]
    days = [d for n in (-1, 0, 1) if (d := add_days(there.date(), n)) is not None]
    return min(days, key=lambda d: abs(datetime.fromisoformat(d.isoformat() + clock) - there))


_CLOCK_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _shift_clocks(out: list[Timex], shifted: dict[int, int]) -> list[Timex]:
    """ "40 menit kemudian" after "pukul 05.36 WIB" is the TIME 06:16 on that day (the day rolls over
    past midnight); with no clock time before it, it keeps its day."""
    if not shifted:
        return out
    last: datetime | None = None
    for i, t in enumerate(out):
        if i in shifted and last is not None:
            try:
                moved = last + timedelta(minutes=shifted[i])
            except OverflowError:  # past the calendar's end: keep the day
                continue
            out[i] = replace(t, type="TIME", value=moved.isoformat(timespec="minutes"))
        if _CLOCK_VALUE.fullmatch(out[i].value):
            last = datetime.fromisoformat(out[i].value)
    return out


def annotate(article: Article) -> tuple[TimeExpr, ...]:
    """The article body's time expressions, anchored on its publication date."""
    try:
        found = tag(article.text, article.published)
    except Exception as exc:  # the pipeline records per-stage failures; an empty result is safe
        log.warning("timex: %s: %s", article.id, exc)
        return ()
    return tuple(
        TimeExpr(article_id=article.id, start=t.start, end=t.end, text=t.text, type=t.type, value=t.value)
        for t in found
    )
