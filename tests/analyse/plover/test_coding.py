"""`code_events` on real Indonesian sentences: each type family, the kinds of non-events,
actors of passives and of verbal acts, dates and background."""

from __future__ import annotations

import pytest

from kabar.analyse.plover import baseline_events, code_events
from kabar.pipeline import analyse_article
from kabar.records import Article

PUBLISHED = "2025-03-07"


def code(text: str, published: str | None = PUBLISHED):
    article = Article(id="t", source="t.txt", body=tuple(text.split("\n")), published=published)
    return code_events(analyse_article(article))


def only(text: str):
    events = code(text)
    assert len(events) == 1, [(e.type, e.trigger) for e in events]
    return events[0]


@pytest.mark.parametrize(
    ("text", "type_", "mode", "actor"),
    [
        ("Polisi menangkap tiga tersangka di Medan, Senin (3/3/2025).", "COERCE", "arrest", "police"),
        ("Presiden Prabowo Subianto bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Jakarta.",
         "CONSULT", "meet", "Prabowo Subianto"),
        ("Menteri Luar Negeri Sugiono menandatangani perjanjian perdagangan di Riyadh.", "SUPPORT", None, "Sugiono"),
        ("Ribuan buruh menggelar unjuk rasa di depan gedung DPR, Kamis (6/3/2025).", "PROTEST", "demo", "workers"),
        ("Iran menolak usulan gencatan senjata yang diajukan Amerika Serikat.", "REJECT", None, "Iran"),
        ("Kementerian Sosial mengirimkan bantuan kemanusiaan ke Gaza pekan lalu.", "AID", "humanitarian", None),
        ("Majelis hakim memvonis Harvey Moeis enam tahun penjara.", "SANCTION", "convict", "panel of judges"),
        ("Israel melancarkan serangan udara ke Lebanon selatan pada Rabu (5/3/2025).", "FIGHT", "aerial", "Israel"),
        ("Perdana Menteri Jepang Shigeru Ishiba meminta maaf kepada para korban.", "CONCEDE", None, "Shigeru Ishiba"),
        ("Rusia dan Ukraina sepakat melakukan pertukaran tahanan.", "AGREE", None, ("Russia", "Ukraine")),
        ("TNI mengerahkan 500 prajurit ke Papua.", "MOBILIZE", "troops", "TNI"),
        ("Amerika Serikat menjatuhkan sanksi terhadap sejumlah pejabat Iran.", "SANCTION", None, "United States"),
        ("Komisi Pemberantasan Korupsi memeriksa mantan Menteri Perdagangan Thomas Lembong.", "INVESTIGATE", None,
         "Komisi Pemberantasan Korupsi"),
        ("Korea Utara mengancam akan menyerang Korea Selatan.", "THREATEN", "violence", "North Korea"),
        ("Presiden Donald Trump memerintahkan pasukan Garda Nasional ke Los Angeles.", "DEMAND", None, "Donald Trump"),
    ],
)
def test_code_events_type_families(text, type_, mode, actor):
    event = only(text)
    assert (event.type, event.mode) == (type_, mode)
    if actor is not None:
        assert event.actor == actor
    assert event.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Prabowo akan berkunjung ke Jepang pekan depan.",  # plan
        "Kedua menteri dijadwalkan bertemu di Jakarta bulan depan.",  # schedule
        "Polisi belum menangkap pelaku pembakaran itu.",  # negation
        "Pemerintah membantah telah menangkap aktivis tersebut.",  # denial
        "Sekjen PBB Antonio Guterres mendesak Israel menghentikan serangan di Gaza.",  # appeal
        "Indonesia meminta kedua pihak segera berunding.",  # appeal
        "Jika Iran menyerang, Amerika Serikat akan membalas.",  # hypothetical
        "Tersangka diduga membunuh korban di rumahnya.",  # allegation
        "Apakah Israel akan menyerang Iran lagi?",  # question
        "Konflik ini diperkirakan memicu serangan baru di perbatasan.",  # prediction
        "Polisi biasanya menangkap pelaku balap liar pada malam hari.",  # habit
    ],
)
def test_code_events_skips_unasserted_acts(text):
    assert code(text) == ()


def test_code_events_two_events_in_one_sentence():
    events = code("Pemerintah Indonesia mengecam serangan Israel terhadap kamp pengungsi di Gaza.")
    assert [e.type for e in events] == ["DISAPPROVE", "ASSAULT"]  # force on a refugee camp is one-sided
    assert events[0].actor == "Indonesia" and events[0].recipient == "Israel"
    assert events[1].actor == "Israel" and events[1].location == "Gaza"


def test_code_events_passive_with_agent():
    event = only("Dua aktivis ditangkap oleh polisi di Jakarta.")
    assert (event.actor, event.actor_text) == ("police", "polisi")
    assert event.recipient_text == "Dua aktivis"
    assert event.location == "Jakarta"


def test_code_events_agentless_passive_takes_the_actor_from_the_article():
    events = code("Polisi menangkap dua orang di Bandung, Selasa (4/3/2025).\nKeduanya kini ditahan di Polda Jawa Barat.")
    assert [e.type for e in events] == ["COERCE", "COERCE"]
    second = events[1]
    assert second.actor == "police" and second.actor_text is None  # implicit: the sentence does not name it
    assert second.date == "2025-03-04"  # the same happening keeps the date given earlier


