"""Indonesian (and English) time vocabulary: the data behind `kabar.analyse.timex`.

Everything here is plain data; the grammar in `kabar.analyse.timex.grammar` turns
it into patterns. Keys are lower-case.
"""

from __future__ import annotations

# Gregorian months: Indonesian full names, old spellings, abbreviations, English.
MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
}
# Abbreviations are only trusted next to a day number or a year ("22 Okt 2021").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "agus": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11,
    "des": 12, "dec": 12,
}

# ISO weekday numbers (Monday = 1, as `date.isoweekday()`), the one numbering Kabar uses.
# "minggu" is also the word for week: the grammar decides.
WEEKDAYS: dict[str, int] = {
    "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "jum'at": 5, "jum’at": 5,
    "sabtu": 6, "minggu": 7, "ahad": 7,
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

# Number words: units, teens and tens are composed by `parse_number_words`.
NUMBER_UNITS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}
NUMBER_WORDS: dict[str, int] = {
    **NUMBER_UNITS, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
    "setengah": 0,  # handled as a fraction by the grammar
}
NUMBER_MULTIPLIERS: dict[str, int] = {"belas": 10, "puluh": 10, "ratus": 100, "ribu": 1000}
# One ten, eleven, hundred, thousand: the se- forms.
SE_NUMBERS: tuple[str, ...] = ("sepuluh", "sebelas", "seratus", "seribu")
# A decade by its tens in words: "(tahun) delapan puluhan" = the eighties.
DECADE_SUFFIX = "puluhan"

# Duration units → (TIMEX3 unit letter, multiplier, is a time-of-day unit).
UNITS: dict[str, tuple[str, int, bool]] = {
    "detik": ("S", 1, True), "menit": ("M", 1, True), "jam": ("H", 1, True),
    "hari": ("D", 1, False), "malam": ("D", 1, False), "minggu": ("W", 1, False),
    "pekan": ("W", 1, False), "bulan": ("M", 1, False), "tahun": ("Y", 1, False),
    "windu": ("Y", 8, False), "dekade": ("Y", 10, False), "dasawarsa": ("Y", 10, False),
    "abad": ("Y", 100, False), "milenium": ("Y", 1000, False), "semester": ("M", 6, False),
    "kuartal": ("M", 3, False), "triwulan": ("M", 3, False),
    "saat": ("X", 1, False),  # a moment: unit unknown, so its count is never a number ("beberapa saat" = PXX)
}
# A count followed by a count of a smaller unit is one duration: "3 tahun 6 bulan" (P3Y6M),
# "2 jam 30 menit" (PT2H30M), "1 menit 37,467 detik" (a lap time, PT1M37.467S).
COMPOUND_UNITS: dict[str, tuple[str, ...]] = {
    "tahun": ("bulan", "minggu", "pekan", "hari"), "bulan": ("minggu", "pekan", "hari"), "minggu": ("hari",),
    "pekan": ("hari",), "hari": ("jam", "menit"), "jam": ("menit", "detik"), "menit": ("detik",),
}
# "se-" forms: sehari, sepekan, setahun … = one unit.
SE_FORMS: dict[str, str] = {
    "sedetik": "detik", "semenit": "menit", "sejam": "jam", "sehari": "hari", "seminggu": "minggu",
    "sepekan": "pekan", "sebulan": "bulan", "setahun": "tahun", "sewindu": "windu",
    "sedekade": "dekade", "seabad": "abad",
    "sejenak": "saat", "sesaat": "saat", "sekejap": "saat",
}
# Reduplicated vague durations: bertahun-tahun = for years.
REDUPLICATED: dict[str, str] = {
    "berdetik-detik": "detik", "bermenit-menit": "menit", "berjam-jam": "jam", "berhari-hari": "hari",
    "berminggu-minggu": "minggu", "berpekan-pekan": "pekan", "berbulan-bulan": "bulan",
    "bertahun-tahun": "tahun", "berabad-abad": "abad", "berdekade-dekade": "dekade",
}
# Vague quantities: beberapa hari = PXD.
VAGUE_QUANTITIES: tuple[str, ...] = (
    "beberapa", "belasan", "puluhan", "ratusan", "ribuan", "sejumlah", "berapa",
    "hitungan",  # "dalam hitungan menit": some minutes, PTXM
)
# A fraction of a day is counted in hours: "setengah hari" = PT12H, not P0.5D.
FRACTION_UNITS: dict[str, tuple[str, int]] = {"D": ("H", 24)}

