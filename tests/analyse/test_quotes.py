"""Quotations on real Indonesian passages: direct, indirect, speakers, relay chains."""

from __future__ import annotations

import pytest

from kabar.analyse.quotes import annotate
from kabar.analyse.quotes.direct import quoted_spans
from kabar.records import Article


def article(*paragraphs: str, sources: tuple[str, ...] = ()) -> Article:
    return Article(id="a1", source="test", body=tuple(paragraphs), sources_cited=sources)


def only(quotes, text_part: str):
    found = [q for q in quotes if text_part in q.quote]
    assert len(found) == 1, [q.quote for q in quotes]
    return found[0]


# --- direct quotations ------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph, quote, speaker, cue",
    [
        ("“Kami akan membubarkan setiap kerumunan,” kata Kombes Budi Santoso di Jakarta.", "Kami akan membubarkan setiap kerumunan", "Budi Santoso", "kata"),
        ('"Harga beras naik dua kali lipat," ujar Siti Rahma, pedagang di Pasar Minggu.', "Harga beras naik dua kali lipat", "Siti Rahma", "ujar"),
        ("“Kami tidak akan mundur sedikit pun\", tegas Ahmad Yani.", "Kami tidak akan mundur sedikit pun", "Ahmad Yani", "tegas"),
        ("\"Saya ingin ... memperkuat kerja sama kedua negara,” kata Joko Widodo dalam suratnya.", "Saya ingin ... memperkuat kerja sama kedua negara", "Joko Widodo", "kata"),
        ("“Saya berharap hubungan kedua pihak membaik,” pesan Jinping, Kamis (2/11/2017).", "Saya berharap hubungan kedua pihak membaik", "Jinping", "pesan"),
    ],
)
def test_quotes_direct_post_cue(paragraph, quote, speaker, cue):
    quotes = annotate(article(paragraph))
    q = only(quotes, quote)
    assert (q.quote, q.speaker, q.cue, q.kind) == (quote, speaker, cue, "direct")


def test_quotes_offsets_index_article_text():
    art = article("Pendahuluan tanpa kutipan.", "“Anggaran sudah cukup untuk tahun depan,” kata Sri Mulyani.")
    for q in annotate(art):
        assert art.text[q.start : q.end] == q.quote


def test_quotes_clitic_resolves_to_previous_speaker():
    art = article(
        "Menteri Kesehatan Budi Gunadi Sadikin mengatakan vaksinasi akan dipercepat bulan depan.",
        "“Kami sudah menyiapkan sepuluh juta dosis untuk daerah,” ujarnya.",
    )
    q = only(annotate(art), "sepuluh juta dosis")
    assert (q.speaker, q.speaker_text, q.cue) == ("Budi Gunadi Sadikin", "ujarnya", "ujarnya")


def test_quotes_short_name_resolves_to_fullest():
    from kabar.analyse import entities

    art = article(
        "Gubernur Jawa Tengah Ganjar Pranowo meninjau lokasi banjir di Semarang pada Senin.",
        "“Pompa air harus segera ditambah di kawasan ini,” kata Ganjar.",
    )
    # with the NER's mentions, as the pipeline runs it: "Jawa Tengah" is a place, not part of the name
    q = only(annotate(art, *entities.annotate(art)), "Pompa air")
    assert (q.speaker, q.speaker_text) == ("Ganjar Pranowo", "Ganjar")


def test_quotes_pre_cue_colon():
    q = only(annotate(article("Ridwan Kamil menegaskan: “Semua sekolah tetap belajar dari rumah sampai akhir bulan.”")), "Semua sekolah")
    assert (q.speaker, q.cue, q.kind) == ("Ridwan Kamil", "menegaskan", "direct")


def test_quotes_split_by_cue_share_speaker():
    art = article("“Dunia sedang berubah dengan cepat,” kata Xi. “Kita harus bekerja sama lebih erat lagi.”")
    quotes = annotate(art)
    assert [q.speaker for q in quotes] == ["Xi", "Xi"]
    assert [q.cue for q in quotes] == ["kata", "kata"]


