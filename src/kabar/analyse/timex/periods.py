"""Resolvers of periods: Hijri months and holidays, months, years and decades, quarters, centuries,
calendar units named against the anchor ("pekan lalu", "awal tahun")."""

from __future__ import annotations

import re
from datetime import date

from kabar.analyse.timex import calendar as cal
from kabar.analyse.timex.days import weekday_value
from kabar.analyse.timex.resolved import (
    Context, Groups, Resolved, day_value, direction_of, low, month_of, previous_word, sentence_initial, year_of,
)
from kabar.lang.id import time_words as tw


def r_hijri(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    rel = low(g["rel"])
    year_shift = tw.HOLIDAY_YEAR_RELATIONS.get(rel)
    direction = tw.HOLIDAY_RELATIONS.get(rel, 0)
    gy = year_of(g["gy"]) if g["gy"] else None
    if gy is None and year_shift is not None and ctx.anchor is not None:
        gy = ctx.anchor.year + year_shift
    hy = int(g["hy"]) if g["hy"] else None
    if g["hol"]:
        name = low(g["hol"])
        if g["d"] and not g["part"] and not g["bulan"]:
            start = g.span("hol")[0]  # "H+2 Lebaran": the number is not part of the holiday's name
        if name == tw.NEW_YEAR and re.match(r"[ \t\u00a0]{1,3}(?:" + "|".join(tw.OTHER_NEW_YEARS) + ")",
                                            ctx.text[end:end + 12], re.I):
            return None
        if name in tw.GREGORIAN_HOLIDAYS:
            month, dom = tw.GREGORIAN_HOLIDAYS[name]
            if gy is not None:
                day = cal.safe_date(gy, month, dom)
            elif ctx.anchor is not None:
                day = cal.choose_day(month, dom, ctx.anchor, direction=direction)
            else:
                return Resolved(start, end, "DATE", f"XXXX-{month:02d}-{dom:02d}")
            return Resolved(start, end, "DATE", day_value(day), day=day)
        hmonth, hday = tw.HIJRI_HOLIDAYS[name]
        return _hijri_value(start, end, hmonth, hday, hy, gy, ctx, direction, day_level=True)
    name = low(g["hm"])
    hmonth = tw.HIJRI_MONTHS[name]
    if hmonth not in (1, 9, 10, 12) and not (g["d"] or g["bulan"] or hy):
        return None  # "Rajab", "Safar" are also personal names
    dom = int(g["d"]) if g["d"] else None
    mod = tw.PARTS.get(low(g["part"])) if g["part"] else None
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
    month = month_of(word)
    if not month:
        return None
    if g["mon"] and not g["y"] and not g["bulan"]:
        if re.match(r"[ \t\u00a0]{1,3}[A-Z][a-z]", ctx.text[end:end + 6]) and not g["part"]:
            return None  # "April Lestari": a name, not a month
        if word[0].islower() or low(word) == "may":
            return None  # a bare month is written with a capital; English "may" is a modal
    year = year_of(g["y"] or g["abbr_y"])
    if year is None and g["yrel"] and ctx.anchor is not None:
        year = ctx.anchor.year + tw.YEAR_RELATIONS[low(g["yrel"])]
    rel = low(g["rel"])
    if year is None and ctx.anchor is not None:
        direction = direction_of(rel) or (-1 if previous_word(ctx.text, start) in tw.SINCE_WORDS else 0)
        year = ctx.anchor.year if rel == "ini" else cal.choose_month_year(month, ctx.anchor, direction)
    mod = tw.PARTS.get(low(g["part"])) if g["part"] else None
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return Resolved(start, end, "DATE", value, mod)


YEAR_FORMS = ("tahun", "era", "part", "rel", "from", "to", "bare", "dec")


def r_year(g: Groups, ctx: Context) -> Resolved | None:
    form = g.form(*YEAR_FORMS, key="t")
    start, end, _ = g.span(f"{form}_t")
    dec = g[f"{form}_dec"] if form not in ("from", "to") else None
    words = g[f"{form}_decw"] if form in ("tahun", "era") else None
    if words:
        # "tahun delapan puluhan": the 1980s, or the 2080s? The decade named last before the anchor.
        tens = tw.parse_number_words(low(words).removesuffix(tw.DECADE_SUFFIX).strip())
        return Resolved(start, end, "DATE", _decade(tens, ctx), _part_mod(g, form))
    digits = g[f"{form}_y"]
    if form == "part" and digits is None:  # "awal 90-an": a decade by its tens
        digits, dec = g["part_yy"], g["part_ddec"]
    y = year_of(digits)
    if y is None:
        return None
    if form in ("from", "to") and not _year_range(ctx.text, start, end, form):
        return None
    if form == "tahun" and len(digits) == 2 and not dec:
        return None  # "tahun 98" is too rare to beat "98 tahun"-style noise
    if form in ("bare", "dec"):
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
    return tw.PARTS.get(low(part)) if part else None


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
    letter = tw.YEAR_PARTS[low(g["unit"])]
    n = tw.ORDINALS[low(g["n"])]
    if n > {"Q": 4, "H": 2, "T": 3}[letter]:
        return None
    year = year_of(g["y"])
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year + tw.YEAR_RELATIONS.get(low(g["rel"]), 0)
    return Resolved(start, end, "DATE", f"{year:04d}-{letter}{n}" if year else f"XXXX-{letter}{n}")


def r_century(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    n = int(g["n"]) if g["n"].isdigit() else _roman(g["n"])
    if not n or n > 30:
        return None
    return Resolved(start, end, "DATE", f"{n - 1:02d}")


def week_of(day: date | None, weekend: bool) -> str:
    if day is None:
        return "XXXX-WXX" + ("-WE" if weekend else "")
    return cal.iso_week(day) + ("-WE" if weekend else "")


def r_unitrel(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    unit_word = g["unit"] or g["bare_unit"]
    unit = low(unit_word)
    rel = low(g["rel"])
    part = low(g["part"] or g["bare_part"])
    # "Minggu lalu" mid-sentence, or after "pada"/"hari", is last Sunday; sentence-initial it is "last week".
    if unit_word == "Minggu" and not part and not sentence_initial(ctx.text, start):
        value, day = weekday_value(7, rel, ctx, start)
        return Resolved(start, end, "DATE", value, day=day)
    return _unit_relative(start, end, unit, rel, part, ctx)


def _unit_relative(start: int, end: int, unit: str, rel: str, part: str, ctx: Context) -> Resolved | None:
    """A calendar unit named against the anchor (or the story's last day): "pekan lalu", "awal tahun"."""
    mod = tw.PARTS.get(part) if part else None
    if rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS:
        base, shift = ctx.ref or ctx.anchor, (1 if rel in tw.AFTER_REF_WORDS else -1)
    else:
        base, shift = ctx.anchor, {-1: -1, 1: 1}.get(direction_of(rel), 0)
    if unit == "hari":
        if rel == "ini" or rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS or rel == "kemarin":
            shift = -1 if rel == "kemarin" else shift
            day = cal.add_days(base, shift) if base else None
            return Resolved(start, end, "DATE", day_value(day), day=day)
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
        return Resolved(start, end, "DATE", week_of(day, weekend), None if weekend else mod)
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
    rel = tw.EN_RELATIONS[low(g["rel"])]
    unit = tw.EN_UNITS[low(g["unit"])]
    part, _, unit = unit.rpartition(" ")
    res = _unit_relative(start, end, unit, rel, part, ctx)
    return res
