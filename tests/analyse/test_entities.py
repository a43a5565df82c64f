from __future__ import annotations

import pytest

from kabar.analyse.entities import annotate, canonical_form
from kabar.ids import stable_id
from kabar.records import Article


def _article(*paragraphs: str, id: str = "a1") -> Article:
    return Article(id=id, source="test", body=tuple(paragraphs))


def _canonical_of(article: Article, surface: str) -> set[str]:
    entities, mentions = annotate(article)
    by_id = {e.id: e.canonical for e in entities}
    return {by_id[m.entity_id] for m in mentions if m.text.replace("\u00a0", " ") == surface}


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Korut", "North Korea"),
        ("Korea Utara", "North Korea"),
        ("Korsel", "South Korea"),
        ("Tiongkok", "China"),
        ("China", "China"),
        ("negara tirai bambu", "China"),
        ("AS", "United States"),
        ("Amerika Serikat", "United States"),
        ("Negeri Paman Sam", "United States"),
        ("RI", "Indonesia"),
        ("Jepang", "Japan"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim\u00a0Jong\u00a0Un", "Kim Jong Un"),
        ("KOMPAS.com", "Kompas.com"),
        ("Kantor Berita Pusat Korea", "KCNA"),
    ],
)
def test_entities_canonical_form_folds_aliases(surface, canonical):
    assert canonical_form(surface) == canonical


def test_entities_canonical_form_keeps_lower_case_words_apart():
    assert canonical_form("as") == "as"  # the word, not Amerika Serikat


def test_entities_hyphen_and_space_variants_are_one_person():
    article = _article(
        "Pemimpin Korea Utara Kim Jong-un mengirim pesan kepada Presiden China Xi Jinping.",
        "Dalam pesan itu, Kim Jong Un menyebut hubungan kedua negara tetap kuat.",
    )
    entities, _ = annotate(article)
    kims = [e for e in entities if e.canonical == "Kim Jong Un"]
    assert len(kims) == 1 and kims[0].type == "PER"
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(kims[0].aliases)


@pytest.mark.parametrize(
    ("paragraphs", "short", "full"),
    [
        (("Presiden China Xi Jinping menerima surat itu.", "Xi mengatakan kedua negara akan bekerja sama."), "Xi", "Xi Jinping"),
        (("Presiden China Xi Jinping menerima surat itu.", "Jinping menyebut hubungan itu strategis."), "Jinping", "Xi Jinping"),
        (("Kim Jong-un mengucapkan selamat kepada Xi Jinping.", "Jong-un belum pernah bertemu Jinping."), "Jong-un", "Kim Jong Un"),
        (("Kim Jong Un memimpin rapat partai di Pyongyang.", "Menurut KCNA, Kim meminta persiapan perang."), "Kim", "Kim Jong Un"),
    ],
)
def test_entities_short_forms_join_the_full_name(paragraphs, short, full):
    assert _canonical_of(_article(*paragraphs), short) == {full}


def test_entities_abbreviations_and_epithets():
    article = _article(
        "Korea Utara (Korut) kembali menembakkan rudal balistik, kata militer Korea Selatan (Korsel).",
        "Hubungan Korut dengan negara tirai bambu tetap erat, sementara AS mengecam peluncuran itu.",
    )
    assert _canonical_of(article, "Korut") == {"North Korea"}
    assert _canonical_of(article, "Korsel") == {"South Korea"}
    assert _canonical_of(article, "negara tirai bambu") == {"China"}
    assert _canonical_of(article, "AS") == {"United States"}


def test_entities_capital_acting_is_its_state_but_a_place_stays_a_city():
    article = _article(
        "Beijing menolak tuduhan itu dan menyebutnya tidak berdasar.",
        "Pertemuan kedua diplomat itu berlangsung di Beijing pada Senin.",
        "Pyongyang mengatakan latihan militer itu adalah provokasi.",
    )
    entities, mentions = annotate(article)
    by_id = {e.id: e.canonical for e in entities}
    beijing = [by_id[m.entity_id] for m in mentions if m.text == "Beijing"]
    assert beijing == ["China", "Beijing"]
    assert _canonical_of(article, "Pyongyang") == {"North Korea"}


def test_entities_dateline_capital_is_the_city():
    article = _article("PYONGYANG, KOMPAS.com - Korea Utara meluncurkan satelit mata-mata pada Selasa.")
    assert _canonical_of(article, "PYONGYANG") == {"Pyongyang"}