def test_quotes_span_paragraphs():
    art = article(
        "“Kami sudah memeriksa dua puluh saksi dalam perkara ini.",
        "“Berkas akan kami serahkan ke kejaksaan pekan depan,” kata Kapolres Andi Wijaya.",
    )
    quotes = annotate(art)
    assert len(quotes) == 1
    q = quotes[0]
    assert "\n" in q.quote and q.quote.startswith("Kami sudah") and q.quote.endswith("pekan depan")
    assert q.speaker == "Andi Wijaya"


@pytest.mark.parametrize(
    "text, inner",
    [
        ("Ia berkata “tidak ada lagi pemanggilan” kepada wartawan.", "tidak ada lagi pemanggilan"),
        ('Ia menyebut "aset berharga" dua kali.', "aset berharga"),
        ("Judul ‘Laskar Pelangi’ sudah terkenal, kata Qur’an tidak dipisah.", "Laskar Pelangi"),
    ],
)
def test_quoted_spans_pairs_marks(text, inner):
    spans = quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [inner]


def test_quotes_scare_quotes_are_not_statements():
    art = article("Pemerintah menyebut program itu sebagai \"jalan tengah\" bagi petani di desa.")
    assert all(q.kind != "direct" for q in annotate(art))


# --- indirect speech -----------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph, quote, speaker, cue",
    [
        ("Menteri Keuangan Sri Mulyani mengatakan bahwa defisit anggaran masih terkendali tahun ini.", "defisit anggaran masih terkendali tahun ini", "Sri Mulyani", "mengatakan"),
        ("Menurut Kepala BMKG Dwikorita Karnawati, hujan lebat akan turun hingga akhir pekan.", "hujan lebat akan turun hingga akhir pekan", "Dwikorita Karnawati", "Menurut"),
        ("Di sisi lain, harga minyak akan terus naik sampai akhir tahun, kata beberapa ekonom.", "harga minyak akan terus naik sampai akhir tahun", "beberapa ekonom", "kata"),
        ("Kementerian Luar Negeri China menyatakan kesiapan Beijing untuk memperkuat koordinasi dengan Pyongyang.", "kesiapan Beijing untuk memperkuat koordinasi dengan Pyongyang", "Kementerian Luar Negeri China", "menyatakan"),
    ],
)
def test_quotes_indirect_forms(paragraph, quote, speaker, cue):
    q = only(annotate(article(paragraph)), quote)
    assert (q.quote, q.speaker, q.cue, q.kind) == (quote, speaker, cue, "indirect")


def test_quotes_mixed_quotation_is_indirect_with_marks_kept():
    art = article('Presiden Joko Widodo menyerukan "persatuan dan gotong royong" dalam menghadapi krisis pangan.')
    q = only(annotate(art), "persatuan")
    assert q.kind == "indirect" and q.quote.startswith('"persatuan dan gotong royong"')
    assert q.speaker == "Joko Widodo"


def test_quotes_whole_quoted_content_is_direct():
    art = article('Menteri itu juga menyatakan komitmennya untuk "memberikan kehidupan yang lebih baik bagi rakyat."')
    q = only(annotate(art), "memberikan kehidupan")
    assert (q.kind, q.cue, q.quote) == ("direct", "menyatakan komitmennya", "memberikan kehidupan yang lebih baik bagi rakyat.")


def test_quotes_pronoun_same_sentence():
    art = article(
        "Kim Jong Un mengirim ucapan selamat kepada Xi Jinping pada Senin.",
        "Xi menyambut baik pesan tersebut, dia mengatakan bahwa kedua negara telah saling mendukung dengan teguh.",
    )
    q = only(annotate(art), "saling mendukung")
    assert (q.speaker, q.speaker_text) == ("Xi Jinping", "dia")


def test_quotes_empty_article():
    assert annotate(article("")) == ()


# --- relay chains --------------------------------------------------------------------


def test_quotes_relay_article_attribution():
    art = article(
        "Presiden Korea Selatan Moon Jae-in mengatakan bahwa dialog dengan Pyongyang harus dilanjutkan, seperti dilansir dari AP.",
        "“Kami siap bertemu kapan saja,” kata Moon.",
    )
    assert [q.via for q in annotate(art)] == [("Associated Press",), ("Associated Press",)]


def test_quotes_relay_inner_before_outer():
    art = article("“Kami berharap hubungan kedua pihak terus membaik,” pesan Jinping, seperti disitir CNN dari KCNA, Kamis (2/11/2017).")
    assert annotate(art)[0].via == ("KCNA", "CNN")