# Relative words after a calendar unit or a count.
PAST_WORDS: tuple[str, ...] = ("yang lalu", "lalu", "silam", "kemarin", "yang telah lalu")
FUTURE_WORDS: tuple[str, ...] = ("depan", "mendatang", "yang akan datang", "nanti", "besok")
THIS_WORDS: tuple[str, ...] = ("ini",)
# After a weekday, how it stands to the publication day: "Senin lalu" is the last Monday before it,
# "Senin depan" the next after it, "Senin nanti" on or after it, "Senin ini" in its week.
WEEKDAY_RELATIONS: dict[str, str] = {
    "lalu": "last", "yang lalu": "last", "kemarin": "last", "depan": "next", "mendatang": "next",
    "yang akan datang": "next", "nanti": "future", "besok": "future", "ini": "this",
}
# Words joining two weekdays into a range: "Senin dan Selasa (22/3)", "Senin-Selasa" (the dash is the grammar's).
WEEKDAY_JOINERS: tuple[str, ...] = ("dan", "hingga", "sampai")
# After a weekday with its date: "Sabtu (26/11) lalu", "Kamis (8/1) mendatang".
DAYDATE_RELATIONS: tuple[str, ...] = ("kemarin", "lalu", "itu", "ini", "mendatang", "depan", "nanti", "besok")
# After a clock time: the day it is on. "kemarin" the day before publication, "tadi/ini/nanti" the
# publication day; "kemudian" (and no word) the day of the happening.
CLOCK_RELATIONS: dict[str, int | None] = {"kemarin": -1, "tadi": 0, "ini": 0, "nanti": 0, "kemudian": None}
# Words that introduce a clock time: "pukul 10.00", "jam 8 malam", "pkl. 09.00".
CLOCK_WORDS: tuple[str, ...] = ("pukul", "jam")
CLOCK_ABBREVIATIONS: tuple[str, ...] = ("pkl", "pk")
# After a year, a month or a part of a year: the year it is in, counted from the publication year.
YEAR_RELATIONS: dict[str, int] = {"lalu": -1, "ini": 0, "depan": 1, "mendatang": 1}
# After a holiday or Hijri month: "Lebaran tahun lalu" (a year), "Natal lalu" (the last one).
HOLIDAY_YEAR_RELATIONS: dict[str, int] = {"tahun lalu": -1, "tahun ini": 0, "tahun depan": 1}
HOLIDAY_RELATIONS: dict[str, int] = {"lalu": -1, "ini": 0, "depan": 1, "mendatang": 1}
# After "tahun 2014": "tahun 2014 ini"; after a bare year, fewer ("1988 lalu"; "2014 ini" is rare and loose).
YEAR_AFTER_WORDS: tuple[str, ...] = ("lalu", "silam", "ini", "yang lalu", "mendatang", "depan", "nanti")
BARE_YEAR_AFTER_WORDS: tuple[str, ...] = ("lalu", "silam", "yang lalu", "mendatang", "nanti")
# Units a part of a period opens without a relation word: "awal pekan", "akhir tahun".
PART_UNITS: tuple[str, ...] = ("pekan", "minggu", "bulan", "tahun", "abad", "dekade")
# A hedge before a clock time: "sekitar pukul 13.00".
CLOCK_HEDGES: tuple[str, ...] = ("sekitar",)
LOCAL_WORD = "setempat"  # "waktu setempat"
# Words naming the unit before a number: "tanggal 24", "tahun 1961", "era 1990-an", "bulan Mei", "hari Senin".
DAY_OF_MONTH_WORD = "tanggal"
YEAR_WORD = "tahun"
DECADE_WORDS: tuple[str, ...] = ("era", "dekade")
MONTH_WORD = "bulan"
DAY_WORD = "hari"
CENTURY_WORD = "abad"
HOLY_WORD = "suci"  # "bulan suci Ramadhan"
# "Tahun Baru" is the Gregorian new year unless one of these follows: "Tahun Baru Imlek".
NEW_YEAR = "tahun baru"
OTHER_NEW_YEARS: tuple[str, ...] = ("imlek", "islam", "hijri")
# "itu" after a weekday only points back to it: "Minggu pagi itu".
THAT_WORDS: tuple[str, ...] = ("itu",)
# Half: "setengah jam", "dua setengah tahun".
HALF_WORD = "setengah"