@pytest.mark.parametrize(
    ("paragraph", "name", "role"),
    [
        ("Presiden Joko Widodo meresmikan bendungan itu di Jawa Tengah.", "Joko Widodo", "Presiden"),
        ("Menteri Luar Negeri AS Antony Blinken tiba di Seoul pada Rabu.", "Antony Blinken", "Menteri Luar Negeri"),
        ("Hal itu disampaikan Duta Besar Indonesia Arrmanatha Nasir di Jenewa.", "Arrmanatha Nasir", "Duta Besar"),
        # a rank is always followed by a name: the words after it are the name, not a portfolio
        ("Sekretaris Kabinet Letkol Teddy Indra Wijaya mendampingi Presiden di Jeddah.", "Teddy Indra Wijaya", "Letkol"),
        ("Kapolda Metro Jaya Irjen Karyoto mengatakan pelaku sudah ditangkap.", "Karyoto", "Irjen"),
        ("Diplomat top China Yang Jiechi bertemu dua pejabat Amerika Serikat di Alaska.", "Yang Jiechi", "Diplomat top"),
        # past the place after a title the name starts at once, even with a word that is also common
        ("Gubernur Nusa Tenggara Barat Lalu Muhamad Iqbal meninjau lokasi pendakian di Lombok.", "Lalu Muhamad Iqbal",
         "Gubernur Nusa Tenggara Barat"),
    ],
)
def test_entities_titles_become_roles(paragraph, name, role):
    entities, mentions = annotate(_article(paragraph))
    person = [m for m in mentions if m.type == "PER"]
    assert [(m.text, m.role) for m in person][:1] == [(name, role)]


def test_entities_offsets_point_into_the_text_and_ids_are_stable():
    paragraphs = (
        "Presiden AS Joe Biden bertemu Presiden China Xi Jinping di Bali.",
        "Biden mengatakan Washington tidak mencari konflik dengan Tiongkok.",
    )
    first, second = _article(*paragraphs, id="a1"), _article(*reversed(paragraphs), id="a2")
    ents1, mentions = annotate(first)
    for m in mentions:
        assert first.text[m.start : m.end] == m.text and m.article_id == "a1"
    ents2, _ = annotate(second)
    china = [e for e in ents1 if e.canonical == "China"][0]
    assert china.id == stable_id("LOC", "China")
    assert china.id in {e.id for e in ents2}


@pytest.mark.parametrize("body", [(), ("",), ("   ",), ("123 456 !!!",)])
def test_entities_empty_or_nameless_text_gives_nothing(body):
    assert annotate(_article(*body)) == ((), ())


@pytest.mark.parametrize(
    ("paragraph", "surface", "canonical"),
    [
        ("Pesan itu disiarkan Kantor Berita resmi China Xinhua pada Minggu.", "Xinhua", "Xinhua"),
        ("Media pemerintah melaporkan, Kantor Berita Pusat Korea (KCNA) menyiarkan pesan itu.", "Kantor Berita Pusat Korea", "KCNA"),
        ("Hal itu disampaikan Presiden Rusia Vladimir Putin di Moskow.", "Vladimir Putin", "Vladimir Putin"),
    ],
)
def test_entities_agencies_and_unseen_names_after_titles(paragraph, surface, canonical):
    assert _canonical_of(_article(paragraph), surface) == {canonical}


def test_entities_bracketed_name_is_another_name_of_the_entity():
    article = _article(
        "Presiden Joko Widodo (Jokowi) meminta para menteri bekerja cepat.",
        "Jokowi juga meminta kepolisian membantu penyaluran bantuan.",
    )
    assert _canonical_of(article, "Jokowi") == {"Joko Widodo"}


def test_entities_role_keeps_the_portfolio_but_not_the_country():
    entities, mentions = annotate(_article("Menteri Kesehatan Budi Gunadi Sadikin tiba di Jakarta bersama Presiden China Xi Jinping."))
    roles = {m.text: m.role for m in mentions if m.type == "PER"}
    assert roles == {"Budi Gunadi Sadikin": "Menteri Kesehatan", "Xi Jinping": "Presiden"}


@pytest.mark.parametrize(
    ("paragraph", "second", "full"),
    [
        ("Menteri Sosial Saifullah Yusuf atau Gus Ipul meninjau sekolah. Gus Ipul mengatakan sekolah siap.", "Gus Ipul", "Saifullah Yusuf"),
        ("Mantan Gubernur DKI Jakarta Basuki Tjahaja Purnama alias Ahok hadir. Ahok mengaku senang.", "Ahok", "Basuki Tjahaja Purnama"),
    ],
)
def test_entities_nickname_after_a_full_name_is_the_same_person(paragraph, second, full):
    assert _canonical_of(_article(paragraph), second) == {full}


