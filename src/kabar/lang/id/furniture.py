"""Cues of page furniture inside an article's running text, as data: the words that make a
sentence a call to action, an invitation to a messaging channel, a syndication note or a video
teaser rather than reporting. `kabar.extract.furniture` weighs them together; no single cue
cuts a sentence (a report may well say "beredar video di Instagram @akun").
"""

from __future__ import annotations

# Imperatives that open a call to action ("Klik link berikut", "Ikuti saluran kami", "Yuk, gabung").
CALL_TO_ACTION: frozenset[str] = frozenset(
    "klik ketuk tekan ikuti follow gabung bergabung join dapatkan simak tonton saksikan download unduh "
    "install instal pasang subscribe berlangganan langganan pastikan kunjungi cek pilih akses scan pindai "
    "yuk ayo mari kepoin aktifkan nyalakan temukan baca".split()
)

# Where a reader is sent: messaging apps, social networks, feeds, the outlet's app.
CHANNEL_WORDS: frozenset[str] = frozenset(
    "whatsapp wa telegram channel saluran grup group kanal aplikasi app apps ponsel ponselmu hp smartphone "
    "youtube instagram tiktok facebook twitter threads newsletter notifikasi link tautan lonceng "
    "googlenews google playstore appstore".split()
)

# Words that name or address the reader: furniture speaks to "Anda"; reports speak of others.
READER_WORDS: frozenset[str] = frozenset("anda kamu kalian sobat pembaca ponselmu andalanmu kamu".split())

# What a syndication or credit note says of the text itself ("Artikel ini telah tayang di X dengan
# judul ...", "diadaptasi dari", "berkontribusi dalam penulisan artikel ini").
SELF_REFERENCE: tuple[str, ...] = (
    r"\b(?:artikel|berita|tulisan|konten|video)\s+ini\s+(?:telah\s+|sudah\s+|pertama\s+kali\s+)?"
    r"(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|diadaptasi|disadur|dipublikasikan|merupakan\s+kerja\s*sama)",
    r"\b(?:diadaptasi|disadur|diterjemahkan)\s+dari\s+(?:bahasa|artikel|berita|laporan)\b",
    r"\bberkontribusi\s+dalam\s+(?:penulisan|pembuatan)\s+(?:artikel|berita|tulisan)\s+ini\b",
    r"\bdengan\s+judul\s+[\"“'‘]",
)

# Openers of a teaser for another item ("Simak juga Video 'Judul':", "Tonton video: Judul").
TEASER_OPENERS: tuple[str, ...] = (
    r"(?:simak|tonton|saksikan|lihat)\s+(?:juga\s+)?(?:video|foto|infografis)\b",
    r"(?:video|foto|infografis)\s+(?:pilihan|terkait|lainnya|rekomendasi)\b",
    r"(?:simak|tonton|saksikan)\s+juga\s*[\"“'‘]",  # 'Tonton juga "Judul" di sini:'
)

# Softeners that may come before the imperative ("Dan jangan lupa", "Segera unduh", "Silakan klik").
ACTION_LEAD_INS: frozenset[str] = frozenset("dan juga sekarang segera silakan".split())

# Words that label a credit or a note rather than report ("Sumber: The Verge", "Reporter: X",
# "Editor: Y", "Foto: Z", "Disclosure: ..."): the labels of Indonesian newsroom credit lines.
CREDIT_WORDS: frozenset[str] = frozenset(
    "sumber reporter editor penulis penyunting pewarta fotografer foto kontributor redaktur disclosure "
    "catatan keterangan".split()
)
