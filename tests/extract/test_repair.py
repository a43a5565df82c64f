"""Scraper damage repaired before extraction: entities, words glued by lost link spaces."""

from __future__ import annotations

import pytest

from kabar.extract import extract
from kabar.extract.repair import repair_text, unescape_entities, unglue_words
from kabar.records import RawPage

GLUED = (
    "Presiden Amerika SerikatDonald Trumpkembali melontar kritik untuk CEO Tesla. "
    "Trump menyebut subsidi itu terlalu besar, kata dia pada Selasa (1/7), dikutipAnadolu Agency. "
    "Miliarder Amerika Serikat(AS)Elon Musk menanggapinya di media sosial, seperti dilansirReuters pada Rabu."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("&ldquo;Saya berharap dapat terus menjadi teman,&rdquo; katanya.", "“Saya berharap dapat terus menjadi teman,” katanya."),
        ("Harga naik&nbsp;10 persen &amp; stok turun.", "Harga naik 10 persen & stok turun."),
        ("Sang menteri berkata &#8220;cukup&#8221;.", "Sang menteri berkata “cukup”."),
        ("Harga naik & stok turun; AT&T tidak berkomentar.", "Harga naik & stok turun; AT&T tidak berkomentar."),
    ],
)
def test_repair_unescape_entities(text: str, expected: str) -> None:
    assert unescape_entities(text) == expected


def test_repair_unglue_words_splits_link_glue() -> None:
    repaired = unglue_words(GLUED)
    assert "Amerika Serikat Donald Trump kembali melontar" in repaired
    assert "dikutip Anadolu Agency" in repaired
    assert "Serikat (AS) Elon Musk" in repaired
    assert "dilansir Reuters pada" in repaired


def test_repair_unglue_words_leaves_outlet_names() -> None:
    text = GLUED + " Berita ini juga dimuat detikNews dan BeritaSatu serta dibahas di KapanLagi pada Kamis malam."
    repaired = unglue_words(text)
    assert "dikutip Anadolu" in repaired
    assert all(name in repaired for name in ("detikNews", "BeritaSatu", "KapanLagi"))


def test_repair_unglue_words_leaves_menus_and_domains() -> None:
    text = "Home\nUmumPolkamHukumPendidikan\n" + GLUED + " Baca di KapanLagi.com dan #AnakArtis sekarang juga ya."
    repaired = unglue_words(text)
    assert repaired.startswith("Home\nUmumPolkamHukumPendidikan\n")
    assert "KapanLagi.com" in repaired and "#AnakArtis" in repaired


@pytest.mark.parametrize(
    "text",
    [
        # camel-case names in a text without glue damage
        "Pengguna WhatsApp dan iPhone di Jakarta membeli PlayStation baru sebelum Lebaran.",
        # one glued-looking join is not evidence enough
        "Aplikasi DeepSeek dirilis di China, kata SerikatPekerja setempat.",
        # a place whose tail is a word ("mantan") stays whole when its head never stands alone
        "Gubernur Kalimantan Timur dikutipAntara berkata, kataReuters, bahwa mantan bupati ditahan.",
    ],
)
def test_repair_unglue_words_leaves_names_whole(text: str) -> None:
    repaired = unglue_words(text)
    for name in ("WhatsApp", "iPhone", "PlayStation", "DeepSeek", "Kalimantan"):
        assert (name in text) <= (name in repaired)


def test_repair_text_then_extract_finds_the_glued_agency() -> None:
    page = RawPage(source="scraped.txt", content="Trump Kritik Subsidi Musk\n\n" + GLUED + " " + GLUED, kind="text")
    article = extract(page)
    assert "Anadolu" in article.sources_cited
    assert "Trump kembali" in article.text
    assert repair_text(article.text) == article.text  # repair is idempotent


def test_repair_joins_a_domain_split_by_a_tokeniser() -> None:
    page = RawPage(
        source="kompas.txt",
        kind="text",
        content="Harga Minyak Dunia Turun\n\nJAKARTA, KOMPAS. com - Sampai saat ini ketergantungan Indonesia terhadap "
        "minyak impor semakin menjadi. Di sisi lain, produksi minyak nasional terus merosot tahun ini.",
    )
    article = extract(page)
    assert (article.dateline, article.outlet) == ("JAKARTA", "Kompas.com")


def test_repair_unglue_words_splits_titles_and_countries_glued_to_names() -> None:
    text = (
        "Presiden Republik Indonesia Prabowo Subianto dan Putra Mahkota sekaligus Perdana MenteriArab SaudiPangeran "
        "Mohammed bin Salman menyepakati kerja sama senilai US$27 miliar, Rabu (2/7). "
        "Setibanya di Jeddah, PresidenPrabowo disambut upacara kehormatan oleh Pangeran Mohammed bin Salman di istana."
    )
    repaired = unglue_words(text)
    assert "Perdana Menteri Arab Saudi Pangeran Mohammed" in repaired
    assert "Presiden Prabowo disambut" in repaired


def test_repair_unglue_words_leaves_camel_case_names_after_a_title() -> None:
    # one title glued to a camel-case name is not damage: "Presiden" before "YouTube" stays apart as written
    text = "Presiden Direktur YouTube dan PlayStation hadir di Jakarta, kata Menteri Pariwisata pada Senin malam."
    assert unglue_words(text) == text


def test_repair_unglue_words_splits_acronyms_and_words_glued_to_names_in_a_damaged_text() -> None:
    text = (
        "Presiden Republik Indonesia Prabowo Subianto dan Perdana MenteriArab SaudiPangeran Mohammed bin Salman "
        "bertemu PresidenPrabowo di Jeddah, Rabu (2/7). Dalam keterangan di lamanKementerian Luar Negeri, Kementerian Luar Negeri "
        "RImerinci kesepakatan yang diteken kedua pemimpin itu, kata juru bicara pada Kamis."
    )
    repaired = unglue_words(text)
    assert "di laman Kementerian Luar Negeri" in repaired
    assert "Negeri RI merinci kesepakatan" in repaired


def test_repair_unglue_words_splits_one_sure_join_on_a_clean_page() -> None:
    # one glued join only: a known word glued to a name the text writes alone
    text = (
        "Kantor berita Turki Anadolu melaporkan serangan itu pada Senin pagi waktu setempat. "
        "Menurut laporan yang dikutipAnadolu Agency, sedikitnya 20 orang tewas dalam serangan tersebut."
    )
    assert "dikutip Anadolu Agency" in unglue_words(text)


def test_repair_unglue_words_splits_a_name_glued_to_the_verb_after_it() -> None:
    text = (
        "Menteri Dalam Negeri Tito Karnavian hadir di Kompleks Parlemen, Senayan, pada Rabu siang. "
        "Tito Karnavianmenyebut putusan itu persoalan politik yang perlu dibahas bersama para menteri."
    )
    assert "Tito Karnavian menyebut putusan" in unglue_words(text)


def test_repair_unglue_words_leaves_compound_place_names() -> None:
    # "Karang" stands alone and "tengah" is a word, but Karangtengah is a village's name
    text = (
        "Warga Desa Karang di Kecamatan Karangtengah, Kabupaten Demak, mengungsi setelah banjir merendam "
        "ratusan rumah pada Minggu malam, kata kepala desa kepada wartawan."
    )
    assert unglue_words(text) == text