# After a weekday, the week it is in: "Jumat pekan lalu" (weeks from the publication day's week).
WEEK_RELATIONS: dict[str, int] = {
    "pekan lalu": -1, "minggu lalu": -1, "pekan ini": 0, "minggu ini": 0, "pekan depan": 1, "minggu depan": 1,
    "pekan mendatang": 1,
}
# After a count, against the last date of the story: "dua hari kemudian".
AFTER_REF_WORDS: tuple[str, ...] = ("kemudian", "berikutnya", "setelahnya", "sesudahnya")
BEFORE_REF_WORDS: tuple[str, ...] = ("sebelumnya",)
# After a count, a date against the publication day: "dua hari lagi".
LATER_WORDS: tuple[str, ...] = ("lagi",)
# After a count, a span ending (or starting) now: "lima tahun terakhir", "tiga tahun ke depan".
SPAN_WORDS: tuple[str, ...] = ("terakhir", "belakangan", "ke depan", "lamanya")

# Part of a period → TIMEX3 mod.
PARTS: dict[str, str] = {
    "awal": "START", "permulaan": "START", "pertengahan": "MID", "medio": "MID",
    "tengah": "MID", "akhir": "END", "penghujung": "END", "ujung": "END",
}

# Parts of the day → TIMEX3 part-of-day value, and the hour shift for "pukul 8 malam".
PARTS_OF_DAY: dict[str, str] = {
    "dini hari": "MO", "dinihari": "MO", "pagi": "MO", "siang": "AF", "sore": "AF", "petang": "EV", "malam": "NI",
    "tengah malam": "NI", "tengah hari": "MI",
}
PM_PARTS: frozenset[str] = frozenset({"siang", "sore", "petang", "malam"})
# "pukul 2 malam" is 02:00 (hours before this stay small at night); "pukul 12 malam" is midnight.
NIGHT_PARTS: frozenset[str] = frozenset({"malam"})
NIGHT_SMALL_HOURS = 5
# Words for a part of the day that follow a clock time only: "jam 3 subuh" (alone, "subuh" is a prayer time).
CLOCK_ONLY_PARTS: dict[str, str] = {"subuh": "MO", "shubuh": "MO"}
# "Siang" spans late morning to mid-afternoon: "pukul 11 siang" is 11:00, "pukul 1 siang" 13:00.
MIDDAY_PARTS: frozenset[str] = frozenset({"siang"})
MIDDAY_MORNING_HOURS = 10  # from this hour "siang" is before noon, as written
# More words for parts of the day, only as expressions of their own ("larut malam", "menjelang senja").
PARTS_OF_DAY_ALONE: dict[str, str] = {"larut malam": "NI", "senja": "EV", "fajar": "MO"}
# The five prayer times name parts of the day: "selepas ashar" is in the afternoon (TAF).
PRAYER_TIMES: dict[str, str] = {
    "subuh": "MO", "shubuh": "MO", "dzuhur": "MI", "zuhur": "MI", "zhuhur": "MI", "dhuhur": "MI", "duhur": "MI",
    "lohor": "MI", "ashar": "AF", "asar": "AF", "maghrib": "EV", "magrib": "EV", "isya": "NI", "isyak": "NI",
}
# Words before a bare part of the day or prayer time that make it a time: "pada malam", "selepas ashar"
# ("makan malam", "pasar malam" and "salat ashar" are not times).
DAYPART_CUES: frozenset[str] = frozenset(
    "pada sejak hingga sampai menjelang jelang selepas sehabis seusai usai setelah sesudah sebelum saat ketika "
    "waktu sepanjang semalaman tengah hari di dari mulai bakda ba'da ba’da sore siang pagi".split()
)
# Parts of the day that are times wherever they stand ("dini hari" is never anything else).
DAYPART_ALWAYS: frozenset[str] = frozenset({"dini hari", "dinihari"})
# Words a part of the day takes to be a time on its own: "malam hari", "pagi harinya".
DAYPART_DAY_WORDS: tuple[str, ...] = ("hari", "harinya")

