"""HTML facts: visible lines as a browser copy gives them, and what the markup states."""

from __future__ import annotations

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
