"""Titles, bylines, datelines, outlets and cited sources."""

from __future__ import annotations

import pytest

from kabar.extract.meta import clean_title, find_authors, sources_cited, split_dateline
from kabar.extract.outlets import load_outlets


@pytest.mark.parametrize(
    ("title", "names", "clean"),
    [
        ('Menteri Yuddy Ancam PNS yang Rankingnya Terendah Akan "Dipangkas" - Kompas.com', [],
         'Menteri Yuddy Ancam PNS yang Rankingnya Terendah Akan "Dipangkas"'),
        ("Gus Ipul Mengunjungi Rumah Anak Yatim Calon Siswa | tempo.co", [], "Gus Ipul Mengunjungi Rumah Anak Yatim Calon Siswa"),
        ("KapanLagi.com: Brandon Salim Makin Dekat Dengan Sivia Blink", [], "Brandon Salim Makin Dekat Dengan Sivia Blink"),
        ("Marcella Zalianty Promo Pariwisata | Republika Online", ["Republika Online"], "Marcella Zalianty Promo Pariwisata"),
        ("Tri Indonesia: Broadband Dorong Ekosistem Digital", [], "Tri Indonesia: Broadband Dorong Ekosistem Digital"),
        ("Warga Bangun Jembatan | Warta Lembah Hijau", ["Warta Lembah Hijau"], "Warga Bangun Jembatan"),
    ],
)
def test_meta_title_loses_site_name(title: str, names: list[str], clean: str) -> None:
    assert clean_title(title, names) == clean


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        (["Shintaloka Pradita Sicca", "", "Penulis"], [("Shintaloka Pradita Sicca", "writer")]),
        (["News - Thea Fathanah Arbar, CNBC Indonesia"], [("Thea Fathanah Arbar", "writer")]),
        (["Penulis: Namira Yunia Lestanti", "Editor: Seno Tri Sulistiyono",
          "Laporan Wartawan Tribunnews.com Namira Yunia Lestanti"],
         [("Namira Yunia Lestanti", "writer"), ("Seno Tri Sulistiyono", "editor")]),
        (["Penulis\t: Nabilla Tashandra", "Editor\t: Bayu Galih"], [("Nabilla Tashandra", "writer"), ("Bayu Galih", "editor")]),
        (["Reporter: Andi Saputra dan Budi Santoso"], [("Andi Saputra", "reporter"), ("Budi Santoso", "reporter")]),
        (["Kontributor: Dewi Lestari"], [("Dewi Lestari", "contributor")]),
        (["(hoi/hoi)", "Editor:"], []),
        (["Penulis", ": Nabilla Tashandra", "Editor", ": Bayu Galih"], [("Nabilla Tashandra", "writer"), ("Bayu Galih", "editor")]),
        (["Like (0)", "Dislike (0)", "Author", "Corry Anestia", "Editor", "Iskandar"],
         [("Corry Anestia", "writer"), ("Iskandar", "editor")]),
        (["By Corry Anestia"], [("Corry Anestia", "writer")]),
        (["Red: Yudha Manggala P Putra"], [("Yudha Manggala P Putra", "editor")]),
        (["Red Velvet Rilis Album Baru"], []),
        (["Selasa, 16 Februari 2016 | 13:01 WIB", "Oleh :", "Maya Sofia"], [("Maya Sofia", "writer")]),
        (["Fino Yurio Kristo - detikinet"], [("Fino Yurio Kristo", "writer")]),
        (["Pewarta: Budisantoso Budiman dan Agus S"], [("Budisantoso Budiman", "reporter"), ("Agus S", "reporter")]),
        (["Penulis: Tim Redaksi"], []),
        (["Penulis Australia Antonia Hayes berbagi ilmu di Makassar"], []),
    ],
)
def test_meta_authors_with_roles(lines: list[str], authors: list[tuple[str, str]]) -> None:
    assert [(a.name, a.role) for a in find_authors(lines, load_outlets())] == authors


@pytest.mark.parametrize(
    ("lead", "place", "outlet"),
    [
        ("PYONGYANG, KOMPAS.com - Para pemimpin China dan Korea Utara", "PYONGYANG", "KOMPAS.com"),
        ("Jakarta, CNBC Indonesia - Diplomat top China", "Jakarta", "CNBC Indonesia"),
        ("TRIBUNNEWS.COM, BEIJING - Di tengah memanasnya situasi", "BEIJING", "TRIBUNNEWS.COM"),
        ("SRAGEN UPDATE - Para pemimpin Korea Utara", None, "SRAGEN UPDATE"),
        ("PYONGYANG - Media pemerintah Korea Utara", "PYONGYANG", None),
        ("Liputan6.com, Jakarta - Indonesia memasuki fase dinamis", "Jakarta", "Liputan6.com"),
        ("Presiden Jokowi - yang baru tiba - langsung memimpin rapat", None, None),
        ("Mataram (ANTARA News) - Sebanyak 29 penerbangan dibatalkan", "Mataram", "ANTARA News"),
    ],
)
def test_meta_dateline(lead: str, place: str | None, outlet: str | None) -> None:
    assert split_dateline(lead, load_outlets()) == (place, outlet)


def test_meta_sources_in_order_without_own_outlet_or_interviews() -> None:
    body = [
        "PYONGYANG, KOMPAS.com - KCNA mengatakan Kim bertukar pesan, seperti dilansir dari Associated Press (AP).",
        "Menurut Xinhua, pesan itu dikirim Senin. Hal itu dikatakan pejabat kepada Kompas.com.",
    ]
    assert sources_cited(body, ["Sumber: Reuters"], {"Kompas.com"}) == ("KCNA", "Associated Press", "Xinhua", "Reuters")
