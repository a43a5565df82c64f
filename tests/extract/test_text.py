"""The line classifier on page text."""

from __future__ import annotations

from kabar.extract.text import layout

LEAD = ("JAKARTA, KOMPAS.com - Menteri Pendayagunaan Aparatur Negara menginginkan adanya sistem untuk bisa memantau "
        "pegawai negeri sipil yang kinerjanya paling rendah di setiap instansi pemerintah.")
PAGE = [
    "Beranda", "Nasional", "Internasional", "",
    "Menteri Ancam PNS yang Rankingnya Terendah", "",
    "Selasa, 16 Februari 2016 | 14:38 WIB",
    "Foto: Menteri berbicara kepada wartawan di Jakarta, Selasa (16/2/2016).", "",
    LEAD, "",
    "Tidak hanya yang terbaik, tetapi PNS yang asal kerja dan sekadar absen saja juga akan ditindaklanjuti.", "",
    "Baca juga: Survei Citra Jokowi Meningkat Drastis", "",
    "\"Artinya, ranking 36 terbawah dirasionalisasi,\" ucapnya.", "",
    "Saat ini rasionya masih sebesar 1,7 persen, yaitu setiap 100 orang penduduk dilayani oleh 1,7 pegawai.", "",
    "Penulis\t: Nabilla Tashandra", "Terpopuler", "Survei Kompas: Citra Jokowi Meningkat Drastis", "dibaca 20,442 kali",
]


def test_text_layout_finds_article_lines() -> None:
    found = layout(PAGE)
    body = [PAGE[i] for i in found.body]
    assert body[0] == LEAD
    assert body[-1].startswith("Saat ini rasionya")
    assert "\"Artinya, ranking 36 terbawah dirasionalisasi,\" ucapnya." in body  # short sentence inside the run
    assert not any(b.startswith(("Baca juga", "Foto:", "Penulis", "Survei")) for b in body)


def test_text_layout_repeated_lines_are_chrome() -> None:
    promo = "Dapatkan kabar terbaru setiap hari dengan berlangganan surat kabar digital kami sekarang juga, gratis."
    found = layout(PAGE[:-4] + [promo] + PAGE[-4:], repeated=frozenset({promo}))
    assert promo not in [found.lines[i] for i in found.body]


def test_text_layout_nothing_on_menus() -> None:
    assert layout(["Beranda", "Nasional", "Olahraga", "Masuk"]).body == ()


WRAPPED = [
    "Jakarta - Massa aksi yang berasal dari luar kota telah berdatangan di",
    "masjid, namun mereka tidak bisa masuk karena pintu pagar masjid dikunci oleh",
    "petugas keamanan yang berjaga sejak pagi hari di kawasan tersebut.",
    "Ratusan massa yang menggunakan bus tertahan di pintu masuk masjid, sementara",
    "aparat kepolisian kemudian mengarahkan bus dari daerah itu ke tempat lain dan",
    "meminta peserta aksi untuk langsung menuju titik kumpul yang sudah ditentukan.",
]


def test_text_hard_wrapped_paragraphs_are_joined() -> None:
    found = layout(WRAPPED)
    body = [found.lines[i] for i in found.body]
    assert body[0].startswith("Jakarta - Massa aksi") and body[0].endswith("di kawasan tersebut.")
    assert len(body) == 2


def test_text_unwrapped_page_keeps_its_lines() -> None:
    assert layout(PAGE).lines == tuple(PAGE)


def test_text_numbered_list_inside_article_is_kept() -> None:
    lines = PAGE[:12] + ["Berikut lokasi pos pemasangan alat yang dibuka oleh perusahaan pada pekan ini:", "",
                         "1. SPBU 34-10401: Jl Kramat Raya No. 116", "2. SPBU 34-10505: Jl Letjen Suprapto"]
    body = [lines[i] for i in layout(lines).body]
    assert body[-1] == "2. SPBU 34-10505: Jl Letjen Suprapto"


def test_text_repeated_article_sentences_stay() -> None:
    found = layout(PAGE, repeated=frozenset({LEAD}))
    assert LEAD in [found.lines[i] for i in found.body]


def test_text_subheading_between_paragraphs_is_kept() -> None:
    lines = PAGE[:11] + ["Layanan Baru", ""] + PAGE[11:]
    body = [lines[i] for i in layout(lines).body]
    assert body[:3] == [LEAD, "Layanan Baru", PAGE[11]]


