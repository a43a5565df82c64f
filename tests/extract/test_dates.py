"""Publication times as Indonesian pages print them."""

from __future__ import annotations

from datetime import date

import pytest

from kabar.extract.dates import parse_iso, published_from_lines, reported_day


@pytest.mark.parametrize(
    ("line", "zone", "iso"),
    [
        ("Kompas.com - 23/03/2021, 18:31 WIB", None, "2021-03-23T18:31+07:00"),
        ("Kamis, 02 November 2017 - 15:23 WIB", None, "2017-11-02T15:23+07:00"),
        ("- 12 Juli 2021, 12:02 WIB", None, "2021-07-12T12:02+07:00"),
        ("Selasa, 16 Februari 2016 | 14:38 WIB", None, "2016-02-16T14:38+07:00"),
        ("Senin, 14 Agustus 2023 09:05 WITA", None, "2023-08-14T09:05+08:00"),
        ("Rabu, 1 Mei 2024 pukul 20.15 WIT", None, "2024-05-01T20:15+09:00"),
        ("on 16 Feb 2016 at 09:10 WIB", None, "2016-02-16T09:10+07:00"),
        ("28 October 2021 20:47", "+07:00", "2021-10-28T20:47+07:00"),
        ("28 October 2021 20:47", None, "2021-10-28T20:47"),
        ("Sabtu, 26 November 2022", None, "2022-11-26"),
    ],
)
def test_dates_printed_forms(line: str, zone: str | None, iso: str) -> None:
    found = published_from_lines([line])
    assert found is not None and found.iso(zone) == iso


def test_dates_updated_line_is_passed_over() -> None:
    found = published_from_lines(["Diperbarui 24/03/2021, 09:00 WIB", "23/03/2021, 18:31 WIB"])
    assert found is not None and found.iso() == "2021-03-23T18:31+07:00"


@pytest.mark.parametrize(
    ("stamp", "zone", "iso"),
    [
        ("2016-02-16T13:01:52+0700", None, "2016-02-16T13:01:52+07:00"),
        ("2015-11-05T03:08:58Z", "+07:00", "2015-11-05T10:08:58+07:00"),
        ("2022-11-26", None, "2022-11-26"),
    ],
)
def test_dates_machine_stamps(stamp: str, zone: str | None, iso: str) -> None:
    parsed = parse_iso(stamp, zone)
    assert parsed is not None and parsed.iso() == iso


def test_dates_reported_day_needs_a_nearby_dated_anchor() -> None:
    lead = ["Menurut laporan KCNA, dalam laporannya pada Sabtu (26/11) surat itu berisi ajakan."]
    assert reported_day(lead, [date(2022, 11, 18)]) == date(2022, 11, 26)
    assert reported_day(lead, [date(2023, 11, 18)]) is None  # 26/11/2023 is a Sunday: no guess
    assert reported_day(lead, [date(2022, 6, 1)]) is None  # too far from anything dated on the page
    assert reported_day(lead, []) is None