# Indonesia's own zones, against which a clock "waktu setempat" (local time abroad) is given.
HOME_ZONES: tuple[str, ...] = ("WIB", "WITA", "WIT")
LOCAL_CLOCK_WORD = "waktu"  # "waktu setempat", "waktu Singapura"
# Time zones of Indonesia (and their GMT/UTC spellings on pages) → UTC offset.
ZONES: dict[str, str] = {
    "wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00",
    "gmt+7": "+07:00", "gmt+07:00": "+07:00", "utc+7": "+07:00", "gmt+8": "+08:00", "gmt+9": "+09:00",
}

# Single words and phrases with a fixed value (lower-case) → (type, value or a relative rule).
# Rules: "DCT+N" = publication day plus N days; "REF+N" = the story's last date plus N days;
# "DCT+N@PART" a part of that day; a bare value is used as is.
FIXED: dict[str, tuple[str, str]] = {
    "hari ini": ("DATE", "DCT+0"), "kemarin": ("DATE", "DCT-1"), "kemarin lusa": ("DATE", "DCT-2"),
    "besok": ("DATE", "DCT+1"), "esok": ("DATE", "DCT+1"), "esok hari": ("DATE", "DCT+1"),
    "besok lusa": ("DATE", "DCT+2"), "lusa": ("DATE", "DCT+2"),
    "keesokan harinya": ("DATE", "REF+1"), "keesokan hari": ("DATE", "REF+1"),
    "esok harinya": ("DATE", "REF+1"), "hari berikutnya": ("DATE", "REF+1"),
    "sehari setelahnya": ("DATE", "REF+1"), "sehari sesudahnya": ("DATE", "REF+1"),
    "hari itu": ("DATE", "REF+0"), "hari yang sama": ("DATE", "REF+0"),
    "pagi ini": ("TIME", "DCT+0@MO"), "siang ini": ("TIME", "DCT+0@AF"),
    "sore ini": ("TIME", "DCT+0@AF"), "malam ini": ("TIME", "DCT+0@NI"),
    "tadi pagi": ("TIME", "DCT+0@MO"), "pagi tadi": ("TIME", "DCT+0@MO"),
    "tadi siang": ("TIME", "DCT+0@AF"), "siang tadi": ("TIME", "DCT+0@AF"),
    "tadi sore": ("TIME", "DCT+0@AF"), "sore tadi": ("TIME", "DCT+0@AF"),
    "tadi malam": ("TIME", "DCT-1@NI"), "semalam": ("TIME", "DCT-1@NI"),
    "kemarin malam": ("TIME", "DCT-1@NI"), "kemarin pagi": ("TIME", "DCT-1@MO"),
    "kemarin siang": ("TIME", "DCT-1@AF"), "kemarin sore": ("TIME", "DCT-1@AF"),
    "besok pagi": ("TIME", "DCT+1@MO"), "besok siang": ("TIME", "DCT+1@AF"),
    "besok sore": ("TIME", "DCT+1@AF"), "besok malam": ("TIME", "DCT+1@NI"),
    "dini hari tadi": ("TIME", "DCT+0@MO"), "tadi dini hari": ("TIME", "DCT+0@MO"),
    "pagi hari itu": ("TIME", "REF+0@MO"), "malam hari itu": ("TIME", "REF+0@NI"),
    "siang hari itu": ("TIME", "REF+0@AF"), "sore hari itu": ("TIME", "REF+0@AF"),
    "keesokan paginya": ("TIME", "REF+1@MO"), "keesokan siangnya": ("TIME", "REF+1@AF"),
    "keesokan sorenya": ("TIME", "REF+1@AF"), "keesokan malamnya": ("TIME", "REF+1@NI"),
    "esok paginya": ("TIME", "REF+1@MO"), "esok malamnya": ("TIME", "REF+1@NI"),
    "subuh tadi": ("TIME", "DCT+0@MO"), "tadi subuh": ("TIME", "DCT+0@MO"),
    "pagi hari ini": ("TIME", "DCT+0@MO"), "siang hari ini": ("TIME", "DCT+0@AF"),
    "sore hari ini": ("TIME", "DCT+0@AF"), "malam hari ini": ("TIME", "DCT+0@NI"),
    "malam itu": ("TIME", "REF+0@NI"), "pagi itu": ("TIME", "REF+0@MO"), "siang itu": ("TIME", "REF+0@AF"),
    "sore itu": ("TIME", "REF+0@AF"),
    "nanti malam": ("TIME", "DCT+0@NI"), "malam nanti": ("TIME", "DCT+0@NI"),
    "sore nanti": ("TIME", "DCT+0@AF"), "siang nanti": ("TIME", "DCT+0@AF"),
    "tengah malam": ("TIME", "REF+0@NI"), "tengah hari": ("TIME", "REF+0@MI"), "nanti sore": ("TIME", "DCT+0@AF"),
    "nanti siang": ("TIME", "DCT+0@AF"),
    "saat ini": ("DATE", "PRESENT_REF"), "kini": ("DATE", "PRESENT_REF"),
    "sekarang": ("DATE", "PRESENT_REF"), "dewasa ini": ("DATE", "PRESENT_REF"),
    "masa kini": ("DATE", "PRESENT_REF"),
    "beberapa waktu lalu": ("DATE", "PAST_REF"), "beberapa waktu yang lalu": ("DATE", "PAST_REF"),
    "belum lama ini": ("DATE", "PAST_REF"), "tak lama lagi": ("DATE", "FUTURE_REF"),
    "tidak lama lagi": ("DATE", "FUTURE_REF"),
    "waktu dekat": ("DATE", "FUTURE_REF"),  # "dalam waktu dekat": the preposition stays out, as in "dalam dua hari"
    "masa mendatang": ("DATE", "FUTURE_REF"), "masa yang akan datang": ("DATE", "FUTURE_REF"),
    "saat yang sama": ("DATE", "PAST_REF"), "waktu yang sama": ("DATE", "PAST_REF"),
    "saat bersamaan": ("DATE", "PAST_REF"), "waktu bersamaan": ("DATE", "PAST_REF"),
    "zaman dulu": ("DATE", "PAST_REF"), "zaman dahulu": ("DATE", "PAST_REF"), "jaman dulu": ("DATE", "PAST_REF"),
    "masa dulu": ("DATE", "PAST_REF"), "masa silam": ("DATE", "PAST_REF"),
    "baru-baru ini": ("DATE", "PAST_REF"), "belakangan ini": ("DATE", "PAST_REF"),
    "akhir-akhir ini": ("DATE", "PAST_REF"), "saat itu": ("DATE", "PAST_REF"),
    "ketika itu": ("DATE", "PAST_REF"), "waktu itu": ("DATE", "PAST_REF"),
    "kala itu": ("DATE", "PAST_REF"), "masa lalu": ("DATE", "PAST_REF"),
    "masa lampau": ("DATE", "PAST_REF"), "tempo dulu": ("DATE", "PAST_REF"),
    "masa depan": ("DATE", "FUTURE_REF"), "nanti": ("DATE", "FUTURE_REF"),
    "kelak": ("DATE", "FUTURE_REF"), "suatu saat nanti": ("DATE", "FUTURE_REF"),
    "jauh-jauh hari sebelumnya": ("DATE", "PAST_REF"), "jauh-jauh hari": ("DATE", "PAST_REF"),
    # Indonesia's two seasons, as TIMEX3 seasons of the anchor's year (rainy ≈ winter months).
    "musim hujan": ("DATE", "SEASON:WI"), "musim penghujan": ("DATE", "SEASON:WI"),
    "musim kemarau": ("DATE", "SEASON:SU"),
    "today": ("DATE", "DCT+0"), "yesterday": ("DATE", "DCT-1"), "tomorrow": ("DATE", "DCT+1"),
}

