"""Resolvers of days and clock times: weekday dates, dates, clock times, weekdays, fixed words
("kemarin", "malam itu"), days of an unnamed month, parts of the day and prayer times, "dulu"."""

from __future__ import annotations

import re
from datetime import date

from kabar.analyse.timex import calendar as cal
from kabar.analyse.timex.resolved import (
    Context, Groups, Resolved, clock_value, day_value, direction_of, hour_of_day, low, month_of, previous_word,
    sentence_initial, year_of,
)
from kabar.lang.id import time_words as tw


def _future_context(text: str, start: int) -> bool:
    """Does the clause before a bare weekday speak of the future ("akan … pada Kamis")?"""
    window = text[max(0, start - 80):start].lower()
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind(","))
    words = set(re.findall(r"\w+", window[cut + 1:]))
    return bool(words & set(tw.FUTURE_CUES))


def weekday_value(wd: int, rel: str, ctx: Context, start: int) -> tuple[str, date | None]:
    if ctx.anchor is None:
        return f"XXXX-WXX-{wd}", None
    if rel in tw.WEEKDAY_RELATIONS:
        relation = tw.WEEKDAY_RELATIONS[rel]
    elif rel in tw.WEEK_RELATIONS:
        # "Jumat pekan lalu": that weekday in the week named
        monday = cal.add_days(ctx.anchor, 1 - ctx.anchor.isoweekday() + 7 * tw.WEEK_RELATIONS[rel])
        day = cal.add_days(monday, wd - 1) if monday else None
        return day_value(day), day
    else:
        relation = "future" if _future_context(ctx.text, start) else "past"
    day = cal.weekday_date(wd, ctx.anchor, relation)
    return day_value(day), day