@pytest.mark.parametrize(
    ("paragraph", "second"),
    [
        ("Warga bisa memilih Anies Baswedan atau Prabowo Subianto pada pemilu mendatang.", "Prabowo Subianto"),
        ("Sebagian warga lebih memilih Anies Baswedan atau Prabowo dalam survei itu.", "Prabowo"),
    ],
)
def test_entities_a_choice_between_two_people_is_not_a_nickname(paragraph, second):
    assert "Anies Baswedan" not in _canonical_of(_article(paragraph), second)


def test_entities_a_title_belongs_to_the_name_right_after_it():
    entities, mentions = annotate(_article("Presiden Joko Widodo dan Gibran juga datang ke acara itu."))
    people = [(m.text, m.role) for m in mentions if m.type == "PER"]
    assert people[0] == ("Joko Widodo", "Presiden") and len(people) == 2
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))  # no overlapping mentions
    assert all(role is None for _, role in people[1:])


@pytest.mark.parametrize(
    ("paragraph", "surface", "canonical"),
    [
        ("PYONGYANG, KOMPAS.com - Para pemimpin China dan Korea Utara bertukar pesan.", "KOMPAS.com", "Kompas.com"),
        ("Kabar itu dilansir AP pada Selasa malam.", "AP", "Associated Press"),
    ],
)
def test_entities_agencies_and_outlets_are_organisations(paragraph, surface, canonical):
    assert _canonical_of(_article(paragraph), surface) == {canonical}


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Kementerian Luar Negeri Tiongkok", "Ministry of Foreign Affairs of China"),
        ("kementerian luar negeri China", "Ministry of Foreign Affairs of China"),
        ("Kemlu RI", "Ministry of Foreign Affairs of Indonesia"),
        ("Kedubes AS", "Embassy of the United States"),
        ("Partai Komunis Cina", "Communist Party of China"),
        ("Kementerian Pertahanan Korea Selatan", "Ministry of Defence of South Korea"),
    ],
)
def test_entities_institution_of_a_country_is_named_after_its_canonical_country(surface, canonical):
    assert canonical_form(surface) == canonical


def test_entities_institution_without_a_country_is_left_as_written():
    assert canonical_form("Kementerian Luar Negeri") == "Kementerian Luar Negeri"
    assert canonical_form("Kementerian Luar Negeri Baru") == "Kementerian Luar Negeri Baru"


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        ("Xi menyebut hubungan China-Korut terus membaik sejak 2018.", {"China": "China", "Korut": "North Korea"}),
        ("Ketegangan AS-China meningkat pekan ini.", {"AS": "United States", "China": "China"}),
        ("Perundingan Rusia-Ukraina kembali buntu di Istanbul.", {"Rusia": "Russia", "Ukraina": "Ukraine"}),
    ],
)
def test_entities_states_joined_by_a_hyphen_are_a_mention_each(sentence, pairs):
    article = _article(sentence)
    for surface, canonical in pairs.items():
        assert _canonical_of(article, surface) == {canonical}


def test_entities_a_hyphenated_country_name_stays_whole():
    entities, _ = annotate(_article("Presiden Guinea-Bissau Umaro Sissoco Embalo tiba di Jakarta."))
    assert "Guinea-Bissau" in {e.canonical for e in entities}
    assert "Guinea" not in {e.canonical for e in entities}


def test_entities_a_disease_is_no_entity():
    article = _article(
        "Perbatasan kedua negara ditutup selama pandemi Covid-19, kata juru bicara Kementerian Luar Negeri China."
    )
    entities, _ = annotate(article)
    assert not any("covid" in e.canonical.lower() for e in entities)
    assert "Ministry of Foreign Affairs of China" in {e.canonical for e in entities}


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Pesan itu disampaikan dalam pertemuan diplomat senior China, Song Tao dan duta besar.", "Song Tao", "diplomat senior"),
        ("Juru bicara Kementerian Luar Negeri China, Wang Wenbin, mengatakan hal itu di Beijing.", "Wang Wenbin", "Juru bicara"),
        ("Duta Besar Korea Utara untuk China, Ri Ryong Nam, menghadiri jamuan itu.", "Ri Ryong Nam", "Duta Besar"),
    ],
)
def test_entities_name_after_a_title_and_an_appositive_comma_is_a_person(sentence, name, role):
    _, mentions = annotate(_article(sentence))
    found = [m for m in mentions if m.text == name]
    assert found and all(m.type == "PER" and m.role == role for m in found)


