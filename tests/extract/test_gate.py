"""Only articles are articles: a README, an index page or a video page without text is skipped
with its reason; news pages, short ones included, pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.extract import ExtractError, extract
from kabar.extract.gate import NotAnArticle
from kabar.records import RawPage

# A data folder's description, as such folders carry them (my own text, in the shape of one).
SOURCE_MD = """# news/ — Indonesian articles for story clustering (DEV)

**Origin:** github.com/example/news-scraper, commit `0123456789abcdef` (2024-05-01), files
`data/<outlet>/*.json` and the labels in `labels.csv`.

**Licence:** MIT. The articles are the outlets' copyrighted text: evaluation only,
never train shipped models on them, never copy them into the project.

## Files

- `<outlet>-<slug>.txt` (50 files): the title, a blank line, then the body as scraped.
- `labels.jsonl`, one line per file: `{"file", "story", "outlet", "date"}`.

| story | articles | outlets |
|---|---|---|
| flood-relief | 20 | 4 |
| fuel-prices | 30 | 5 |

**How it is scored:** pairwise precision, recall and F1 over same-story pairs, and the
adjusted Rand index of the clusters against the gold labels.
"""

NEWS_FLASH = "JAKARTA - Gempa bermagnitudo 5,1 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin pagi."


def _skipped(page: RawPage) -> str:
    with pytest.raises(NotAnArticle) as caught:
        extract(page)
    return str(caught.value)


def test_gate_markdown_description_is_a_document() -> None:
    reason = _skipped(RawPage("news/SOURCE.md", SOURCE_MD, "text"))
    assert reason.startswith("skipped: a document") and "English" in reason


def test_gate_decides_by_content_not_by_name(sample_paths: list[Path]) -> None:
    # the description renamed like an article is still skipped; an article named README.md is kept
    assert "document" in _skipped(RawPage("news/berita.txt", SOURCE_MD, "text"))
    article = extract(RawPage("README.md", sample_paths[0].read_text(encoding="utf-8"), "text"))
    assert article.title and len(article.body) > 5


def test_gate_plain_english_licence_is_no_article() -> None:
    licence = (
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
        "associated documentation files, to deal in the software without restriction, including the rights "
        "to use, copy, modify, merge, publish and distribute copies of the software.\n\n"
        "The above notice and this permission notice shall be included in all copies or substantial portions "
        "of the software, which is provided as is, without warranty of any kind, express or implied.\n"
    )
    assert "English text with no news structure" in _skipped(RawPage("LICENSE", licence, "text"))


def test_gate_short_indonesian_report_passes() -> None:
    article = extract(RawPage("kilat.txt", NEWS_FLASH + "\n", "text"))
    assert article.dateline == "JAKARTA"


def test_gate_topic_tags_do_not_make_a_document(sample_paths: list[Path]) -> None:
    # outlets print topic tags as '# Topik' lines (Liputan6 does); one kind of markup is no document
    text = sample_paths[1].read_text(encoding="utf-8") + "\n" + "\n".join(
        f"# {tag}" for tag in ("Pilkada Serentak", "KPU", "Harga BBM", "Liga Inggris", "Tips Tekno"))
    assert extract(RawPage("tags.txt", text, "text")).body


def _index_html() -> str:
    items = [
        ("Harga Cabai Rawit di Pasar Induk Naik Dua Kali Lipat", "3 Juni 2024"),
        ("Warga Tanah Bumbu Gotong Royong Perbaiki Jembatan Gantung", "3 Juni 2024"),
        ("Tim Sepak Bola Pelajar Kotabaru Lolos ke Final Provinsi", "4 Juni 2024"),
        ("Dinas Perdagangan Gelar Operasi Pasar Menjelang Iduladha", "4 Juni 2024"),
        ("Banjir Rendam Tiga Kecamatan di Kabupaten Banjar", "5 Juni 2024"),
        ("Pemkab Siapkan Beasiswa untuk Seratus Mahasiswa Berprestasi", "5 Juni 2024"),
        ("Jalan Poros Provinsi Rusak Parah Setelah Hujan Deras", "6 Juni 2024"),
        ("Pasar Terapung Lok Baintan Kembali Ramai Dikunjungi Wisatawan", "6 Juni 2024"),
        ("Bupati Resmikan Puskesmas Baru di Kecamatan Terpencil", "7 Juni 2024"),
        ("Nelayan Keluhkan Harga Solar yang Terus Naik", "7 Juni 2024"),
    ]
    listing = "".join(f'<li><h2><a href="/berita/{n}">{t}</a></h2><span>{d}</span></li>' for n, (t, d) in enumerate(items))
    return (f"<html><head><title>Indeks Berita Daerah - KabarBanua</title></head><body><nav><a href='/'>Beranda</a>"
            f"</nav><h1>Indeks Berita Daerah</h1><ul>{listing}</ul><footer>Copyright 2024 KabarBanua</footer>"
            f"</body></html>")


def test_gate_index_page_is_skipped() -> None:
    page = RawPage("indeks.html", _index_html(), "html", url="https://kabarbanua.com/indeks/daerah")
    with pytest.raises(ExtractError) as caught:  # an index may also have no body at all
        extract(page)
    assert "index page" in str(caught.value) or "no article text" in str(caught.value)


VIDEO_CAPTION = "Detik-detik banjir bandang menerjang permukiman warga."
VIDEO_TEXT = (
    "Banjir bandang menerjang permukiman warga di Kecamatan Sukamaju pada Minggu malam setelah hujan deras "
    "mengguyur kawasan hulu sungai selama lebih dari enam jam. Sedikitnya tiga puluh rumah rusak dan ratusan "
    "warga mengungsi ke balai desa. Petugas gabungan masih mendata kerugian dan menyalurkan bantuan makanan "
    "serta selimut kepada para pengungsi yang bertahan di tenda darurat."
)


def _video_html(paragraph: str) -> str:
    return (
        '<html><head><title>VIDEO: Banjir Bandang Terjang Sukamaju - KabarBanua</title>'
        '<meta property="og:type" content="video.other"></head><body><h1>VIDEO: Banjir Bandang Terjang Sukamaju</h1>'
        '<div class="date">Senin, 3 Juni 2024 10:15 WITA</div><video src="/v/banjir.mp4" controls></video>'
        f"<p>{paragraph}</p><footer>Copyright 2024 KabarBanua</footer></body></html>"
    )


def test_gate_video_page_without_text_is_skipped() -> None:
    page = RawPage("video.html", _video_html(VIDEO_CAPTION), "html", url="https://kabarbanua.com/video/1")
    assert "video page without article text" in _skipped(page)


def test_gate_video_page_with_a_report_is_an_article() -> None:
    page = RawPage("video.html", _video_html(VIDEO_TEXT), "html", url="https://kabarbanua.com/video/1")
    assert extract(page).body == (VIDEO_TEXT,)


@pytest.mark.shared
def test_gate_shared_descriptions_skipped_and_pages_kept(shared_dir: Path) -> None:
    from kabar.pipeline import extract_paths
    from kabar.records import Failure

    data = shared_dir / "data"
    folders = [data / name for name in ("extract", "events", "events2", "stories", "plover")]
    items = list(extract_paths([str(f) for f in folders]))
    skipped = sorted(Path(i.source).parent.name for i in items if isinstance(i, Failure) and "skipped" in i.reason)
    assert skipped == sorted(f.name for f in folders)  # each folder's SOURCE.md, nothing else
    kept = [i for i in items if not isinstance(i, Failure)]
    assert not any(Path(a.source).name == "SOURCE.md" for a in kept)
    assert len(kept) == 20 + 99 + 115 + 50 + 23


def test_gate_kabar_run_does_not_store_a_folder_description(tmp_path: Path, sample_paths: list[Path]) -> None:
    from typer.testing import CliRunner

    from kabar.cli import app
    from kabar.store import open_store

    folder = tmp_path / "berita"
    folder.mkdir()
    (folder / "SOURCE.md").write_text(SOURCE_MD, encoding="utf-8")
    (folder / sample_paths[0].name).write_text(sample_paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    db = str(tmp_path / "k.db")
    result = CliRunner().invoke(app, ["run", str(folder), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "SOURCE.md" in result.stderr and "skipped: a document" in result.stderr
    store = open_store(db)
    try:
        stored = [a.article.source for a in store.analysed_articles()]
        failures = {Path(f.source).name: f.reason for f in store.failures()}
    finally:
        store.close()
    assert [Path(s).name for s in stored] == [sample_paths[0].name]
    assert "skipped: a document" in failures["SOURCE.md"]


def test_gate_bare_english_report_passes() -> None:
    # an English report pasted bare (no date, dateline or byline) still attributes what it reports
    report = (
        "Villagers in Sukamaju have rebuilt a bamboo bridge washed away by last month's flood, working for two "
        "weeks without any help from the regional budget.\n\n"
        "\"We could not wait any longer, because the children cross the river every day to go to school,\" the "
        "village head said on Monday.\n"
    )
    assert extract(RawPage("bridge.txt", report, "text")).language == "en"
