"""Indonesian words that keep a predicate from being an asserted happening, and the
common nouns that name actors, as data for `kabar.analyse.plover`.

A predicate under one of these cues is talked about, not reported as done:
"Polisi *akan* menangkap…" (plan), "*tidak* menyerang" (negation), "*jika*
Iran menyerang" (condition), "mendesak Israel menghentikan serangan"
(appeal), "*diduga* menyerang" (allegation), "*biasanya*" (habit).
"""

from __future__ import annotations

# Words just before a predicate (a few words, no clause break) that deny it.
NEGATION: frozenset[str] = frozenset(
    "tidak tak tidaklah belum bukan bukanlah tanpa jangan enggan gagal urung batal menolak menampik membantah menyangkal".split()
)

# Modality, plans and schedules, intentions, purpose: the act has not (yet) happened.
MODAL: frozenset[str] = frozenset(
    """
    akan bakal hendak ingin mau berencana rencana rencananya direncanakan dijadwalkan terjadwal
    berniat bermaksud siap bersiap bersedia harus perlu wajib mesti seharusnya sebaiknya semestinya
    dapat bisa boleh mampu mungkin berupaya berusaha mencoba agar supaya untuk guna demi sanggup
    berencana berwacana wacana usulan mengusulkan menawarkan berjanji mengancam memperingatkan bertujuan
    """.split()
)

# Conditions and hypotheticals: everything after them in the sentence is unreal.
CONDITION: frozenset[str] = frozenset(
    "jika jikalau apabila bila kalau seandainya andaikan andai manakala asalkan sekiranya".split()
)

# Appeals: urging, calling on, asking (PLOVER drops CAMEO's appeals); what follows is asked for.
APPEAL: frozenset[str] = frozenset(
    """
    meminta minta mendesak menyerukan seruan mengimbau imbauan mengajak berharap mengharapkan harap
    memohon menganjurkan menyarankan mendorong permintaan desakan menagih menantang tolong harapan
    harapannya
    """.split()
)

# Predictions and fears.
PREDICTION: frozenset[str] = frozenset(
    "diperkirakan diprediksi diprediksikan kemungkinan berpotensi dikhawatirkan khawatir terancam memprediksi "
    "memperkirakan potensi".split()
)

# A party's narrative of what someone allegedly did: reported, not asserted.
ALLEGATION: frozenset[str] = frozenset(
    """
    diduga dugaan terduga menduga disangka disangkakan didakwa dakwaan tuduhan dituduh dituding tudingan
    konon kabarnya disebut disebut-sebut dikabarkan diklaim mengklaim klaim rumor isu mengaku dalih berdalih
    """.split()
)

# Habitual generalities.
HABITUAL: frozenset[str] = frozenset(
    "biasanya sering kerap selalu acap seringkali kerapkali lazimnya umumnya setiap siapapun barangsiapa".split()
)

# Subjects of a rule, not of a happening: "bagi siapa pun yang menghina …".
GENERIC_SUBJECTS: frozenset[str] = frozenset("siapa siapapun barangsiapa".split())

# Purpose words that are also prepositions ("bekerja untuk majalah itu"): a purpose only when
# right before the predicate ("untuk menangkap", "untuk segera menangkap").
PURPOSE_PREPOSITIONS: frozenset[str] = frozenset("untuk guna demi".split())
# Adverbs that may stand between a purpose word and its verb: "untuk segera melakukan …".
PURPOSE_ADVERBS: frozenset[str] = frozenset("segera kembali terus lebih langsung bersama-sama".split())

# "kedua pemimpin", "kedua pihak": the two parties named before, like "keduanya".
BOTH_PARTIES: frozenset[str] = frozenset("pemimpin pihak negara kepala presiden menteri delegasi belah tokoh".split())

# "Menurut survei …": what a poll or a study found is a statistic, not a happening.
STUDIES: frozenset[str] = frozenset("survei survey jajak riset penelitian studi kajian".split())