def test_entities_appositive_name_stops_at_the_next_comma():
    _, mentions = annotate(_article("Juru bicara Kemlu China, Wang Wenbin, Senin, menolak tuduhan itu."))
    assert "Wang Wenbin" in {m.text for m in mentions}
    assert not any("Senin" in m.text for m in mentions)


def test_entities_a_company_is_one_entity_with_or_without_its_legal_form():
    article = _article(
        "Direktur Utama PT PLN (Persero) Darmawan Prasodjo hadir dalam rapat di DPR.",
        "Menurut Darmawan, PLN sudah menambah pembangkit tahun ini, sementara PT Bank Rakyat Indonesia Tbk (BRI) mendanai proyek itu.",
    )
    entities, mentions = annotate(article)
    by_id = {e.id: e.canonical for e in entities}
    assert {by_id[m.entity_id] for m in mentions if "PLN" in m.text} == {"PLN"}
    assert {by_id[m.entity_id] for m in mentions if m.text == "BRI"} == {"Bank Rakyat Indonesia"}


def test_entities_a_title_does_not_reach_over_a_sentence_end():
    _, mentions = annotate(_article("Pasukan dikirim seperti yang disampaikan ajudan jenderal California. Trump menjelaskan tugas mereka."))
    trump = [m for m in mentions if m.text == "Trump"]
    assert trump and all(m.role is None for m in trump)


def test_entities_pair_split_drops_a_common_word_the_tagger_ran_in_but_keeps_a_longer_name():
    from kabar.analyse.entities.span import Span as _Span
    from kabar.analyse.entities.split import split_pairs as _split_pairs
    from kabar.lang.id.aliases import alias_table

    text = "Hubungan China-Korut membaik."
    spans = _split_pairs(text, [_Span(0, text.index(" membaik"), "PER")], alias_table())
    assert [(text[s.start : s.end], s.type) for s in spans] == [("China", "LOC"), ("Korut", "LOC")]
    text = "Forum Gunadarma China-Korut digelar."
    whole = [_Span(0, text.index(" digelar"), "ORG")]
    assert _split_pairs(text, whole, alias_table()) == whole


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("Kemendagri", "Kementerian Dalam Negeri", True),
        ("Kejagung", "Kejaksaan Agung", True),
        ("Basarnas", "Badan SAR Nasional", True),
        ("Kemenkes", "Kementerian Keuangan", False),  # no 's' in Keuangan: another ministry
        ("Pertamina", "Pertamina Patra Niaga", False),  # all from one word: a subsidiary, not a short form
    ],
)
def test_entities_syllabic_abbreviation(short, full, same):
    from kabar.analyse.entities.names import is_syllabic_abbreviation

    assert is_syllabic_abbreviation(short, full) is same


def test_entities_short_forms_of_institutions_join_the_full_name_in_the_article():
    article = _article(
        "Kementerian Dalam Negeri menyatakan pulau itu milik negara.",
        "Kemendagri juga menegaskan bahwa Kementerian Kelautan dan Perikanan akan bertindak. KKP menolak penjualan itu.",
    )
    assert _canonical_of(article, "Kemendagri") == {"Kementerian Dalam Negeri"}
    assert _canonical_of(article, "KKP") == {"Kementerian Kelautan dan Perikanan"}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Massa berkumpul di Jalan Jenderal Sudirman, Jakarta, sejak pagi.", "Jalan Jenderal Sudirman"),
        ("Pesawat mendarat di Bandara Internasional Sultan Hasanuddin, Makassar.", "Bandara Internasional Sultan Hasanuddin"),
        ("Korban dirawat di RS Bhayangkara Brigjen Pol Hasan Basry sejak Senin.", "RS Bhayangkara Brigjen Pol Hasan Basry"),
        ("Pasien itu dirujuk ke RS Cipto Mangunkusumo, Jakarta, pada Senin.", "RS Cipto Mangunkusumo"),
        ("Kemacetan panjang terjadi di Jalan Ahmad Yani, Surabaya, sejak pagi.", "Jalan Ahmad Yani"),
    ],
)
def test_entities_place_named_after_a_titled_person_stays_a_place(sentence, place):
    _, mentions = annotate(_article(sentence))
    assert place in {m.text for m in mentions if m.type != "PER"}
    assert not any(m.type == "PER" for m in mentions)


def test_entities_a_person_after_a_facility_name_without_a_rank_stays_a_person():
    _, mentions = annotate(_article("Mahasiswa Universitas Gadjah Mada Budi Santoso hadir dalam diskusi itu."))
    assert "Budi Santoso" in {m.text for m in mentions if m.type == "PER"}


