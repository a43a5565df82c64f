"""Rules added in the second pass through the PLOVER codebook (issue 19), each on sentences of our own:
travel as a visit, gatherings of protesters, what was agreed on, "kedua pemimpin", purpose
"untuk" against the preposition, generic subjects, the words added to the lexicon."""

from __future__ import annotations

import pytest

from tests.analyse.plover.test_coding import code


def kinds(text: str) -> list[tuple]:
    return [(e.type, e.mode, e.actor, e.recipient) for e in code(text)]


def test_travel_of_a_named_person_to_a_named_place_is_a_visit():
    assert kinds("Menteri Luar Negeri Sugiono tiba di Tokyo pada Senin (3/3/2025).") == [
        ("CONSULT", "visit", "Sugiono", "Tokyo")
    ]
    assert kinds("Tim SAR tiba di lokasi kejadian pada Senin pagi.") == []  # no named party, no named place


def test_a_gathering_is_a_protest_only_of_protesters():
    assert kinds("Ratusan demonstran berkumpul di depan Kedutaan Besar Amerika Serikat di Jakarta.") == [
        ("PROTEST", "demo", "demonstrators", None)
    ]
    assert kinds("Ratusan warga berkumpul di lapangan untuk salat Id.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Indonesia dan Jepang sepakat memperkuat kerja sama maritim.",
        "Indonesia dan Vietnam berkomitmen mendukung pembentukan zona ekonomi bersama.",
    ],
)
def test_what_was_agreed_on_is_the_agreement_not_a_second_event(text):
    assert [e.type for e in code(text)] == ["AGREE"]


def test_kedua_pemimpin_are_the_two_parties_named_before():
    events = code(
        "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta.\n"
        "Kedua pemimpin sepakat mempercepat perundingan perbatasan laut."
    )
    assert [(e.type, e.actor) for e in events][-1] == ("AGREE", ("Prabowo Subianto", "Anwar Ibrahim"))
    assert events[-1].actor_text == "Kedua pemimpin"


def test_untuk_is_a_purpose_only_before_a_verb():
    assert kinds("Seorang jurnalis yang bekerja untuk harian lokal ditangkap polisi di Makassar, Senin (3/3/2025).") == [
        ("COERCE", "arrest", "police", "journalists")
    ]
    assert code("Polisi datang ke rumah itu untuk menangkap pelaku.") == ()
    assert code("Perdana Menteri Malaysia Anwar Ibrahim menyampaikan harapan untuk segera melakukan kunjungan ke Jakarta.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Undang-undang itu mengatur hukuman penjara bagi siapa pun yang menghina lambang negara.",  # a rule
        '"Pak, tolong diamankan orang itu," ujar seorang warga.',  # a request
    ],
)
def test_rules_and_requests_are_no_events(text):
    assert code(text) == ()


def test_a_subjectless_report_shares_the_speakers_subject():
    assert kinds("Kejaksaan Agung mengatakan telah membuka penyelidikan atas dugaan korupsi impor gula.") == [
        ("INVESTIGATE", None, "Kejaksaan Agung", None)
    ]


def test_fronted_time_clause_does_not_lend_its_last_name_to_the_subject():
    assert kinds("Setelah rapat dibuka oleh ketua komisi, puluhan mahasiswa membentangkan spanduk di balkon ruang sidang.") == [
        ("PROTEST", "demo", "students", None)
    ]


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("Menteri Keuangan Sri Mulyani Indrawati menyesali ucapannya tentang guru honorer.", "CONCEDE",
         "Sri Mulyani Indrawati"),  # regret is a concession (codebook)
        ("Presiden Prabowo Subianto menerima sambungan telepon dari Perdana Menteri Jepang Shigeru Ishiba.",
         "CONSULT", "Prabowo Subianto"),
        ("Ketua DPR Puan Maharani kecewa kepada Menteri Pendidikan Nadiem Makarim.", "DISAPPROVE", "Puan Maharani"),
        ("Maskapai Garuda Indonesia mengeluarkan permohonan maaf kepada para penumpang.", "CONCEDE", "Garuda Indonesia"),
        ("Polisi menggerebek sebuah gudang narkoba di Medan.", "COERCE", "police"),
        ("Pemerintah Vietnam mencopot Wakil Perdana Menteri Tran Luu Quang dari jabatannya.", "SANCTION", "Vietnam"),
    ],
)
def test_words_added_from_the_codebook(text, type_, actor):
    events = code(text)
    assert [(e.type, e.actor) for e in events] == [(type_, actor)]


@pytest.mark.parametrize(
    "text",
    [
        "Warga sempat kecewa karena pagar kantor itu ditutup.",  # disappointment aimed at no one
        "Ia mempertanyakan mengapa hanya dua orang yang diproses hukum.",
    ],
)
def test_predicates_that_need_someone_they_are_aimed_at(text):
    assert code(text) == ()


