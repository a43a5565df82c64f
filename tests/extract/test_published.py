"""A page's publication date comes from its date lines, metadata or URL; a date inside a
sentence (a birth date in an obituary) never becomes it, and an undated page stays undated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kabar.extract import extract
from kabar.records import RawPage

TITLE = "Tokoh Pers Senior Tutup Usia di Jakarta"
LEAD = [
    "Tokoh pers senior Indonesia, Bambang Sulistyo, meninggal dunia di rumah sakit di Jakarta pada sore ini "
    "setelah dirawat selama sepekan karena penyakit jantung.",
    "Kabar duka tersebut dibenarkan oleh Wakil Ketua Dewan Pers yang menyebut almarhum sebagai guru bagi "
    "banyak wartawan muda di tanah air.",
    "Rumah duka berada di kawasan Bintaro, Jakarta Selatan, dan jenazah akan dimakamkan besok siang di "
    "Tempat Pemakaman Umum Tanah Kusir.",
]
BORN = "Bambang lahir di Surabaya pada 17 Oktober 1959."
BORN_CLAUSE = "Lahir pada 27 Januari 1949, ia sempat memimpin redaksi dua harian."


def _page(paragraphs: list[str], head: list[str] = ()) -> RawPage:
    return RawPage("obituari.txt", "\n\n".join([*head, TITLE, *paragraphs]) + "\n", "text")


@pytest.mark.parametrize(
    "paragraphs",
    [
        [*LEAD, BORN],  # the birth date closes the article
        [BORN, *LEAD],  # …or opens it, above the long paragraphs, where date lines sit
        [BORN_CLAUSE, *LEAD],
        [*LEAD, BORN_CLAUSE],
    ],
)
def test_published_birth_date_in_a_sentence_is_not_the_date(paragraphs: list[str]) -> None:
    article = extract(_page(paragraphs))
    assert article.published is None


def test_published_date_line_still_dates_the_page() -> None:
    # the same obituary with a printed date line keeps that date, not the birth date
    article = extract(_page([BORN, *LEAD], head=["Kamis, 3 Juli 2025 16:20 WIB"]))
    assert article.published == "2025-07-03T16:20+07:00"
    byline = extract(_page([*LEAD, BORN], head=["Laporan Wartawan Tribunnews.com - Kamis, 3 Juli 2025"]))
    assert byline.published == "2025-07-03"


@pytest.mark.shared
def test_published_events_obituaries_stay_undated(shared_dir: Path) -> None:
    """The two undated obituaries of the events set, their flattened bodies cut into one sentence a
    line (as a browser copy gives paragraphs), so the birth sentences stand alone."""
    folder = shared_dir / "data" / "events"
    for name, born in (("cnnindonesia-penyanyi-dangdut-senior-hamdan-att-meninggal.txt", "1949"),
                       ("detik-innalillahi-tokoh-pers-wina-armada-sukardi.txt", "1959")):
        title, _, body = (folder / name).read_text(encoding="utf-8").partition("\n")
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", body.strip())
        assert any(born in s for s in sentences)
        for order in (sentences, sorted(sentences, key=lambda s: born not in s)):  # birth sentence first, too
            article = extract(RawPage(name, "\n\n".join([title, *order]) + "\n", "text"))
            assert article.published is None, (name, article.published)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://nasional.kompas.com/read/2016/02/16/14380041/menteri-ancam-pns", "2016-02-16"),
        ("https://example.id/berita/2025-07-03/tokoh-pers-tutup-usia", "2025-07-03"),
        ("https://example.id/berita/2025/02/30/tanggal-mustahil", None),  # no such day
        ("https://news.detik.com/berita/d-7993422/tokoh-pers-tutup-usia", None),
    ],
)
def test_published_from_url_when_the_page_prints_none(url: str, day: str | None) -> None:
    page = _page([*LEAD, BORN])
    article = extract(RawPage(page.source, page.content, "text", url=url))
    assert article.published == day


def test_published_printed_date_beats_the_url() -> None:
    page = _page(LEAD, head=["Kamis, 3 Juli 2025 16:20 WIB"])
    url = "https://example.id/berita/2025/07/02/tokoh-pers"
    assert extract(RawPage(page.source, page.content, "text", url=url)).published == "2025-07-03T16:20+07:00"
