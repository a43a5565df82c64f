"""The temporal tagger on Indonesian news sentences: one case per trap."""

from __future__ import annotations

import pytest

from kabar.analyse.timex import annotate, tag
from kabar.records import Article


def _one(text: str, surface: str, anchor="2021-03-23"):
    found = [t for t in tag(text, anchor) if t.text == surface]
    assert found, f"{surface!r} not tagged in {text!r}: {tag(text, anchor)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "anchor", "typ", "value"),
    [
        # weekday with a bracketed date, full and partial
        ("Hal itu disampaikan Song Tao di Beijing, Senin (22/3/2021).", "Senin (22/3/2021)", "2021-03-23",
         "DATE", "2021-03-22"),
        ("Kantor berita KCNA melaporkan surat itu pada Sabtu (26/11).", "Sabtu (26/11)", "2022-11-28",
         "DATE", "2022-11-26"),
        # the weekday decides the year: 2 January 2021 was a Saturday, 2 January 2022 a Sunday
        ("Warga merayakan pergantian tahun, Sabtu (2/1).", "Sabtu (2/1)", "2022-06-15", "DATE", "2021-01-02"),
        ("Banjir melanda Bekasi, Minggu (2/1).", "Minggu (2/1)", "2022-06-15", "DATE", "2022-01-02"),
        ("Upacara digelar pada hari Minggu 11 Juli 2021 di Pyongyang.", "hari Minggu 11 Juli 2021",
         "2021-07-12", "DATE", "2021-07-11"),
        # relative weeks and weekends
        ("Para diplomat bertemu di Alaska akhir pekan lalu.", "akhir pekan lalu", "2021-03-23", "DATE",
         "2021-W11-WE"),
        ("Ucapan selamat itu dikirim minggu lalu.", "minggu lalu", "2017-11-02", "DATE", "2017-W43"),
        ("Menteri akan berkunjung ke Jepang pekan depan.", "pekan depan", "2021-03-23", "DATE", "2021-W13"),
        ("Harga cabai naik sejak pekan ini.", "pekan ini", "2021-03-23", "DATE", "2021-W12"),
        ("Rapat evaluasi digelar sepekan lalu.", "sepekan lalu", "2021-03-23", "DATE", "2021-W11"),
        # "Minggu" is Sunday mid-sentence, "minggu"/"Minggu" at a sentence start is a week
        ("Presiden meninjau lokasi banjir pada Minggu lalu.", "Minggu lalu", "2021-03-23", "DATE", "2021-03-21"),
        ("Minggu lalu, harga beras kembali naik.", "Minggu lalu", "2021-03-23", "DATE", "2021-W11"),
        ("Ia tiba di Jakarta pada Minggu pagi.", "Minggu pagi", "2021-03-23", "TIME", "2021-03-21TMO"),
        # past days and months
        ("KTT G20 Bali yang digelar pada 15 November lalu dihadiri Xi.", "15 November lalu", "2022-11-26",
         "DATE", "2022-11-15"),
        ("Biden juga bertemu Xi pada Senin lalu.", "Senin lalu", "2022-11-26", "DATE", "2022-11-21"),
        ("Pertemuan itu berlangsung pada Juni 2021 lalu.", "Juni 2021 lalu", "2021-10-28", "DATE", "2021-06"),
        ("Forum itu digelar pada bulan Mei di Beijing.", "bulan Mei", "2017-11-02", "DATE", "2017-05"),
        ("Harga minyak turun sejak Desember lalu.", "Desember lalu", "2015-01-05", "DATE", "2014-12"),
        ("Pemerintah menaikkan tarif pada awal Juli.", "awal Juli", "2021-03-23", "DATE", "2021-07"),
        ("Ekonomi tumbuh 5 persen tahun lalu.", "tahun lalu", "2017-11-02", "DATE", "2016"),
        ("Perjanjian itu ditandatangani pada tahun 1961.", "tahun 1961", "2021-07-12", "DATE", "1961"),
        ("Pesawat A320 mulai dioperasikan pada 1988 lalu.", "1988 lalu", "2014-12-30", "DATE", "1988"),
        ("Maskapai itu menargetkan sertifikat pada 2015.", "2015", "2014-12-30", "DATE", "2015"),
        ("Musik itu populer pada era 1990-an.", "era 1990-an", "2021-03-23", "DATE", "199"),
        ("Kota itu dibangun pada abad ke-17.", "abad ke-17", "2021-03-23", "DATE", "16"),
        # counts with number words, relative to the publication day
        ("Banjir melanda kawasan itu dua hari lalu.", "dua hari lalu", "2021-03-23", "DATE", "2021-03-21"),
        ("Ia menikah empat tahun lalu di Bandung.", "empat tahun lalu", "2021-03-23", "DATE", "2017"),
        ("Kasus itu terjadi tiga bulan lalu.", "tiga bulan lalu", "2021-03-23", "DATE", "2020-12"),
        ("Gedung itu dibangun 20 tahun silam.", "20 tahun silam", "2021-03-23", "DATE", "2001"),
        ("Hasil tes keluar tiga hari lagi.", "tiga hari lagi", "2021-03-23", "DATE", "2021-03-26"),
        # counts against the story's last day
        ("Pesawat hilang pada Minggu (28/12/2014). Dua hari kemudian, serpihan ditemukan.",
         "Dua hari kemudian", "2014-12-31", "DATE", "2014-12-30"),
        ("Gempa terjadi pada 3 Januari 2021. Sehari kemudian warga mengungsi.", "Sehari kemudian",
         "2021-03-23", "DATE", "2021-01-04"),
        ("Kapal tenggelam pada 5 Mei 2020. Keesokan harinya tim SAR tiba.", "Keesokan harinya",
         "2021-03-23", "DATE", "2020-05-06"),
        # fixed words
        ("Tim SAR kembali menyisir laut kemarin.", "kemarin", "2014-12-29", "DATE", "2014-12-28"),
        ("Sidang akan dilanjutkan besok.", "besok", "2021-03-23", "DATE", "2021-03-24"),
        ("Putusan dibacakan lusa.", "lusa", "2021-03-23", "DATE", "2021-03-25"),
        ("Kami berangkat hari ini.", "hari ini", "2021-03-23", "DATE", "2021-03-23"),
        ("Saat ini, pencarian masih berlangsung.", "Saat ini", "2021-03-23", "DATE", "PRESENT_REF"),
        ("Situasinya sekarang berbeda.", "sekarang", "2021-03-23", "DATE", "PRESENT_REF"),
        ("Dunia baru-baru ini melihat perubahan besar.", "baru-baru ini", "2021-03-23", "DATE", "PAST_REF"),
        ("Saat itu, cuaca sedang buruk.", "Saat itu", "2021-03-23", "DATE", "PAST_REF"),
        ("Penyelam diberangkatkan tadi malam.", "tadi malam", "2021-03-23", "TIME", "2021-03-22TNI"),
        # clock times with a dot and Indonesian zones
        ("Pesawat mendarat di Makassar pukul 08.00 WITA, Senin (22/3/2021).", "pukul 08.00 WITA", "2021-03-23",
         "TIME", "2021-03-22T08:00"),
        ("Kontak terakhir tercatat pada Minggu (28/12/2014) pukul 06.18 WIB kemarin.",
         "Minggu (28/12/2014) pukul 06.18 WIB kemarin", "2014-12-29", "TIME", "2014-12-28T06:18"),
        ("Jenazah tiba di Pangkalan Bun, Selasa (30/12/2014) siang.", "Selasa (30/12/2014) siang",
         "2014-12-30", "TIME", "2014-12-30TAF"),
        ("Sidang dimulai pukul 11.45 WIB.", "pukul 11.45 WIB", "2021-03-23", "TIME", "2021-03-23T11:45"),
        ("Pasukan tiba sekitar pukul 13.00 di lokasi.", "sekitar pukul 13.00", "2021-03-23", "TIME",
         "2021-03-23T13:00"),
        ("Gempa susulan terjadi pukul 9 malam.", "pukul 9 malam", "2021-03-23", "TIME", "2021-03-23T21:00"),
        ("Pesta itu dimulai Kamis malam.", "Kamis malam", "2021-03-23", "TIME", "2021-03-18TNI"),
        # durations: spans leave out "selama"/"dalam"
        ("Pencarian akan berlangsung selama 48 jam.", "48 jam", "2021-03-23", "DURATION", "PT48H"),
        ("Operasi pertama berlangsung selama 7 hari.", "7 hari", "2021-03-23", "DURATION", "P7D"),
        ("Pesawat hilang kontak setelah sekitar 40 menit terbang.", "sekitar 40 menit", "2021-03-23",
         "DURATION", "PT40M"),
        ("Warga mengungsi sepekan.", "sepekan", "2021-03-23", "DURATION", "P1W"),
        ("Negosiasi itu memakan waktu setahun.", "setahun", "2021-03-23", "DURATION", "P1Y"),
        ("Hubungan kedua negara membaik dalam beberapa tahun terakhir.", "beberapa tahun terakhir",
         "2021-03-23", "DURATION", "PXY"),
        ("Kunjungan itu berlangsung beberapa hari sebelum pemilu.", "beberapa hari", "2021-03-23", "DURATION",
         "PXD"),
        ("Partai itu berjuang selama satu abad terakhir.", "satu abad terakhir", "2021-07-12", "DURATION",
         "P100Y"),
        ("Ia menunggu setengah jam di bandara.", "setengah jam", "2021-03-23", "DURATION", "PT0.5H"),
        ("Konflik itu berlangsung bertahun-tahun.", "bertahun-tahun", "2021-03-23", "DURATION", "PXY"),
        ("Proyek itu akan rampung dalam dua puluh lima tahun.", "dua puluh lima tahun", "2021-03-23",
         "DURATION", "P25Y"),
        # recurrences
        ("Pasar murah digelar setiap Senin.", "setiap Senin", "2021-03-23", "SET", "XXXX-WXX-1"),
        ("Industri penerbangan setiap tahun menghabiskan miliaran dolar.", "setiap tahun", "2021-03-23", "SET",
         "P1Y"),
        ("Kereta berangkat tiap 2 jam.", "tiap 2 jam", "2021-03-23", "SET", "PT2H"),
        ("Ibadah digelar setiap Minggu.", "setiap Minggu", "2021-03-23", "SET", "XXXX-WXX-7"),
        ("Rapat koordinasi diadakan setiap minggu.", "setiap minggu", "2021-03-23", "SET", "P1W"),
        # Hijri months and holidays
        ("Harga daging naik menjelang Ramadhan 1442 H.", "Ramadhan 1442 H", "2021-03-23", "DATE", "2021-04"),
        ("Pemerintah menetapkan 1 Syawal 1442 H jatuh pada Kamis.", "1 Syawal 1442 H", "2021-03-23", "DATE",
         "2021-05-13"),
        ("Arus mudik diperkirakan memuncak menjelang Lebaran.", "Lebaran", "2021-03-23", "DATE", "2021-05-13"),
        # English dates inside Indonesian pages
        ("Laporan itu terbit pada March 22, 2021 di situs resminya.", "March 22, 2021", "2021-03-23", "DATE",
         "2021-03-22"),
        ("Data per 2021-03-01 menunjukkan kenaikan.", "2021-03-01", "2021-03-23", "DATE", "2021-03-01"),
        ("Surat itu bertanggal 22/03/2021.", "22/03/2021", "2021-04-01", "DATE", "2021-03-22"),
        ("Aturan berlaku mulai 1 Jan 2022.", "1 Jan 2022", "2021-12-01", "DATE", "2022-01-01"),
    ],
)
def test_timex_resolves_trap(text, surface, anchor, typ, value):
    t = _one(text, surface, anchor)
    assert (t.type, t.value) == (typ, value)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Kepala desa itu berusia 60 tahun.", "60 tahun"),
        ("Lokasi serpihan berada di 08 derajat 50 menit lintang selatan.", "50 menit"),
        ("Warga memenuhi kebutuhan sehari-hari dari bertani.", "sehari"),
        ("Ia memukul meja dengan keras.", "pukul"),
        ("Perusahaan itu memiliki 2.000 karyawan.", "2.000"),
        ("Harga naik menjadi Rp 2015 per kilogram.", "2015"),
        ("Wisatawan itu bernama April Lestari.", "April"),
    ],
)
def test_timex_leaves_non_time_alone(text, surface):
    assert surface not in [t.text for t in tag(text, "2021-03-23")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Pertemuan digelar pada Senin (22/3/2021).", "Senin (22/3/2021)"),
        ("Pencarian berlangsung selama 48 jam.", "48 jam"),
        ("Kapal itu tenggelam dalam dua hari.", "dua hari"),
        ("Warga mengungsi sebelum akhir pekan lalu.", "akhir pekan lalu"),
        ("Kesepakatan tercapai setelah 15 November lalu.", "15 November lalu"),
    ],
)
def test_timex_span_excludes_prepositions(text, surface):
    assert [t.text for t in tag(text, "2022-11-26")] == [surface]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rapat digelar kemarin.", "XXXX-XX-XX"),
        ("Harga naik tahun lalu.", "XXXX"),
        ("Ia datang Senin lalu.", "XXXX-WXX-1"),
        ("Kapal bersandar Sabtu (26/11).", "XXXX-11-26"),
        ("Harga naik menjelang Ramadhan.", "XXXX"),
        ("Sidang pada 15 November lalu.", "XXXX-11-15"),
        ("Saat ini harga stabil.", "PRESENT_REF"),
    ],
)
def test_timex_without_anchor_leaves_xxxx(text, value):
    assert [t.value for t in tag(text, None)] == [value]