# Verbs that talk about an act named by a noun rather than report it: "menjawab tuntutan para
# sopir", "menghormati pemanggilan itu", "membahas perundingan tarif".
REFERRING: frozenset[str] = frozenset(
    """
    menjawab menanggapi merespons merespon mengomentari membahas menyoroti menghormati menelaah
    menindaklanjuti mencakup mempelajari mengkaji
    """.split()
)

# Opinion verbs: what follows is a view, not a report.
OPINION: frozenset[str] = frozenset("menilai menganggap berpendapat memandang meyakini percaya".split())

# Sport: attacks, defeats and withdrawals on a pitch or court are no political events.
SPORT: frozenset[str] = frozenset(
    """
    laga pertandingan gol turnamen klub babak kompetisi petenis pebulu tangkis pesepak striker skuad
    liga piala kejuaraan juara atlet pelatih tim timnas sepak bola kiper bek gelandang pemain pemainnya
    sepakbola sepakan penalti wasit imbang
    """.split()
)

# Words that open a new clause: a cue before them does not reach a predicate after them.
CLAUSE_OPENERS: frozenset[str] = frozenset(
    """
    setelah sebelum ketika saat sejak usai seusai sesudah karena sebab lantaran sehingga sementara
    namun tetapi tapi melainkan sedangkan padahal meski meskipun walaupun yang dan serta lalu kemudian
    hingga tatkala selagi selama sambil
    """.split()
)

# Words that mark a happening as past context rather than the article's news.
BACKGROUND: frozenset[str] = frozenset("pernah silam dahulu dulu sebelumnya".split())
BACKGROUND_PHRASES: tuple[str, ...] = ("kala itu", "saat itu", "beberapa tahun", "tahun lalu", "bulan lalu")

# Prepositions: a noun phrase after one of them is not a clause's subject.
PREPOSITIONS: frozenset[str] = frozenset(
    """
    di ke dari pada kepada dengan terhadap oleh untuk bagi tentang atas antara menurut dalam
    melalui lewat soal terkait mengenai sebagai seperti bersama akibat karena usai pasca
    """.split()
)

# Personal pronouns that stand for an actor named earlier.
PRONOUNS: frozenset[str] = frozenset("ia dia beliau mereka keduanya pihaknya kami kita saya".split())
PLURAL_PRONOUNS: frozenset[str] = frozenset("mereka keduanya kami kita".split())

# Common nouns that name actors (lower-case head word → English), for actors no entity covers.
GROUPS: dict[str, str] = {
    "polisi": "police", "kepolisian": "police", "aparat": "security forces", "polri": "Indonesian National Police",
    "tentara": "soldiers", "pasukan": "troops", "militer": "military", "tni": "Indonesian National Armed Forces",
    "jaksa": "prosecutors", "kejaksaan": "prosecutors", "penyidik": "investigators", "hakim": "judges",
    "pengadilan": "court", "majelis": "panel of judges", "pemerintah": "government", "parlemen": "parliament",
    "massa": "protesters", "demonstran": "demonstrators", "pengunjuk": "protesters", "mahasiswa": "students",
    "buruh": "workers", "pekerja": "workers", "warga": "residents", "penduduk": "residents",
    "petani": "farmers", "nelayan": "fishermen", "sopir": "drivers", "pengemudi": "drivers",
    "tersangka": "suspects", "pelaku": "perpetrators", "terdakwa": "defendant", "korban": "victims",
    "pejabat": "officials", "diplomat": "diplomats", "pemberontak": "rebels", "milisi": "militia",
    "militan": "militants", "pengungsi": "refugees", "jurnalis": "journalists", "wartawan": "journalists",
    "sandera": "hostages", "tahanan": "detainees", "pendukung": "supporters", "aktivis": "activists",
    "negara": "states", "delegasi": "delegation", "orang": "people", "aktifis": "activists",
}

# Words after a numeral or quantifier that still belong to the noun phrase ("tiga tersangka").
QUANTIFIERS: frozenset[str] = frozenset(
    "para kedua ketiga sejumlah sekelompok segelintir beberapa ratusan ribuan puluhan banyak seorang dua tiga empat lima enam tujuh delapan sembilan "
    "sepuluh".split()
)