def test_entities_a_summit_names_its_forum():
    entities, _ = annotate(_article("Xi Jinping dan Joe Biden bertemu di sela KTT G20 Bali, Senin (14/11/2022)."))
    assert "G20" in {e.canonical for e in entities if e.type == "ORG"}
    assert not any("KTT" in e.canonical for e in entities)


def test_entities_a_name_with_a_bracketed_word_and_a_pair_at_a_sentence_end():
    article = _article("Xi mendorong resolusi politik terhadap masalah Semenanjung (Korea) dan hubungan China-Korut.")
    assert _canonical_of(article, "Semenanjung (Korea)") == {"Korean Peninsula"}
    assert _canonical_of(article, "Korut") == {"North Korea"}


def test_entities_a_dateline_dash_glued_to_the_next_word_ends_the_outlet():
    _, mentions = annotate(_article("JAKARTA, KOMPAS.com -Presiden Republik Indonesia Prabowo Subianto tiba di Jeddah, Rabu."))
    texts = {m.text: m for m in mentions}
    assert "KOMPAS.com" in texts and not any("-" in t for t in texts)
    assert texts["Prabowo Subianto"].role == "Presiden"
    _, mentions = annotate(_article("JAKARTA, KOMPAS.com- Fraksi PDI-P DPR RI mendesak penulisan ulang sejarah dihentikan."))
    assert "KOMPAS.com" in {m.text for m in mentions} and "PDI-P" in {m.text for m in mentions}


def test_entities_a_programme_of_common_words_after_a_title_is_no_person():
    _, mentions = annotate(_article(
        "Program Presiden Sekolah Rakyat dimulai pekan ini. Menurut Menteri Sosial Saifullah Yusuf, "
        "Sekolah Rakyat menampung anak dari keluarga miskin."
    ))
    assert not any(m.type == "PER" and "Sekolah" in m.text for m in mentions)
    assert "Saifullah Yusuf" in {m.text for m in mentions if m.type == "PER"}


def test_entities_an_acronym_inside_a_mixed_case_name_keeps_its_capitals():
    assert canonical_form("SMA 20 BBPPKS Yogyakarta") == "SMA 20 BBPPKS Yogyakarta"
    assert canonical_form("SRAGEN UPDATE") == "Sragen Update"


def test_entities_an_organisation_between_a_title_and_a_name_is_not_the_name():
    _, mentions = annotate(_article("Sekjen Kemensos Robben Rico meresmikan jaringan internet di sekolah itu, Senin."))
    people = [m for m in mentions if m.type == "PER"]
    assert [(m.text, m.role) for m in people] == [("Robben Rico", "Sekjen Kemensos")]


def test_entities_a_byline_label_after_a_name_is_no_part_of_it():
    _, mentions = annotate(_article("Erdogan menyebut kartun itu provokasi.", "Reporter: Iryanda Mardanuz Editor: Hani Anggraini"))
    assert not any("Editor" in m.text for m in mentions)


def test_entities_a_longer_bracketed_name_is_the_full_one():
    article = _article("Ia berlatih bersama coach Milo (Milomir Seslija) sejak pekan lalu di Malang, Jawa Timur.")
    assert _canonical_of(article, "Milo") == {"Milomir Seslija"}


def test_entities_a_spaced_dash_ends_a_name():
    _, mentions = annotate(_article("JAKARTA, KOMPAS.com — Menteri Pendayagunaan Aparatur Negara Yuddy Chrisnandi mengancam PNS."))
    assert "KOMPAS.com" in {m.text for m in mentions}
    assert not any("—" in m.text for m in mentions)


def test_entities_a_countrys_epithet_in_any_spelling():
    article = _article("Ia pernah belajar di negeri sakura dan kini bekerja di Negara Paman Sam sejak 2019.")
    assert _canonical_of(article, "negeri sakura") == {"Japan"}
    assert _canonical_of(article, "Negara Paman Sam") == {"United States"}


def test_entities_a_quoted_sentence_in_another_language_gives_no_names():
    article = _article(
        "Cristiano Ronaldo mengunggah pesan duka untuk Diogo Jota di media sosial, Kamis (3/7/2025).",
        "Não faz sentido. À tua familia, à tua mulher e aos teus filhos, envio os meus sentimentos.",
    )
    entities, mentions = annotate(article)
    second = article.text.index("Não")
    assert not any(m.start >= second and m.type == "PER" and m.text[0] in "NÀ" for m in mentions)
    assert {"Cristiano Ronaldo", "Diogo Jota"} <= {e.canonical for e in entities}
