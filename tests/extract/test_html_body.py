"""The HTML body: when the body chosen is short against the page's text, every reading of the page
(Kabar's line classifier, trafilatura, jusText) is weighed and the most article-like one kept."""

from __future__ import annotations

from kabar.evaluate.extract import body_f1
from kabar.extract import extract
from kabar.extract.html_body import _article_score
from kabar.records import RawPage

# My own report and reader comments; the layout is one where trafilatura takes a comment for the article.
REPORT = [
    "MAMUJU, WARTALEMBAHHIJAU.ID - Warga Desa Sukamaju bergotong royong membangun jembatan bambu sepanjang 40 "
    "meter untuk menggantikan jembatan lama yang hanyut diterjang banjir bulan lalu.",
    "Kepala desa setempat mengatakan bahwa pembangunan jembatan itu dikerjakan selama dua pekan tanpa bantuan "
    "anggaran dari pemerintah daerah.",
    "\"Kami tidak bisa menunggu terlalu lama, karena anak-anak harus menyeberang sungai setiap hari untuk pergi ke "
    "sekolah,\" ujarnya.",
    "Menurut warga, bambu yang dipakai berasal dari kebun milik warga sendiri, sementara tali dan paku dibeli dari "
    "hasil iuran sukarela.",
    "Pemerintah kabupaten berjanji akan membangun jembatan permanen pada tahun anggaran berikutnya setelah meninjau "
    "lokasi tersebut.",
]
COMMENTS = [
    "Semoga pemerintah segera membangun jembatan yang lebih kuat karena musim hujan sebentar lagi datang dan sungai "
    "di desa kami bisa meluap lagi seperti tahun lalu ketika banyak rumah terendam.",
    "Salut untuk warga Sukamaju yang tidak tinggal diam dan mau bekerja bersama demi anak-anak mereka yang harus "
    "menyeberang sungai setiap pagi untuk sekolah, semoga desa lain bisa meniru semangat ini.",
    "Saya dulu tinggal di dekat desa itu dan memang jembatan lama sudah lama rusak, sudah berkali-kali warga "
    "melapor kepada pemerintah tetapi tidak pernah ada tanggapan yang jelas sampai sekarang.",
]


def _page() -> str:
    popular = "".join(f"<li><a href='/p{i}'>Judul Berita Populer Nomor {i} Hari Ini</a></li>" for i in range(8))
    comments = "".join(f"<article class='comment'><p>{c}</p></article>" for c in COMMENTS)
    return (
        "<html><head><title>Warga Desa Sukamaju Bangun Jembatan Bambu | Warta Lembah Hijau</title></head><body>"
        "<h1>Warga Desa Sukamaju Bangun Jembatan Bambu</h1><div class='date'>Senin, 14 Agustus 2023 09:05 WITA</div>"
        "<div id='isi'>" + "<br><br>".join(REPORT) + "</div>"
        f"<div class='pop'><h3>Terpopuler</h3><ul>{popular}</ul></div>{comments}"
        "<footer>Copyright 2023 Warta Lembah Hijau</footer></body></html>"
    )


def test_html_body_short_choice_gives_way_to_the_article() -> None:
    article = extract(RawPage("jembatan.html", _page(), "html", url="https://wartalembahhijau.id/daerah/1"))
    assert body_f1(article.text, " ".join(REPORT)) == 1.0
    assert article.title == "Warga Desa Sukamaju Bangun Jembatan Bambu"


def test_html_body_score_prefers_the_lead_under_the_headline() -> None:
    page_lines = ("Warga Desa Sukamaju Bangun Jembatan Bambu", "Senin, 14 Agustus 2023 09:05 WITA", *REPORT,
                  "Komentar", *COMMENTS)
    headings = {"warga desa sukamaju bangun jembatan bambu"}
    assert _article_score(REPORT, page_lines, headings) > _article_score(COMMENTS, page_lines, headings)
    # the same words, not under the headline and without a dateline, score lower
    assert _article_score(REPORT[1:], page_lines, headings) < _article_score(REPORT, page_lines, headings)