def test_timex_anchor_accepts_timestamp_and_date():
    text = "Gempa terjadi kemarin."
    assert tag(text, "2021-03-23T18:31+07:00")[0].value == "2021-03-22"
    from datetime import date

    assert tag(text, date(2021, 3, 23))[0].value == "2021-03-22"
    assert tag(text, "not a date")[0].value == "XXXX-XX-XX"


def test_timex_future_context_reads_weekday_forward():
    t = _one("Presiden dijadwalkan akan berkunjung ke Bali pada Kamis.", "Kamis", "2021-03-23")
    assert t.value == "2021-03-25"
    t = _one("Presiden berkunjung ke Bali pada Kamis.", "Kamis", "2021-03-23")
    assert t.value == "2021-03-18"


def test_timex_parts_of_period_carry_mod():
    t = _one("Proyek ditargetkan rampung pada akhir tahun depan.", "akhir tahun depan", "2021-03-23")
    assert (t.value, t.mod) == ("2022", "END")
    t = _one("Harga turun pada pertengahan Maret 2021.", "pertengahan Maret 2021", "2021-04-01")
    assert (t.value, t.mod) == ("2021-03", "MID")


def test_timex_annotate_article_offsets_point_into_body():
    article = Article(
        id="a1",
        source="x.txt",
        body=("BEIJING, KOMPAS.com - Xi Jinping membalas surat Kim, Sabtu (26/11).",
              "Keduanya bertemu pada 15 November lalu di Bali."),
        published="2022-11-28",
    )
    found = annotate(article)
    assert [(t.text, t.value) for t in found] == [("Sabtu (26/11)", "2022-11-26"),
                                                   ("15 November lalu", "2022-11-15")]
    for t in found:
        assert article.text[t.start:t.end] == t.text
        assert t.article_id == "a1"


