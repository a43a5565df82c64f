"""After the grammar's pass: the days of expressions that borrow one, read from the text around them.

A clock time or part of the day without its own day ("pukul 06.12", "malam itu") is on the day of the
happening its sentence reports: the nearest day its sentence names, else the last day of a happening
its paragraph names before it (or the first after it), else the story's last day of a happening
before it, the publication day last. Outside its own sentence a clock does not borrow a day that dates
no happening: the day a statement was made (", kata Kapolda di Bengkulu, Jumat (5/5)." closing its
sentence after a verb of saying that follows the quote) or a day after the publication day (a plan: "akan digelar 7 Februari"),
unless the clock's own sentence speaks of the future. A day counted from another ("keesokan harinya") gives way to a
day named beside it; minutes counted from a clock time ("40 menit kemudian") become a clock time.
Every pass is linear in the number of expressions.

Each way of placing an expression has a name (`PASSES`); `anchor_days` records which one placed each
expression, and can be told to leave some out (`kabar eval timex` scores a document without the
passes only that document exercises).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, datetime, timedelta

from kabar.analyse.timex.calendar import add_days
from kabar.analyse.timex.expression import Timex
from kabar.lang.id.quote_cues import CLITIC, POST_CUES
from kabar.lang.id.time_words import DAY_WORD, FUTURE_CUES, HOME_ZONES, LOCAL_CLOCK_WORD, WEEKDAYS

# A sentence ends at a line break, or at . ! ? (and closing quotes) before a space and a capital or digit.
_SENTENCE_END = re.compile(r"\n|[.!?][\"”’)\]]*[ \t\u00a0]+(?=[\"“(\[]?[A-Z0-9])")
_APPOSITION = re.compile(r"[ \t\u00a0]{0,2},[ \t\u00a0]{1,2}")
_CLOCK_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_LOCAL = re.compile(r"\b" + LOCAL_CLOCK_WORD + r"\b", re.IGNORECASE)
# A statement's day closes its sentence after a comma: ", kata X di Jakarta, Senin (5/5)."
_CLOSES_SENTENCE = re.compile(r"[ \t\u00a0]{0,2}(?:[.!?][\"”’]?|[\"”’][.!?]?)?[ \t\u00a0]*(?:\n|$)|[ \t\u00a0]{0,2}[.!?][\"”’)\]]*[ \t\u00a0]")
_AFTER_COMMA = re.compile(r",[ \t\u00a0]{0,3}$")
_WORDS = re.compile(r"\w+")
# the verbs that follow what was said ("…, kata X, Senin"): a verb before the content ("X mengatakan,
# rapat digelar Jumat (5/1)") introduces the day of what was said, not of the saying
_SPEECH = frozenset(POST_CUES | {w + CLITIC for w in POST_CUES})
_FUTURE = frozenset(FUTURE_CUES)
# a weekday on its own, as the grammar tags it: "Senin", "hari Senin"
_BARE_WEEKDAY = re.compile(r"(?:" + DAY_WORD + r"[ \t\u00a0]{1,3})?(" + "|".join(map(re.escape, WEEKDAYS)) + r")",
                           re.IGNORECASE)
_HOME_ZONE = re.compile(r"\b(?:" + "|".join(HOME_ZONES) + r")\b", re.IGNORECASE)


# The ways an expression is placed: a day in apposition, its sentence's day, its paragraph's, the local
# day of a clock "waktu setempat", minutes after a clock time.
PASSES = ("apposed", "weekday", "sentence", "paragraph", "story", "local", "shift")


def anchor_days(text: str, out: list[Timex], days: list[date | None], *, floating: list[int],
                counted: list[int], shifted: dict[int, int], published: date | None = None,
                off: frozenset[str] = frozenset(), placed: list[str | None] | None = None) -> list[Timex]:
    """The three passes, in order. `days[i]` is the day expression i fixes (None if it fixes none);
    `floating`, `counted` and `shifted` index `out` (see the module's docstring). Ways named in `off`
    are not taken; `placed[i]`, when given, gets the way expression i was placed."""
    placed = placed if placed is not None else [None] * len(out)
    out = apposed_days(text, out, days, counted, off, placed)
    out = apposed_weekdays(text, out, days, off, placed)
    out = place_floating(text, out, days, floating, published, off, placed)
    return shift_clocks(out, shifted, off, placed)


def apposed_days(text: str, out: list[Timex], days: list[date | None], counted: list[int],
                 off: frozenset[str] = frozenset(), placed: list[str | None] | None = None) -> list[Timex]:
    """ "Keesokan harinya, Senin (29/12), …": a counted day followed by a named one is the named one."""
    if "apposed" in off:
        return out
    for i in counted:
        if i + 1 < len(out) and days[i + 1] is not None and _APPOSITION.fullmatch(text, out[i].end, out[i + 1].start):
            out[i] = replace(out[i], value=days[i + 1].isoformat())
            days[i] = days[i + 1]
            if placed is not None:
                placed[i] = "apposed"
    return out


def apposed_weekdays(text: str, out: list[Timex], days: list[date | None], off: frozenset[str] = frozenset(),
                     placed: list[str | None] | None = None) -> list[Timex]:
    """ "tanggal 2 Oktober besok, hari Senin, jam 9 pagi": a weekday in apposition after a day that falls on
    it is that day, not the weekday nearest the publication day."""
    if "weekday" in off:
        return out
    for i in range(1, len(out)):
        named, before = _BARE_WEEKDAY.fullmatch(out[i].text), days[i - 1]
        if (named is None or before is None or days[i] == before
                or not _APPOSITION.fullmatch(text, out[i - 1].end, out[i].start)):
            continue
        if before.isoweekday() == WEEKDAYS[named.group(1).lower().replace("’", "'")]:
            out[i] = replace(out[i], value=before.isoformat())
            days[i] = before
            if placed is not None:
                placed[i] = "weekday"
    return out


def place_floating(text: str, out: list[Timex], days: list[date | None], floating: list[int],
                   published: date | None = None, off: frozenset[str] = frozenset(),
                   placed: list[str | None] | None = None) -> list[Timex]:
    """Each floating expression on its sentence's nearest day, else its paragraph's or its story's day of a
    happening, else the publication day (see the module)."""
    if not floating:
        return out
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    sentence = _ids(ends, out)
    paragraph = _ids([m.end() for m in re.finditer("\n", text)], out)
    before, after = _neighbours([d is not None for d in days])
    # the days that may date a happening told in another sentence: no statement's day, no plan
    statement = [d is not None and _statement_day(text, t, ends, sentence[j]) for j, (t, d) in enumerate(zip(out, days))]
    past = [d is not None and not statement[j] and (published is None or d <= published) for j, d in enumerate(days)]
    told = [d is not None and not statement[j] for j, d in enumerate(days)]
    near = {id(past): _neighbours(past), id(told): _neighbours(told)}
    future: dict[int, bool] = {}  # sentence id → does it speak of the future (read once per sentence)
    for i in floating:
        b, a = before[i], after[i]
        here = [j for j in (b, a) if j is not None and sentence[j] == sentence[i]] if "sentence" not in off else []
        if here:
            j, way = min(here, key=lambda j: max(out[j].start - out[i].end, out[i].start - out[j].end)), "sentence"
        else:
            k = sentence[i]
            if k not in future:
                future[k] = _future_sentence(text, ends, k)
            ok = told if future[k] else past
            b, a = near[id(ok)][0][i], near[id(ok)][1][i]
            here = [j for j in (b, a) if j is not None and paragraph[j] == paragraph[i]] if "paragraph" not in off else []
            if here:
                j, way = here[0], "paragraph"  # the paragraph's last day before it, else its first after it
            elif "story" in off:
                continue
            elif b is not None:
                j, way, here = b, "story", [b]
            elif published is not None:  # the last resort
                j, way, here = None, "story", []
            else:
                continue
        local = _local_day(out[i], [out[k] for k in here]) if "local" not in off else None
        day = local or (days[j] if j is not None else published)
        value = out[i].value
        if day is None or day.isoformat() == value[:value.index("T")]:
            continue
        out[i] = replace(out[i], value=day.isoformat() + value[value.index("T"):])
        if placed is not None:
            placed[i] = "local" if local else way
    return out


def _sentence_start(ends: list[int], k: int) -> int:
    return ends[k - 1] if k > 0 else 0


def _statement_day(text: str, t: Timex, ends: list[int], k: int) -> bool:
    """ "…, kata Kapolda di Bengkulu, Jumat (5/5)." — the day closes its sentence after a comma, and a
    speech verb that follows what was said comes before it in the sentence: it dates the statement, not
    the happening. A day with a clock time ("Jumat (5/1) pukul 16.00 WIB") is a happening's."""
    if _CLOCK_VALUE.match(t.value):
        return False
    start = _sentence_start(ends, k)
    if not (_AFTER_COMMA.search(text, max(start, t.start - 4), t.start) and _CLOSES_SENTENCE.match(text, t.end)):
        return False
    return any(w.group().lower() in _SPEECH for w in _WORDS.finditer(text, start, t.start))


def _future_sentence(text: str, ends: list[int], k: int) -> bool:
    """Does the clock's sentence speak of the future ("akan dimulai pukul 10.00")?"""
    start, end = _sentence_start(ends, k), ends[k] if k < len(ends) else len(text)
    return any(w.group().lower() in _FUTURE for w in _WORDS.finditer(text, start, end))


def _ids(ends: list[int], out: list[Timex]) -> list[int]:
    """Which sentence (or paragraph) each expression starts in, given where each one ends."""
    return [bisect_right(ends, t.start) for t in out]


def _neighbours(ok: list[bool]) -> tuple[list[int | None], list[int | None]]:
    """For each expression, the nearest expression before and after it that is `ok` (fixes a day)."""
    before: list[int | None] = []
    last = None
    for j, good in enumerate(ok):
        before.append(last)
        if good:
            last = j
    after: list[int | None] = [None] * len(ok)
    last = None
    for j in range(len(ok) - 1, -1, -1):
        after[j] = last
        if ok[j]:
            last = j
    return before, after


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
    candidates = [d for n in (-1, 0, 1) if (d := add_days(there.date(), n)) is not None]
    return min(candidates, key=lambda d: abs(datetime.fromisoformat(d.isoformat() + clock) - there))


def shift_clocks(out: list[Timex], shifted: dict[int, int], off: frozenset[str] = frozenset(),
                 placed: list[str | None] | None = None) -> list[Timex]:
    """ "40 menit kemudian" after "pukul 05.36 WIB" is the TIME 06:16 on that day (the day rolls over
    past midnight); with no clock time before it, it keeps its day."""
    if not shifted or "shift" in off:
        return out
    last: datetime | None = None
    for i, t in enumerate(out):
        if i in shifted and last is not None:
            try:
                moved = last + timedelta(minutes=shifted[i])
            except OverflowError:  # past the calendar's end: keep the day
                continue
            out[i] = replace(t, type="TIME", value=moved.isoformat(timespec="minutes"))
            if placed is not None:
                placed[i] = "shift"
        if _CLOCK_VALUE.fullmatch(out[i].value):
            last = datetime.fromisoformat(out[i].value)
    return out
