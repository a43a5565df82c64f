"""The time grammar's general rules on sentences written for these tests (issue 18): each kind of
expression that went wrong on text the rules were not read from."""

from __future__ import annotations

import pytest

from kabar.analyse.timex import tag
from kabar.lang.id import page_dates, time_words


def _found(text: str, anchor: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


# --- bare clock times on the day of the happening ----------------------------------------------

@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # published Monday about a crash on Sunday: the later clock time is Sunday's, not Monday's
        ("Sebuah truk menabrak warung di Cianjur, Minggu (4/1/2015). Peristiwa itu terjadi pukul 06.12 WIB.",
         "2015-01-05", [("Minggu (4/1/2015)", "DATE", "2015-01-04"), ("pukul 06.12 WIB", "TIME", "2015-01-04T06:12")]),
        # the clock time opens the sentence and its day comes later in the same sentence
        ("Pukul 23.40 WITA, kapal motor itu tenggelam di Selat Makassar pada Sabtu (3/1).",
         "2015-01-05", [("Pukul 23.40 WITA", "TIME", "2015-01-03T23:40"), ("Sabtu (3/1)", "DATE", "2015-01-03")]),
        # the sentence's own day beats the story's earlier day
        ("Tim tiba Jumat (2/1/2015). Evakuasi dilanjutkan pukul 08.00 WIB pada Sabtu (3/1/2015) pagi.",
         "2015-01-05", [("Jumat (2/1/2015)", "DATE", "2015-01-02"), ("pukul 08.00 WIB", "TIME", "2015-01-03T08:00"),
                        ("Sabtu (3/1/2015) pagi", "TIME", "2015-01-03TMO")]),
        # "waktu setempat": the local clock on the day the sentence names
        ("Ledakan terdengar pukul 21.30 waktu setempat di Kabul pada Rabu (7/1/2015).",
         "2015-01-08", [("pukul 21.30 waktu setempat", "TIME", "2015-01-07T21:30"), ("Rabu (7/1/2015)", "DATE", "2015-01-07")]),
        # the clock of a named place: its zone is part of the expression
        ("Pesawat dijadwalkan mendarat pukul 08.30 waktu Singapura, Minggu (4/1/2015).",
         "2015-01-05", [("pukul 08.30 waktu Singapura", "TIME", "2015-01-04T08:30"), ("Minggu (4/1/2015)", "DATE", "2015-01-04")]),
        # a clock without "pukul", in local time
        ("Pesawat dijadwalkan tiba di Nanning pada Senin (5/1/2015) 23.30 waktu setempat.",
         "2015-01-06", [("Senin (5/1/2015)", "DATE", "2015-01-05"), ("23.30 waktu setempat", "TIME", "2015-01-05T23:30")]),
        # a hedged clock without "pukul"
        ("Longsor terjadi Minggu (4/1/2015), sekitar 07.24 WIB.",
         "2015-01-05", [("Minggu (4/1/2015)", "DATE", "2015-01-04"), ("sekitar 07.24 WIB", "TIME", "2015-01-04T07:24")]),
        # no day anywhere: the publication day is the last resort
        ("Rapat dimulai pukul 09.00 WIB di balai kota.", "2015-01-05", [("pukul 09.00 WIB", "TIME", "2015-01-05T09:00")]),
    ],
)
def test_timex_clock_time_takes_the_day_of_the_happening(text, anchor, expected):
    assert _found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # 22.00 there is 04.00 WIB the next day: the local clock is on Tuesday
        ("Serangan terjadi pukul 22.00 waktu setempat atau Rabu (7/1/2015) pukul 04.00 WIB.", "2015-01-06T22:00"),
        # a zone ahead of Jakarta: same day
        ("Gempa terjadi pukul 10.00 waktu setempat atau Rabu (7/1/2015) pukul 08.00 WIB.", "2015-01-07T10:00"),
    ],
)
def test_timex_local_clock_beside_an_indonesian_clock_takes_the_local_day(text, value):
    assert tag(text, "2015-01-09")[0].value == value


def test_timex_clock_time_without_a_day_in_its_sentence_takes_its_paragraphs():
    text = ("Tim SAR berangkat dari Pangkalan Bun, Jumat (2/1/2015).\n"
            "Pukul 07.15 WIB, kapal tiba di titik pencarian. Serpihan pertama terlihat Sabtu (3/1/2015).")
    found = {t.text: t.value for t in tag(text, "2015-01-05")}
    assert found["Pukul 07.15 WIB"] == "2015-01-03T07:15"