# "dulu" means "formerly" only after these words or opening a clause ("makan dulu" = eat first).
FORMERLY: tuple[str, ...] = ("dulu", "dahulu", "dulunya", "dahulunya")
FORMERLY_ALWAYS: frozenset[str] = frozenset({"dulunya", "dahulunya"})  # never "first"
FORMERLY_CUES: frozenset[str] = frozenset({"sejak", "dari", "pada", "seperti", "sedari", "semenjak", "sebab", "yang"})
FORMERLY_NOT_AFTER: frozenset[str] = frozenset({"terlebih", "lebih", "paling"})  # "terlebih dahulu" = first

# After "tanggal 24", the month it is in: "tanggal 24 kemarin" is the last 24th, not yesterday.
DAY_OF_MONTH_RELATIONS: tuple[str, ...] = (
    "kemarin", "lalu", "yang lalu", "silam", "ini", "nanti", "mendatang", "depan", "yang akan datang",
)

# Calendar units usable with lalu/ini/depan: "pekan lalu", "bulan depan", "tahun ini".
CALENDAR_UNITS: tuple[str, ...] = ("hari", "minggu", "pekan", "bulan", "tahun", "abad", "dekade")

# Words before a count that say it is not a span of time: "berusia 60 tahun".
AGE_WORDS: tuple[str, ...] = (
    "usia", "berusia", "umur", "berumur", "usianya", "umurnya", "pria", "wanita", "perempuan", "bocah",
    "anak", "balita", "remaja", "lansia", "kakek", "nenek", "bayi", "gadis", "pemuda", "lelaki", "laki-laki",
    "pemain", "korban", "pelaku", "tersangka", "terdakwa", "pasien", "siswa", "mahasiswa", "sopir",
    "pengemudi", "ibu", "ayah", "istri", "suami", "putra", "putri", "adik", "kakak", "warga",
)
# Hedges before a count → TIMEX3 mod: "sekitar 40 menit" (APPROX), "lebih dari tiga tahun" (MORE_THAN).
APPROX_MODS: dict[str, str] = {
    "sekitar": "APPROX", "kurang lebih": "APPROX", "hampir": "LESS_THAN", "lebih dari": "MORE_THAN",
    "sedikitnya": "EQUAL_OR_MORE", "setidaknya": "EQUAL_OR_MORE", "paling lama": "EQUAL_OR_LESS",
    "paling tidak": "EQUAL_OR_MORE",
}
# Words before a count that make it a measure, not time: "08 derajat 50 menit" (coordinates).
NON_TIME_WORDS: tuple[str, ...] = ("derajat", "lintang", "bujur")
# Words before a bare year that make it a date: "pada 2012", "sejak 1961".
YEAR_CUES: tuple[str, ...] = (
    "pada", "sejak", "hingga", "sampai", "di", "era", "periode", "medio", "awal", "akhir",
    "pertengahan", "penghujung", "tahun", "selama", "antara", "dari", "sebelum", "setelah",
    "jelang", "menjelang", "dalam", "sepanjang", "mulai", "per", "pasca", "usai", "semenjak", "tahun",
    "hingga", "akhir", "awal", "in", "since", "until", "by", "of",
    # names of periods and events of a year: "Pemilu 2014", "APBN 2015", "Piala Dunia 2014"
    "pemilu", "pilpres", "pileg", "pilkada", "apbn", "apbd", "rapbn", "rapbd", "apbn-p", "anggaran", "sensus",
    "kabinet", "musim", "edisi", "angkatan", "kurikulum", "dunia", "games", "olimpiade", "euro", "aff", "mudik",
    "imlek", "resolusi", "visi", "proyeksi", "target", "outlook", "kuartal", "semester", "triwulan",
)
# Words after a bare number that make it a count, not a year: "sejak 2000 orang …" never dates.
MEASURE_WORDS: frozenset[str] = frozenset(
    "orang unit ton meter km kilometer rumah kasus peserta warga hektare ha buah kali siswa barel liter kg "
    "kilogram jiwa personel pasukan dolar dollar euro rupiah lembar titik desa sekolah mahasiswa anggota "
    "tentara polisi karyawan pekerja kendaraan mobil motor pesawat kapal ekor batang pohon paket dosis "
    "tempat gedung halaman kata suara pemilih penumpang kursi mw gb mil kaki m cm mm persen menit jam hari "
    "tahun bulan pekan minggu detik keluarga kk pasien korban anak jemaah pengungsi rupiah juta miliar "
    "triliun ribu ekor sampel responden".split()
)
# Words before a month that point back: "sejak Juni".
SINCE_WORDS: tuple[str, ...] = ("sejak", "semenjak", "since")
# Words before a weekday that point forward in time: "akan … pada Senin".
FUTURE_CUES: tuple[str, ...] = ("akan", "bakal", "dijadwalkan", "rencananya", "direncanakan", "hendak")