def test_timex_annotate_without_publication_date():
    article = Article(id="a2", source="x.txt", body=("Rapat digelar kemarin.",), published=None)
    assert [t.value for t in annotate(article)] == ["XXXX-XX-XX"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Ekonomi tumbuh 5,44 persen pada kuartal II 2022.", "kuartal II 2022", "2022-Q2"),
        ("Laba turun pada triwulan I-2022.", "triwulan I-2022", "2022-Q1"),
        ("Target itu dikejar pada semester kedua tahun ini.", "semester kedua tahun ini", "2022-H2"),
        ("Libur Natal dan Tahun Baru 2023 diperkirakan ramai.", "Tahun Baru 2023", "2023-01-01"),
        ("Pasar ramai menjelang Natal.", "Natal", "2022-12-25"),
        ("Ekspansi dilakukan pada 2015 mendatang.", "2015 mendatang", "2015"),
        ("The talks were held last week in Anchorage.", "last week", "2022-W35"),
        ("Seorang pria ditangkap pada hari minggu.", "hari minggu", "2022-09-04"),
        ("Ia tiba di rumah sakit dan malam itu juga dioperasi.", "malam itu", "2022-09-06TNI"),
    ],
)
def test_timex_resolves_calendar_parts_and_holidays(text, surface, value):
    assert _one(text, surface, "2022-09-06").value == value