@pytest.mark.parametrize(
    ("text", "value"),
    [("Pesta kembang api dimulai pukul 12 malam.", "2015-01-05T00:00"),
     ("Warga baru pulang pukul 2 malam.", "2015-01-05T02:00"),
     ("Sidang ditunda hingga pukul 8 malam.", "2015-01-05T20:00")],
)
def test_timex_night_hours(text, value):
    assert [t.value for t in tag(text, "2015-01-05")] == [value]


def test_timex_clock_time_after_a_named_weekday_part_of_day():
    # "Minggu pagi" fixes Sunday: the clock time that follows is on it
    found = _found("Longsor terjadi Minggu pagi. Warga mendengar gemuruh sekitar pukul 05.30 WIB.", "2015-01-06")
    assert found == [("Minggu pagi", "TIME", "2015-01-04TMO"), ("sekitar pukul 05.30 WIB", "TIME", "2015-01-04T05:30")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # minutes after a clock time are a clock time, on the day that clock time got from its sentence
        ("Feri lepas sandar pukul 23.30 WIB, Sabtu (3/1/2015). Sekitar 40 menit kemudian, kontak terputus.",
         ("Sekitar 40 menit kemudian", "TIME", "2015-01-04T00:10")),
        ("Alarm berbunyi pukul 14.05 WIB. Dua jam sebelumnya, asap sudah terlihat.",
         ("Dua jam sebelumnya", "TIME", "2015-01-05T12:05")),
    ],
)
def test_timex_minutes_after_a_clock_time(text, expected):
    assert _found(text, "2015-01-05")[-1] == expected


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Hujan deras turun sejak Jumat pekan lalu.", "Jumat pekan lalu", "2014-12-26"),
        ("Sidang lanjutan digelar Selasa pekan depan.", "Selasa pekan depan", "2015-01-06"),
    ],
)
def test_timex_weekday_of_a_named_week(text, surface, value):
    assert _found(text, "2014-12-31") == [(surface, "DATE", value)]


# --- a date and a clock time after a comma are two expressions ---------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kapal feri itu berangkat dari Merak, Kamis (8/1/2015), pukul 05.00 WIB.",
         [("Kamis (8/1/2015)", "DATE", "2015-01-08"), ("pukul 05.00 WIB", "TIME", "2015-01-08T05:00")]),
        ("Pengumuman disampaikan pada 8 Januari 2015, pukul 14.15 WIB.",
         [("8 Januari 2015", "DATE", "2015-01-08"), ("pukul 14.15 WIB", "TIME", "2015-01-08T14:15")]),
        # without the comma the clock time stays inside the date's expression
        ("Kapal feri itu berangkat Kamis (8/1/2015) pukul 05.00 WIB.",
         [("Kamis (8/1/2015) pukul 05.00 WIB", "TIME", "2015-01-08T05:00")]),
    ],
)
def test_timex_date_comma_clock_is_a_date_and_a_time(text, expected):
    assert _found(text, "2015-01-09") == expected


# --- decades ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "anchor", "value"),
    [
        ("Lagu-lagu dangdut tahun 80-an kembali diputar di radio.", "tahun 80-an", "2014-12-30", "198"),
        ("Gedung itu dibangun pada tahun 20-an oleh pemerintah kolonial.", "tahun 20-an", "2014-12-30", "192"),
        ("Mode tahun 20-an kembali digemari anak muda.", "tahun 20-an", "2025-06-01", "202"),
        ("Ia mulai bermusik pada era 70an.", "era 70an", "2014-12-30", "197"),
        ("Film itu berlatar tahun delapan puluhan.", "tahun delapan puluhan", "2014-12-30", "198"),
        ("Kawasan itu sepi pada dekade 1960-an.", "dekade 1960-an", "2014-12-30", "196"),
        # a decade by its tens: with an apostrophe, after a cue word, after a part of a period
        ("Band itu populer di era '90-an.", "era '90-an", "2018-02-09", "199"),
        ("Lagu-lagu tahun '80-an kembali diputar.", "tahun '80-an", "2018-02-09", "198"),
        ("Ia berkarya sejak 90-an di Bandung.", "90-an", "2018-02-09", "199"),
        ("Keluarga itu pindah pada awal 90-an.", "awal 90-an", "2018-02-09", "199"),
    ],
)
def test_timex_decades(text, surface, anchor, value):
    found = {t.text: (t.type, t.value) for t in tag(text, anchor)}
    assert found.get(surface) == ("DATE", value), found


