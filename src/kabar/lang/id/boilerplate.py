"""Page chrome of Indonesian news sites, as data: the patterns `kabar.extract`
uses to tell an article's own lines from related links, promotions, bylines,
captions and footers. Patterns are general forms seen across outlets, not
lines copied from one page.
"""

from __future__ import annotations

# Lines that start a related-article link or a promotion; the whole line goes.
RELATED_PREFIXES: tuple[str, ...] = (
    r"baca\s+(?:juga|pula|selengkapnya|berita\s+lainnya|artikel\s+lainnya)",
    r"simak\s+(?:juga|pula|video|selengkapnya|berita|breaking\s+news|juga\s+video)",
    r"lihat\s+(?:juga|pula|video|selengkapnya|foto)",
    r"tonton\s+(?:juga|video)",
    r"saksikan\s+(?:juga|video|live|siaran)",
    r"pilihan\s+editor",
    r"artikel\s+(?:terkait|pilihan|menarik|lainnya)",
    r"berita\s+(?:terkait|lainnya|pilihan|populer|terpopuler|terkini)",
    r"(?:ikuti|follow)\s+(?:kami|berita|juga|akun|update|kanal|channel|saluran)",
    r"dapatkan\s+(?:update|berita|informasi|kabar)",
    r"klik\s+(?:di\s*sini|link|tautan)",
    r"download\s+(?:aplikasi|apps?)",
    r"unduh\s+aplikasi",
    r"(?:gabung|bergabung)\s+(?:kompas|dengan|ke|di)",
    r"(?:read|see)\s+also",
    r"related\s*:",
    r"video\s+(?:rekomendasi|lainnya|pilihan|terkait|terpopuler)",
    r"\[\s*gambas\s*:",
    r"artikel\s+ini\s+(?:telah\s+|sudah\s+)?(?:tayang|terbit|dimuat|diterbitkan)",
    r"(?:cek|update|temukan)\s+(?:berita|informasi|artikel)",
    r"(?:scroll|gulir)\s+(?:untuk|ke\s+bawah)",
    r"(?:lanjutkan|lanjut)\s+membaca",
    r"continue\s+reading",
    r"(?:simak|ikuti|baca)\s+(?:berita|artikel)\s+.*\bgoogle\s+news\b",
)

# Whole lines that are page chrome (compared case-insensitively, after trimming).
CHROME_LINES: tuple[str, ...] = (
    r"advertisement", r"iklan", r"scroll\s+to\s+(?:continue|resume)(?:\s+with\s+content)?",
    r"close\s+ads?(?:\s+x)?", r"tutup\s+iklan", r"x", r"oke", r"ok", r"atas", r"kembali\s+ke\s+atas",
    r"komentar", r"\d+\s+komentar", r"tulis\s+komentar", r"kirim\s+komentar", r"lihat\s+komentar",
    r"komentar\s+di\s+bawah\s+ini", r"copy\s+link", r"salin\s+(?:link|tautan)", r"share(?:s)?",
    r"bagikan(?:\s+artikel\s+ini)?(?:\s+melalui)?", r"login", r"masuk", r"daftar", r"register", r"logout",
    r"login\s+untuk\s+.*", r"register\s*\|\s*login", r"tags?\s*:?", r"topik\s*:?", r"tag\s+terkait",
    r"terpopuler", r"terkini", r"terbaru", r"terkait", r"populer", r"trending", r"headline",
    r"rekomendasi", r"pilihan", r"artikel\s+pilihan", r"berita\s+terkini", r"kabar\s+daerah",
    r"features?", r"terkomentari", r"\+\s*indeks", r"indeks(?:\s+berita)?", r"home", r"beranda",
    r"spinner\s+loading", r"loading\.*", r"memuat\.*", r"a\s+a\s+a", r"zoom-in\b.*", r"halaman\s*:?",
    r"halaman\s+(?:selanjutnya|berikutnya|sebelumnya)", r"selanjutnya", r"sebelumnya", r"next", r"prev(?:ious)?",
    r"dibaca\s+[\d.,]+\s+kali", r"\d+", r"[-|•·/]+", r"video(?:\s+rekomendasi|\s+lainnya)?",
    r"baca\s+berita\s+tanpa\s+iklan\..*", r"print", r"cetak", r"email", r"whatsapp", r"facebook", r"twitter",
    r"telegram", r"line", r"linkedin", r"pinterest", r"tweet", r"suka", r"like", r"follow",
    r"about\s+us", r"tentang\s+kami", r"kontak", r"contact\s+us", r"redaksi", r"pedoman\s+media\s+siber",
    r"kebijakan\s+privasi", r"privacy\s+policy", r"disclaimer", r"site\s*map", r"karir", r"career",
    r"advertise", r"info\s+iklan", r"sumber\s*:?", r"editor\s*:?", r"penulis\s*:?", r"reporter\s*:?",
)

# Chrome that sits inside a long line (scraped text folds the page into one line).
INLINE_CHROME: tuple[str, ...] = (
    r"ADVERTISEMENT\s+SCROLL\s+TO\s+(?:CONTINUE|RESUME)\s+WITH\s+CONTENT",
    r"SCROLL\s+TO\s+(?:CONTINUE|RESUME)\s+WITH\s+CONTENT",
    r"\bADVERTISEMENT\b",
    r"\[\s*Gambas\s*:[^\]]*\]",
    r"&nbsp;",
)

