"""Batches: lines repeating across pages of one site are chrome; errors become failures."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("kind", ["text", "html"])
def test_batch_two_pass_counts_remove_an_outlet_footer_per_page_rules_keep(kind) -> None:
    from kabar.extract import extract
    from kabar.extract.batch import count_lines

    from tests.extract.pages import FOOTER, outlet_html_pages, outlet_pages

    pages = outlet_pages() if kind == "text" else outlet_html_pages()
    assert all(FOOTER in extract(p).body for p in pages)  # no per-page rule knows it
    counts = count_lines(pages)
    assert FOOTER in counts.repeated(pages[0])
    out = list(extract_all(pages, counts=counts))
    assert all(isinstance(a, Article) and FOOTER not in a.body and len(a.body) == 3 for a in out)


def test_batch_counts_keep_only_hashes_of_repeated_lines() -> None:
    from kabar.extract.batch import count_lines

    from tests.extract.pages import MASTHEAD, outlet_pages

    counts = count_lines(outlet_pages())
    # masthead words, footer, editor line: nothing of the articles' own text survives the prune
    assert len(counts) == len([m for m in MASTHEAD if m]) + 2
    assert counts.count("top:KabarBanua\x1fBeranda\x1fNasional\x1fDaerah", "Beranda") == 3


def test_batch_counts_merge_in_steps_like_at_once(monkeypatch) -> None:
    from kabar.extract import batch

    from tests.extract.pages import outlet_pages

    pages = outlet_pages() * 2
    whole = batch.LineCounts.of(pages)
    monkeypatch.setattr(batch, "_MERGE_EVERY", 5)
    stepwise = batch.LineCounts.of(pages)
    assert len(whole) == len(stepwise)
    assert [sorted(whole.repeated(p)) for p in pages] == [sorted(stepwise.repeated(p)) for p in pages]


def test_batch_window_too_small_to_see_the_repeat_keeps_the_footer() -> None:
    from tests.extract.pages import FOOTER, outlet_pages

    assert all(FOOTER in a.body for a in extract_all(outlet_pages(), window=2))
    assert all(FOOTER not in a.body for a in extract_all(outlet_pages(), window=3))


def test_batch_pages_of_other_outlets_are_counted_apart() -> None:
    from kabar.extract.batch import count_lines

    from tests.extract.pages import FOOTER, outlet_pages

    pages = outlet_pages()
    other = RawPage("lain.txt", pages[0].content.replace("KabarBanua", "WartaBorneo"), "text")
    assert FOOTER not in count_lines([pages[0], pages[1], other]).repeated(other)


def test_batch_unreadable_page_is_not_counted_and_the_batch_goes_on(monkeypatch) -> None:
    from kabar.extract import batch

    from tests.extract.pages import outlet_pages

    pages = outlet_pages()
    real = batch._lines

    def flaky(page):
        if page.source == pages[1].source:
            raise ValueError("rusak")
        return real(page)

    monkeypatch.setattr(batch, "_lines", flaky)
    counts = batch.LineCounts.of(pages)
    assert counts.pages == 2 and counts.repeated(pages[0]) == frozenset()
    assert counts.repeated(pages[1]) == frozenset()


# Flattened bodies of one outlet (my own text): each folds in the same closing promotion, whose only
# cue is its imperative; a background sentence the outlet repeats across one story has no cue.
FLAT_PROMO = "Ikuti terus perkembangan berita daerah pilihan hanya bersama redaksi kami setiap hari."
BACKGROUND = ("Jembatan gantung itu merupakan satu-satunya akses warga tiga dusun menuju pasar dan sekolah di "
              "pusat kecamatan.")
FLAT_REPORTS = (
    "Ratusan warga Desa Sungai Danau bergotong royong memperbaiki jembatan gantung yang rusak diterjang banjir "
    "pekan lalu. Pekerjaan dimulai sejak pagi dan dikerjakan tanpa menunggu bantuan anggaran dari pemerintah.",
    "Pemerintah kabupaten mengirim tim teknis untuk memeriksa kekuatan jembatan gantung yang diperbaiki warga. Tim "
    "menyebut perbaikan darurat itu cukup kuat untuk dilalui pejalan kaki dan sepeda motor sementara waktu.",
    "Bupati berjanji membangun jembatan permanen di lokasi tersebut pada tahun anggaran berikutnya. Perencanaan "
    "teknis dijadwalkan rampung sebelum akhir tahun dan lelang proyek akan dibuka awal tahun depan.",
)


def _flat_page(n: int, report: str) -> RawPage:
    text = f"Jembatan Gantung Sungai Danau, Bagian {n + 1}\n\n{report} {BACKGROUND} {FLAT_PROMO}\n"
    return RawPage(f"flat{n}.txt", text, "text", url=f"https://kabarbanua.example.id/daerah/{n}")


def test_batch_repeated_promotion_inside_a_flattened_body_is_cut() -> None:
    pages = [_flat_page(n, report) for n, report in enumerate(FLAT_REPORTS)]
    alone = list(extract_all(pages[:1]))
    together = list(extract_all(pages))
    assert all(isinstance(a, Article) for a in (*alone, *together))
    assert FLAT_PROMO in alone[0].text  # one page alone: one weak cue is not enough
    for article, report in zip(together, FLAT_REPORTS):
        assert FLAT_PROMO not in article.text and FLAT_PROMO in article.boilerplate
        assert article.text == f"{report} {BACKGROUND}"  # the repeated background sentence stays
