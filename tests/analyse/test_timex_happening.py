"""The anchoring model for clock times (issue 18): a clock without a day of its own is on the day of the
happening it reports, and outside its sentence it borrows only a day that dates a happening: not the
day a statement was made, not a planned day after publication. Found by reading what the tagger gives
on IndoSum news; sentences written for these tests."""

from __future__ import annotations

import pytest

from kabar.analyse.timex import tag


def _value(text: str, anchor: str, surface: str) -> str:
    return {t.text: t.value for t in tag(text, anchor)}[surface]


def test_clock_does_not_borrow_the_day_a_statement_was_made():
    # published Saturday: the riot was on Thursday, the police chief spoke on Friday
    text = ("Kerusuhan pecah di lapas Kamis (4/5/2017) sore. \"Situasi sudah aman,\" kata Kapolda di Bengkulu, "
            "Jumat (5/5/2017).\nKerusuhan berawal sekitar pukul 15.30 WIB.")
    assert _value(text, "2017-05-06", "sekitar pukul 15.30 WIB") == "2017-05-04T15:30"


def test_a_statement_day_in_the_clocks_own_sentence_still_counts():
    # the sentence names that day alone: the statement and the clock are both on it
    text = "Ia tiba pukul 10.00 WIB dan langsung memberi keterangan, ujar juru bicara, Jumat (5/5/2017)."
    assert _value(text, "2017-05-06", "pukul 10.00 WIB") == "2017-05-05T10:00"


def test_a_day_named_without_a_speech_verb_is_a_happening():
    text = "Kapal itu tiba di Surabaya, Jumat (5/5/2017).\nBongkar muat dimulai pukul 07.00 WIB."
    assert _value(text, "2017-05-06", "pukul 07.00 WIB") == "2017-05-05T07:00"


def test_clock_does_not_borrow_a_planned_day():
    # the hearing was on Wednesday; the next one is planned for 7 February
    text = ("Sidang cerai digelar Rabu (24/1/2018). Sidang lanjutan akan digelar pada 7 Februari 2018.\n"
            "Sekira pukul 11.10 WIB, sidang kembali dilanjutkan setelah diskors.")
    assert _value(text, "2018-01-25", "pukul 11.10 WIB") == "2018-01-24T11:10"


def test_clock_of_a_future_sentence_takes_the_planned_day():
    text = "Konser akan digelar pada 7 Februari 2018.\nPintu akan dibuka pukul 18.00 WIB."
    assert _value(text, "2018-01-25", "pukul 18.00 WIB") == "2018-02-07T18:00"


def test_story_level_clock_takes_the_last_happening_day_before_it():
    text = ("Banjir merendam Bekasi, Sabtu (1/2/2020).\n"
            "\"Kami sudah siaga,\" kata Kepala BPBD, Minggu (2/2/2020).\n"
            "Air mulai surut pukul 14.00 WIB.")
    assert _value(text, "2020-02-03", "pukul 14.00 WIB") == "2020-02-01T14:00"


def test_clock_with_no_happening_day_falls_back_on_the_publication_day():
    text = "Rapat lanjutan akan digelar 10 Maret 2020.\nRapat pertama selesai pukul 16.00 WIB."
    assert _value(text, "2020-03-02", "pukul 16.00 WIB") == "2020-03-02T16:00"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Kontraksi mulai terasa sejak pukul 11 siang.", "pukul 11 siang", "2017-05-15T11:00"),
        ("Rapat dimulai pukul 1 siang.", "pukul 1 siang", "2017-05-15T13:00"),
        ("Tamu datang jam 10.30 siang.", "jam 10.30 siang", "2017-05-15T10:30"),
        ("Laga dimulai pukul 3 sore.", "pukul 3 sore", "2017-05-15T15:00"),
    ],
)
def test_siang_is_late_morning_to_afternoon(text, surface, value):
    assert _value(text, "2017-05-15", surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Pada 3.48 dini hari, seorang warga menelepon polisi.", "3.48 dini hari", "2017-10-10T03:48"),
        ("Kereta terakhir berangkat 21.15 malam.", "21.15 malam", "2017-10-10T21:15"),
        ("Bus tiba 7.30 malam di terminal.", "7.30 malam", "2017-10-10T19:30"),
    ],
)
def test_clock_without_pukul_before_a_part_of_day(text, surface, value):
    assert _value(text, "2017-10-10", surface) == value