@pytest.mark.parametrize("text", ["Nenek itu berusia 90-an.", "Suhu siang mencapai 30-an derajat.",
                                  "Sejak 80-an orang antre di depan loket."])
def test_timex_tens_without_a_year_cue_are_no_decade(text):
    assert [t.text for t in tag(text, "2018-02-09") if "-an" in t.text] == []


# --- relatives anchored on a dated happening, at day granularity -------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Tanggul jebol pada 3 November 2014. Tiga minggu kemudian, warga kembali ke rumah.",
         "Tiga minggu kemudian", "2014-11-24"),
        ("Pabrik itu terbakar pada 10 Oktober 2014. Sebulan kemudian, pabrik beroperasi lagi.",
         "Sebulan kemudian", "2014-11-10"),
        ("Ia dilantik pada 31 Oktober 2014 dan diperiksa dua bulan sebelumnya.", "dua bulan sebelumnya", "2014-08-31"),
        # the 31st plus a month is the end of the shorter month
        ("Kontrak diteken 31 Oktober 2014. Sebulan kemudian proyek dimulai.", "Sebulan kemudian", "2014-11-30"),
    ],
)
def test_timex_weeks_and_months_after_a_dated_happening_are_days(text, surface, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2014-12-30")}
    assert found.get(surface) == ("DATE", value), found


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Keesokan harinya, Senin (5/1/2015), pencarian diperluas.", "Keesokan harinya"),
     ("Banjir surut pada 2 Januari 2015. Dua hari kemudian, Senin (5/1/2015), warga kembali.", "Dua hari kemudian")],
)
def test_timex_counted_day_with_a_named_day_in_apposition_is_that_day(text, surface):
    # the named day wins over the count (here it disagrees with it on purpose)
    found = {t.text: t.value for t in tag(text, "2015-01-07")}
    assert found[surface] == "2015-01-05"


def test_timex_weeks_after_the_publication_day_keep_week_granularity():
    assert _found("Hasilnya diumumkan tiga minggu lagi.", "2014-12-30") == [("tiga minggu lagi", "DATE", "2015-W04")]  # 20 January 2015


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Rapat pleno digelar tanggal 24 kemarin di kantor KPU.", "2014-12-29", "2014-12-24"),
        ("Rapat pleno digelar tanggal 24 kemarin di kantor KPU.", "2015-01-05", "2014-12-24"),
        ("Pendaftaran ditutup tanggal 15 nanti.", "2015-01-20", "2015-02-15"),
        ("Gaji dibayarkan tanggal 1 ini.", "2015-01-20", "2015-01-01"),
    ],
)
def test_timex_day_of_month_alone_is_that_day(text, anchor, value):
    found = [t for t in tag(text, anchor) if t.text.startswith("tanggal")]
    assert [(t.type, t.value) for t in found] == [("DATE", value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("Pameran digelar tanggal 24 dan 25 Desember di Bandung.", "2014-12-24"),
     ("Libur sekolah jatuh tanggal 29 hingga 31 Desember 2015.", "2015-12-29")],
)
def test_timex_day_of_month_takes_the_month_of_the_day_after_it(text, value):
    assert tag(text, "2015-01-06")[0].value == value


def test_timex_day_of_month_does_not_take_a_relative_month():
    # "tanggal 5 bulan lalu" stays the 5th of last month (one expression, not "tanggal 5" + "bulan lalu")
    assert _found("Cicilan jatuh tempo tanggal 5 bulan lalu.", "2015-03-20") == [
        ("tanggal 5 bulan lalu", "DATE", "2015-02-05")]


