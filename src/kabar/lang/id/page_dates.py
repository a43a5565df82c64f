"""How Indonesian news pages print their publication time, as data."""

from __future__ import annotations

# Month names and abbreviations, Indonesian and English, lower-case.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2, "peb": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8, "agus": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}

# Day names (Indonesian and English) that may open a date line.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}

# Indonesian time zones and their UTC offsets.
ZONES: dict[str, str] = {
    "wib": "+07:00",
    "wita": "+08:00",
    "wit": "+09:00",
    "gmt+7": "+07:00",
    "gmt+07:00": "+07:00",
    "utc+7": "+07:00",
    "gmt+8": "+08:00",
    "gmt+9": "+09:00",
}

# Words before a date that say it is not the publication time (update, caption, print edition).
NOT_PUBLISHED_CUES: tuple[str, ...] = (
    "diperbarui", "diupdate", "update", "updated", "pembaruan", "terakhir diubah", "modified",
)
