"""Indonesian quotation cues as data: speech verbs, relay phrases, pronouns (titles: `titles`).

The quotation extractor (`kabar.analyse.quotes`) reads only these tables, so a
new cue is a one-line change here (a new title, a row of titles.tsv), not a new branch in the code.
"""

from __future__ import annotations

from kabar.lang.id import titles

# Bare verb stems that follow a quotation and precede (or, with -nya, stand for)
# the speaker: "…," kata Xi / "…," ujarnya.
POST_CUES: frozenset[str] = frozenset(
    """
    kata ujar ungkap tutur ucap jelas tegas sebut tambah lanjut papar terang imbuh pungkas tanya tulis
    pesan seru sambung kilah timpal tandas beber urai cetus bilang jawab klaim pinta ajak harap
    tukas sergah ulas sahut keluh
    """.split()
)

# Stems that cue speech only with the clitic: "akunya" (bare "aku" is a pronoun).
CLITIC_ONLY_CUES: frozenset[str] = frozenset({"aku"})

# Speaker verbs that introduce reported (or quoted) speech: X mengatakan (bahwa) …
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    mengatakan menyatakan menegaskan menyebut menyebutkan menjelaskan mengungkapkan mengungkap menuturkan
    menambahkan melaporkan memaparkan menerangkan mengklaim membantah mengakui mengaku berjanji menyerukan
    mendesak memperingatkan menekankan menyampaikan berkata berujar berpendapat memastikan mengimbau
    menggambarkan mengkritik menyuarakan menulis memberitakan mengingatkan mengisyaratkan mengumumkan
    menilai menganggap mengeluhkan menuding menuduh menjanjikan mengusulkan menyarankan menolak
    membenarkan mengonfirmasi menyinggung mengajak meminta menanggapi berharap mengharapkan
    bertanya menanyakan mempertanyakan mencontohkan menceritakan mengisahkan mengutarakan
    mengemukakan menandaskan memaparkan mewanti-wanti menyayangkan menggarisbawahi sepakat bersepakat
    """.split()
)

# Light verbs that cue speech only with a speech noun and a "bahwa" clause:
# "Kim memberikan pesan kepada Xi bahwa …", "menyampaikan harapan bahwa …".
LIGHT_VERBS: frozenset[str] = frozenset("memberikan menyampaikan mengirim mengirimkan menyuarakan mengungkapkan".split())
SPEECH_NOUNS: frozenset[str] = frozenset(
    "pesan pernyataan keterangan harapan keyakinan peringatan jaminan janji apresiasi penegasan".split()
)

# Conjunctions that open a clause: its subject follows the last of them
# ("Permintaan itu disampaikan setelah Xi menyuarakan …" → "Xi").
SUBORDINATORS: frozenset[str] = frozenset(
    "setelah sebelum ketika saat karena sehingga bahwa sementara meski meskipun walaupun jika usai seusai sesudah tatkala".split()
)

# Verbs that may open a quotation only when the content is a quote or a "bahwa" clause:
# "menilai" is opinion ("X menilai langkah itu tepat") and is kept, but "meminta"
# takes an object more often than speech, so it needs "agar/supaya/bahwa" after it.
NEEDS_COMPLEMENT: frozenset[str] = frozenset(
    "meminta mengajak menanggapi berharap mengharapkan menolak menyinggung menjanjikan berjanji mendesak sepakat bersepakat".split()
)

# Nouns that may follow a speech verb before the content: "menyatakan komitmennya untuk …".
CUE_NOUNS: frozenset[str] = frozenset(
    """
    komitmennya keyakinan keyakinannya harapan harapannya keinginan keinginannya kekhawatiran
    kekhawatirannya pesannya keprihatinan keprihatinannya dukungan dukungannya
    """.split()
)

# "menurut X, …" and its variants; the cue is kept as written.
ACCORDING_TO: tuple[str, ...] = ("menurut laporan", "menurut keterangan", "menurut pernyataan", "menurut")

# Complementisers dropped from the start of indirect content.
COMPLEMENTISERS: frozenset[str] = frozenset({"bahwa", "bahwasanya", "untuk", "agar", "supaya"})

# Clitic forms that name the speaker by a pronoun: ujarnya = ujar + -nya.
CLITIC = "nya"

# Pronouns that refer back to an earlier speaker; plural ones to an earlier group. The personal ones
# may stand alone as the source after "menurut" ("Menurut dia banyak sekali kanal …").
PERSONAL_PRONOUNS: tuple[str, ...] = ("dia", "ia", "beliau", "mereka")
PRONOUNS: frozenset[str] = frozenset({*PERSONAL_PRONOUNS, "dirinya", "nya", "pihaknya"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"mereka"})
FIRST_PERSON: frozenset[str] = frozenset({"saya", "aku", "kami", "kita"})

# Words that end a speaker phrase after a post-quote cue: "kata Xi dalam suratnya".
SPEAKER_STOPS: frozenset[str] = frozenset(
    """
    dalam pada di kepada saat ketika seperti sebagaimana yang usai seusai setelah sebelum kemarin
    melalui lewat via dari soal terkait mengenai tentang sambil sembari menanggapi dengan sebelumnya
    hari tadi ini itu selasa senin rabu kamis jumat sabtu minggu lalu sesudah seraya menjelang
    saat-saat bahwa kala tatkala usai lantaran karena agar sejauh selama
    """.split()
)

# Sentence openers that are not part of a subject: "Sementara Xi mengatakan …".
CONNECTIVES: tuple[str, ...] = (
    "sementara itu",
    "selain itu",
    "di sisi lain",
    "di samping itu",
    "di lain pihak",
    "pada kesempatan itu",
    "hal senada",
    "dalam kesempatan itu",
    "dalam kesempatan yang sama",
    "lebih lanjut",
    "sementara",
    "namun",
    "tetapi",
    "adapun",
    "kemudian",
    "lalu",
    "sedangkan",
    "bahkan",
    "meski demikian",
    "oleh karena itu",
    "karena itu",
    "sebelumnya",
    "terpisah",
    "secara terpisah",
    "di tempat terpisah",
    "pun",
)

# Adverbs between a subject and its speech verb: "Xi juga mengatakan".
SUBJECT_ADVERBS: frozenset[str] = frozenset(
    "juga pun pernah telah sudah sempat kembali lantas bahkan kemudian lalu sebelumnya justru hanya tegas".split()
)

# Relay phrases: "seperti dilansir dari AP", "sebagaimana dikutip Reuters", "melansir CNN".
RELAY_VERBS: frozenset[str] = frozenset(
    """
    dilansir dikutip disitir dilaporkan diberitakan dinukil dirilis ditulis disiarkan
    melansir mengutip menyitir menukil memberitakan melaporkan
    """.split()
)
SOURCE_LINE = "sumber"
# Words before a relay verb: "seperti dilansir", "sebagaimana yang dikutip".
RELAY_OPENERS: tuple[str, ...] = ("seperti", "sebagaimana")
# Relay verbs whose agency carried the report it names (the outer channel: "dilansir CNN"), and the
# passive relay verbs that may trail a reported clause ("…, seperti dilaporkan Reuters").
OUTER_RELAY_VERBS: frozenset[str] = frozenset("dilansir dikutip disitir melansir mengutip menyitir dinukil menukil".split())
TRAILING_RELAY_VERBS: tuple[str, ...] = ("dilansir", "dikutip", "disitir", "dilaporkan", "diberitakan")
# Cues after a comma that end the reported words before them: "…, menurut KCNA", "…, kata dia".
TRAILING_CUES: tuple[str, ...] = ("menurut", "kata", "ujar")
# Words before an agency that make it an inner relay, the source another outlet relays: "menurut KCNA",
# "kata Xi, Kantor Berita resmi China Xinhua", "dari KCNA", "KCNA dan Xinhua".
INNER_RELAY_BEFORE: tuple[str, ...] = ("menurut laporan", "menurut", "kata", "ujar", "dari", "oleh", "dan")
# Verbs after an agency that make it the source of the report: "KCNA mengatakan", "Yonhap melaporkan".
INNER_RELAY_VERBS: tuple[str, ...] = (
    "mengatakan", "melaporkan", "memberitakan", "menyebutkan", "menyebut", "menyatakan", "menulis", "merilis", "mengutip",
)

# Words opening an adverbial between a speech verb and "bahwa": "mengatakan pada Selasa (23/3) bahwa".
ADVERBIAL_OPENERS: tuple[str, ...] = ("pada", "dalam", "kepada", "di", "saat", "ketika")
# Adverbials opening a reported clause that are not what was said: "dalam laporannya", "melalui
# sebuah pernyataan", "kepada wartawan" ("dalam laporannya pada Sabtu (26/11) surat itu …" → "surat itu …").
CHANNEL_PREPOSITIONS: tuple[str, ...] = ("dalam", "melalui", "lewat")
PRESS_AUDIENCES: tuple[str, ...] = ("wartawan", "media", "pers")
# Words after a quotation that point back at it before the cue: "“…” Demikian disampaikan X".
POINTERS_BACK: frozenset[str] = frozenset({"demikian", "begitu"})

# Conjunctions before a second verb of the same subject: "Xi menyambut baik pesan itu dan mengatakan …".
COORDINATORS: tuple[str, ...] = ("dan", "serta", "lalu", "kemudian")

# Words of a title or rank before a name: the name is what follows the last of them. From the one list
# of titles (titles.tsv): its titles' words and the words flagged "word" there.
TITLE_WORDS: frozenset[str] = titles.TITLE_WORDS

# Titles written in lower case before a name ("dr Tirta", "drg Widyawati"): a speaker's name runs over them.
LOWER_CASE_TITLES: frozenset[str] = frozenset({"dr", "drg"})

# Group words: "beberapa pakar", "para ahli" name a group speaker when no person is named.
GROUP_HEADS: frozenset[str] = frozenset(
    "para beberapa sejumlah banyak sebagian seorang kalangan pihak".split()
)

# Day and month names end a speaker phrase: "kata Rahmat Effendi, Rabu (27/5/2020)".
DATE_WORDS: frozenset[str] = frozenset(
    """
    senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei juni juli
    agustus september oktober november desember
    """.split()
)

# Modal and negation words: a phrase holding one is a clause, not a subject ("Pemerintah harus …").
CLAUSE_WORDS: frozenset[str] = frozenset(
    "harus akan belum tidak tak bisa dapat perlu ingin mau masih sedang boleh jangan sangat lebih adalah merupakan ialah bila jika kalau".split()
)

# Passive attributions that name the speaker of what came before:
# "Hal itu disampaikan Menteri Luar Negeri Retno Marsudi …", "Demikian dikatakan Ganjar."
PASSIVE_CUES: frozenset[str] = frozenset(
    "disampaikan diungkapkan dikatakan dijelaskan ditegaskan diutarakan dikemukakan disebutkan dipaparkan diucapkan".split()
)
ANAPHORIC_SUBJECTS: tuple[str, ...] = (
    "hal itu", "hal tersebut", "hal ini", "pernyataan itu", "pernyataan tersebut", "penjelasan itu",
    "penjelasan tersebut", "keterangan itu", "keterangan tersebut", "demikian",
)

# Capitalised sentence words that are never part of a name ("Menurut Fadil", "Sementara Xi").
NOT_NAMES: frozenset[str] = frozenset(
    "menurut disebutkan dilaporkan diketahui sedangkan kata saat tapi jika kalau".split()
)

# Words that cannot open a subject: "yang …", "hal ini …", "ada …".
NOT_SUBJECT_STARTS: frozenset[str] = frozenset("yang hal ini itu hingga sehingga ada".split())