# --- parts of the day and prayer times -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Banjir datang Sabtu (3/1/2015). Pada malam harinya, warga mengungsi ke masjid.", "malam harinya",
         "2015-01-03TNI"),
        ("Gempa mengguncang Padang, Sabtu (3/1/2015) dini hari.", "Sabtu (3/1/2015) dini hari", "2015-01-03TMO"),
        ("Kebakaran di Pasar Senen, Sabtu (3/1/2015), baru padam dini hari.", "dini hari", "2015-01-03TMO"),
        ("Jenazah dimakamkan Sabtu (3/1/2015) selepas ashar.", "ashar", "2015-01-03TAF"),
        ("Hujan deras turun Sabtu (3/1/2015) menjelang magrib.", "magrib", "2015-01-03TEV"),
        ("Para pendaki turun Sabtu (3/1/2015), sejak subuh.", "subuh", "2015-01-03TMO"),
        ("Polisi menggerebek rumah itu pada malam hari.", "malam hari", "2015-01-05TNI"),
    ],
)
def test_timex_parts_of_day_and_prayer_times(text, surface, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2015-01-05")}
    assert found.get(surface) == ("TIME", value), found


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Kapal tiba di Kumai, Sabtu (3/1/2015). Keesokan paginya, penyelam turun.", "Keesokan paginya",
         "2015-01-04TMO"),
        ("Kapal tiba di Kumai, Sabtu (3/1/2015). Malam itu, penyelam beristirahat.", "Malam itu", "2015-01-03TNI"),
        ("Getaran gempa terasa hingga Makassar subuh tadi.", "subuh tadi", "2015-01-05TMO"),
    ],
)
def test_timex_parts_of_day_counted_from_the_story(text, surface, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2015-01-05")}
    assert found.get(surface) == ("TIME", value), found


def test_timex_part_of_day_of_today_is_one_expression():
    assert _found("Jenazah akan dimakamkan sore hari ini.", "2015-01-05") == [("sore hari ini", "TIME", "2015-01-05TAF")]


@pytest.mark.parametrize(
    "text",
    ["Keluarga itu makan malam bersama.", "Kami siap dihubungi setiap saat.", "Pasar malam dibuka di alun-alun.", "Mereka menunaikan salat ashar.",
     "Selamat pagi, Indonesia."],
)
def test_timex_part_of_day_words_that_are_not_times(text):
    assert tag(text, "2015-01-05") == []


# --- vague and fractional durations ----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Ia terdiam beberapa saat sebelum menjawab.", "beberapa saat", "PXX"),
        ("Rombongan berhenti sejenak di rest area.", "sejenak", "PXX"),
        ("Listrik padam setengah hari di Depok.", "setengah hari", "PT12H"),
        ("Perjalanan itu memakan satu setengah hari.", "satu setengah hari", "PT36H"),
        ("Tiket konser habis dalam hitungan menit.", "hitungan menit", "PTXM"),
        ("Stok masker ludes dalam hitungan hari.", "hitungan hari", "PXD"),
    ],
)
def test_timex_vague_and_fractional_durations(text, surface, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2015-01-05")}
    assert found.get(surface) == ("DURATION", value), found


def test_timex_one_moment_is_not_a_count():
    assert [t.text for t in tag("Satu saat nanti ia kembali.", "2015-01-05") if "saat" in t.text] == []


# --- recall: years in names of periods, "dulu", "saat yang sama" -------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Partai itu menang di Pemilu 2014.", "2014", "2014"),
        ("Defisit APBN 2015 diperkirakan melebar.", "2015", "2015"),
        ("Tim itu gagal lolos ke Piala Dunia 2018.", "2018", "2018"),
        ("Dulu, kawasan ini adalah hutan bakau.", "Dulu", "PAST_REF"),
        ("Warga sudah bertani di lereng itu sejak dulu.", "dulu", "PAST_REF"),
        ("Rumah itu dulunya gudang beras.", "dulunya", "PAST_REF"),
        ("Pada saat yang sama, polisi menutup jalan.", "saat yang sama", "PAST_REF"),
        ("Hasil audit diumumkan dalam waktu dekat.", "waktu dekat", "FUTURE_REF"),
        ("Di masa mendatang, bandara itu diperluas.", "masa mendatang", "FUTURE_REF"),
    ],
)
def test_timex_recall_of_periods_and_past_references(text, surface, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2015-01-05")}
    assert found.get(surface) == ("DATE", value), found


@pytest.mark.parametrize(
    "text",
    ["Kami makan dulu sebelum berangkat.", "Data harus diverifikasi terlebih dahulu.",
     "Panitia menyiapkan 2015 kursi di stadion."],
)
def test_timex_first_and_counts_are_not_past_references(text):
    assert tag(text, "2015-01-05") == []


# --- one source for calendar words -----------------------------------------------------------

def test_page_dates_reads_the_calendar_words_of_time_words():
    assert page_dates.ZONES is time_words.ZONES
    for word, number in time_words.WEEKDAYS.items():
        assert page_dates.WEEKDAYS[word] == number  # one numbering: ISO, Monday = 1
    for word, number in {**time_words.MONTHS, **time_words.MONTH_ABBREVIATIONS}.items():
        assert page_dates.MONTHS[word] == number
