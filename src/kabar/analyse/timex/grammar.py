"""The detection grammar: one compiled alternation of rules built from `kabar.lang.id.time_words`.

Each rule is a regex with named groups; `t` (or `<form>_t` in a rule of several written forms)
marks the expression's span, so context words (prepositions before a bare year) can be matched
without being tagged. Every
repetition is bounded (spaces are `{1,3}`, numbers `{1,4}`), so no input can make the engine
backtrack catastrophically, and expressions never cross a line break.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kabar.lang.id import time_words as tw

S = r"[ \t\u00a0]{1,3}"  # one to three spaces, never a newline
S0 = r"[ \t\u00a0]{0,3}"


def alt(words) -> str:
    """Longest-first alternation of literal words; inner spaces match `S`."""
    items = sorted(set(words), key=len, reverse=True)
    if not items:
        raise ValueError("empty alternation")
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", S) for w in items) + ")"


DAY = alt(tw.WEEKDAYS)
MONTH = alt(tw.MONTHS)
MONTH_ANY = "(?:" + alt(list(tw.MONTHS) + list(tw.MONTH_ABBREVIATIONS)) + r"\.?)"
D = r"(?:3[01]|[12]\d|0?[1-9])"
M = r"(?:1[0-2]|0?[1-9])"
Y4 = r"(?:1[5-9]\d\d|20\d\d)"
NOT_NUM_BEFORE = r"(?<![\w.,/:-])"
NOT_NUM_AFTER = r"(?![\w/]|[.,:]\d)"
PART = alt(tw.PARTS)
POD = alt(tw.PARTS_OF_DAY)
CLOCK_POD = alt(list(tw.PARTS_OF_DAY) + list(tw.CLOCK_ONLY_PARTS))
# Indonesia's zones, and a clock "waktu setempat" or of a named place ("waktu Singapura", capitalised)
ZONE = (r"(?:" + alt(tw.HOME_ZONES) + r"|UTC|GMT|" + tw.LOCAL_CLOCK_WORD + S + r"(?:" + tw.LOCAL_WORD
        + r"|(?-i:[A-Z][a-zA-Z]{2,20})))")
HH = r"(?:2[0-4]|[01]?\d)"
MM = r"[0-5]\d"
UNIT_W = sorted(tw.UNITS)
UNIT = r"(?:" + alt(UNIT_W) + r")(?:nya)?"
NUMW = (
    r"(?:" + alt(tw.NUMBER_UNITS) + r"(?:" + S + alt(tw.NUMBER_MULTIPLIERS) + r")?(?:" + S + alt(tw.NUMBER_UNITS)
    + r")?|" + alt(tw.SE_NUMBERS) + r")"
)
NUM = (
    r"(?:" + NOT_NUM_BEFORE + r"(?:\d{1,3}(?:\.\d{3}){1,2}|\d{1,4}(?:,\d{1,2})?)(?![\d.,]\d)"
    + r"(?:" + S + tw.HALF_WORD + r")?|(?:" + NUMW + S + r")?" + tw.HALF_WORD + r"|" + NUMW + r")"
)
VAGUE = alt(tw.VAGUE_QUANTITIES)
SE = alt(tw.SE_FORMS)
REDUP = alt(tw.REDUPLICATED)
PAST = alt(tw.PAST_WORDS)
FUT = alt(tw.FUTURE_WORDS)
REL_ANY = alt(tw.PAST_WORDS + tw.FUTURE_WORDS + tw.THIS_WORDS)
COUNT_REL = alt(tw.PAST_WORDS + tw.FUTURE_WORDS + tw.AFTER_REF_WORDS + tw.BEFORE_REF_WORDS + tw.LATER_WORDS
                + tw.SPAN_WORDS)
UNIT_REL = alt(tw.PAST_WORDS + tw.FUTURE_WORDS + tw.THIS_WORDS + tw.AFTER_REF_WORDS + tw.BEFORE_REF_WORDS)
CAL_UNIT = alt(tw.CALENDAR_UNITS)
HIJRI = alt(tw.HIJRI_MONTHS)
HIJRI_SUFFIX = r"(?:H|Hijriah|Hijriyah|AH)\b"
HOLIDAY = alt(list(tw.GREGORIAN_HOLIDAYS) + list(tw.HIJRI_HOLIDAYS))
FIXED = alt(tw.FIXED)
CLOCK = r"(?:" + alt(tw.CLOCK_WORDS) + "|" + alt(tw.CLOCK_ABBREVIATIONS) + r"\.?)"
# A clock time written right after a date, as part of it ("Minggu (28/12) pukul 06.18 WIB"); after a
# comma it is an expression of its own (TIMEX3 keeps "Rabu (31/12), pukul 05.00 WIB" a DATE and a TIME).
TAIL = (
    r"(?:" + S0 + r"(?:" + alt(tw.CLOCK_HEDGES) + S + r")?" + CLOCK + S + r"(?P<hh>" + HH + r")(?:[.:](?P<mm>" + MM
    + r"))?(?![\d.:]\d)(?:" + S0 + r"(?P<zone>" + ZONE + r"))?)?(?:" + S + r"(?P<pod>" + POD + r"))?"
)
DECADE_WORD = r"(?:" + alt(k for k, v in tw.NUMBER_UNITS.items() if v >= 2) + S0 + tw.DECADE_SUFFIX + r")"
DAYPART = alt(list(tw.PARTS_OF_DAY) + list(tw.PARTS_OF_DAY_ALONE))
PRAYER = alt(tw.PRAYER_TIMES)
B = r"\b"
APOS = r"['’‘]"  # "era '90-an"

# Group names: `t` is the expression's span; a rule with several written forms prefixes each form's
# groups with the form's name (`br_d` the day inside brackets, `dmy_mon` the month of "22 Maret 2021").
RULES: dict[str, str] = {
    # Senin (22/3/2021) · Sabtu (26/11) malam · hari Minggu 11 Juli 2021 · Monday, March 22, 2021
    "daydate": (
        B + r"(?P<t>(?:" + tw.DAY_WORD + S + r")?(?P<wd>" + DAY + r")(?:" + S0 + r"[-–]" + S0 + DAY + r"|" + S
        + alt(tw.WEEKDAY_JOINERS)
        + S + DAY + r")?(?:" + S + r"(?P<wd_pod>" + POD + r"))?" + S0 + r",?" + S0
        + r"(?:"
        + r"\(" + S0 + r"(?P<br_d>" + D + r")(?:" + S0 + r"[-–]" + S0 + D + r")?" + S0 + r"[/.-]" + S0 + r"(?P<br_m>" + M
        + r")(?:" + S0 + r"[/.-]" + S0 + r"(?P<br_y>\d{4}|\d{2}))?" + S0 + r"\)"
        + r"|(?:" + tw.DAY_OF_MONTH_WORD + S + r")?(?P<dmy_d>" + D + r")" + S + r"(?P<dmy_mon>" + MONTH_ANY + r")(?:" + S0 + r",?" + S
        + r"(?P<dmy_y>" + Y4 + r"))?\b"
        + r"|(?P<mdy_mon>" + MONTH_ANY + r")" + S + r"(?P<mdy_d>" + D + r")(?:st|nd|rd|th)?(?:" + S0 + r",?" + S
        + r"(?P<mdy_y>" + Y4 + r"))?\b"
        + r"|(?P<num_d>" + D + r")[/.-](?P<num_m>" + M + r")[/.-](?P<num_y>\d{4})(?!\d)"
        + r")" + TAIL + r"(?:" + S + r"(?P<rel>" + alt(tw.DAYDATE_RELATIONS) + r"))?)"
    ),
    # 22 Maret 2021 · 15 November lalu · akhir Maret 2021 · March 22, 2021 · 2021-03-22 · 22/3/2021
    "date": (
        r"(?P<t>(?:\b(?P<part>" + PART + r")" + S + r")?(?:\b" + tw.DAY_OF_MONTH_WORD + S + r")?" + NOT_NUM_BEFORE
        + r"(?:(?P<dmy_d>" + D + r")(?:" + S0 + r"[-–]" + S0 + D + r")?" + S + r"(?P<dmy_mon>" + MONTH_ANY + r")(?:"
        + S + r"(?:" + tw.YEAR_WORD + S + r")?(?P<dmy_y>" + Y4 + r"))?\b"
        + r"|(?P<mdy_mon>" + MONTH_ANY + r")" + S + r"(?P<mdy_d>" + D + r")(?:st|nd|rd|th)?" + S0 + r"," + S0
        + r"(?P<mdy_y>" + Y4 + r")\b"
        + r"|(?P<iso_y>" + Y4 + r")-(?P<iso_m>1[0-2]|0[1-9])-(?P<iso_d>3[01]|[12]\d|0[1-9])(?![\d:])"
        + r"|(?P<num_d>" + D + r")(?P<num_sep>[/.-])(?P<num_m>" + M + r")(?P=num_sep)(?P<num_y>" + Y4 + r")(?!\d)"
        + r")" + TAIL + r"(?:" + S + r"(?P<rel>" + alt(tw.PAST_WORDS + tw.FUTURE_WORDS) + r"))?\b)"
    ),
    # tanggal 24 kemarin · tanggal 5 nanti · tanggal 17 (a day of a month the text does not name) · tanggal 24 dan 25 Mei
    "dom": (
        r"\b(?P<t>" + tw.DAY_OF_MONTH_WORD + S + r"(?P<d>" + D + r")(?:" + S0 + r"[-–]" + S0 + D + r")?(?![\w/]|[.,:-]\d)"
        + r"(?!" + S + r"(?:" + MONTH_ANY + r"|" + tw.MONTH_WORD + r"|" + HIJRI + r")\b)"
        + r"(?:" + S + r"(?P<rel>" + alt(tw.DAY_OF_MONTH_RELATIONS) + r")\b)?)"
        # "tanggal 24 dan 25 Desember": the month (and year) of the day that follows
        + r"(?:(?=" + S + alt(tw.WEEKDAY_JOINERS) + S + D + S + r"(?P<next_mon>" + MONTH_ANY + r")(?:" + S
        + r"(?P<next_y>" + Y4 + r"))?\b))?"
    ),
    # pukul 11.45 WIB · sekitar pukul 13.00 · jam 06.00 WIB pagi · 14.30 WITA · 3.48 dini hari
    "time": (
        # "jam setengah 3" is 2.30; "jam 9 malamnya", "jam 3 subuh": a part of day after the clock
        r"(?P<t>\b(?:" + alt(tw.CLOCK_HEDGES) + S + r")?" + CLOCK + S + r"(?:(?P<half>" + tw.HALF_WORD + r")" + S
        + r"(?=\d{1,2}(?!\d|[.:]\d)))?(?P<hh>" + HH + r")(?:[.:](?P<mm>" + MM + r"))?(?![\d.:]\d)"
        + r"(?:" + S0 + r"[-–]" + S0 + r"(?:" + CLOCK + S + r")?" + HH + r"(?:[.:]" + MM + r")?(?![\d.:]\d))?"
        + r"(?:" + S0 + r"(?P<zone>" + ZONE + r"))?\b(?:" + S + r"(?P<pod>" + CLOCK_POD + r")(?:nya)?)?(?:" + S
        + r"(?P<rel>" + alt(tw.CLOCK_RELATIONS) + r"))?\b"
        # without "pukul", a zone or a part of the day makes it a clock: "07.24 WIB", "3.48 dini hari"
        + r"|(?:\b" + alt(tw.CLOCK_HEDGES) + S + r")?" + NOT_NUM_BEFORE + r"(?P<bare_hh>" + HH + r")[.:](?P<bare_mm>" + MM + r")"
        + r"(?:" + S0 + r"(?P<bare_zone>" + ZONE + r")\b|(?![\d.,:])(?=" + S + POD + r"\b))(?:" + S + r"(?P<bare_pod>" + POD
        + r")\b)?)"
    ),
    # setiap Senin · tiap tahun · per hari · setiap 2 jam
    "set": (
        r"\b(?P<t>(?P<kw>" + alt(tw.SET_WORDS) + r")" + S + r"(?:(?P<n>" + NUM + r")" + S + r"(?P<count_unit>" + UNIT
        + r")|(?P<wd>" + DAY + r")|(?P<pod>" + POD + r")|(?P<unit>" + UNIT + r")|(?P<mon>" + MONTH
        + r")|" + tw.DAY_OF_MONTH_WORD + S + r"(?P<d>" + D + r"))\b)"
    ),
    # Ramadhan · 1 Syawal 1442 H · bulan suci Ramadhan 2021 · Idul Fitri · Natal tahun lalu
    "hijri": (
        r"\b(?P<t>(?:(?P<d>" + D + r")" + S + r")?(?:(?P<part>" + PART + r")" + S + r")?(?:(?P<bulan>" + tw.MONTH_WORD + r")" + S
        + r"(?:" + tw.HOLY_WORD + S + r")?)?(?:(?P<hm>" + HIJRI + r")|(?P<hol>" + HOLIDAY + r"))\b(?:" + S + r"(?:"
        + tw.YEAR_WORD + S + r")?(?:(?P<hy>1[34]\d\d)" + S0 + HIJRI_SUFFIX + r"|(?P<gy>" + Y4 + r")\b|(?P<rel>"
        + alt(list(tw.HOLIDAY_RELATIONS) + list(tw.HOLIDAY_YEAR_RELATIONS)) + r")\b))?)"
    ),
    # Juni 2021 lalu · bulan Mei · awal Juli · Juli tahun lalu · Okt 2021
    "monthyear": (
        r"\b(?P<t>(?:(?P<part>" + PART + r")" + S + r")?(?:(?P<bulan>" + tw.MONTH_WORD + r")" + S + r")?(?P<mon>" + MONTH + r")\b"
        + r"(?:" + S + r"(?:" + tw.YEAR_WORD + S + r")?(?P<y>" + Y4 + r")\b|" + S + tw.YEAR_WORD + S + r"(?P<yrel>"
        + alt(tw.YEAR_RELATIONS) + r")\b)?"
        + r"(?:" + S + r"(?P<rel>" + alt(tw.PAST_WORDS + tw.FUTURE_WORDS + tw.THIS_WORDS) + r")\b)?"
        + r"|(?P<abbr_mon>" + MONTH_ANY + r")" + S + r"(?P<abbr_y>" + Y4 + r")\b)"
    ),
    # tahun 1961 · tahun 2014 ini · tahun 80-an · tahun '80-an · sejak 90-an · 1988 lalu · pada 2012 · era 1990-an · awal 2015 · 2019-2024
    "year": (
        r"\b(?:(?P<tahun_t>(?:(?P<tahun_part>" + PART + r")" + S + r")?" + tw.YEAR_WORD + S + r"(?:" + APOS + r"?(?P<tahun_y>" + Y4
        + r"|\d{2})(?P<tahun_dec>-?an)?|(?P<tahun_decw>" + DECADE_WORD + r"))\b"
        + r"(?:" + S + r"(?P<tahun_rel>" + alt(tw.YEAR_AFTER_WORDS) + r")\b)?)"
        + r"|(?P<era_t>(?:(?P<era_part>" + PART + r")" + S + r")?" + alt(tw.DECADE_WORDS) + S + r"(?:" + APOS + r"?(?P<era_y>" + Y4
        + r"|\d{2})(?P<era_dec>-?an)|(?P<era_decw>" + DECADE_WORD + r"))\b)"
        + r"|(?P<part_t>(?P<part_part>" + PART + r")" + S + r"(?:(?P<part_y>" + Y4 + r")(?P<part_dec>-an)?(?![\d.,]\d)|"
        + APOS + r"?(?P<part_yy>\d0)(?P<part_ddec>-an)\b))"
        + r"|" + NOT_NUM_BEFORE + r"(?P<rel_t>(?P<rel_y>" + Y4 + r")(?P<rel_dec>-an)?" + S + r"(?:" + alt(tw.BARE_YEAR_AFTER_WORDS) + r")\b)"
        # a range of years, each end its own expression: periode 2019-2024 · 2014 – 2019
        + r"|" + NOT_NUM_BEFORE + r"(?P<from_t>(?P<from_y>" + Y4 + r"))(?=" + S0 + r"[-–—]" + S0 + Y4 + r"(?!\d))"
        + r"|(?:(?<=\d{4}[-–—])|(?<=\d{4} [-–—] ))(?P<to_t>(?P<to_y>" + Y4 + r"))(?![\w.,:/-]\d|\w)"
        + r"|" + NOT_NUM_BEFORE + r"(?P<bare_t>(?P<bare_y>" + Y4 + r")(?P<bare_dec>-an)?(?![\w/]|[.,:-]\d))"
        # a decade by its tens after a cue word: "sejak 90-an", "pada '80-an" (not "usia 90-an")
        + r"|(?<![\w.,/:-])(?P<dec_t>" + APOS + r"?(?P<dec_y>\d0)(?P<dec_dec>-an)\b))"
    ),
    # kuartal I 2021 · triwulan III-2020 · semester kedua tahun ini
    "yearpart": (
        r"\b(?P<t>(?P<unit>" + alt(tw.YEAR_PARTS) + r")" + S + r"(?:ke-?)?(?P<n>" + alt(tw.ORDINALS) + r")\b(?:"
        + S0 + r"[-/]?" + S0 + r"(?:" + tw.YEAR_WORD + S + r")?(?P<y>" + Y4 + r")\b|" + S + r"(?:" + tw.YEAR_WORD + S
        + r")?(?P<rel>" + alt(tw.YEAR_RELATIONS) + r")\b)?)"
    ),
    # abad ke-21 · abad XX
    "century": r"\b(?P<t>" + tw.CENTURY_WORD + S + r"(?:ke" + S0 + r"-?" + S0 + r")?(?P<n>\d{1,2}|[IVXL]{1,6})\b)",
    # hari ini (21/7) · kemarin (20/7/2017) · tadi malam (20/7): a relative day with its date in brackets
    "dated": (
        r"\b(?P<t>(?P<words>" + FIXED + r")\b" + S0 + r"\(" + S0 + r"(?P<br_d>" + D + r")" + S0 + r"/" + S0 + r"(?P<br_m>" + M
        + r")(?:" + S0 + r"/" + S0 + r"(?P<br_y>" + Y4 + r"))?" + S0 + r"\))"
    ),
    # akhir pekan lalu · minggu lalu · pekan depan · tahun lalu · awal tahun · hari berikutnya · Minggu lalu
    "unitrel": (
        r"\b(?P<t>(?:(?P<part>" + PART + r")" + S + r")?(?P<unit>" + CAL_UNIT + r")" + S + r"(?P<rel>" + UNIT_REL
        + r")\b|(?P<bare_part>" + PART + r")" + S + r"(?P<bare_unit>" + alt(tw.PART_UNITS) + r")\b(?!" + S
        + r"(?:ke-?|\d)))"
    ),
    # last week · next month · this weekend (English inside Indonesian pages)
    "english": r"\b(?P<t>(?P<rel>" + alt(tw.EN_RELATIONS) + r")" + S + r"(?P<unit>" + alt(tw.EN_UNITS) + r"))\b",
    # dua hari lalu · sepekan · 48 jam · beberapa tahun terakhir · satu abad terakhir · bertahun-tahun · sejenak ·
    # 3 tahun 6 bulan
    "count": (
        r"(?P<t>(?:\b(?P<approx>" + alt(tw.APPROX_MODS) + r")" + S + r")?(?:(?P<n>" + NUM + r"|\b" + VAGUE + r")" + S
        + r"(?P<unit>" + UNIT + r")(?:" + S + r"(?P<n2>" + NOT_NUM_BEFORE + r"\d{1,2}(?:,\d{1,3})?(?![\d.,]\d)|" + NUMW + r")" + S
        + r"(?P<unit2>" + alt({w for ws in tw.COMPOUND_UNITS.values() for w in ws}) + r")\b)?"
        + r"|\b(?P<se>" + SE + r"))\b(?!-)(?:" + S + r"(?P<rel>" + COUNT_REL + r")\b)?"
        + r"|\b(?P<redup>" + REDUP + r")\b)"
    ),
    # Senin · Senin lalu · Minggu pagi itu · Kamis malam
    "weekday": (
        r"\b(?P<t>(?:" + tw.DAY_WORD + S + r")?(?P<wd>" + DAY + r")\b(?:" + S + r"(?P<wd_pod>" + POD + r"))?" + TAIL
        + r"(?:" + S + r"(?P<rel>" + alt(tw.PAST_WORDS + tw.FUTURE_WORDS + tw.THIS_WORDS + tw.THAT_WORDS
                                         + tuple(tw.WEEK_RELATIONS)) + r"))?\b)"
    ),
    # hari ini · kemarin · saat ini · baru-baru ini · tadi malam
    "fixed": r"\b(?P<t>" + FIXED + r")\b(?!-)",
    # pada malam hari · dini hari · malam harinya · selepas ashar · menjelang magrib (the cue is not tagged)
    "daypart": (
        r"\b(?P<t>(?:(?P<pod>" + DAYPART + r")(?P<hari>" + S + alt(tw.DAYPART_DAY_WORDS) + r")?|(?P<prayer>" + PRAYER
        + r"))\b(?!-))"
    ),
    # dulu · dahulu (after "sejak", "dari" … or opening a clause)
    "formerly": r"\b(?P<t>" + alt(tw.FORMERLY) + r")\b(?!-)",
}


def _prefixed(name: str, pattern: str) -> str:
    """Give every named group of a rule a unique `rule__group` name for the master alternation."""
    pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{name}__{m.group(1)}>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={name}__{m.group(1)})", pattern)


def _first_words() -> frozenset[str]:
    """Lower-case words an expression can start with (digits are checked apart)."""
    words: set[str] = set()
    for group in (tw.WEEKDAYS, tw.MONTHS, tw.MONTH_ABBREVIATIONS, tw.PARTS, tw.NUMBER_WORDS, tw.SE_FORMS,
                  tw.REDUPLICATED, tw.FIXED, tw.HIJRI_MONTHS, tw.GREGORIAN_HOLIDAYS, tw.HIJRI_HOLIDAYS,
                  tw.UNITS, tw.PARTS_OF_DAY, tw.PARTS_OF_DAY_ALONE, tw.PRAYER_TIMES, tw.FORMERLY):
        for key in group:
            words.add(re.split(r"[\s\-'’]", key)[0])
    words.update(tw.VAGUE_QUANTITIES, tw.SET_WORDS, tw.CALENDAR_UNITS, tw.YEAR_PARTS,
                 tw.EN_RELATIONS)
    words.update((tw.DAY_WORD, tw.DAY_OF_MONTH_WORD, tw.MONTH_WORD, tw.YEAR_WORD, tw.CENTURY_WORD, *tw.DECADE_WORDS,
                  *tw.CLOCK_WORDS, *tw.CLOCK_ABBREVIATIONS, *tw.CLOCK_HEDGES, *(w.split()[0] for w in tw.APPROX_MODS)))
    return frozenset(words)


FIRST_WORDS = _first_words()
# Candidate starts: words (split at hyphens and apostrophes, as the first words above are).
WORD = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=1)
def master() -> re.Pattern[str]:
    """One alternation of all rules, in priority order, each wrapped in a group named after it."""
    parts = [f"(?P<{name}>{_prefixed(name, pattern)})" for name, pattern in RULES.items()]
    # Every expression starts at a word start: the lookahead rejects other positions in one step.
    return re.compile(r"\b(?=\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


@lru_cache(maxsize=None)
def single(name: str) -> re.Pattern[str]:
    """One rule alone (tests and debugging)."""
    return re.compile(f"(?P<{name}>{_prefixed(name, RULES[name])})", re.IGNORECASE)