@pytest.mark.parametrize(
    ("text", "surface", "mod"),
    [
        ("Ia ditahan lebih dari tiga tahun.", "lebih dari tiga tahun", "MORE_THAN"),
        ("Pesawat terbang sekitar 40 menit.", "sekitar 40 menit", "APPROX"),
        ("Proses itu memakan hampir dua pekan.", "hampir dua pekan", "LESS_THAN"),
    ],
)
def test_timex_hedged_durations_carry_mod(text, surface, mod):
    assert _one(text, surface).mod == mod


@pytest.mark.parametrize(
    "text", ["Seorang pria 45 tahun ditangkap polisi.", "Bocah 5 tahun itu selamat dari banjir."]
)
def test_timex_ages_are_not_durations(text):
    assert tag(text, "2022-09-06") == []


def test_timex_weekday_slip_near_the_anchor_keeps_the_date():
    # 2 July 2025 is a Wednesday: the reporter's "Selasa" is a slip, not a hint at 2024.
    assert _one("Trump kembali berkomentar pada Selasa (2/7).", "Selasa (2/7)", "2025-07-03").value == "2025-07-02"


def test_timex_swapped_day_month_confirmed_by_weekday():
    # 3 July 2025 was a Thursday; "(7/3)" read literally would be March, four months back.
    assert _one("Prabowo bertemu Putra Mahkota pada Kamis (7/3).", "Kamis (7/3)", "2025-07-03").value == "2025-07-03"