def test_quotes_relay_menurut_agencies_in_order():
    art = article("Menurut KCNA dan kantor berita China, Xinhua, Xi mengatakan hubungan kedua negara adalah aset berharga.")
    q = only(annotate(art), "aset berharga")
    assert q.speaker == "Xi" and q.via == ("KCNA", "Xinhua")


def test_quotes_relay_falls_back_to_sources_cited():
    art = article("“Kerja sama ini akan terus diperkuat,” kata Xi Jinping.", sources=("Associated Press",))
    assert annotate(art)[0].via == ("Associated Press",)


# --- speaker phrases -----------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        ("“Air sudah surut sejak pagi,” kata Kepala Dusun Nglahar, Kelurahan Sumbersari, Wahyu Wibowo.", "Wahyu Wibowo"),
        ("“Kami siap melayani penumpang,” kata Direktur Utama PT Kereta Commuter Indonesia (KAI Commuter) Wiwik Widayanti.", "Wiwik Widayanti"),
        ("“Pembatasan tetap berlaku,” ujar Wali Kota Rahmat Effendi, Rabu (27/5/2020), di Kota Bekasi.", "Rahmat Effendi"),
        ("“Semua pihak harus menahan diri,” kata peneliti Lembaga Ilmu Pengetahuan Indonesia (LIPI), Dewi Fortuna Anwar.", "Dewi Fortuna Anwar"),
    ],
)
def test_quotes_speaker_phrase_after_role(paragraph, speaker):
    q = annotate(article(paragraph))[0]
    assert q.speaker == speaker


def test_quotes_light_verb_cue():
    art = article("Kim memberikan pesan kepada Xi bahwa pemerintahannya akan terus mengembangkan hubungan kedua negara.")
    q = only(annotate(art), "pemerintahannya")
    assert (q.cue, q.speaker, q.kind) == ("memberikan pesan", "Kim", "indirect")


def test_quotes_subject_after_subordinator():
    art = article("Permintaan itu disampaikan setelah Xi menyuarakan keyakinan bahwa Beijing tidak ingin melihat eskalasi lebih lanjut.")
    q = only(annotate(art), "Beijing tidak ingin")
    assert (q.speaker, q.cue) == ("Xi", "menyuarakan keyakinan")


def test_quotes_relay_carried_to_next_quote_of_same_speaker():
    art = article(
        "Xi menyambut baik pesan tersebut dan mengatakan bahwa kedua negara saling mendukung, menurut kantor berita Xinhua.",
        "“Dunia sedang berubah dengan cepat,” kata Xi.",
    )
    quotes = annotate(art)
    assert [q.via for q in quotes] == [("Xinhua",), ("Xinhua",)]


@pytest.mark.parametrize(
    "text",
    ["", "“", '"""', "“”", "kata", "“a,” kata", "Menurut ,", "\n\n“\n”", ", kata dia.", "X mengatakan bahwa"],
)
def test_quotes_odd_input_never_raises(text):
    art = article(*text.split("\n"))
    for q in annotate(art):
        assert art.text[q.start : q.end] == q.quote


def test_quotes_menurutnya_refers_back():
    art = article(
        "Kapolda Metro Jaya Irjen Fadil Imran memastikan penyekatan mudik tetap berjalan.",
        "Menurutnya, pemerintah daerah harus memperketat pengawasan di perbatasan.",
    )
    q = only(annotate(art), "memperketat pengawasan")
    assert (q.speaker, q.speaker_text, q.cue) == ("Fadil Imran", "Menurutnya", "Menurutnya")


def test_quotes_passive_attribution_names_earlier_quote():
    art = article(
        "“Kami sudah menyiapkan cadangan beras di semua gudang di seluruh provinsi.”",
        "Hal itu disampaikan Menteri Perdagangan Muhammad Lutfi dalam konferensi pers, Senin (5/4/2021).",
    )
    q = only(annotate(art), "cadangan beras")
    assert (q.speaker, q.cue) == ("Muhammad Lutfi", "disampaikan")