def r_daydate(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    wd = tw.WEEKDAYS[low(g["wd"]).replace("’", "'")]
    form = g.form("br", "dmy", "mdy", "num", key="d")
    if form in ("br", "num"):
        dom, month, year = int(g[f"{form}_d"]), int(g[f"{form}_m"]), year_of(g[f"{form}_y"])
    else:
        dom, month, year = int(g[f"{form}_d"]), month_of(g[f"{form}_mon"]), year_of(g[f"{form}_y"])
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
    typ, value = clock_value(g, day_value(day, month, dom), pod="pod" if g["pod"] else "wd_pod")
    return Resolved(start, end, typ, value, day=day)


def r_date(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    form = g.form("dmy", "mdy", "iso", "num", key="d")
    word = g[f"{form}_mon"] if form in ("dmy", "mdy") else None
    dom, year = int(g[f"{form}_d"]), year_of(g[f"{form}_y"])
    month = month_of(word) if word else int(g[f"{form}_m"])
    if not month:
        return None
    if word and low(word) in tw.MONTH_ABBREVIATIONS and year is None and word[0].islower():
        return None  # "3 jan" in running text is too weak
    if year is not None:
        day = cal.safe_date(year, month, dom)
        if day is None:
            return None
    elif ctx.anchor is not None:
        if cal.safe_date(2000, month, dom) is None:
            return None
        day = cal.choose_day(month, dom, ctx.anchor, direction=direction_of(g["rel"]))
    else:
        day = None
    mod = tw.PARTS.get(low(g["part"])) if g["part"] else None
    typ, value = clock_value(g, day_value(day, month, dom))
    return Resolved(start, end, typ, value, mod, day=day)


def r_time(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    offset = tw.CLOCK_RELATIONS.get(low(g["rel"]))
    floating = offset is None  # no word, or "kemudian": the day of the happening
    if floating:
        day = ctx.ref or ctx.anchor
    else:
        day = cal.add_days(ctx.anchor, offset) if ctx.anchor else None
    if g["bare_hh"] is not None:
        if int(g["bare_hh"]) > 24:
            return None
        hour = hour_of_day(int(g["bare_hh"]), low(g["bare_pod"]))
        return Resolved(start, end, "TIME", f"{day_value(day)}T{hour:02d}:{g['bare_mm']}", floating=floating)
    if int(g["hh"]) > 24:
        return None
    typ, value = clock_value(g, day_value(day), half=g["half"] is not None)
    return Resolved(start, end, typ, value, floating=floating)


def r_weekday(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    word = g["wd"]
    if low(word) == "minggu" and word[0] != "M" and not low(g["t"]).startswith("hari"):
        return None  # lower-case "minggu" is a week
    if low(word) in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") \
            and not word[0].isupper():
        return None
    rel = low(g["rel"])
    if rel in tw.THAT_WORDS:
        rel = ""
    wd = tw.WEEKDAYS[low(word).replace("’", "'")]
    value, day = weekday_value(wd, rel, ctx, start)
    part = low(g["pod"] or g["wd_pod"])
    if g["hh"] is not None:
        h = hour_of_day(int(g["hh"]), part)
        return Resolved(start, end, "TIME", f"{value}T{h:02d}:{int(g['mm'] or 0):02d}", day=day)
    if part:
        return Resolved(start, end, "TIME", f"{value}T{tw.PARTS_OF_DAY[part]}", day=day)
    return Resolved(start, end, "DATE", value, day=day)


def r_fixed(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    return _fixed(low(g["t"]), start, end, ctx)


def _fixed(words: str, start: int, end: int, ctx: Context) -> Resolved | None:
    typ, rule = tw.FIXED[words]
    if rule.startswith("SEASON:"):
        year = f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX"
        return Resolved(start, end, typ, f"{year}-{rule[7:]}")
    if not rule.startswith(("DCT", "REF")):
        return Resolved(start, end, typ, rule)
    story = rule.startswith("REF")
    base = (ctx.ref or ctx.anchor) if story else ctx.anchor
    offset, _, part = rule[3:].partition("@")
    day = cal.add_days(base, int(offset)) if base else None
    value = day_value(day)
    if part:
        # "malam itu" is on the day of the happening its sentence reports: its day floats like a clock
        # time's; "keesokan paginya" is counted from the story's day and stays.
        floats = story and int(offset) == 0
        return Resolved(start, end, "TIME", f"{value}T{part}", day=None if floats else day, floating=floats)
    return Resolved(start, end, typ, value, day=day, counted=story)


def r_dated(g: Groups, ctx: Context) -> Resolved | None:
    """ "hari ini (21/7)", "kemarin (20/7/2017)", "tadi malam (20/7)": the written day wins over the count
    from the publication day (pages are often dated later than they were written)."""
    start, end, _ = g.span("t")
    _, rule = tw.FIXED[low(g["words"])]
    month, dom = int(g["br_m"]), int(g["br_d"])
    if g["br_y"]:
        day = cal.safe_date(int(g["br_y"]), month, dom)
    elif ctx.anchor is not None:
        day = cal.choose_day(month, dom, ctx.anchor)
    else:
        day = None
    if day is None:  # no such day ("kemarin (31/2)"): the words alone
        words_start, words_end, _ = g.span("words")
        return _fixed(low(g["words"]), words_start, words_end, ctx)
    part = rule.partition("@")[2]
    if part:
        return Resolved(start, end, "TIME", f"{day_value(day)}T{part}", day=day)
    return Resolved(start, end, "DATE", day_value(day), day=day)


def r_dom(g: Groups, ctx: Context) -> Resolved | None:
    """ "tanggal 24 kemarin": the 24th of this month or the last (of the next for "nanti")."""
    start, end, _ = g.span("t")
    dom, rel = int(g["d"]), low(g["rel"])
    month = month_of(g["next_mon"]) if g["next_mon"] else None
    if month and g["next_y"]:
        day = cal.safe_date(int(g["next_y"]), month, dom)
    elif month and ctx.anchor is not None:
        day = cal.choose_day(month, dom, ctx.anchor)
    elif ctx.anchor is None:
        return Resolved(start, end, "DATE", day_value(None, month, dom))
    else:
        day = cal.choose_day_of_month(dom, ctx.anchor, direction=direction_of(rel), this_month=rel == "ini")
    return Resolved(start, end, "DATE", day_value(day), day=day) if day else None


def r_daypart(g: Groups, ctx: Context) -> Resolved | None:
    """A part of the day or a prayer time on the day of the happening: "pada malam hari", "selepas ashar"."""
    start, end, _ = g.span("t")
    if g["prayer"]:
        part = tw.PRAYER_TIMES[low(g["prayer"])]
    else:
        word = low(g["pod"])
        part = tw.PARTS_OF_DAY.get(word) or tw.PARTS_OF_DAY_ALONE[word]
    always = g["hari"] is not None or low(g["pod"]) in tw.DAYPART_ALWAYS
    if not always and previous_word(ctx.text, start) not in tw.DAYPART_CUES:
        return None  # "makan malam", "pasar malam", "salat ashar"
    day = ctx.ref or ctx.anchor
    return Resolved(start, end, "TIME", f"{day_value(day)}T{part}", floating=True)


def r_formerly(g: Groups, ctx: Context) -> Resolved | None:
    """ "Dulu, …", "sejak dulu", "dulunya": formerly (PAST_REF); "makan dulu", "terlebih dahulu" are "first"."""
    start, end, _ = g.span("t")
    before = previous_word(ctx.text, start)
    if before in tw.FORMERLY_NOT_AFTER:
        return None
    aside = ctx.text[max(0, start - 2):start].strip(" \t\u00a0").endswith(",") and \
        re.match(r"[ \t\u00a0]{0,2},", ctx.text[end:end + 3]) is not None
    if low(g["t"]) in tw.FORMERLY_ALWAYS or before in tw.FORMERLY_CUES or sentence_initial(ctx.text, start) or aside:
        return Resolved(start, end, "DATE", "PAST_REF")
    return None
