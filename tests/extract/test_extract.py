"""Whole pages: the five samples (browser-copied text) and an unseen outlet's HTML (generic path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.extract import ExtractError, extract
from kabar.ingest import read_pages
from kabar.records import RawPage

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def samples(sample_paths: list[Path]) -> dict[str, object]:
    pages = [p for p in read_pages(sample_paths) if isinstance(p, RawPage)]
    return {Path(p.source).name[:3]: extract(p) for p in pages}


@pytest.mark.parametrize(
    ("key", "outlet", "title_start", "published", "dateline", "sources"),
    [
        ("000", "Kompas.com", "Xi Jinping dan Kim Jong Un", "2021-03-23T18:31+07:00", "PYONGYANG",
         ("KCNA", "Associated Press", "Xinhua")),
        ("001", "CNBC Indonesia", "China-Korut Makin Mesra", "2021-10-28T20:47+07:00", "Jakarta",
         ("Reuters", "Associated Press", "Xinhua")),
        ("002", "Sragen Update", "Korea Utara dan China Isyaratkan", "2021-07-12T12:02+07:00", None,
         ("KCNA", "Xinhua", "Associated Press")),
        ("003", "SINDOnews", "Korut Klaim China Ingin", "2017-11-02T15:23+07:00", "PYONGYANG", ("KCNA", "CNN")),
        ("004", "Tribunnews.com", "Kirim Surat ke Kim Jong Un", "2022-11-26", "BEIJING", ("KCNA", "Al Jazeera")),
    ],
)
def test_extract_samples_metadata(samples, key, outlet, title_start, published, dateline, sources) -> None:
    article = samples[key]
    assert article.outlet == outlet
    assert article.title.startswith(title_start)
    assert article.published == published
    assert article.dateline == dateline
    assert article.sources_cited == sources
    assert article.language == "id"


@pytest.mark.parametrize(
    ("key", "authors"),
    [
        ("000", [("Shintaloka Pradita Sicca", "writer")]),
        ("001", [("Thea Fathanah Arbar", "writer")]),
        ("002", [("Yesa Novianti Putri Ashari", "editor")]),
        ("003", []),
        ("004", [("Namira Yunia Lestanti", "writer"), ("Seno Tri Sulistiyono", "editor")]),
    ],
)
def test_extract_samples_authors(samples, key, authors) -> None:
    assert [(a.name, a.role) for a in samples[key].authors] == authors


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_extract_samples_body_is_clean(samples, key) -> None:
    article = samples[key]
    text = article.text
    for chrome in ("Baca juga", "Baca Juga", "(hoi/hoi)", "(ian)", "©", "Editor:", "Sumber:", "Gambas",
                   "spinner", "Penulis", "Halaman:", "zoom-in", "Laporan Wartawan"):
        assert chrome not in text
    assert article.body[0].split(" - ")[0] in {"PYONGYANG, KOMPAS.com", "Jakarta, CNBC Indonesia", "SRAGEN UPDATE",
                                               "PYONGYANG", "TRIBUNNEWS.COM, BEIJING"}
    assert article.title not in article.body
    assert article.title in {b.strip() for b in article.boilerplate}


def test_extract_samples_body_keeps_closing_paragraph(samples) -> None:
    assert samples["000"].body[-1].startswith("Kim juga mengatakan komunikasi antara ia dan Xi")
    assert samples["003"].body[-1].startswith("Korut juga telah melakukan uji coba rudal provokatif")
    assert len(samples["000"].body) == 16


def test_extract_ids_are_stable(sample_paths: list[Path]) -> None:
    first = [extract(p).id for p in read_pages(sample_paths) if isinstance(p, RawPage)]
    second = [extract(p).id for p in read_pages(sample_paths) if isinstance(p, RawPage)]
    assert first == second and len(set(first)) == 5


@pytest.fixture(scope="module")
def unseen():
    (page,) = read_pages([DATA / "unseen_outlet.html"])
    return extract(page)


def test_extract_unseen_outlet_html_body(unseen) -> None:
    assert unseen.body[0].startswith("MAMUJU, WARTALEMBAHHIJAU.ID - Warga Desa Sukamaju")
    assert unseen.body[-1].startswith("Pemerintah kabupaten berjanji")
    assert len(unseen.body) == 5
    assert not any("Baca juga" in p or "Terpopuler" in p or "(rh/sw)" in p or "Foto:" in p for p in unseen.body)


def test_extract_unseen_outlet_html_metadata(unseen) -> None:
    assert unseen.title == "Warga Desa Sukamaju Bangun Jembatan Bambu Secara Swadaya"
    assert unseen.published == "2023-08-14T09:05+08:00"
    assert unseen.dateline == "MAMUJU"
    assert unseen.outlet == "Warta Lembah Hijau"
    assert [(a.name, a.role) for a in unseen.authors] == [("Rahmat Hidayat", "writer"), ("Sri Wahyuni", "editor")]
    assert unseen.sources_cited == ("ANTARA",)


def test_extract_jsonl_published_wins(tmp_path: Path) -> None:
    text = (
        "Judul Berita Tentang Jembatan Desa\n\nSenin, 14 Agustus 2023 09:05 WIB\n\n"
        "JAKARTA - Warga desa membangun jembatan bambu sepanjang empat puluh meter untuk menggantikan jembatan lama "
        "yang hanyut diterjang banjir pada bulan lalu.\n"
    )
    page = RawPage("x.jsonl#1", text, "text", published_hint="2023-08-15")
    assert extract(page).published == "2023-08-15"


@pytest.mark.parametrize("content", ["   \n ", "Beranda\nMasuk\nDaftar\n"])
def test_extract_no_article_raises(content: str) -> None:
    with pytest.raises(ExtractError):
        extract(RawPage("empty.txt", content, "text"))


def test_extract_channel_page_with_inline_ads() -> None:
    """A detik-style channel page: <br> paragraphs, ad blocks, video promo, initials, a sidebar."""
    (page,) = read_pages([DATA / "channel_outlet.html"])
    article = extract(page)
    assert article.body[0].startswith("Cianjur - Gempa bumi bermagnitudo 5,6")
    assert article.body[-1] == "Hingga berita ini diturunkan, petugas masih mendata jumlah korban dan kerusakan."
    assert len(article.body) == 5
    text = article.text
    for chrome in ("ADVERTISEMENT", "SCROLL TO", "Baca juga", "Simak Video", "Gambas", "(rin/dna)", "Berita Terkait"):
        assert chrome not in text
    assert article.outlet == "detikcom" and article.dateline == "Cianjur"
    assert article.published == "2022-11-21T13:45+07:00"
    assert [(a.name, a.role) for a in article.authors] == [("Rina Marlina", "writer")]


ENGLISH_PAGE = """Home
News
World

