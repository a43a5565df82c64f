"""Pages of one outlet (browser-copied text): a masthead and a reader-prompt footer on every
page. The footer is short and sentence-like, so no per-page rule removes it: only batch
extraction, which sees it on every page of the outlet, can."""

from __future__ import annotations

from kabar.records import RawPage

MASTHEAD = ["KabarBanua", "Beranda", "Nasional", "Daerah", "Ekonomi", "Olahraga", ""]
FOOTER = "Punya cerita menarik di sekitarmu? Kirim ke redaksi."
STORIES = (
    (
        "Warga Tanah Bumbu Gotong Royong Perbaiki Jembatan Gantung",
        "Senin, 3 Juni 2024 10:15 WITA",
        "BATULICIN, KabarBanua - Ratusan warga Desa Sungai Danau, Kabupaten Tanah Bumbu, bergotong royong "
        "memperbaiki jembatan gantung yang rusak diterjang banjir pekan lalu.",
        "Kepala desa, Rahmat Hidayat, mengatakan perbaikan dilakukan tanpa menunggu bantuan anggaran dari "
        "pemerintah daerah karena jembatan itu satu-satunya akses anak sekolah.",
        "Pemerintah kabupaten berjanji membangun jembatan permanen pada tahun anggaran berikutnya.",
    ),
    (
        "Harga Cabai Rawit di Pasar Banjarmasin Naik Dua Kali Lipat",
        "Selasa, 4 Juni 2024 08:40 WITA",
        "BANJARMASIN, KabarBanua - Harga cabai rawit di sejumlah pasar tradisional Kota Banjarmasin naik hampir "
        "dua kali lipat dalam sepekan terakhir akibat pasokan yang berkurang.",
        "Seorang pedagang di Pasar Lama, Siti Aminah, mengatakan pembeli kini mengurangi jumlah belanja mereka "
        "karena harga terus naik setiap hari.",
        "Dinas perdagangan berencana menggelar operasi pasar untuk menekan harga menjelang Iduladha.",
    ),
    (
        "Tim Sepak Bola Pelajar Kotabaru Lolos ke Final Provinsi",
        "Rabu, 5 Juni 2024 16:05 WITA",
        "KOTABARU, KabarBanua - Tim sepak bola pelajar Kabupaten Kotabaru memastikan tempat di final turnamen "
        "tingkat provinsi setelah mengalahkan tim Banjarbaru dengan skor dua gol tanpa balas.",
        "Pelatih tim, Ahmad Fauzi, mengatakan para pemain tampil disiplin dan mampu memanfaatkan peluang pada "
        "babak kedua pertandingan.",
        "Final akan digelar di Stadion Demang Lehman, Martapura, pada Sabtu mendatang.",
    ),
)


def outlet_text(n: int) -> str:
    title, date, lead, middle, last = STORIES[n]
    lines = [*MASTHEAD, title, "", date, "", lead, "", middle, "", FOOTER, "", last, "", "Editor: Redaksi KabarBanua"]
    return "\n".join(lines) + "\n"


def outlet_pages() -> list[RawPage]:
    return [RawPage(f"kabarbanua-{n}.txt", outlet_text(n), "text") for n in range(len(STORIES))]


def outlet_html(n: int) -> str:
    """The same article as a page of the outlet's website: menu, article markup, footer."""
    title, date, lead, middle, last = STORIES[n]
    paragraphs = "".join(f"<p>{p}</p>" for p in (lead, middle, FOOTER, last))
    return (
        f'<html><head><title>{title} - KabarBanua</title><link rel="canonical" href="https://kabarbanua.com/berita/{n}">'
        f'</head><body><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav><article><h1>{title}</h1>'
        f'<p class="date">{date}</p>{paragraphs}</article><footer><p>Copyright 2024 KabarBanua</p></footer></body></html>'
    )


def outlet_html_pages() -> list[RawPage]:
    return [
        RawPage(f"kabarbanua-{n}.html", outlet_html(n), "html", url=f"https://kabarbanua.com/berita/{n}")
        for n in range(len(STORIES))
    ]
