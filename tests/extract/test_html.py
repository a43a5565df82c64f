"""HTML facts: visible lines as a browser copy gives them, and what the markup states."""

from __future__ import annotations

import pytest

from kabar.extract.html import parse

PAGE = """<html><head><title>Judul Berita | Warta</title>
<meta property="og:site_name" content="Warta"><meta name="author" content="Rahmat Hidayat">
<link rel="canonical" href="https://warta.example.id/berita/1">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-08-14T09:05:00+08:00"}</script>
<style>p {color: red}</style></head>
<body><nav>Beranda</nav><h1>Judul Berita</h1>
<p>Satu <b>dua</b> tiga.</p><table><tr><td>Penulis</td><td>: Nabilla</td></tr></table>
<div>empat<br>lima</div><div style="display: none">tersembunyi</div><script>var x = 1;</script>ekor</body></html>"""


def test_html_visible_lines() -> None:
    assert parse(PAGE).lines == ("Beranda", "Judul Berita", "Satu dua tiga.", "Penulis\t: Nabilla", "empat", "lima",
                                 "ekor")


def test_html_markup_facts() -> None:
    facts = parse(PAGE)
    assert facts.title == "Judul Berita | Warta" and facts.h1 == ("Judul Berita",)
    assert facts.published == "2023-08-14T09:05:00+08:00"
    assert facts.site_name == "Warta" and facts.author == "Rahmat Hidayat"
    assert facts.url == "https://warta.example.id/berita/1"


def test_html_deep_or_broken_markup_does_not_raise() -> None:
    deep = "<html><body>" + "<div>" * 5000 + "teks" + "</div>" * 5000 + "</body></html>"
    parse(deep)
    assert parse("<html><body><p>terpotong").lines == ("terpotong",)


def _head(head: str, body: str = "<h1>Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya</h1>") -> str:
    return f"<html><head>{head}</head><body>{body}<p>Teks.</p></body></html>"


def test_html_title_social_variant_loses_to_title_and_h1_agreeing() -> None:
    # og:title written for sharing; <title> and <h1> give the headline as printed
    page = _head('<meta property="og:title" content="Lihat Semangat Warga Desa Ini, Bikin Haru!">'
                 "<title>Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya - Warta</title>")
    assert parse(page).title == "Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya - Warta"
    # og:title agreeing with the h1 stays the choice
    agreeing = _head('<meta property="og:title" content="Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya">'
                     "<title>Beranda - Warta</title>")
    assert parse(agreeing).title == "Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya"


def test_html_extracted_title_from_agreeing_sources() -> None:
    from kabar.extract import extract
    from kabar.records import RawPage

    body = ("<h1>Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya</h1><p>MAMUJU - Warga Desa Sukamaju "
            "bergotong royong membangun jembatan bambu sepanjang 40 meter untuk menggantikan jembatan lama yang "
            "hanyut diterjang banjir bulan lalu.</p>")
    page = _head('<meta property="og:title" content="Lihat Semangat Warga Desa Ini, Bikin Haru!">'
                 "<title>Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya | Warta</title>", body)
    assert extract(RawPage("a.html", page, "html")).title == "Warga Sukamaju Bangun Jembatan Bambu Secara Swadaya"


@pytest.mark.parametrize(
    ("head", "body", "url"),
    [
        ('<link rel="Canonical" href="https://warta.example.id/berita/2">', "", "https://warta.example.id/berita/2"),
        ('<base href="https://warta.example.id/"><link rel="canonical" href="/berita/3">', "",
         "https://warta.example.id/berita/3"),
        ('<meta name="twitter:url" content="https://warta.example.id/berita/4">', "", "https://warta.example.id/berita/4"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", '
         '"@id": "https://warta.example.id/berita/5"}}</script>', "", "https://warta.example.id/berita/5"),
        ("", '<div itemscope itemtype="http://schema.org/NewsArticle"><a itemprop="url" '
             'href="https://warta.example.id/berita/527615/jembatan-bambu-swadaya">x</a></div>',
         "https://warta.example.id/berita/527615/jembatan-bambu-swadaya"),
        # an author's page in the article item is no address of the article
        ("", '<div itemscope itemtype="http://schema.org/Article"><a itemprop="url" '
             'href="https://warta.example.id/rahmat">Rahmat</a></div>', None),
    ],
)
def test_html_canonical_url_sources(head: str, body: str, url: str | None) -> None:
    assert parse(_head(head, body)).url == url