def test_code_events_verbal_act_speaker_is_actor():
    event = only("“Kami mengecam keras tindakan itu,” kata Menteri Luar Negeri Retno Marsudi.")
    assert event.type == "DISAPPROVE"
    assert event.actor == "Retno Marsudi" and event.actor_text == "Kami"


def test_code_events_post_quote_verb_puts_the_speaker_after_it():
    event = only("“Serangan ini melanggar hukum internasional,” kecam Retno Marsudi.")
    assert (event.type, event.actor) == ("DISAPPROVE", "Retno Marsudi")


def test_code_events_naming_a_suspect_is_disapprove():
    event = only("KPK menetapkan Bupati Kolaka Timur Abdul Azis sebagai tersangka kasus suap, Jumat (7/3/2025).")
    assert (event.type, event.mode, event.actor, event.recipient) == ("DISAPPROVE", "allege", "KPK", "Abdul Azis")
    assert event.date == "2025-03-07"


def test_code_events_relative_clause_subject_and_compound_actor():
    events = code("Presiden Amerika Serikat Donald Trump memuji langkah Iran dan Israel yang menerima gencatan senjata.")
    assert [e.type for e in events] == ["SUPPORT", "CONCEDE"]
    assert events[0].actor == "Donald Trump"
    assert events[1].actor == ("Iran", "Israel")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Polisi menangkap tiga tersangka di Medan, Senin (3/3/2025).", "2025-03-03"),
        ("Kementerian Sosial mengirimkan bantuan kemanusiaan ke Gaza pekan lalu.", "2025-W09"),
        ("Israel melancarkan serangan udara ke Lebanon pada akhir pekan lalu.", "2025-03-01/2025-03-02"),
        ("Iran menolak usulan gencatan senjata yang diajukan Amerika Serikat.", None),  # never the publication date
    ],
)
def test_code_events_dates_resolved_against_publication(text, date):
    assert only(text).date == date


def test_code_events_background_recall():
    event = only("Pada 2019, kedua negara pernah menandatangani perjanjian perdagangan.")
    assert event.background is True and event.date == "2019"
    assert only("Polisi menangkap tiga tersangka di Medan, Senin (3/3/2025).").background is False


def test_code_events_skips_related_links_glued_to_text():
    text = (
        "Baca juga: Polisi Tangkap Pelaku Penembakan di Medan\n"
        "Presiden Prabowo Subianto bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Jakarta. "
        "Baca juga: Israel Serang Gaza Lagi"
    )
    events = code(text)
    assert [e.type for e in events] == ["CONSULT"]
    assert "Baca" not in events[0].sentence


def test_code_events_sentence_offsets_index_the_text():
    text = "JAKARTA, KOMPAS.com - Hujan turun sejak pagi. Polisi menangkap tiga tersangka di Medan, Senin (3/3/2025)."
    article = Article(id="t", source="t.txt", body=(text,), published=PUBLISHED)
    (event,) = code_events(analyse_article(article))
    assert text[event.start : event.end] == event.sentence
    assert event.sentence.startswith("Polisi menangkap")


def test_baseline_codes_every_lexicon_sentence():
    article = Article(id="t", source="t.txt", body=("Polisi belum menangkap pelaku pembakaran itu.",), published=PUBLISHED)
    assert [e.type for e in baseline_events(analyse_article(article))] == ["COERCE"]


def test_code_events_bare_root_is_a_verb_only_in_headline_position():
    assert code("Sejumlah kritik muncul setelah keputusan itu diumumkan.") == ()
    event = only("Ratusan buruh menggelar demo di depan Balai Kota Bandung.")
    assert (event.type, event.actor) == ("PROTEST", "workers")


def test_code_events_nouns_of_detention_name_their_patient():
    assert code("Kuasa hukum membahas penahanan Buni Yani setelah sidang.") == ()
    event = only("Penahanan aktivis itu oleh polisi memicu kecaman.")
    assert (event.type, event.actor) == ("COERCE", "police")


def test_code_events_title_alone_names_the_person_the_article_gave_it():
    events = code("Presiden Prabowo Subianto tiba di Riyadh pada Selasa.\nPresiden kemudian bertemu Putra Mahkota Mohammed bin Salman.")
    assert [(e.type, e.actor, e.actor_text) for e in events][1:] == [("CONSULT", "Prabowo Subianto", "Presiden")]


def test_code_events_noun_with_modifier_and_clitic_actor():
    event = only("Kecaman resmi Riyadh terhadap Israel menjadi sorotan media.")
    assert (event.type, event.actor_text, event.recipient) == ("DISAPPROVE", "Riyadh", "Israel")
    event = only("Prabowo Subianto menyebut kunjungannya ke Jeddah membuahkan hasil.")
    assert (event.type, event.actor, event.location) == ("CONSULT", "Prabowo Subianto", "Jeddah")


@pytest.mark.parametrize(
    "text",
    [
        "“Jaga mereka, jangan sampai berdemonstrasi,” kata Soemitro.",  # a negated order's content
        "Sampai tanggal 10 Januari, demonstrasi mahasiswa belum meletus di Jakarta.",  # a noun, negated after it
        "Setiap warga yang berkunjung ke museum itu wajib membeli tiket.",  # a generality
    ],
)
def test_code_events_more_unasserted_kinds(text):
    assert code(text) == ()