Indonesia, China agree to boost maritime cooperation

Tuesday, March 23, 2021 18:31

JAKARTA - Indonesia and China have agreed to strengthen their maritime cooperation during a meeting in Beijing \
on Monday, the foreign ministry said in a statement.

The two countries also discussed the situation in the South China Sea, where tensions have risen in recent \
months, according to Reuters.

"We are committed to peace and stability in the region," the minister told reporters after the meeting.

Related: Indonesia summons Chinese envoy
Copyright 2021 The Jakarta Post. All rights reserved.
"""


def test_extract_english_page_uses_english_stopwords() -> None:
    article = extract(RawPage("en.txt", ENGLISH_PAGE, "text"))
    assert article.language == "en"
    assert len(article.body) == 3 and article.body[0].startswith("JAKARTA - Indonesia and China")
    assert article.title == "Indonesia, China agree to boost maritime cooperation"
    assert article.published == "2021-03-23T18:31"  # no zone printed, outlet unknown: no offset invented
    assert article.sources_cited == ("Reuters",)


def test_extract_html_short_paragraphs_fall_back_to_trafilatura() -> None:
    paragraphs = "".join(f"<p>Kalimat pendek nomor {i} ditulis.</p>" for i in range(12))
    html = ("<html><head><title>Judul Pendek Sekali Ini</title></head><body><nav>Beranda</nav><article>"
            "<h1>Judul Pendek Sekali Ini</h1><div>Senin, 14 Agustus 2023 09:05 WIB</div>"
            f"<div>Penulis: Rahmat Hidayat</div>{paragraphs}</article>"
            "<footer><div>Selasa, 1 Januari 2019 10:00 WIB</div></footer></body></html>")
    article = extract(RawPage("short.html", html, "html"))
    assert len(article.body) == 12 and article.body[0] == "Kalimat pendek nomor 0 ditulis."
    assert article.published == "2023-08-14T09:05+07:00"
    assert article.title == "Judul Pendek Sekali Ini"
    assert [(a.name, a.role) for a in article.authors] == [("Rahmat Hidayat", "writer")]