def test_text_report_with_dateline_beats_longer_comments() -> None:
    comment = ("Menurut saya kebijakan ini sangat tidak adil bagi para pegawai yang sudah bekerja dengan baik selama "
               "bertahun-tahun di daerah dan harus dikaji ulang oleh pemerintah pusat.")
    comments = []
    for n in range(3):
        comments += [f"pembaca{n}", "Balas", "", comment, ""]
    lines = PAGE[:12] + ["Lihat semua", "Urutkan", "Terbaru", "Terlama", "Populer", "Semua", ""] + comments
    body = [lines[i] for i in layout(lines).body]
    assert body[0] == LEAD and comment not in body


def test_text_short_paragraph_pages_still_found() -> None:
    lines = ["Beranda", "Berita", "", "Harga Cabai Naik Lagi", "",
             "BANDUNG - Harga cabai di pasar naik lagi.", "",
             "Pedagang mengaku pasokan dari petani berkurang.", "",
             "Pembeli pun mengeluhkan harga yang tinggi itu.", "", "Tags: cabai"]
    body = [lines[i] for i in layout(lines).body]
    assert body == [lines[5], lines[7], lines[9]]


def test_text_name_heavy_lead_and_sentences_are_kept() -> None:
    lines = [
        "JAKARTA, KOMPAS — Presiden Joko Widodo menjalankan shalat Idul Fitri di halaman Wisma Bayurini, Istana "
        "Kepresidenan Bogor, Minggu (24/5/2020).",
        "Shalat berjemaah tersebut diikuti sepuluh orang.",
        "Di antaranya, Komandan Grup A Pasukan Pengaman Presiden (Paspampres) Kolonel (Inf) Achiruddin, Kepala Biro "
        "Pers, Media, dan Informasi Sekretariat Presiden Bey Machmudin, serta Ajudan Presiden Kolonel Abdul Haris.",
        "Seusai shalat, Presiden dan Ibu Negara Iriana menyampaikan ucapan selamat Idul Fitri kepada seluruh masyarakat "
        "Indonesia melalui video yang diunggah di media sosial.",
        "Presiden juga meminta masyarakat untuk tidak mudik dan tetap menjaga jarak demi mencegah penularan virus.",
    ]
    assert layout(lines).body == (0, 1, 2, 3, 4)


def test_text_short_closing_quotation_stays_in_the_article() -> None:
    lines = [
        "JAKARTA, KOMPAS - Presiden Joko Widodo meminta bantuan sosial segera disalurkan kepada warga pekan ini.",
        "Menurut Presiden, masyarakat miskin yang kehilangan pendapatan karena pandemi sangat membutuhkan bantuan itu.",
        "Menteri Keuangan Sri Mulyani Indrawati mengatakan anggaran untuk program tersebut sudah siap.",
        "“Dananya tersedia,” ujar Menkeu.",
        "",
        "Berita Terkait",
        "Harga Cabai Naik",
    ]
    body = [lines[i] for i in layout(lines).body]
    assert body[-1] == "“Dananya tersedia,” ujar Menkeu."


# A body flattened into one line (as scrapers store it), thick with names and titles: most words
# are capitalised, yet it is prose (my own text, written after the shape of such pages).
FLAT_NAMES = (
    "Kapolri Jenderal Listyo Sigit Prabowo memutasi Kombes Ruruh Wicaksono dari jabatan Kapolresta Cilacap "
    "Polda Jawa Tengah menjadi Perwira Menengah Staf Sumber Daya Manusia Polri. Kombes Ruruh kemudian "
    "ditugaskan di Sekretariat Militer Presiden sebagai ajudan Wakil Presiden Gibran Rakabuming Raka. "
    "Jabatan Kapolresta Cilacap diisi Kombes Budi Adhy Buono yang sebelumnya menjabat Irwasda Polda Jawa "
    "Tengah. Mutasi itu tertuang dalam Surat Telegram Kapolri Nomor ST/1422/VI/KEP./2025 yang ditandatangani "
    "As SDM Kapolri Irjen Anwar di Jakarta."
)


def test_text_flattened_body_thick_with_names_is_prose() -> None:
    lines = ["Mutasi Polri: Eks Kapolresta Cilacap Jadi Ajudan Wapres", "", FLAT_NAMES]
    found = layout(lines)
    assert [found.lines[i] for i in found.body] == [FLAT_NAMES]
    # a menu as long, with no stopwords, is still no article
    menu = " ".join(["Beranda Nasional Daerah Ekonomi Olahraga Hiburan Teknologi Otomotif Video Foto Indeks"] * 6)
    assert layout([menu]).body == ()