@pytest.mark.parametrize(
    "text",
    [
        "Mobil yang ditumpangi pemain 28 tahun tersebut terbakar.",
        "Jota dan adiknya, Andre, 26 tahun, meninggal di lokasi.",
    ],
)
def test_timex_ages_in_apposition_are_not_durations(text):
    assert tag(text, "2025-07-03") == []


def test_timex_hedge_after_a_sentence_end_stays_in_span():
    found = tag("Mereka punya tiga anak. Hampir dua minggu setelah menikah, ia wafat.", "2025-07-03")
    assert [(t.text, t.mod) for t in found] == [("Hampir dua minggu", "LESS_THAN")]


@pytest.mark.parametrize(
    ("text", "surface", "anchor", "value"),
    [
        ("Minyak untuk pengiriman Januari turun 1,2 dolar AS.", "Januari", "2014-12-09", "2015-01"),
        ("Harga minyak merosot 35 persen sejak Juni.", "Juni", "2014-11-28", "2014-06"),
        ("Forum itu digelar pada bulan Mei di Beijing.", "bulan Mei", "2017-11-02", "2017-05"),
        ("Sejak November, harga naik.", "November", "2014-02-10", "2013-11"),
    ],
)
def test_timex_bare_month_takes_the_nearest_year(text, surface, anchor, value):
    assert _one(text, surface, anchor).value == value


@pytest.mark.parametrize(
    ("text", "count"),
    [("Banjir merendam hingga 2000 rumah warga.", "2000"), ("Polisi mengerahkan sejak pagi dari 1500 personel.", "1500")],
)
def test_timex_counts_that_look_like_years_are_not_dates(text, count):
    # "sejak pagi" in the second sentence is a time (the morning); the count of people is not
    assert [t.text for t in tag(text, "2021-03-23") if count in t.text] == []


def test_timex_part_of_day_between_weekday_and_date():
    t = _one("Kebakaran terjadi Senin malam (22/3/2021) di Tambora.", "Senin malam (22/3/2021)")
    assert (t.type, t.value) == ("TIME", "2021-03-22TNI")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Pameran digelar Senin-Selasa (22-23/3/2021) di JCC.", "Senin-Selasa (22-23/3/2021)", "2021-03-22"),
        ("Sidang berlangsung Senin dan Selasa (22/3) di PN Jakarta.", "Senin dan Selasa (22/3)", "2021-03-22"),
    ],
)
def test_timex_weekday_and_date_ranges_take_the_first_day(text, surface, value):
    assert _one(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Kabinet periode 2019-2024 dilantik di Istana Negara.", ["2019", "2024"]),
        ("Ia menjabat sebagai gubernur pada masa jabatan 2014 – 2019.", ["2014", "2019"]),
    ],
)
def test_timex_year_range_gives_both_ends(text, ends):
    assert [(t.text, t.value) for t in tag(text, "2021-03-23")] == [(y, y) for y in ends]


@pytest.mark.parametrize("text", ["Kode produk 2019-2012 ditarik dari pasar.", "Hubungi 2001-2345 untuk informasi."])
def test_timex_number_pairs_that_are_not_year_ranges(text):
    assert tag(text, "2021-03-23") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Cicilan itu jatuh tempo tanggal 5 bulan lalu.", "tanggal 5 bulan lalu", "2021-02-05"),
        ("Pendaftaran ditutup tanggal 20 bulan depan.", "tanggal 20 bulan depan", "2021-04-20"),
        ("Ia pindah ke Bandung lima bulan lalu.", "lima bulan lalu", "2020-10"),
    ],
)
def test_timex_day_of_a_relative_month(text, surface, value):
    assert _one(text, surface, "2021-03-24").value == value