@pytest.mark.parametrize("text", ["Harga naik 1.500 pagi ini.", "Skor 2.30 di babak pertama.", "Angka 3.48 naik."])
def test_numbers_are_not_clocks_without_a_zone_or_part_of_day(text):
    assert all(t.type != "TIME" or "ini" in t.text for t in tag(text, "2017-10-10"))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Terdakwa divonis 3 tahun 6 bulan penjara.", "3 tahun 6 bulan", "P3Y6M"),
        ("Marquez mencatat waktu 1 menit 37,467 detik.", "1 menit 37,467 detik", "PT1M37.467S"),
        ("Perjalanan memakan waktu 2 jam 30 menit.", "2 jam 30 menit", "PT2H30M"),
        ("Pencarian berlangsung 1 hari 6 jam.", "1 hari 6 jam", "P1DT6H"),
    ],
)
def test_a_count_and_a_smaller_count_are_one_duration(text, surface, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2017-05-20")}
    assert found.get(surface) == ("DURATION", value), found


def test_minutes_of_a_compound_count_shift_the_clock():
    text = "Pesawat lepas landas pukul 05.00 WIB. Pesawat mendarat 1 jam 20 menit kemudian."
    assert _value(text, "2017-05-20", "1 jam 20 menit kemudian") == "2017-05-20T06:20"


@pytest.mark.parametrize(
    ("text", "surface", "type_", "value"),
    [
        # the page is dated two days after it was written: the bracketed day wins
        ("Bazar digelar sejak hari ini (21/7) sampai Minggu (23/7).", "hari ini (21/7)", "DATE", "2017-07-21"),
        ("Polisi menangkap pelaku kemarin (20/7/2017).", "kemarin (20/7/2017)", "DATE", "2017-07-20"),
        ("Hujan deras turun tadi malam (20/7).", "tadi malam (20/7)", "TIME", "2017-07-20TNI"),
        # no such day: the words alone
        ("Kemarin (31/2) ada rapat.", "Kemarin", "DATE", "2017-07-22"),
    ],
)
def test_a_relative_day_with_its_date_in_brackets_is_that_date(text, surface, type_, value):
    found = {t.text: (t.type, t.value) for t in tag(text, "2017-07-23")}
    assert found.get(surface) == (type_, value), found


def test_a_day_after_a_verb_introducing_the_content_is_the_contents_day():
    # "mengatakan" opens what was said: Friday is the meeting's day, and the quoted clock is on it
    text = ("Hendrawan mengatakan, rapat itu direncanakan digelar di Jakarta, Jumat (5/1/2018).\n"
            "\"Kami baru rapat pukul 16.00 WIB,\" ujar Hendrawan.")
    assert _value(text, "2018-01-06", "pukul 16.00 WIB") == "2018-01-05T16:00"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Ia meninggal jam setengah 3 subuh.", "jam setengah 3 subuh", "2018-02-11T02:30"),
        ("Kami tiba pukul setengah 12 malam.", "pukul setengah 12 malam", "2018-02-11T23:30"),
        ("Rapat dimulai pukul setengah 9.", "pukul setengah 9", "2018-02-11T08:30"),
        ("Pasien sempat membuka mata jam 9 malamnya.", "jam 9 malamnya", "2018-02-11T21:00"),
        ("Warga sudah antre sejak jam 4 subuh.", "jam 4 subuh", "2018-02-11T04:00"),
    ],
)
def test_half_hours_and_parts_of_day_after_a_clock(text, surface, value):
    assert _value(text, "2018-02-11", surface) == value


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "value"),
    [
        # the weekday names the date before it: Monday 2 October, not the Monday before publication
        ("\"Sidang tanggal 2 Oktober besok, hari Senin, jam 9 pagi.\"", "2017-09-27", "hari Senin", "2017-10-02"),
        ("\"Sidang tanggal 2 Oktober besok, hari Senin, jam 9 pagi.\"", "2017-09-27", "jam 9 pagi", "2017-10-02T09:00"),
        ("Upacara digelar 17 Agustus 2017, Kamis, di Istana.", "2017-08-20", "Kamis", "2017-08-17"),
        # a weekday the date does not fall on is a day of its own
        ("Rapat 2 Oktober 2017, Selasa, batal.", "2017-09-27", "Selasa", "2017-09-26"),
    ],
)
def test_a_weekday_in_apposition_after_a_date_on_it_is_that_date(text, anchor, surface, value):
    assert _value(text, anchor, surface) == value