# Recurrence: "setiap Senin", "tiap tahun", "per hari".
SET_WORDS: tuple[str, ...] = ("setiap", "tiap", "saban", "per")

# Quarters and halves of a year: "kuartal I 2021" = 2021-Q1, "semester II" = H2.
YEAR_PARTS: dict[str, str] = {"kuartal": "Q", "triwulan": "Q", "caturwulan": "T", "semester": "H"}
ORDINALS: dict[str, int] = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
    "pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4,
}

# English relative units inside Indonesian pages: "last week" = "pekan lalu".
EN_RELATIONS: dict[str, str] = {"last": "lalu", "past": "lalu", "next": "depan", "this": "ini", "coming": "depan"}
EN_UNITS: dict[str, str] = {"week": "pekan", "month": "bulan", "year": "tahun", "weekend": "akhir pekan"}

# Hijri months (Indonesian spellings) → month number.
HIJRI_MONTHS: dict[str, int] = {
    "muharram": 1, "muharam": 1, "safar": 2, "sapar": 2, "rabiul awal": 3, "rabiulawal": 3,
    "rabiul akhir": 4, "rabiulakhir": 4, "rabiul tsani": 4, "jumadil awal": 5, "jumadilawal": 5,
    "jumadil akhir": 6, "jumadilakhir": 6, "rajab": 7, "syaban": 8, "sya'ban": 8, "sya’ban": 8,
    "ramadhan": 9, "ramadan": 9, "ramadlan": 9, "syawal": 10, "syawwal": 10,
    "zulkaidah": 11, "dzulqa'dah": 11, "dzulqadah": 11, "zulhijah": 12, "dzulhijjah": 12,
    "zulhijjah": 12, "dzulhijah": 12,
}
# Holidays: fixed Gregorian (month, day) or Hijri (month, day).
GREGORIAN_HOLIDAYS: dict[str, tuple[int, int]] = {
    "natal": (12, 25), "malam natal": (12, 24), "hari natal": (12, 25),
    "malam tahun baru": (12, 31), "malam pergantian tahun": (12, 31), "tahun baru": (1, 1), "hut ri": (8, 17),
}
HIJRI_HOLIDAYS: dict[str, tuple[int, int]] = {
    "idul fitri": (10, 1), "idulfitri": (10, 1), "lebaran": (10, 1), "hari raya idul fitri": (10, 1),
    "idul adha": (12, 10), "iduladha": (12, 10), "hari raya idul adha": (12, 10),
    "tahun baru islam": (1, 1), "maulid nabi": (3, 12),
}
HIJRI_YEAR_SUFFIXES: tuple[str, ...] = ("h", "hijriah", "hijriyah", "ah")


def parse_number_words(words: str) -> int | None:
    """'dua puluh lima' → 25, 'sebelas' → 11, 'tiga belas' → 13; None if not a number."""
    total, current = 0, 0
    parts = words.lower().split()
    if not parts:
        return None
    for word in parts:
        if word in NUMBER_UNITS:
            current += NUMBER_UNITS[word]
        elif word in SE_NUMBERS:
            current += NUMBER_WORDS[word]
        elif word == "belas":
            current = (current or 1) + 10
        elif word == "puluh":
            current = (current or 1) * 10
        elif word == "ratus":
            current = (current or 1) * 100
        elif word == "ribu":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current
