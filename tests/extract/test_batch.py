"""Batches: lines repeating across pages of one site are chrome; errors become failures."""

from __future__ import annotations

from kabar.extract.batch import extract_all
from kabar.records import Article, Failure, RawPage

MASTHEAD = ["Warta Lembah", "Beranda", "Daerah", "Politik", ""]
PROMO = "Ikuti terus kabar terbaru, ya."


def _page(n: int, lead: str) -> RawPage:
    lines = MASTHEAD + [
        f"Judul Berita Nomor {n} Tentang Desa", "",
        lead, "",
        "Kepala desa mengatakan pekerjaan itu dilakukan bersama warga selama dua pekan tanpa bantuan anggaran.", "",
        PROMO, "",
        "Pemerintah kabupaten berjanji akan membangun jembatan permanen pada tahun anggaran berikutnya nanti.",
    ]
    return RawPage(f"p{n}.txt", "\n".join(lines), "text")


def test_batch_repeated_short_lines_removed_per_site() -> None:
    leads = [f"MAMUJU - Warga desa nomor {n} membangun jembatan bambu sepanjang empat puluh meter untuk anak sekolah."
             for n in range(3)]
    pages = [_page(n, lead) for n, lead in enumerate(leads)]
    alone = list(extract_all(pages[:1]))
    together = list(extract_all(pages))
    assert PROMO in alone[0].body
    assert all(isinstance(a, Article) and PROMO not in a.body for a in together)
    assert all(a.body[-1].startswith("Pemerintah kabupaten") for a in together)


def test_batch_failures_pass_and_errors_become_failures() -> None:
    items = [Failure("x.txt", "ingest", "empty file"), RawPage("menu.txt", "Beranda\nMasuk", "text")]
    out = list(extract_all(items))
    assert out[0] == items[0]
    assert isinstance(out[1], Failure) and out[1].stage == "extract" and out[1].source == "menu.txt"