# Starts of an inline related link whose title runs on in Title Case ("Baca juga:Judul Berita Ini ...").
INLINE_RELATED: tuple[str, ...] = (
    r"Baca\s+[Jj]uga\s*:",
    r"BACA\s+JUGA\s*:",
    r"P[Ii]lihan\s+[Ee]ditor\b\s*:?",  # with or without its colon ("Pilihan Editor Judul …")
    r"Simak\s+[Jj]uga\s*:",
    r"Lihat\s+[Jj]uga\s*:",
    r"Baca\s+[Ss]elengkapnya\s*:",
    # a video teaser inside the text: "Tonton juga video: Judul", "Simak juga Video 'Judul':"
    r"(?:Simak|Tonton|Saksikan|Lihat)\s+(?:[Jj]uga\s+)?[Vv]ideo\s*(?::|(?=['\"‘“]))",
)

# Small words that may stay lower-case inside a Title Case headline.
TITLE_CONNECTORS: frozenset[str] = frozenset(
    "dan di ke dari untuk yang dengan pada atau dalam oleh soal jadi bagi ini itu akan tak tidak sebagai "
    "hingga usai jelang saat vs & - – — : , ? ! . ' \" “ ” ‘ ’ ( ) ala via per".split()
)

# Editor and reporter initials closing an article: "(hoi/hoi)", "(ian)", "(kpl/sry)", "(fyk/ash)".
EDITOR_INITIALS = r"\(\s*[A-Za-z][a-z]{1,5}(?:\s*/\s*[A-Za-z][a-z]{0,5}){1,3}\s*\)|\(\s*[a-z]{2,6}(?:\s*/\s*[a-z]{1,6}){0,3}\s*\)|\[\s*[a-z]{2,6}(?:\s*/\s*[a-z]{1,6}){0,3}\s*\]"

# Footers: copyright and rendering lines.
FOOTER_PATTERNS: tuple[str, ...] = (
    r"(?:copyright\s*)?(?:©|\(c\)|&copy;)",
    r"\bcopyright\b",
    r"all\s+rights?\s+reserved",
    r"hak\s+cipta\s+dilindungi",
    r"rendering\s+in\s+[\d.]+\s*seconds",
    r"a\s+subsidiary\s+of",
    r"\bpt\.?\s+[a-z]+.*\b(?:media|mediatama|digital|cyber)\b.*\ball\b",
)

# Photo captions and credits.
CAPTION_PATTERNS: tuple[str, ...] = (
    r"(?i:^\(?\s*(?:foto|photo|gambar|ilustrasi|dok\.?|dokumentasi|sumber\s+foto|credit)\s*:)",
    r"(?i:(?:foto|photo)\s*:\s*[^.]{0,60}$)",
    r"//\s*[A-Za-z .]{2,30}$",
    r"\b(?:ANTARA\s+FOTO|ANTARA|REUTERS|AFP|AP\s+Photo|KOMPAS\.com|TRIBUNNEWS\.COM|DOK\.?|Dok\.?|ISTIMEWA|Istimewa)"
    r"\s*/\s*[A-Z]",
    r"(?i:\b(?:getty\s+images|shutterstock|istockphoto|freepik|unsplash)\b)",
    r"(?i:\(\s*(?:foto|photo|dok|dokumentasi|istimewa|ilustrasi)\b[^)]*\)\s*$)",
    r"(?i:^(?:ilustrasi|illustration)\b)",
)

# Photo credits that carry a copyright sign ("Foto/©KapanLagi.com®/Name"): captions, not footers.
CREDIT_PATTERNS: tuple[str, ...] = (
    r"/\W{0,2}©",
    r"©\S*/",
)

# Lines that close an article: after them, no more body.
END_MARKERS: tuple[str, ...] = (
    r"(?:penulis|editor|reporter|penyunting|redaktur|kontributor|sumber)\s*[:\t]",
    r"tags?\s*:?$", r"topik\s*:?$", r"halaman\s*:?$", r"terpopuler$", r"berita\s+terkait$", r"artikel\s+terkait$",
    r"komentar$", r"(?:copyright\s*)?©",
)

# Author labels and the roles they give (contract roles).
AUTHOR_LABELS: dict[str, str] = {
    "penulis": "writer",
    "oleh": "writer",
    "by": "writer",
    "ditulis oleh": "writer",
    "writer": "writer",
    "author": "writer",
    "editor": "editor",
    "penyunting": "editor",
    "redaktur": "editor",
    "red": "editor",
    "editing": "editor",
    "reporter": "reporter",
    "wartawan": "reporter",
    "laporan wartawan": "reporter",
    "laporan reporter": "reporter",
    "jurnalis": "reporter",
    "pewarta": "reporter",
    "kontributor": "contributor",
    "laporan kontributor": "contributor",
}

# Labels that are ordinary words too: a byline only with a colon ("Red: Yudha Manggala").
COLON_LABELS: frozenset[str] = frozenset({"red", "by", "writer", "author", "editing"})

# Words that name a page section, not a person (a byline "News - Name, Outlet" starts with one).
SECTION_WORDS: frozenset[str] = frozenset(
    "news berita nasional internasional international regional ekonomi bisnis market tech tekno teknologi "
    "olahraga sport bola hiburan entertainment lifestyle gaya hidup otomotif kesehatan health travel "
    "politik hukum megapolitan metro dunia global opini research syariah".split()
)

# Words that never occur in a person's byline name ("Tim Redaksi", "Kompas Cyber Media", "Admin").
NOT_NAME_WORDS: frozenset[str] = frozenset(
    "tim redaksi media news admin desk cyber digital online com co id group network kontributor penulis editor "
    "reporter wartawan foto video humas dokumentasi istimewa sumber jakarta".split()
)
