"""Furniture inside running text (an invitation to a messaging channel, a syndication note, a
video teaser) is cut sentence by sentence; every sentence of the report stays. Texts are my own,
in the shape such pages take when a scraper folds them into one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kabar.extract import extract
from kabar.extract.furniture import cues, is_furniture, sentences, strip_furniture
from kabar.records import RawPage

REPORT = [
    "BATULICIN, KOMPAS.com - Ratusan warga Desa Sungai Danau, Kabupaten Tanah Bumbu, bergotong royong "
    "memperbaiki jembatan gantung yang rusak diterjang banjir pekan lalu.",
    "Kepala desa, Rahmat Hidayat, mengatakan perbaikan dilakukan tanpa menunggu bantuan anggaran karena "
    "jembatan itu satu-satunya akses anak sekolah.",
    "Sebelumnya, beredar video kerusakan jembatan yang diunggah di Instagram melalui akun @infotanahbumbu.",
    "Warga yang ingin membantu dapat mendaftar melalui aplikasi desa, kata Rahmat.",
    "Pemerintah kabupaten berjanji membangun jembatan permanen pada tahun anggaran berikutnya.",
]
CHANNEL = [
    "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
    "Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaAbCdEf.",
    "Pastikan Anda sudah install aplikasi WhatsApp ya.",
]
SYNDICATION = ("Artikel ini telah tayang di TribunKalsel.com dengan judul Warga Tanah Bumbu Gotong Royong "
               "Perbaiki Jembatan Gantung, https://banjarmasin.tribunnews.com/2024/06/03/warga-gotong-royong.")
TELEGRAM = ("Dapatkan update berita pilihan setiap hari dari KabarBanua. Mari bergabung di Grup Telegram "
            "KabarBanua News Update, caranya klik link https://t.me/kabarbanuaupdate, kemudian join.")


def _flat(*parts: str) -> str:
    return " ".join(parts)


def _page(body_line: str, url: str | None = None) -> RawPage:
    return RawPage("jembatan.txt", "Warga Tanah Bumbu Gotong Royong Perbaiki Jembatan Gantung\n\n" + body_line + "\n",
                   "text", url=url)


@pytest.mark.parametrize(
    "furniture",
    [CHANNEL, [SYNDICATION], sentences(TELEGRAM), ["Simak juga Video 'Jembatan Gantung Putus Diterjang Banjir':"]],
)
def test_furniture_closing_a_flattened_body_is_cut(furniture: list[str]) -> None:
    article = extract(_page(_flat(*REPORT, *furniture), url="https://regional.kompas.com/read/2024/06/03/x"))
    assert article.text == _flat(*REPORT)
    for piece in furniture:
        assert piece.strip() in article.boilerplate


def test_furniture_teaser_inside_the_text_is_cut_and_the_next_sentence_kept() -> None:
    teaser = "Tonton juga video: Jembatan Gantung Putus Diterjang Banjir"
    article = extract(_page(_flat(*REPORT[:2], teaser, *REPORT[2:])))
    assert article.text == _flat(*REPORT)


def test_furniture_report_about_videos_and_apps_keeps_every_sentence() -> None:
    # a handle, a video, an app, "kata" an official: reporting, not furniture
    kept, removed = strip_furniture([_flat(*REPORT)], ["Kompas.com"])
    assert removed == [] and kept == [_flat(*REPORT)]
    for sentence in (
        "Cek kesehatan gratis dapat didaftarkan melalui aplikasi Satu Sehat di ponsel warga.",
        "Untuk pendaftaran, para pengembang dapat mengakses www.lombaaplikasi.id sebelum akhir bulan.",
        "Bagaimana menurut kamu @akunpetinju?” tulis sang pelatih kepada lawannya.",
    ):
        assert not is_furniture(cues(sentence, ["Kompas.com"]), closing=True, after_furniture=False), sentence


def test_furniture_sentences_rejoin_to_the_paragraph() -> None:
    paragraph = _flat(*REPORT, "Harga naik Rp2.000 per kilogram, lihat t.me/x.", *CHANNEL)
    assert " ".join(sentences(paragraph)) == paragraph
    # closing quotes stay with their sentence
    quoted = 'Ia menyebutnya "menghina nilai-nilai masyarakat." Kata itu dipakai lagi. "Cukup!" (Reuters) Lalu pergi.'
    assert sentences(quoted)[:2] == ['Ia menyebutnya "menghina nilai-nilai masyarakat."', "Kata itu dipakai lagi."]
    assert " ".join(sentences(quoted)) == quoted


def test_furniture_cut_keeps_the_rest_verbatim() -> None:
    last = 'Undang-undang itu menghukum siapa pun yang "secara terbuka menghina nilai-nilai keagamaan masyarakat."'
    kept, removed = strip_furniture([_flat(REPORT[0], last, SYNDICATION)], ["Kompas.com"])
    assert kept == [_flat(REPORT[0], last)] and removed == [SYNDICATION]


@pytest.mark.shared
def test_furniture_indosum_cuts_only_sentences_labelled_furniture(shared_dir: Path) -> None:
    """IndoSum (CC BY-SA) articles against the hand labels shipped with the model
    (kabar/models/furniture/indosum_furniture.tsv): every cut sentence is labelled furniture, and
    more than half of the furniture goes (in-sample for the learned model: it was trained on them)."""
    from kabar.evaluate.extract import _furniture_gold

    gold = _furniture_gold()
    total = caught = 0
    for line in (shared_dir / "data" / "summaries" / "indosum.dev.01.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paragraphs = [" ".join(" ".join(s) for s in p) for p in record["paragraphs"]]
        units = [s.strip() for p in paragraphs for s in sentences(p)]
        _, removed = strip_furniture(paragraphs, ())
        labelled = {units[k] for k in range(len(units)) if (record["id"], k) in gold}
        assert set(removed) <= labelled, record["id"]
        total += len(units)
        caught += len(removed)
    assert total > 12_000 and caught > len(gold) // 2


@pytest.mark.shared
def test_furniture_events_bodies_lose_their_teasers_and_notes(shared_dir: Path) -> None:
    from kabar.extract.batch import extract_all
    from kabar.ingest import read_pages
    from kabar.records import Article

    data = shared_dir / "data"
    articles = [a for a in extract_all(read_pages([data / "events", data / "events2"])) if isinstance(a, Article)]
    assert len(articles) == 214
    leftovers = [a.source for a in articles if any(
        marker in a.text for marker in ("Simak juga Video", "Tonton juga", "Artikel ini pertama kali terbit",
                                         "Artikel ini diadaptasi", "Pilihan Editor", "berkontribusi dalam penulisan"))]
    assert leftovers == []


def test_furniture_paragraph_of_an_html_page_is_cut() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in (*REPORT, " ".join(CHANNEL)))
    html = ("<html><head><title>Warga Tanah Bumbu Gotong Royong Perbaiki Jembatan Gantung - Kompas.com</title></head>"
            "<body><h1>Warga Tanah Bumbu Gotong Royong Perbaiki Jembatan Gantung</h1>"
            f"<div>Senin, 3 Juni 2024 10:15 WITA</div><article>{paragraphs}</article></body></html>")
    article = extract(RawPage("jembatan.html", html, "html", url="https://regional.kompas.com/read/2024/06/03/x"))
    assert article.body == tuple(REPORT)


# The learned model (kabar/models/furniture) on sentences of our own: what it must cut and keep.
LEARNED_BODY = [
    REPORT[0],
    REPORT[1],
    REPORT[2],  # a report of an Instagram post with its handle
    "Baca juga: Banjir Rendam Tiga Desa di Tanah Bumbu, Ratusan Warga Mengungsi",
    REPORT[3],
    '"Kalau kamu lihat sendiri, jembatan ini sudah miring," kata Rahmat.',
    REPORT[4],
    "Sumber: Antara.",
    "(ana/rdk)",
]


def test_furniture_learned_model_cuts_links_credits_and_initials_the_cues_keep() -> None:
    _, by_cues = strip_furniture(LEARNED_BODY, ["Kompas.com"], learned=False)
    kept, removed = strip_furniture(LEARNED_BODY, ["Kompas.com"])
    assert by_cues == []  # none of these is a cue list's phrase in running text
    assert removed == ["Baca juga: Banjir Rendam Tiga Desa di Tanah Bumbu, Ratusan Warga Mengungsi",
                       "Sumber: Antara.", "(ana/rdk)"]
    assert kept == [p for p in LEARNED_BODY if p not in removed]  # the Instagram report and the quote stay


def test_furniture_learned_model_cuts_a_follow_us_line_with_a_handle() -> None:
    from kabar.extract.furniture_model import Place, shipped_model

    model = shipped_model()
    assert model is not None
    follow = "Ikuti akun Instagram @kabarbanua untuk berita terbaru dari Kalimantan Selatan."
    assert model.is_furniture(follow, Place(5, 6, REPORT[4], outlet_names=("Kompas.com",)))
    # the same handle in a report of what the account posted is not furniture, wherever it stands
    for index in (0, 2, 5):
        assert not model.is_furniture(REPORT[2], Place(index, 6, REPORT[1], outlet_names=("Kompas.com",)))


def test_furniture_model_file_must_match_the_features() -> None:
    from kabar.extract.furniture_model import FEATURES, FurnitureModel, shipped_model

    model = shipped_model()
    assert model is not None and len(model.weights) == len(FEATURES)
    assert FurnitureModel.from_json(model.to_json()) == model
    stale = {**model.to_json(), "features": list(FEATURES[:-1])}
    with pytest.raises(ValueError, match="retrain"):
        FurnitureModel.from_json(stale)


def test_furniture_learned_model_takes_odd_input() -> None:
    for body in ([], [""], ["   "], ["(", ")"], ["@" * 500], ["x" * 20_000], ["Baca juga:"]):
        kept, removed = strip_furniture(body, ())
        assert isinstance(kept, list) and isinstance(removed, list)
