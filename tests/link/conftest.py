"""Hand-made Indonesian articles for the linking tests."""

from __future__ import annotations

import pytest

from kabar.records import AnalysedArticle, Article, TimeExpr


def make(aid: str, title: str, paragraphs: list[str], published: str | None = None, outlet: str | None = None,
         sources: tuple[str, ...] = (), timexes: tuple[tuple[str, str], ...] = ()) -> AnalysedArticle:
    article = Article(id=aid, source=f"{aid}.txt", body=tuple(paragraphs), title=title, published=published,
                      outlet=outlet, sources_cited=sources)
    text = article.text
    found = []
    for surface, value in timexes:
        start = text.index(surface)
        found.append(TimeExpr(aid, start, start + len(surface), surface, "DATE", value))
    return AnalysedArticle(article, timexes=tuple(found))


@pytest.fixture
def corpus() -> list[AnalysedArticle]:
    """Two reports of one flood, one of a later flood aid visit, one football match."""
    return [
        make("banjir-a", "Banjir Rendam Ratusan Rumah di Kabupaten Bekasi",
             ["BEKASI, KOMPAS.com - Banjir setinggi satu meter merendam 300 rumah warga di Kecamatan Tambun, "
              "Kabupaten Bekasi, Senin (3/3/2025).",
              "Kepala BPBD Kabupaten Bekasi mengatakan banjir terjadi setelah hujan deras mengguyur sejak Minggu malam "
              "dan tanggul Kali Bekasi jebol.",
              "Sebanyak 1.200 warga mengungsi ke masjid dan balai desa terdekat."],
             published="2025-03-03", outlet="Kompas.com", timexes=(("Senin (3/3/2025)", "2025-03-03"),)),
        make("banjir-b", "Tanggul Kali Bekasi Jebol, Ratusan Rumah Terendam Banjir",
             ["Jakarta, CNN Indonesia -- Tanggul Kali Bekasi jebol setelah hujan deras mengguyur sejak Minggu malam, "
              "merendam 300 rumah warga di Kecamatan Tambun, Kabupaten Bekasi.",
              "BPBD Kabupaten Bekasi mencatat 1.500 warga mengungsi ke masjid dan balai desa.",
              "Banjir setinggi satu meter itu mulai surut pada Senin sore."],
             published="2025-03-03", outlet="CNN Indonesia"),
        make("banjir-c", "Menteri Sosial Kunjungi Pengungsi Banjir Bekasi",
             ["Menteri Sosial mengunjungi pengungsi banjir di Kecamatan Tambun, Kabupaten Bekasi, Kamis (6/3/2025), "
              "dan menyerahkan bantuan logistik.",
              "Bantuan berupa beras, selimut dan makanan siap saji diserahkan kepada warga yang rumahnya terendam banjir.",
              "Banjir pada awal pekan itu merendam 300 rumah warga setelah tanggul Kali Bekasi jebol."],
             published="2025-03-06", outlet="Detik"),
        make("bola", "Persib Bandung Kalahkan Persija di Stadion Si Jalak Harupat",
             ["Persib Bandung mengalahkan Persija Jakarta dengan skor 2-0 dalam lanjutan Liga 1 di Stadion Si Jalak "
              "Harupat, Sabtu malam.",
              "Gol kemenangan Persib dicetak oleh David da Silva pada babak pertama dan Ciro Alves pada babak kedua.",
              "Pelatih Persija mengakui timnya kalah dalam penguasaan bola sepanjang pertandingan."],
             published="2025-03-08", outlet="Tempo"),
    ]
