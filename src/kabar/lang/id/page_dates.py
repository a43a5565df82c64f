"""How Indonesian news pages print their publication time, as data.

Month, weekday and time-zone words come from `time_words` (one source for the calendar
words); only what is particular to page date lines is kept here.
"""

from __future__ import annotations

from kabar.lang.id.time_words import MONTH_ABBREVIATIONS, ZONES
from kabar.lang.id.time_words import MONTHS as MONTH_NAMES
from kabar.lang.id.time_words import WEEKDAYS as WEEKDAY_NAMES

__all__ = ["MONTHS", "WEEKDAYS", "ZONES", "NOT_PUBLISHED_CUES", "DATE_LINE_WORDS"]

# Month names and abbreviations, Indonesian and English, lower-case: a date line abbreviates freely.
MONTHS: dict[str, int] = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}

# Short day names that open date lines ("Sen, 22 Mar 2021"), ISO-numbered like `time_words.WEEKDAYS`.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "sen": 1, "sel": 2, "rab": 3, "kam": 4, "jum": 5, "sab": 6, "min": 7,
    "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
}
# Day names (Indonesian and English, full and short) that may open a date line; Monday = 1.
WEEKDAYS: dict[str, int] = {**WEEKDAY_NAMES, **WEEKDAY_ABBREVIATIONS}

# Words before a date that say it is not the publication time (update, caption, print edition).
NOT_PUBLISHED_CUES: tuple[str, ...] = (
    "diperbarui", "diupdate", "update", "updated", "pembaruan", "terakhir diubah", "modified",
)

# Lower-case words a publication date line may carry besides the date itself ("Diterbitkan pada
# Senin, 3 Juni 2024 pukul 10.15 WIB", "Published on ..."). A line with more lower-case words than
# these is a sentence, and a date in a sentence (a birth date in an obituary) is no publication date.
DATE_LINE_WORDS: frozenset[str] = frozenset((
    "diterbitkan", "terbit", "dipublikasikan", "publikasi", "dipublikasi", "tayang", "ditayangkan", "posting",
    "diposting", "dimuat", "pukul", "jam", "tanggal", "tgl", "oleh", "wib", "wita", "wit",
    "published", "posted", "on", "at", "by", "am", "pm", "gmt", "utc", "com", "co", "id", "net", "hari", "ini",
    "kemarin", "lalu", "menit", "baca", "dibaca", "kali", "waktu", "sumber", "foto", "redaksi", "reporter",
    "penulis", "editor", "news", "berita", "laporan", "wartawan", "kontributor",
    *NOT_PUBLISHED_CUES,
))
