"""From a grammar match to a TIMEX3 type and value: one resolver per rule.

A resolver gets the rule's groups and the context (publication day, the story's last
explicit day) and returns a `Resolved`, or None to drop the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kabar.analyse.timex import calendar as cal
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


def _low(s: str | None) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip(".") if s else ""


def _month(word: str | None) -> int | None:
    w = _low(word)
    return tw.MONTHS.get(w) or tw.MONTH_ABBREVIATIONS.get(w)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    if len(text) == 2:
        y += 2000 if y <= 40 else 1900
    return y


def _direction(rel: str | None) -> int:
    rel = _low(rel)
    if rel in tw.PAST_WORDS:
        return -1
    if rel in tw.FUTURE_WORDS:
        return 1
    return 0


def _day_value(day: date | None, month: int | None = None, dom: int | None = None) -> str:
    if day is not None:
        return day.isoformat()
    mm = f"{month:02d}" if month else "XX"
    dd = f"{dom:02d}" if dom else "XX"
    return f"XXXX-{mm}-{dd}"


def _clock(g: Groups, day_value: str, hh: str = "hh", mm: str = "mm", pod: str = "pod") -> tuple[str, str]:
    """(type, value) of a day plus an optional clock time and part of day."""
    hour, minute, part = g[hh], g[mm], _low(g[pod])
    if hour is not None:
        h = int(hour)
        if part in tw.PM_PARTS and h < 12 and not (part == "malam" and h < 5):
            h += 12
        if h == 24:
            h = 0
        return "TIME", f"{day_value}T{h:02d}:{int(minute or 0):02d}"
    if part:
        return "TIME", f"{day_value}T{tw.PARTS_OF_DAY[part]}"
    return "DATE", day_value


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“‘(":
        i -= 1
    return i < 0 or text[i] in "\n.!?:"


def _future_context(text: str, start: int) -> bool:
    """Does the clause before a bare weekday speak of the future ("akan … pada Kamis")?"""
    window = text[max(0, start - 80):start].lower()
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind(","))
    words = set(re.findall(r"\w+", window[cut + 1:]))
    return bool(words & set(tw.FUTURE_CUES))


def _weekday_value(wd: int, rel: str, ctx: Context, start: int) -> tuple[str, date | None]:
    if ctx.anchor is None:
        return f"XXXX-WXX-{wd}", None
    if rel in ("lalu", "yang lalu", "kemarin"):
        relation = "last"
    elif rel in ("depan", "mendatang", "yang akan datang"):
        relation = "next"
    elif rel in ("nanti", "besok"):
        relation = "future"
    elif rel == "ini":
        relation = "this"
    elif rel in tw.WEEK_RELATIONS:
        # "Jumat pekan lalu": that weekday in the week named
        monday = cal.add_days(ctx.anchor, 1 - ctx.anchor.isoweekday() + 7 * tw.WEEK_RELATIONS[rel])
        day = cal.add_days(monday, wd - 1) if monday else None
        return _day_value(day), day
    else:
        relation = "future" if _future_context(ctx.text, start) else "past"
    day = cal.weekday_date(wd, ctx.anchor, relation)
    return _day_value(day), day


# --- resolvers -------------------------------------------------------------------------------

def r_daydate(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    wd = tw.WEEKDAYS[_low(g["wd"]).replace("’", "'")]
    form = g.form("br", "dmy", "mdy", "num", key="d")
    if form in ("br", "num"):
        dom, month, year = int(g[f"{form}_d"]), int(g[f"{form}_m"]), _year(g[f"{form}_y"])
    else:
        dom, month, year = int(g[f"{form}_d"]), _month(g[f"{form}_mon"]), _year(g[f"{form}_y"])
    if not month:
        return None
    if year is not None:
        day = cal.safe_date(year, month, dom)
        if day is None:
            return None
    elif ctx.anchor is not None:
        day = cal.choose_day(month, dom, ctx.anchor, weekday=wd)
        if form == "br" and day is not None and abs((day - ctx.anchor).days) > 90:
            # "Kamis (7/3)" in a paper of 3 July: day and month swapped, the weekday confirms it.
            swapped = cal.safe_date(ctx.anchor.year, dom, month) if dom <= 12 else None
            if swapped and swapped.isoweekday() == wd and abs((swapped - ctx.anchor).days) <= 7:
                day, month, dom = swapped, swapped.month, swapped.day
    else:
        day = None
    typ, value = _clock(g, _day_value(day, month, dom), pod="pod" if g["pod"] else "wd_pod")
    return Resolved(start, end, typ, value, day=day)


def r_date(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    form = g.form("dmy", "mdy", "iso", "num", key="d")
    word = g[f"{form}_mon"] if form in ("dmy", "mdy") else None
    dom, year = int(g[f"{form}_d"]), _year(g[f"{form}_y"])
    month = _month(word) if word else int(g[f"{form}_m"])
    if not month:
        return None
    if word and _low(word) in tw.MONTH_ABBREVIATIONS and year is None and word[0].islower():
        return None  # "3 jan" in running text is too weak
    if year is not None:
        day = cal.safe_date(year, month, dom)
        if day is None:
            return None
    elif ctx.anchor is not None:
        if cal.safe_date(2000, month, dom) is None:
            return None
        day = cal.choose_day(month, dom, ctx.anchor, direction=_direction(g["rel"]))
    else:
        day = None
    mod = tw.PARTS.get(_low(g["part"])) if g["part"] else None
    typ, value = _clock(g, _day_value(day, month, dom))
    return Resolved(start, end, typ, value, mod, day=day)


def r_time(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    rel = _low(g["rel"])
    if rel == "kemarin":
        day = cal.add_days(ctx.anchor, -1) if ctx.anchor else None
    elif rel in ("tadi", "ini", "nanti"):
        day = ctx.anchor
    else:
        day = ctx.ref or ctx.anchor
    floating = rel not in ("kemarin", "tadi", "ini", "nanti")
    if g["bare_hh"] is not None:
        return Resolved(start, end, "TIME", f"{_day_value(day)}T{int(g['bare_hh']):02d}:{g['bare_mm']}",
                        floating=floating)
    if int(g["hh"]) > 24:
        return None
    typ, value = _clock(g, _day_value(day))
    return Resolved(start, end, typ, value, floating=floating)


def r_set(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    per = _low(g["kw"]) == "per"
    if g["count_unit"]:
        amount = _amount(g["n"])
        return Resolved(start, end, "SET", _duration(amount, g["count_unit"])) if amount is not None else None
    if g["unit"]:
        unit = g["unit"]
        if letter_of(unit) == "X":
            return None  # "setiap saat" is "at any moment", no recurrence
        if unit.startswith("Minggu") and not per:
            return Resolved(start, end, "SET", "XXXX-WXX-7")
        return Resolved(start, end, "SET", _duration(1, unit))
    if per:
        return None
    if g["wd"] and g["wd"] == g["wd"].lower() and _low(g["wd"]) == "minggu":
        return Resolved(start, end, "SET", "P1W")
    if g["wd"]:
        return Resolved(start, end, "SET", f"XXXX-WXX-{tw.WEEKDAYS[_low(g['wd']).replace('’', chr(39))]}")
    if g["pod"]:
        return Resolved(start, end, "SET", f"XXXX-XX-XXT{tw.PARTS_OF_DAY[_low(g['pod'])]}")
    if g["mon"]:
        return Resolved(start, end, "SET", f"XXXX-{tw.MONTHS[_low(g['mon'])]:02d}")
    return Resolved(start, end, "SET", f"XXXX-XX-{int(g['d']):02d}")


def r_hijri(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    rel = _low(g["rel"])
    year_shift = {"tahun lalu": -1, "tahun depan": 1, "tahun ini": 0}.get(rel)
    direction = {"lalu": -1, "depan": 1, "mendatang": 1}.get(rel, 0)
    gy = _year(g["gy"]) if g["gy"] else None
    if gy is None and year_shift is not None and ctx.anchor is not None:
        gy = ctx.anchor.year + year_shift
    hy = int(g["hy"]) if g["hy"] else None
    if g["hol"]:
        name = _low(g["hol"])
        if g["d"] and not g["part"] and not g["bulan"]:
            start = g.span("hol")[0]  # "H+2 Lebaran": the number is not part of the holiday's name
        if name == "tahun baru" and re.match(r"[ \t\u00a0]{1,3}(?:imlek|islam|hijri)", ctx.text[end:end + 12], re.I):
            return None
        if name in tw.GREGORIAN_HOLIDAYS:
            month, dom = tw.GREGORIAN_HOLIDAYS[name]
            if gy is not None:
                day = cal.safe_date(gy, month, dom)
            elif ctx.anchor is not None:
                day = cal.choose_day(month, dom, ctx.anchor, direction=direction)
            else:
                return Resolved(start, end, "DATE", f"XXXX-{month:02d}-{dom:02d}")
            return Resolved(start, end, "DATE", _day_value(day), day=day)
        hmonth, hday = tw.HIJRI_HOLIDAYS[name]
        return _hijri_value(start, end, hmonth, hday, hy, gy, ctx, direction, day_level=True)
    name = _low(g["hm"])
    hmonth = tw.HIJRI_MONTHS[name]
    if hmonth not in (1, 9, 10, 12) and not (g["d"] or g["bulan"] or hy):
        return None  # "Rajab", "Safar" are also personal names
    dom = int(g["d"]) if g["d"] else None
    mod = tw.PARTS.get(_low(g["part"])) if g["part"] else None
    res = _hijri_value(start, end, hmonth, dom or 15, hy, gy, ctx, direction, day_level=dom is not None)
    return Resolved(res.start, res.end, res.type, res.value, mod, res.day)


def _hijri_value(start, end, hmonth, hday, hy, gy, ctx, direction, *, day_level: bool) -> Resolved:
    if hy is not None:
        day = cal.hijri_to_gregorian(hy, hmonth, hday)
    elif gy is not None or ctx.anchor is not None:
        day = cal.hijri_year_near(hmonth, hday, ctx.anchor or date(gy, 6, 30), gregorian_year=gy,
                                  direction=direction)
    else:
        day = None
    if day is None:
        return Resolved(start, end, "DATE", "XXXX")
    if day_level:
        return Resolved(start, end, "DATE", day.isoformat(), day=day)
    return Resolved(start, end, "DATE", f"{day.year:04d}-{day.month:02d}")


def r_monthyear(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    word = g["mon"] or g["abbr_mon"]
    month = _month(word)
    if not month:
        return None
    if g["mon"] and not g["y"] and not g["bulan"]:
        if re.match(r"[ \t\u00a0]{1,3}[A-Z][a-z]", ctx.text[end:end + 6]) and not g["part"]:
            return None  # "April Lestari": a name, not a month
        if word[0].islower() or _low(word) == "may":
            return None  # a bare month is written with a capital; English "may" is a modal
    year = _year(g["y"] or g["abbr_y"])
    if year is None and g["yrel"] and ctx.anchor is not None:
        year = ctx.anchor.year + {"lalu": -1, "ini": 0, "depan": 1}[_low(g["yrel"])]
    rel = _low(g["rel"])
    if year is None and ctx.anchor is not None:
        direction = _direction(rel) or (-1 if _previous_word(ctx.text, start) in tw.SINCE_WORDS else 0)
        year = ctx.anchor.year if rel == "ini" else cal.choose_month_year(month, ctx.anchor, direction)
    mod = tw.PARTS.get(_low(g["part"])) if g["part"] else None
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return Resolved(start, end, "DATE", value, mod)


YEAR_FORMS = ("tahun", "era", "part", "rel", "from", "to", "bare")


def r_year(g: Groups, ctx: Context) -> Resolved | None:
    form = g.form(*YEAR_FORMS, key="t")
    start, end, _ = g.span(f"{form}_t")
    dec = g[f"{form}_dec"] if form not in ("from", "to") else None
    words = g[f"{form}_decw"] if form in ("tahun", "era") else None
    if words:
        # "tahun delapan puluhan": the 1980s, or the 2080s? The decade named last before the anchor.
        tens = tw.parse_number_words(_low(words).removesuffix(tw.DECADE_SUFFIX).strip())
        return Resolved(start, end, "DATE", _decade(tens, ctx), _part_mod(g, form))
    digits = g[f"{form}_y"]
    y = _year(digits)
    if y is None:
        return None
    if form in ("from", "to") and not _year_range(ctx.text, start, end, form):
        return None
    if form == "tahun" and len(digits) == 2 and not dec:
        return None  # "tahun 98" is too rare to beat "98 tahun"-style noise
    if form == "bare":
        before = ctx.text[max(0, start - 30):start]
        cue = re.search(r"(\S+)[ \t\u00a0]{1,3}$", before)
        if not cue or cue.group(1).lower().strip("(\"'“‘,") not in tw.YEAR_CUES:
            return None  # a bare number that looks like a year: only after "pada", "sejak", "Pemilu" …
        after = re.match(r"[ \t\u00a0]{1,3}(\w+)", ctx.text[end:end + 20])
        if after and after.group(1).lower() in tw.MEASURE_WORDS:
            return None  # "hingga 2000 orang"
    if dec:
        value = _decade(int(digits) // 10, ctx) if len(digits) == 2 else f"{y // 10:03d}"
        return Resolved(start, end, "DATE", value, _part_mod(g, form))
    return Resolved(start, end, "DATE", f"{y:04d}", _part_mod(g, form))


def _part_mod(g: Groups, form: str) -> str | None:
    part = g[f"{form}_part"] if form in ("tahun", "era", "part") else None
    return tw.PARTS.get(_low(part)) if part else None


def _decade(tens: int | None, ctx: Context) -> str:
    """A decade named by its tens ("80-an", "delapan puluhan"): the latest one not after the anchor's
    ("tahun 80-an" in 2014 is the 1980s, "tahun 20-an" the 1920s in 2014 and the 2020s in 2025)."""
    if tens is None or not 0 <= tens <= 9:
        return "XXX"
    now = ctx.anchor.year if ctx.anchor else 2000
    century = now // 100 if (now // 100) * 100 + tens * 10 <= now else now // 100 - 1
    return f"{century:02d}{tens}"


def _year_range(text: str, start: int, end: int, which: str) -> bool:  # which: "from" or "to"
    """ "2019-2024": both ends years, the second later and within a century (not "2019-2012", a code)."""
    if which == "from":
        pair = re.match(r"(\d{4})[ \t\u00a0]{0,3}[-–—][ \t\u00a0]{0,3}(\d{4})", text[start:])
    else:
        pair = re.search(r"(\d{4})[ \t\u00a0]{0,3}[-–—][ \t\u00a0]{0,3}(\d{4})$", text[max(0, start - 12):end])
    if pair is None:
        return False
    first, last = int(pair.group(1)), int(pair.group(2))
    return first < last <= first + 100


def _roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = values.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def r_yearpart(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    letter = tw.YEAR_PARTS[_low(g["unit"])]
    n = tw.ORDINALS[_low(g["n"])]
    if n > {"Q": 4, "H": 2, "T": 3}[letter]:
        return None
    year = _year(g["y"])
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year + {"lalu": -1, "depan": 1, "mendatang": 1}.get(_low(g["rel"]), 0)
    return Resolved(start, end, "DATE", f"{year:04d}-{letter}{n}" if year else f"XXXX-{letter}{n}")


def r_century(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    n = int(g["n"]) if g["n"].isdigit() else _roman(g["n"])
    if not n or n > 30:
        return None
    return Resolved(start, end, "DATE", f"{n - 1:02d}")


def _week_of(day: date | None, weekend: bool) -> str:
    if day is None:
        return "XXXX-WXX" + ("-WE" if weekend else "")
    return cal.iso_week(day) + ("-WE" if weekend else "")


def r_unitrel(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    unit_word = g["unit"] or g["bare_unit"]
    unit = _low(unit_word)
    rel = _low(g["rel"])
    part = _low(g["part"] or g["bare_part"])
    # "Minggu lalu" mid-sentence, or after "pada"/"hari", is last Sunday; sentence-initial it is "last week".
    if unit_word == "Minggu" and not part and not _sentence_initial(ctx.text, start):
        value, day = _weekday_value(7, rel, ctx, start)
        return Resolved(start, end, "DATE", value, day=day)
    return _unit_relative(start, end, unit, rel, part, ctx)


def _unit_relative(start: int, end: int, unit: str, rel: str, part: str, ctx: Context) -> Resolved | None:
    """A calendar unit named against the anchor (or the story's last day): "pekan lalu", "awal tahun"."""
    mod = tw.PARTS.get(part) if part else None
    if rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS:
        base, shift = ctx.ref or ctx.anchor, (1 if rel in tw.AFTER_REF_WORDS else -1)
    else:
        base, shift = ctx.anchor, {-1: -1, 1: 1}.get(_direction(rel), 0)
    if unit == "hari":
        if rel == "ini" or rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS or rel == "kemarin":
            shift = -1 if rel == "kemarin" else shift
            day = cal.add_days(base, shift) if base else None
            return Resolved(start, end, "DATE", _day_value(day), day=day)
        return None
    if base is None:
        value = {"minggu": "XXXX-WXX", "pekan": "XXXX-WXX", "bulan": "XXXX-XX"}.get(unit, "XXXX")
        if unit in ("minggu", "pekan") and part == "akhir":
            value += "-WE"
            mod = None
        return Resolved(start, end, "DATE", value, mod)
    if unit in ("minggu", "pekan"):
        weekend = part == "akhir"
        if weekend and not rel:
            # "akhir pekan" alone: the weekend just past early in the week, else the coming one.
            shift = -1 if base.isoweekday() <= 2 else 0
        day = cal.add_days(base, 7 * shift)
        return Resolved(start, end, "DATE", _week_of(day, weekend), None if weekend else mod)
    if unit == "bulan":
        y, m = cal.add_months(base.year, base.month, shift)
        return Resolved(start, end, "DATE", f"{y:04d}-{m:02d}", mod)
    if unit == "tahun":
        return Resolved(start, end, "DATE", f"{base.year + shift:04d}", mod)
    if unit == "dekade":
        return Resolved(start, end, "DATE", f"{base.year // 10 + shift:03d}", mod)
    if unit == "abad":
        return Resolved(start, end, "DATE", f"{base.year // 100 + shift:02d}", mod)
    return None


def r_english(g: Groups, ctx: Context) -> Resolved | None:
    """"last week" → resolved as "pekan lalu", "this weekend" as "akhir pekan ini"."""
    start, end, _ = g.span("t")
    rel = tw.EN_RELATIONS[_low(g["rel"])]
    unit = tw.EN_UNITS[_low(g["unit"])]
    part, _, unit = unit.rpartition(" ")
    res = _unit_relative(start, end, unit, rel, part, ctx)
    return res


def _amount(text: str | None) -> float | None:
    """A count as a number; None for words that are not numbers, -1 for vague quantities."""
    if text is None:
        return None
    low = _low(text)
    if low in tw.VAGUE_QUANTITIES:
        return -1
    half = 0.0
    if low.endswith("setengah"):
        half, low = 0.5, low[: -len("setengah")].strip()
        if not low:
            return 0.5
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", low):
        return int(low.replace(".", "")) + half
    if re.fullmatch(r"\d+(?:,\d+)?", low):
        return float(low.replace(",", ".")) + half
    n = tw.parse_number_words(low)
    return None if n is None else n + half


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _unit(word: str) -> tuple[str, int, bool]:
    w = _low(word)
    if w.endswith("nya") and w not in tw.UNITS:
        w = w[:-3]
    return tw.UNITS[w]


def _duration(amount: float, unit_word: str) -> str:
    letter, mult, clock = _unit(unit_word)
    if letter == "X" or amount < 0:
        return f"PTX{letter}" if clock else f"PX{letter}"
    amount *= mult
    if not float(amount).is_integer() and letter in tw.FRACTION_UNITS:
        letter, per = tw.FRACTION_UNITS[letter]  # "setengah hari" = PT12H
        amount, clock = amount * per, True
    n = _num(amount)
    return f"PT{n}{letter}" if clock else f"P{n}{letter}"


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"(\w+(?:-\w+)?)[ \t\u00a0]{1,3}$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def letter_of(unit_word: str) -> str:
    return _unit(unit_word)[0]


def _apposition(text: str, start: int, end: int) -> bool:
    """A count between a comma or bracket and a comma, bracket or 'itu/tersebut'."""
    before = text[max(0, start - 3):start].rstrip(" \t\u00a0")
    after = text[end:end + 12]
    return before.endswith((",", "(")) and re.match(r"[ \t\u00a0]{0,2}(?:[,)]|itu\b|tersebut\b)", after) is not None


def r_count(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    if g["redup"]:
        return Resolved(start, end, "DURATION", _duration(-1, tw.REDUPLICATED[_low(g["redup"])]))
    if g["se"]:
        amount, unit_word = 1.0, tw.SE_FORMS[_low(g["se"])]
    else:
        amount, unit_word = _amount(g["n"]), g["unit"]
        if amount is None:
            return None
        if unit_word == "Minggu" and g["n"] and not g["rel"]:
            return None  # "2 Minggu" with a capital is a date fragment more often than a span
        if letter_of(unit_word) == "X" and amount >= 0:
            return None  # "satu saat" is "some day", not a count of moments
    if _previous_word(ctx.text, start) in tw.AGE_WORDS + tw.NON_TIME_WORDS:
        return None
    if letter_of(unit_word) == "Y" and not g["rel"] and _apposition(ctx.text, start, end):
        return None  # "Andre, 26 tahun, …": an age in apposition
    if re.match(r"[ \t]{0,2}ke-?\d", ctx.text[end:end + 6]):
        return None
    rel = _low(g["rel"])
    letter, mult, clock = _unit(unit_word)
    day_of_month = _day_of_relative_month(g, ctx, start, end, letter, rel)
    if day_of_month is not None:
        return day_of_month
    if not rel or rel in tw.SPAN_WORDS or rel in ("mendatang", "yang akan datang"):
        mod = tw.APPROX_MODS.get(_low(g["approx"])) if g["approx"] else None
        return Resolved(start, end, "DURATION", _duration(amount, unit_word), mod)
    if rel in tw.PAST_WORDS:
        base, sign, vague = ctx.anchor, -1, "PAST_REF"
    elif rel in tw.LATER_WORDS or rel in ("depan", "nanti", "besok"):
        base, sign, vague = ctx.anchor, 1, "FUTURE_REF"
    elif rel in tw.AFTER_REF_WORDS:
        base, sign, vague = ctx.ref or ctx.anchor, 1, "FUTURE_REF"
    else:
        base, sign, vague = ctx.ref or ctx.anchor, -1, "PAST_REF"
    if amount < 0 or letter == "X":
        return Resolved(start, end, "DATE", vague)
    n = int(round(amount * mult)) * sign
    if letter in ("W", "M") and not clock and ctx.ref is not None and (
            rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS):
        # Weeks or months after a dated happening land on a day: "tiga minggu kemudian" is 21 days on.
        day = cal.add_days(base, 7 * n) if letter == "W" else cal.add_months_to_day(base, n)
        return Resolved(start, end, "DATE", _day_value(day), day=day, counted=True) if day else None
    if clock:
        if rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS:
            # counted from the last clock time the text gave, once every clock time has its day
            minutes = n * {"H": 60, "M": 1, "S": 1 / 60}[letter]
            return Resolved(start, end, "DATE", _day_value(base), clock_shift=round(minutes))
        if ctx.stamp is not None and letter == "H":
            t = ctx.stamp + timedelta(hours=n)
            return Resolved(start, end, "TIME", t.strftime("%Y-%m-%dT%H:%M"))
        return Resolved(start, end, "DATE", _day_value(base), day=None)
    if base is None:
        return Resolved(start, end, "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(letter, "XXXX"))
    try:
        if letter == "D":
            day = cal.add_days(base, n)
            return Resolved(start, end, "DATE", _day_value(day), day=day, counted=True)
        if letter == "W":
            return Resolved(start, end, "DATE", _week_of(cal.add_days(base, 7 * n), False))
        if letter == "M":
            y, m = cal.add_months(base.year, base.month, n)
            return Resolved(start, end, "DATE", f"{y:04d}-{m:02d}")
        return Resolved(start, end, "DATE", f"{base.year + n:04d}")
    except (OverflowError, ValueError):
        return None


def _day_of_relative_month(g: Groups, ctx: Context, start: int, end: int, letter: str, rel: str) -> Resolved | None:
    """ "tanggal 5 bulan lalu" is the 5th of last month, not five months ago."""
    before = re.search(r"\btanggal[ \t\u00a0]{1,3}$", ctx.text[max(0, start - 12):start], re.IGNORECASE)
    if before is None or letter != "M" or not (g["n"] or "").isdigit() or not 1 <= int(g["n"]) <= 31:
        return None
    offset = -1 if rel in tw.PAST_WORDS else 1 if rel in ("depan", "mendatang", "yang akan datang") else None
    if offset is None:
        return None
    start -= len(before.group())
    if ctx.anchor is None:
        return Resolved(start, end, "DATE", f"XXXX-XX-{int(g['n']):02d}")
    y, m = cal.add_months(ctx.anchor.year, ctx.anchor.month, offset)
    try:
        day = date(y, m, int(g["n"]))
    except ValueError:
        return None
    return Resolved(start, end, "DATE", _day_value(day), day=day)


def r_weekday(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    word = g["wd"]
    if _low(word) == "minggu" and word[0] != "M" and not _low(g["t"]).startswith("hari"):
        return None  # lower-case "minggu" is a week
    if _low(word) in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") \
            and not word[0].isupper():
        return None
    rel = _low(g["rel"])
    if rel == "itu":
        rel = ""
    wd = tw.WEEKDAYS[_low(word).replace("’", "'")]
    value, day = _weekday_value(wd, rel, ctx, start)
    part = _low(g["pod"] or g["wd_pod"])
    if g["hh"] is not None:
        h = int(g["hh"])
        if part in tw.PM_PARTS and h < 12 and not (part == "malam" and h < 5):
            h += 12
        return Resolved(start, end, "TIME", f"{value}T{h % 24:02d}:{int(g['mm'] or 0):02d}", day=day)
    if part:
        return Resolved(start, end, "TIME", f"{value}T{tw.PARTS_OF_DAY[part]}", day=day)
    return Resolved(start, end, "DATE", value, day=day)


def r_fixed(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    typ, rule = tw.FIXED[_low(g["t"])]
    if rule.startswith("SEASON:"):
        year = f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"
        return Resolved(start, end, typ, f"{year}-{rule[7:]}")
    if not rule.startswith(("DCT", "REF")):
        return Resolved(start, end, typ, rule)
    story = rule.startswith("REF")
    base = (ctx.ref or ctx.anchor) if story else ctx.anchor
    offset, _, part = rule[3:].partition("@")
    day = cal.add_days(base, int(offset)) if base else None
    value = _day_value(day)
    if part:
        # "malam itu" is on the day of the happening its sentence reports: its day floats like a clock time's.
        return Resolved(start, end, "TIME", f"{value}T{part}", day=None if story else day, floating=story)
    return Resolved(start, end, typ, value, day=day, counted=story)


def r_dom(g: Groups, ctx: Context) -> Resolved | None:
    """ "tanggal 24 kemarin": the 24th of this month or the last (of the next for "nanti")."""
    start, end, _ = g.span("t")
    dom, rel = int(g["d"]), _low(g["rel"])
    if ctx.anchor is None:
        return Resolved(start, end, "DATE", f"XXXX-XX-{dom:02d}")
    day = cal.choose_day_of_month(dom, ctx.anchor, direction=_direction(rel), this_month=rel == "ini")
    return Resolved(start, end, "DATE", _day_value(day), day=day) if day else None


def r_daypart(g: Groups, ctx: Context) -> Resolved | None:
    """A part of the day or a prayer time on the day of the happening: "pada malam hari", "selepas ashar"."""
    start, end, _ = g.span("t")
    if g["prayer"]:
        part = tw.PRAYER_TIMES[_low(g["prayer"])]
    else:
        word = _low(g["pod"])
        part = tw.PARTS_OF_DAY.get(word) or tw.PARTS_OF_DAY_ALONE[word]
    always = g["hari"] is not None or _low(g["pod"]) in tw.DAYPART_ALWAYS
    if not always and _previous_word(ctx.text, start) not in tw.DAYPART_CUES:
        return None  # "makan malam", "pasar malam", "salat ashar"
    day = ctx.ref or ctx.anchor
    return Resolved(start, end, "TIME", f"{_day_value(day)}T{part}", floating=True)


def r_formerly(g: Groups, ctx: Context) -> Resolved | None:
    """ "Dulu, …", "sejak dulu", "dulunya": formerly (PAST_REF); "makan dulu", "terlebih dahulu" are "first"."""
    start, end, _ = g.span("t")
    before = _previous_word(ctx.text, start)
    if before in tw.FORMERLY_NOT_AFTER:
        return None
    aside = ctx.text[max(0, start - 2):start].strip(" \t\u00a0").endswith(",") and \
        re.match(r"[ \t\u00a0]{0,2},", ctx.text[end:end + 3]) is not None
    if _low(g["t"]).endswith("nya") or before in tw.FORMERLY_CUES or _sentence_initial(ctx.text, start) or aside:
        return Resolved(start, end, "DATE", "PAST_REF")
    return None


RESOLVERS: dict[str, Callable[[Groups, Context], Resolved | None]] = {
    "daydate": r_daydate, "date": r_date, "time": r_time, "set": r_set, "hijri": r_hijri,
    "monthyear": r_monthyear, "year": r_year, "yearpart": r_yearpart, "century": r_century, "unitrel": r_unitrel,
    "english": r_english, "count": r_count, "weekday": r_weekday, "fixed": r_fixed,
    "dom": r_dom, "daypart": r_daypart, "formerly": r_formerly,
}