def test_quotes_late_attribution_does_not_cover_the_lead():
    art = article(
        "Presiden Joko Widodo mengatakan bahwa vaksinasi akan dipercepat bulan depan.",
        "Pemerintah juga menyiapkan anggaran tambahan untuk daerah.",
        "Dikutip dari Antara, Kepala BNPB Doni Monardo mengatakan status darurat diperpanjang dua pekan.",
    )
    quotes = annotate(art)
    assert quotes[0].via == ()
    assert only(quotes, "status darurat").via == ("ANTARA",)


def test_quotes_closing_marks_used_for_both():
    art = article("”Kami akan membuka kembali sekolah bulan depan,” kata Nadiem Makarim di Jakarta.")
    q = annotate(art)[0]
    assert (q.quote, q.speaker) == ("Kami akan membuka kembali sekolah bulan depan", "Nadiem Makarim")


def test_quotes_plural_pronoun_not_a_single_person():
    art = article("Ketua Komisi X Lalu Hadrian Irfani menerima para pengunjuk rasa.", "“Dengarkan suara korban,” kata mereka.")
    q = only(annotate(art), "suara korban")
    assert (q.speaker, q.speaker_text) == (None, "mereka")


def test_quotes_scraper_glued_name_is_repaired():
    # a page whose link text lost its space: "Meutya Hafidsaat" = "Meutya Hafid" + "saat"
    art = article(
        "Menteri Komunikasi dan Digital Meutya Hafidsaat meninjau sekolah itu pada Senin.",
        "“Semua sekolah akan mendapat akses internet yang cepat,” ujar Meutya.",
    )
    q = only(annotate(art), "akses internet")
    assert q.speaker == "Meutya Hafid"


def test_quotes_passive_cue_after_quote():
    from kabar.analyse import entities

    art = article("“Stok beras aman sampai Lebaran,” demikian disampaikan oleh Direktur Utama Bulog Budi Waseso.")
    q = annotate(art, *entities.annotate(art))[0]
    assert (q.speaker, q.cue) == ("Budi Waseso", "disampaikan")


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        ("“Semua aparat siap,” kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD.", "Mahfud MD"),
        ("“Aturan itu sudah berlaku,” kata Kepala Biro Hukum, Komunikasi, dan Informasi Publik Kementerian PAN-RB.", "Kepala Biro Hukum"),
    ],
)
def test_quotes_role_with_commas(paragraph, speaker):
    assert annotate(article(paragraph))[0].speaker == speaker


def test_quotes_menurut_pronoun_without_comma():
    art = article(
        "Menteri Komunikasi Rudiantara menjelaskan alasan pemblokiran itu.",
        "Menurut dia banyak sekali kanal di Telegram yang bermuatan propaganda.",
    )
    q = only(annotate(art), "kanal di Telegram")
    assert (q.speaker, q.speaker_text, q.quote) == ("Rudiantara", "dia", "banyak sekali kanal di Telegram yang bermuatan propaganda")


@pytest.mark.parametrize(
    ("paragraphs", "quote", "speaker"),
    [
        (
            ("Presiden Joko Widodo meminta bantuan sosial segera disalurkan pekan ini.",
             "“Ini sudah sangat mendesak sekali,” kata Presiden dalam rapat terbatas di Istana Merdeka."),
            "Ini sudah sangat mendesak sekali",
            "Joko Widodo",
        ),
        (
            ("Menteri Keuangan Sri Mulyani Indrawati menghadiri rapat kabinet di Jakarta, Senin.",
             "“Dana untuk program ini sudah tersedia di anggaran,” ujar Menkeu kepada wartawan."),
            "Dana untuk program ini sudah tersedia di anggaran",
            "Sri Mulyani Indrawati",
        ),
        (
            # no one was introduced with the title: the role stays the speaker
            ("Rapat kabinet digelar di Istana Merdeka, Jakarta, Senin.",
             "“Semua program harus berjalan minggu ini juga,” kata Presiden dalam rapat itu."),
            "Semua program harus berjalan minggu ini juga",
            "Presiden",
        ),
    ],
)
def test_quotes_bare_title_stands_for_the_person_given_it(paragraphs, quote, speaker):
    from kabar.analyse import entities

    art = article(*paragraphs)
    q = only(annotate(art, *entities.annotate(art)), quote)
    assert q.speaker == speaker
