"""Resolvers of counts of time: durations ("dua hari", "sejenak"), days counted from another ("dua hari
lalu", "tiga minggu kemudian"), recurrences ("setiap Senin")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from kabar.analyse.timex import calendar as cal
from kabar.analyse.timex.periods import week_of
from kabar.analyse.timex.resolved import Context, Groups, Resolved, day_value, low, previous_word
from kabar.lang.id import time_words as tw


def r_set(g: Groups, ctx: Context) -> Resolved | None:
    start, end, _ = g.span("t")
    per = low(g["kw"]) == "per"
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
    if g["wd"] and g["wd"] == g["wd"].lower() and low(g["wd"]) == "minggu":
        return Resolved(start, end, "SET", "P1W")
    if g["wd"]:
        return Resolved(start, end, "SET", f"XXXX-WXX-{tw.WEEKDAYS[low(g['wd']).replace('’', chr(39))]}")
    if g["pod"]:
        return Resolved(start, end, "SET", f"XXXX-XX-XXT{tw.PARTS_OF_DAY[low(g['pod'])]}")
    if g["mon"]:
        return Resolved(start, end, "SET", f"XXXX-{tw.MONTHS[low(g['mon'])]:02d}")
    return Resolved(start, end, "SET", f"XXXX-XX-{int(g['d']):02d}")


def _amount(text: str | None) -> float | None:
    """A count as a number; None for words that are not numbers, -1 for vague quantities."""
    if text is None:
        return None
    words = low(text)
    if words in tw.VAGUE_QUANTITIES:
        return -1
    half = 0.0
    if words.endswith("setengah"):
        half, words = 0.5, words[: -len("setengah")].strip()
        if not words:
            return 0.5
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", words):
        return int(words.replace(".", "")) + half
    if re.fullmatch(r"\d+(?:,\d+)?", words):
        return float(words.replace(",", ".")) + half
    n = tw.parse_number_words(words)
    return None if n is None else n + half


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _unit(word: str) -> tuple[str, int, bool]:
    w = low(word)
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


def _second_count(g: Groups, amount: float, unit_word: str) -> tuple[float, str] | None:
    """The smaller count of "3 tahun 6 bulan", when the pair is one of `COMPOUND_UNITS`."""
    if not g["unit2"] or amount < 0:
        return None
    second, unit2 = _amount(g["n2"]), low(g["unit2"])
    first = low(unit_word).removesuffix("nya")
    if second is None or unit2 not in tw.COMPOUND_UNITS.get(first, ()):
        return None
    return second, unit2


def _compound(amount: float, unit_word: str, second: float, unit2: str) -> str:
    """One TIMEX3 duration of two counts: P3Y6M, PT2H30M, P1DT6H, PT1M37.467S."""
    date_part, clock_part = "", ""
    for n, word in ((amount, unit_word), (second, unit2)):
        letter, mult, clock = _unit(word)
        piece = f"{_num(n * mult)}{letter}"
        if clock:
            clock_part += piece
        else:
            date_part += piece
    return "P" + date_part + ("T" + clock_part if clock_part else "")


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
        return Resolved(start, end, "DURATION", _duration(-1, tw.REDUPLICATED[low(g["redup"])]))
    if g["se"]:
        amount, unit_word = 1.0, tw.SE_FORMS[low(g["se"])]
    else:
        amount, unit_word = _amount(g["n"]), g["unit"]
        if amount is None:
            return None
        if unit_word == "Minggu" and g["n"] and not g["rel"]:
            return None  # "2 Minggu" with a capital is a date fragment more often than a span
        if letter_of(unit_word) == "X" and amount >= 0:
            return None  # "satu saat" is "some day", not a count of moments
    if previous_word(ctx.text, start) in tw.AGE_WORDS + tw.NON_TIME_WORDS:
        return None
    if letter_of(unit_word) == "Y" and not g["rel"] and _apposition(ctx.text, start, end):
        return None  # "Andre, 26 tahun, …": an age in apposition
    if re.match(r"[ \t]{0,2}ke-?\d", ctx.text[end:end + 6]):
        return None
    rel = low(g["rel"])
    letter, mult, clock = _unit(unit_word)
    day_of_month = _day_of_relative_month(g, ctx, start, end, letter, rel)
    if day_of_month is not None:
        return day_of_month
    second = _second_count(g, amount, unit_word)
    if not rel or rel in tw.SPAN_WORDS or rel in ("mendatang", "yang akan datang"):
        mod = tw.APPROX_MODS.get(low(g["approx"])) if g["approx"] else None
        value = _compound(amount, unit_word, *second) if second else _duration(amount, unit_word)
        return Resolved(start, end, "DURATION", value, mod)
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
        return Resolved(start, end, "DATE", day_value(day), day=day, counted=True) if day else None
    if clock:
        if rel in tw.AFTER_REF_WORDS or rel in tw.BEFORE_REF_WORDS:
            # counted from the last clock time the text gave, once every clock time has its day
            minutes = n * {"H": 60, "M": 1, "S": 1 / 60}[letter]
            if second and second[1] in ("menit", "detik"):  # "1 jam 20 menit kemudian"
                minutes += sign * second[0] * (1 if second[1] == "menit" else 1 / 60)
            return Resolved(start, end, "DATE", day_value(base), clock_shift=round(minutes))
        if ctx.stamp is not None and letter == "H":
            t = ctx.stamp + timedelta(hours=n)
            return Resolved(start, end, "TIME", t.replace(tzinfo=None).isoformat(timespec="minutes"))
        return Resolved(start, end, "DATE", day_value(base), day=None)
    if base is None:
        return Resolved(start, end, "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(letter, "XXXX"))
    try:
        if letter == "D":
            day = cal.add_days(base, n)
            return Resolved(start, end, "DATE", day_value(day), day=day, counted=True)
        if letter == "W":
            return Resolved(start, end, "DATE", week_of(cal.add_days(base, 7 * n), False))
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
    return Resolved(start, end, "DATE", day_value(day), day=day)