def test_an_agency_suspecting_extortion_is_no_event_and_extortion_stays_a_crime():
    assert code("KPK menduga seorang pejabat kementerian memeras para calon pekerja asing.") == ()
    events = code("Seorang pejabat kementerian memeras para calon pekerja asing.")
    assert [(e.type, e.mode, e.actor) for e in events] == [("CRIME", "corruption", "officials")]


@pytest.mark.parametrize(
    "text",
    [
        '"Selama pertemuan itu, saya menangkap satu kesan penting," kata Luhut Binsar Pandjaitan.',  # grasp
        "Polisi akhirnya menyegel kemenangan dalam lomba itu.",  # seal a win
        "Menurut survei terbaru, enam dari sepuluh warga Prancis mendukung larangan merokok.",  # a poll
    ],
)
def test_everyday_senses_and_polls_are_no_events(text):
    assert [e.type for e in code(text) if e.type in {"COERCE", "SUPPORT"}] == []


def test_a_person_after_a_bracketed_short_form_is_the_actor():
    events = code("Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil Lahadalia menegur Direktur Utama PLN Darmawan Prasodjo.")
    assert [(e.type, e.actor, e.recipient) for e in events] == [("DISAPPROVE", "Bahlil Lahadalia", "Darmawan Prasodjo")]


def test_a_relative_clause_head_after_a_fronted_clause_stands_alone():
    events = code("Setelah Menteri Kebudayaan Fadli Zon selesai berbicara, massa yang hadir membentangkan spanduk hitam.")
    assert [(e.type, e.actor) for e in events] == [("PROTEST", "protesters")]


def test_a_place_after_a_riot_is_its_place_not_its_actor():
    events = code("Kerusuhan Paris memasuki hari ketiga pada Rabu.")
    assert [(e.type, e.mode, e.actor) for e in events] == [("PROTEST", "riot", "protesters")]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Ribuan mahasiswa menggelar protes di depan gedung parlemen di Bangkok.", "PROTEST"),  # held: a demonstration
        ("Kedutaan Besar Indonesia melayangkan protes kepada pemerintah Malaysia.", "DISAPPROVE"),  # lodged: a complaint
    ],
)
def test_the_noun_protes_held_or_lodged(text, type_):
    assert [e.type for e in code(text)] == [type_]


def test_a_band_of_people_is_an_actor():
    events = code("Pada Senin malam, sekelompok orang bertopeng menjarah sebuah toko elektronik di pusat kota Lyon.")
    assert [(e.type, e.actor, e.actor_text) for e in events] == [("CRIME", "people", "sekelompok orang")]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Aktivis Greenpeace memprotes rencana tambang nikel di Raja Ampat pada Selasa.", "PROTEST"),  # activists act
        ("Greenpeace melakukan aksi protesnya di depan gedung kementerian.", "PROTEST"),  # a clitic on a phrase
        ("Organisasi Greenpeace melayangkan protes kepada Kementerian Energi.", "DISAPPROVE"),  # a complaint
    ],
)
def test_a_protest_by_activists_is_a_demonstration(text, type_):
    assert [e.type for e in code(text)] == [type_]


def test_criticism_coming_from_someone():
    assert [(e.type, e.trigger) for e in code("Kritik datang dari sejumlah anggota parlemen Thailand.")] == [
        ("DISAPPROVE", "Kritik")
    ]


def test_stepping_down_needs_a_person():
    assert kinds("Perdana Menteri Jepang Shigeru Ishiba mundur setelah kekalahan partainya.") == [
        ("RETREAT", "resign", "Shigeru Ishiba", None)
    ]
    assert code("Jadwal sidang itu mundur ke pekan depan.") == ()


def test_mereka_is_the_body_named_last_never_one_person():
    events = code("Koalisi Masyarakat Sipil datang ke gedung DPR.\nMereka memprotes rancangan undang-undang itu.")
    assert [(e.type, e.actor) for e in events] == [("DISAPPROVE", "Koalisi Masyarakat Sipil")]
    assert code("Menteri Keuangan Sri Mulyani hadir.\nMereka mengecam kebijakan itu.") == ()


def test_protesters_blocking_a_road_obstruct_rather_than_repress():
    events = code("Massa memblokade dua lajur Jalan Medan Merdeka Selatan pada Selasa siang.")
    assert [(e.type, e.mode, e.actor) for e in events] == [("PROTEST", "obstruct", "protesters")]
    events = code("Polisi memblokade dua lajur Jalan Medan Merdeka Selatan pada Selasa siang.")
    assert [(e.type, e.mode) for e in events] == [("COERCE", "restrict")]


@pytest.mark.parametrize(
    "text",
    [
        "Kementerian Perhubungan telah menelaah tuntutan para pengemudi ojek daring secara menyeluruh.",
        "Pemerintah daerah menjawab tuntutan para buruh pabrik dengan kebijakan baru.",
    ],
)
def test_an_act_only_talked_about_is_no_event(text):
    assert [e.type for e in code(text)] == []
