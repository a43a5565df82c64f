"""Indonesian event predicates for PLOVER coding, as data.

Each entry is a root with the derivations Indonesian builds from it and the
PLOVER type and mode they name. The engine (`kabar.analyse.plover.morph`)
spells the derived words out (meN- with its nasal assimilation, di-, ter-,
ber-, peN-/per-…-an, -kan, -i), so an entry such as ``("tangkap", "meN di
peN-an", "COERCE", "arrest")`` covers *menangkap*, *ditangkap*,
*penangkapan*. Categories follow the PLOVER codebook's definitions (Open Event
Data Alliance): verbal acts PLOVER codes (condemn, praise, sign, offer,
refuse, demand, threaten, apologise) are here; plain statements, appeals and
expressions of concern are not (they are cues in `plover_cues`).

How the list was built (docs/events.md): category by category from the PLOVER manual's
definitions, ambiguities and mode tables and CAMEO's verb patterns, then checked against the
frequent verbs of IndoSum (CC BY-SA) and the events coded on events2 (no PLOVER gold), where
everyday senses were dropped or guarded. No word was added because a plover gold record needed it.

Form codes:
  0        the bare root as a verb (news headlines and post-quote verbs: "kecam X")
  meN      active transitive, with -kan / -i: meN-kan, meN-i
  di       passive, with di-kan / di-i
  ter      agentless passive / accidental (tertangkap)
  ber      intransitive (bertemu, berunjuk rasa)
  memper-kan  causative (mempersoalkan)
  peN-an   the act as a noun (penangkapan), per-an (pertemuan), -an (serangan), ke-an
"""

from __future__ import annotations

# (root, forms, type, mode): mode None when the word does not say it.
PREDICATES: tuple[tuple[str, str, str, str | None], ...] = (
    # AGREE: offers, pledges, promises, agreements reached
    ("sanggup", "meN-i", "AGREE", None),  # menyanggupi: agree to do
    ("janji", "ber meN-kan", "AGREE", None),
    ("tawar", "meN-kan -an", "AGREE", None),
    ("sepakat", "0 ber meN-i ke-an di-i", "AGREE", None),
    ("setuju", "0 meN-i di-i", "AGREE", None),
    ("ikrar", "ber meN-kan", "AGREE", None),
    ("komitmen", "ber", "AGREE", None),
    # CONSULT: meetings, visits, calls, talks, mediation
    ("sua", "ber", "CONSULT", "meet"),
    ("jumpa", "ber meN-i", "CONSULT", "meet"),
    ("sowan", "0", "CONSULT", "visit"),
    ("temu", "ber meN-i per-an", "CONSULT", "meet"),
    ("kunjung", "ber meN-i -an", "CONSULT", "visit"),
    ("lawat", "meN -an", "CONSULT", "visit"),
    ("tandang", "ber", "CONSULT", "visit"),
    ("jamu", "meN", "CONSULT", "host"),
    ("telepon", "meN ber", "CONSULT", "phone"),
    ("runding", "ber peN-an per-an", "CONSULT", "meet"),
    ("negosiasi", "ber", "CONSULT", "meet"),
    ("dialog", "ber", "CONSULT", "meet"),
    ("diskusi", "ber", "CONSULT", "meet"),
    ("bincang", "ber per-an", "CONSULT", "meet"),
    ("silaturahmi", "ber", "CONSULT", "meet"),
    ("sambang", "meN-i", "CONSULT", "visit"),
    ("hubung", "meN-i", "CONSULT", None),
    ("konsultasi", "ber", "CONSULT", None),
    ("mediasi", "meN", "CONSULT", "third-party"),
    ("tengah", "meN-i", "CONSULT", "third-party"),
    # SUPPORT: praise, thanks, welcome, endorsement, signing
    ("ratifikasi", "meN di", "SUPPORT", None),
    ("puji", "0 meN -an di", "SUPPORT", None),
    ("apresiasi", "0 meN", "SUPPORT", None),
    ("dukung", "meN", "SUPPORT", None),
    ("sambut", "meN", "SUPPORT", None),
    ("tandatangan", "meN-i di-i peN-an", "SUPPORT", None),
    ("teken", "0 meN di", "SUPPORT", None),
    ("restu", "meN-i", "SUPPORT", None),
    ("sah", "meN-kan di-kan peN-an", "SUPPORT", None),
    ("anugerah", "meN-i meN-kan", "SUPPORT", None),
    # COOPERATE
    ("mitra", "ber ke-an", "COOPERATE", None),
    ("kolaborasi", "ber", "COOPERATE", None),
    ("ekstradisi", "meN di", "COOPERATE", None),
    # AID: the noun "bantuan" with a verb of giving is a phrase below
    ("sumbang", "meN-kan", "AID", None),
    ("donasi", "meN-kan", "AID", "economic"),
    ("hibah", "meN-kan", "AID", None),
    # CONCEDE: apologies, acquittals, sentence cuts, yielding
    ("sesal", "meN meN-i peN-an", "CONCEDE", None),  # regret for one's own act (codebook: CONCEDE)
    ("ampun", "meN-i peN-an", "CONCEDE", None),  # pardon
    ("remisi", "0", "CONCEDE", None),
    ("longgar", "meN-kan di-kan peN-an", "CONCEDE", None),  # easing restrictions
    ("alah", "meN", "CONCEDE", None),
    ("grasi", "0", "CONCEDE", None),
    ("kabul", "meN-kan di-kan", "CONCEDE", None),
    ("amnesti", "0", "CONCEDE", None),
    ("abolisi", "0", "CONCEDE", None),
    # RETREAT
    ("lengser", "0", "RETREAT", "resign"),
    ("lucut", "meN-i", "RETREAT", "disarm"),
    # INVESTIGATE
    ("audit", "meN di", "INVESTIGATE", None),
    ("periksa", "meN di peN-an", "INVESTIGATE", None),
    ("selidik", "meN-i di-i peN-an", "INVESTIGATE", None),
    ("sidik", "meN peN-an", "INVESTIGATE", None),
    ("usut", "meN di peN-an", "INVESTIGATE", None),
    ("investigasi", "meN di", "INVESTIGATE", None),
    ("interogasi", "meN di", "INVESTIGATE", None),
    ("panggil", "di peN-an", "INVESTIGATE", None),
    ("dalam", "meN-i", "INVESTIGATE", None),
    ("telusur", "meN-i di-i peN-an", "INVESTIGATE", None),
    # DEMAND: orders and demands (appeals are cues, not events)
    ("tuntut", "meN -an", "DEMAND", None),
    ("perintah", "meN-kan di-kan", "DEMAND", None),
    ("instruksi", "meN-kan", "DEMAND", None),
    ("ultimatum", "0", "DEMAND", None),
    # DISAPPROVE: condemnation, criticism, accusation, lawsuits, naming suspects
    ("tanya", "memper-kan", "DISAPPROVE", None),  # mempertanyakan: challenge
    ("adu", "meN-kan di-kan", "DISAPPROVE", "allege"),  # a complaint lodged against someone
    ("hujat", "meN di -an", "DISAPPROVE", None),
    ("cibir", "meN", "DISAPPROVE", None),
    ("sentil", "meN", "DISAPPROVE", None),
    ("marah", "meN-i di-i", "DISAPPROVE", None),  # scold
    ("semprot", "meN di", "DISAPPROVE", None),  # scold (news slang)
    ("damprat", "meN di", "DISAPPROVE", None),
    ("fitnah", "meN di", "DISAPPROVE", "allege"),
    ("somasi", "0 meN di", "DISAPPROVE", "allege"),
    ("kecam", "0 meN -an di", "DISAPPROVE", None),
    ("kritik", "0 meN -an di", "DISAPPROVE", None),
    ("kutuk", "0 meN -an", "DISAPPROVE", None),
    ("sesal", "meN-kan", "DISAPPROVE", None),
    ("sayang", "meN-kan", "DISAPPROVE", None),
    ("salah", "meN-kan", "DISAPPROVE", None),
    ("tuduh", "0 meN -an di", "DISAPPROVE", "allege"),
    ("tuding", "0 meN -an di", "DISAPPROVE", "allege"),
    ("keluh", "meN-kan", "DISAPPROVE", None),
    ("tegur", "meN di -an", "DISAPPROVE", None),
    ("hina", "meN", "DISAPPROVE", None),
    ("cela", "meN", "DISAPPROVE", None),
    ("soal", "memper-kan", "DISAPPROVE", None),
    ("gugat", "0 meN -an di", "DISAPPROVE", None),
    ("protes", "0 meN", "DISAPPROVE", None),
    ("tentang", "meN", "DISAPPROVE", None),
    ("sindir", "0 meN", "DISAPPROVE", None),
    ("ejek", "meN", "DISAPPROVE", None),
    ("cemooh", "meN", "DISAPPROVE", None),
    ("dakwa", "meN di", "DISAPPROVE", "allege"),
    # REJECT
    ("bangkang", "meN peN-an", "REJECT", None),  # defy
    ("tolak", "0 meN peN-an di", "REJECT", None),
    ("veto", "meN di", "REJECT", None),
    # THREATEN
    ("ancam", "0 meN di -an", "THREATEN", None),
    ("gertak", "meN", "THREATEN", None),
    ("peringat", "meN-kan", "THREATEN", None),
    # PROTEST
    ("walkout", "0", "PROTEST", "demo"),
    ("kumpul", "ber", "PROTEST", "demo"),  # only with protesters as the subject (GATHERING below)
    ("kerumun", "ber", "PROTEST", "demo"),
    ("padat", "meN-i", "PROTEST", "demo"),
    ("demonstrasi", "0 ber", "PROTEST", "demo"),
    ("geruduk", "meN di", "PROTEST", "demo"),
    ("demo", "0 ber", "PROTEST", "demo"),
    ("boikot", "0 meN di", "PROTEST", "boycott"),
    ("rusuh", "ke-an", "PROTEST", "riot"),
    ("orasi", "ber", "PROTEST", "demo"),
    ("mogok", "0", "PROTEST", "strike"),
    # MOBILIZE
    ("siaga", "ber", "MOBILIZE", None),
    ("kerah", "meN-kan di-kan peN-an", "MOBILIZE", None),
    ("siaga", "meN-kan di-kan", "MOBILIZE", None),
    ("mobilisasi", "meN", "MOBILIZE", None),
    ("terjun", "meN-kan di-kan", "MOBILIZE", None),
    # SANCTION
    ("copot", "meN di peN-an", "SANCTION", None),  # removal from office
    ("tangguh", "meN-kan di-kan peN-an", "SANCTION", "discontinue"),  # suspend
    ("skors", "meN di", "SANCTION", None),
    ("sanksi", "meN di", "SANCTION", None),
    ("vonis", "0 meN di", "SANCTION", "convict"),
    ("hukum", "meN di", "SANCTION", "convict"),
    ("pecat", "meN di peN-an", "SANCTION", None),
    ("bekukan", "meN di", "SANCTION", None),
    ("embargo", "meN", "SANCTION", None),
    # COERCE
    ("ciduk", "meN di", "COERCE", "arrest"),
    ("gerebek", "meN di peN-an", "COERCE", "seize"),
    ("penjara", "meN-kan di-kan", "COERCE", "arrest"),
    ("bui", "di", "COERCE", "arrest"),
    ("jebloskan", "meN di", "COERCE", "arrest"),
    ("bredel", "meN di peN-an", "COERCE", "censor"),
    ("tangkap", "meN di ter peN-an", "COERCE", "arrest"),
    ("tahan", "di peN-an", "COERCE", "arrest"),
    ("bekuk", "meN di", "COERCE", "arrest"),
    ("ringkus", "meN di", "COERCE", "arrest"),
    ("sita", "meN di peN-an", "COERCE", "seize"),
    ("geledah", "meN di peN-an", "COERCE", "seize"),
    ("blokir", "meN di peN-an", "COERCE", "restrict"),
    ("larang", "meN di -an", "COERCE", "ban"),
    ("deportasi", "meN di", "COERCE", "deport"),
    ("usir", "meN di peN-an", "COERCE", "deport"),
    ("sensor", "meN", "COERCE", "censor"),
    ("cekal", "meN di peN-an", "COERCE", "restrict"),
    ("gusur", "meN di peN-an", "COERCE", "restrict"),
    ("segel", "meN di peN-an", "COERCE", "restrict"),
    ("batas", "meN-i di-i peN-an", "COERCE", "restrict"),
    ("razia", "meN", "COERCE", None),
    ("tindak", "meN", "COERCE", None),
    ("tertib", "meN-kan peN-an", "COERCE", "restrict"),
    ("bubar", "meN-kan di-kan peN-an", "COERCE", "restrict"),
    # ASSAULT: one-sided violence
    ("culik", "meN di peN-an", "CRIME", "abduct"),
    ("sandera", "meN di peN-an", "ASSAULT", "abduct"),
    ("pukul", "meN di peN-an", "CRIME", "assault"),
    ("aniaya", "meN di peN-an", "CRIME", "assault"),
    ("siksa", "meN di peN-an", "ASSAULT", "torture"),
    ("eksekusi", "meN di", "ASSAULT", "execute"),
    ("bantai", "meN di peN-an", "ASSAULT", None),
    ("bom", "di peN-an", "ASSAULT", "explosives"),
    ("ledak", "meN-kan di-kan", "ASSAULT", "explosives"),
    ("tembak", "meN meN-i meN-kan di di-i peN-an", "ASSAULT", "firearms"),
    # FIGHT: armed force between organised forces
    ("serbu", "meN di -an peN-an", "FIGHT", None),
    ("perang", "ber", "FIGHT", None),
    ("caplok", "meN di peN-an", "FIGHT", "occupy"),
    ("aneksasi", "meN di", "FIGHT", "occupy"),
    ("serang", "0 meN di -an peN-an", "FIGHT", None),
    ("gempur", "meN di -an", "FIGHT", None),
    ("bombardir", "meN di", "FIGHT", "aerial"),
    ("tempur", "ber per-an", "FIGHT", None),
    ("invasi", "meN", "FIGHT", "occupy"),
    ("duduk", "meN-i peN-an", "FIGHT", "occupy"),
    ("bentrok", "0 -an", "FIGHT", None),
    # CRIME: non-political violence, theft, hacking
    ("tipu", "meN di peN-an", "CRIME", None),
    ("gelap", "meN-kan di-kan peN-an", "CRIME", "corruption"),  # embezzle
    ("suap", "meN di peN-an", "CRIME", "corruption"),
    ("peras", "meN di peN-an", "CRIME", "corruption"),
    ("begal", "meN di peN-an", "CRIME", "theft"),
    ("keroyok", "meN di peN-an", "CRIME", "assault"),
    ("bacok", "meN di peN-an", "CRIME", "assault"),
    ("tikam", "meN di peN-an", "CRIME", "assault"),
    ("selundup", "meN-kan di-kan peN-an", "CRIME", None),
    ("bunuh", "meN di peN-an", "CRIME", "murder"),
    ("curi", "meN di peN-an", "CRIME", "theft"),
    ("rampok", "meN di peN-an", "CRIME", "theft"),
    ("jarah", "meN di peN-an", "CRIME", "theft"),
    ("retas", "meN di peN-an", "CRIME", "cyber"),
    ("perkosa", "meN di peN-an", "CRIME", "assault"),
)

# Whole words outside the regular derivations: (word, type, mode, voice).
EXTRA_WORDS: tuple[tuple[str, str, str | None, str], ...] = (
    ("mengebom", "ASSAULT", "explosives", "active"),
    ("pengeboman", "ASSAULT", "explosives", "nominal"),
    ("membom", "ASSAULT", "explosives", "active"),
    ("memprotes", "DISAPPROVE", None, "active"),
    ("mengkritik", "DISAPPROVE", None, "active"),
    ("mengkritisi", "DISAPPROVE", None, "active"),
    ("mengritik", "DISAPPROVE", None, "active"),
    ("unjuk-rasa", "PROTEST", "demo", "nominal"),
    ("menginvasi", "FIGHT", "occupy", "active"),
    ("mendemo", "PROTEST", "demo", "active"),
    ("bekerjasama", "COOPERATE", None, "active"),
    ("mengundurkan", "RETREAT", "resign", "active"),
    ("pengunduran", "RETREAT", "resign", "nominal"),
    ("menyanksi", "SANCTION", None, "active"),
    ("diamankan", "COERCE", "arrest", "passive"),
    ("dibebaskan", "RETREAT", "release", "passive"),
    ("membebaskan", "RETREAT", "release", "active"),
    ("pembebasan", "RETREAT", "release", "nominal"),
    ("memblokade", "COERCE", "restrict", "active"),
    ("diblokade", "COERCE", "restrict", "passive"),
    ("memberhentikan", "SANCTION", None, "active"),  # dismiss from office (ber-…-kan of henti)
    ("diberhentikan", "SANCTION", None, "passive"),
    ("pemberhentian", "SANCTION", None, "nominal"),
    ("pembicaraan", "CONSULT", "meet", "nominal"),
    ("mundur", "RETREAT", "resign", "active"),  # a person stepping down ("mundur dari" is a phrase)
    ("kecewa", "DISAPPROVE", None, "active"),  # disappointment voiced at someone (an adjective as predicate)
    ("kekecewaan", "DISAPPROVE", None, "nominal"),  # talks (bicara: "berbicara" alone is just speaking)
    ("dipidana", "SANCTION", "convict", "passive"),
    ("mempolisikan", "DISAPPROVE", "allege", "active"),  # report someone to the police (loan root keeps p-)
    ("memolisikan", "DISAPPROVE", "allege", "active"),
    ("dipolisikan", "DISAPPROVE", "allege", "passive"),
)

# Multi-word predicates, matched on lower-cased words: (phrase, type, mode, voice).
# Listed before the single words they contain, which they override.
PHRASES: tuple[tuple[str, str, str | None, str], ...] = (
    ("minta maaf", "CONCEDE", None, "active"),
    ("meminta maaf", "CONCEDE", None, "active"),
    ("memohon maaf", "CONCEDE", None, "active"),
    ("permintaan maaf", "CONCEDE", None, "nominal"),
    ("mengaku salah", "CONCEDE", None, "active"),
    ("mengakui kesalahan", "CONCEDE", None, "active"),
    ("vonis bebas", "CONCEDE", None, "nominal"),
    ("divonis bebas", "CONCEDE", None, "passive"),
    ("putusan bebas", "CONCEDE", None, "nominal"),
    ("keringanan hukuman", "CONCEDE", None, "nominal"),
    ("mengurangi hukuman", "CONCEDE", None, "active"),
    ("menerima usulan", "CONCEDE", None, "active"),
    ("menerima tawaran", "CONCEDE", None, "active"),
    ("menerima proposal", "CONCEDE", None, "active"),
    ("menerima gencatan senjata", "CONCEDE", None, "active"),
    ("menyetujui gencatan senjata", "CONCEDE", None, "active"),
    ("menyepakati gencatan senjata", "CONCEDE", None, "active"),
    ("sepakat gencatan senjata", "CONCEDE", None, "active"),
    ("mengumumkan gencatan senjata", "CONCEDE", None, "active"),
    ("gencatan senjata berlaku", "RETREAT", "ceasefire", "active"),
    ("gencatan senjata mulai berlaku", "RETREAT", "ceasefire", "active"),
    ("mencabut sanksi", "CONCEDE", None, "active"),
    ("mencabut larangan", "CONCEDE", None, "active"),
    ("mencabut blokade", "RETREAT", "access", "active"),
    ("membuka akses", "RETREAT", "access", "active"),
    ("menarik pasukan", "RETREAT", "withdraw", "active"),
    ("menarik mundur", "RETREAT", "withdraw", "active"),
    ("menarik diri", "RETREAT", "withdraw", "active"),
    ("penarikan pasukan", "RETREAT", "withdraw", "nominal"),
    ("mundur dari", "RETREAT", "resign", "active"),
    ("membebaskan sandera", "RETREAT", "release", "active"),
    ("membebaskan tahanan", "RETREAT", "release", "active"),
    ("pembebasan sandera", "RETREAT", "release", "nominal"),
    ("pembebasan tahanan", "RETREAT", "release", "nominal"),
    ("dibebaskan dari dakwaan", "CONCEDE", None, "passive"),
    ("dibebaskan dari tuntutan", "CONCEDE", None, "passive"),
    ("dibebaskan dari semua dakwaan", "CONCEDE", None, "passive"),
    ("dibebaskan dari semua tuntutan", "CONCEDE", None, "passive"),
    ("dibebaskan dari segala dakwaan", "CONCEDE", None, "passive"),
    ("dibebaskan dari segala tuntutan", "CONCEDE", None, "passive"),
    ("bebas dari dakwaan", "CONCEDE", None, "passive"),
    ("bebas dari tuntutan", "CONCEDE", None, "passive"),
    ("menarik duta besar", "SANCTION", "withdraw", "active"),
    ("memutus hubungan", "SANCTION", "discontinue", "active"),
    ("memutuskan hubungan", "SANCTION", "discontinue", "active"),
    ("pemutusan hubungan diplomatik", "SANCTION", "discontinue", "nominal"),
    ("menjatuhkan sanksi", "SANCTION", None, "active"),
    ("menjatuhkan hukuman", "SANCTION", "convict", "active"),
    ("menjatuhi hukuman", "SANCTION", "convict", "active"),
    ("dijatuhi hukuman", "SANCTION", "convict", "passive"),
    ("memberlakukan sanksi", "SANCTION", None, "active"),
    ("mengenakan tarif", "SANCTION", None, "active"),
    ("mengenakan sanksi", "SANCTION", None, "active"),
    ("menetapkan tersangka", "DISAPPROVE", "allege", "active"),
    ("ditetapkan sebagai tersangka", "DISAPPROVE", "allege", "passive"),
    ("ditetapkan tersangka", "DISAPPROVE", "allege", "passive"),
    ("penetapan tersangka", "DISAPPROVE", "allege", "nominal"),
    ("berterima kasih", "SUPPORT", None, "active"),
    ("mengucapkan terima kasih", "SUPPORT", None, "active"),
    ("menyampaikan terima kasih", "SUPPORT", None, "active"),
    ("mengucapkan selamat", "SUPPORT", None, "active"),
    ("memberi selamat", "SUPPORT", None, "active"),
    ("memberikan selamat", "SUPPORT", None, "active"),
    ("menyambut baik", "SUPPORT", None, "active"),
    ("bertukar pesan", "CONSULT", None, "active"),
    ("bertukar surat", "CONSULT", None, "active"),
    ("berbicara melalui telepon", "CONSULT", "phone", "active"),
    ("berbicara lewat telepon", "CONSULT", "phone", "active"),
    ("berbicara dengan", "CONSULT", None, "active"),
    ("bertatap muka", "CONSULT", "meet", "active"),
    ("tatap muka", "CONSULT", "meet", "nominal"),
    ("mengirim surat", "CONSULT", None, "active"),
    ("mengirimkan surat", "CONSULT", None, "active"),
    ("nota protes", "DISAPPROVE", None, "nominal"),
    ("memanggil duta besar", "DISAPPROVE", None, "active"),
    ("ucapan selamat", "SUPPORT", None, "nominal"),
    ("meminta keterangan", "INVESTIGATE", None, "active"),
    ("dimintai keterangan", "INVESTIGATE", None, "passive"),
    ("menghentikan serangan", "RETREAT", "ceasefire", "active"),
    ("menghentikan operasi militer", "RETREAT", "ceasefire", "active"),
    ("menghentikan perang", "RETREAT", "ceasefire", "active"),
    ("panggilan telepon", "CONSULT", "phone", "nominal"),
    ("percakapan telepon", "CONSULT", "phone", "nominal"),
    ("menerima kunjungan", "CONSULT", "host", "active"),
    ("bekerja sama", "COOPERATE", None, "active"),
    ("kerja sama", "COOPERATE", None, "nominal"),
    ("mengirim bantuan", "AID", None, "active"),
    ("mengirimkan bantuan", "AID", None, "active"),
    ("menyalurkan bantuan", "AID", None, "active"),
    ("memberikan bantuan", "AID", None, "active"),
    ("memberi bantuan", "AID", None, "active"),
    ("mengucurkan bantuan", "AID", None, "active"),
    ("menyumbangkan dana", "AID", "economic", "active"),
    ("menyumbangkan bantuan", "AID", None, "active"),
    ("memberikan suaka", "AID", "asylum", "active"),
    ("unjuk rasa", "PROTEST", "demo", "nominal"),
    ("berunjuk rasa", "PROTEST", "demo", "active"),
    ("aksi protes", "PROTEST", "demo", "nominal"),
    ("aksi demo", "PROTEST", "demo", "nominal"),
    ("aksi massa", "PROTEST", "demo", "nominal"),
    ("turun ke jalan", "PROTEST", "demo", "active"),
    ("mogok makan", "PROTEST", "hunger", "active"),
    ("mogok kerja", "PROTEST", "strike", "active"),
    ("mengerahkan pasukan", "MOBILIZE", "troops", "active"),
    ("mengirim pasukan", "MOBILIZE", "troops", "active"),
    ("mengirimkan pasukan", "MOBILIZE", "troops", "active"),
    ("menempatkan pasukan", "MOBILIZE", "troops", "active"),
    ("jam malam", "COERCE", "curfew", "nominal"),
    ("darurat militer", "COERCE", "martial-law", "nominal"),
    ("menutup perbatasan", "COERCE", "restrict", "active"),
    ("menutup wilayah udara", "COERCE", "restrict", "active"),
    ("menahan bantuan", "COERCE", "withhold", "active"),
    ("memblokir bantuan", "COERCE", "withhold", "active"),
    ("menembak mati", "ASSAULT", "firearms", "active"),
    ("ditembak mati", "ASSAULT", "firearms", "passive"),
    ("bom bunuh diri", "ASSAULT", "explosives", "nominal"),
    ("serangan udara", "FIGHT", "aerial", "nominal"),
    ("serangan rudal", "FIGHT", "heavy-weapons", "nominal"),
    ("serangan drone", "FIGHT", "drone", "nominal"),
    ("meluncurkan rudal", "FIGHT", "heavy-weapons", "active"),
    ("menembakkan rudal", "FIGHT", "heavy-weapons", "active"),
    ("baku tembak", "FIGHT", "firearms", "nominal"),
    ("menembak jatuh", "FIGHT", None, "active"),
    ("menjatuhkan bom", "FIGHT", "aerial", "active"),
    ("membalas serangan", "FIGHT", None, "active"),
    ("serangan balasan", "FIGHT", None, "nominal"),
    # Second pass through the codebook's categories (see the module docstring).
    ("mengakui kedaulatan", "SUPPORT", None, "active"),  # recognition of a state
    ("mengakui kemerdekaan", "SUPPORT", None, "active"),
    ("mengakui negara", "SUPPORT", None, "active"),
    ("mengakui kekalahan", "CONCEDE", None, "active"),
    ("mencabut gugatan", "CONCEDE", None, "active"),  # withdrawing a demand or a suit
    ("mencabut laporan", "CONCEDE", None, "active"),
    ("mencabut tuntutan", "CONCEDE", None, "active"),
    ("mencabut kebijakan", "CONCEDE", None, "active"),
    ("membatalkan kebijakan", "CONCEDE", None, "active"),
    ("menangguhkan penahanan", "CONCEDE", None, "active"),
    ("penangguhan penahanan", "CONCEDE", None, "nominal"),
    ("membatalkan kunjungan", "REJECT", None, "active"),  # cancelled meetings are REJECT
    ("membatalkan pertemuan", "REJECT", None, "active"),
    ("mencabut izin", "SANCTION", None, "active"),
    ("mencabut kewarganegaraan", "SANCTION", None, "active"),
    ("mengusir duta besar", "SANCTION", "expel", "active"),  # diplomats expelled: SANCTION, not COERCE
    ("mengusir diplomat", "SANCTION", "expel", "active"),
    ("persona non grata", "SANCTION", "expel", "nominal"),
    ("memanggil pulang duta besar", "SANCTION", "withdraw", "active"),
    ("memutus kontrak", "SANCTION", "discontinue", "active"),
    ("memutuskan kontrak", "SANCTION", "discontinue", "active"),
    ("meletakkan senjata", "RETREAT", "disarm", "active"),
    ("mengakhiri perang", "RETREAT", "ceasefire", "active"),
    ("mengakhiri operasi militer", "RETREAT", "ceasefire", "active"),
    ("menyatakan keberatan", "DISAPPROVE", None, "active"),
    ("latihan militer", "MOBILIZE", "troops", "nominal"),  # one country's exercise
    ("latihan perang", "MOBILIZE", "troops", "nominal"),
    ("latihan bersama", "COOPERATE", None, "nominal"),  # joint exercises
    ("latihan gabungan", "COOPERATE", None, "nominal"),
    ("patroli bersama", "COOPERATE", None, "nominal"),
    ("menurunkan pasukan", "MOBILIZE", "troops", "active"),
    ("menurunkan personel", "MOBILIZE", "police", "active"),
    ("kontak senjata", "FIGHT", "firearms", "nominal"),
    ("agresi militer", "FIGHT", None, "nominal"),
    ("memberikan pinjaman", "AID", "economic", "active"),
    ("memberi pinjaman", "AID", "economic", "active"),
    ("menampung pengungsi", "AID", "asylum", "active"),
    ("menembakkan gas air mata", "ASSAULT", "crowd-control", "active"),
    ("gas air mata", "ASSAULT", "crowd-control", "nominal"),
    ("meriam air", "ASSAULT", "crowd-control", "nominal"),
    ("pelecehan seksual", "CRIME", "sexual", "nominal"),
    ("sambungan telepon", "CONSULT", "phone", "nominal"),
    ("menerima telepon", "CONSULT", "phone", "active"),
    ("bertukar pandangan", "CONSULT", None, "active"),
    ("bertukar pikiran", "CONSULT", None, "active"),
    ("permohonan maaf", "CONCEDE", None, "nominal"),
    ("membentangkan spanduk", "PROTEST", "demo", "active"),
    ("membentangkan poster", "PROTEST", "demo", "active"),
    ("menggantungkan spanduk", "PROTEST", "demo", "active"),
    # Travel of a delegation is a visit (CAMEO codes "arrive in", "leave for" as a visit); coded only
    # with a named person going to a named place (TRAVEL below).
    ("tiba di", "CONSULT", "visit", "active"),
    ("mendarat di", "CONSULT", "visit", "active"),
    ("berangkat ke", "CONSULT", "visit", "active"),
    ("bertolak ke", "CONSULT", "visit", "active"),
    ("terbang ke", "CONSULT", "visit", "active"),
    ("kekerasan seksual", "CRIME", "sexual", "nominal"),
)

# Verbs of travel and of gathering: events only with the right parties. Travel is a visit when a
# named person goes to a named place; a crowd gathering is a protest when the crowd is
# protesters or activists (PROTEST_BY: "puluhan demonstran berkumpul di luar kantor").
TRAVEL: frozenset[str] = frozenset({"tiba di", "mendarat di", "berangkat ke", "bertolak ke", "terbang ke"})
GATHERING: frozenset[str] = frozenset({"berkumpul", "berkerumun", "memadati"})
# Predicates that are events only with someone they are aimed at: "kecewa kepada X" (not "warga
# kecewa"), "mempertanyakan ketidakhadiran Menteri X" (not "mempertanyakan mengapa …").
NEEDS_RECIPIENT: frozenset[str] = frozenset({"kecewa", "kekecewaan", "mempertanyakan"})

# Predicates in two parts with the object between them: (head word, tail word, most words between,
# type, mode, voice). "KPK menetapkan Bupati X sebagai tersangka", "X ditetapkan polisi sebagai tersangka".
SPLIT_PHRASES: tuple[tuple[str, str, int, str, str | None, str], ...] = (
    ("menetapkan", "tersangka", 10, "DISAPPROVE", "allege", "active"),
    ("ditetapkan", "tersangka", 4, "DISAPPROVE", "allege", "passive"),
    ("menjatuhkan", "vonis", 3, "SANCTION", "convict", "active"),
    ("menjatuhkan", "hukuman", 3, "SANCTION", "convict", "active"),
    ("menerima", "usulan", 3, "CONCEDE", None, "active"),
    ("menerima", "tawaran", 3, "CONCEDE", None, "active"),
    ("menghadiri", "ktt", 3, "CONSULT", "multilateral", "active"),
    ("menghadiri", "konferensi", 3, "CONSULT", "multilateral", "active"),
    ("menghadiri", "forum", 3, "CONSULT", "multilateral", "active"),
    # a complaint to the police or the anti-graft agency against someone: "melaporkan X ke Polda"
    ("melaporkan", "polisi", 6, "DISAPPROVE", "allege", "active"),
    ("melaporkan", "polda", 6, "DISAPPROVE", "allege", "active"),
    ("melaporkan", "polres", 6, "DISAPPROVE", "allege", "active"),
    ("melaporkan", "bareskrim", 6, "DISAPPROVE", "allege", "active"),
    ("melaporkan", "kpk", 6, "DISAPPROVE", "allege", "active"),
)

# Objects that turn a predicate into an everyday sense: "menduduki jabatan" (hold office),
# "menawarkan harga" (a price on offer), "menyerang balik" in a debate stays FIGHT only with force.
NOT_EVENT_OBJECTS: dict[str, frozenset[str]] = {
    "menduduki": frozenset("jabatan posisi kursi peringkat urutan puncak posisinya jabatannya".split()),
    "menawarkan": frozenset("harga produk fitur layanan kinerja diskon promo paket menu pilihan solusi".split()),
    "menangkap": frozenset("bola peluang sinyal ikan gambar foto momen pesan kesan makna maksud aspirasi".split()),
    "menyegel": frozenset("kesepakatan perjanjian kemenangan gelar".split()),  # seal a deal, a win
    "ditangkap": frozenset("bola kamera layar sinyal".split()),
    "menyambut": frozenset("tahun hari bulan lebaran natal ramadan idulfitri kedatangan lulusan wisudawan tamu peserta".split()),
    "mendukung": frozenset("fitur teknologi jaringan sistem perangkat".split()),
    "tuntutan": frozenset("jaksa jpu penuntut hukuman pidana".split()),  # a prosecutor's sentencing demand
    "membubarkan": frozenset({"diri"}),  # protesters dispersing of their own accord
}

# Words before a predicate that make it an adjective: "sangat menjanjikan" (promising).
ADJECTIVAL_BEFORE: frozenset[str] = frozenset("sangat cukup lebih paling begitu amat kurang makin semakin".split())

# Types whose noun names its patient after it: "penahanan Buni Yani" is Buni Yani's detention,
# "kunjungan Prabowo" is Prabowo's visit. Such a noun needs its actor after "oleh".
PATIENT_NOUN_TYPES: frozenset[str] = frozenset({"COERCE", "SANCTION", "INVESTIGATE", "ASSAULT", "CRIME"})

# Bare roots whose noun names another act than their verb: "protes" as a verb is a complaint
# (DISAPPROVE), but a protest that is held or takes place ("protes berlangsung", "menggelar
# protes") is a demonstration. Light verbs that keep the verbal sense are VERBAL_LIGHT_VERBS.
NOUN_SENSES: dict[str, tuple[str, str | None]] = {"protes": ("PROTEST", "demo")}
# A complaint made by activists or by a protest action is a demonstration: "Aktivis Greenpeace
# memprotes pernikahan …", "Aksi tersebut memprotes …" (PLOVER's PROTEST is the physical act).
PROTEST_BY: frozenset[str] = frozenset({"activists", "protesters", "demonstrators"})
PROTEST_WORDS: frozenset[str] = frozenset("aksi aktivis aktifis demonstran pengunjuk".split())
VERBAL_LIGHT_VERBS: frozenset[str] = frozenset(
    "menyampaikan melayangkan melontarkan menyuarakan mengajukan menyatakan mengirim mengirimkan".split()
)

# Words in the sentence that name the weapon or the kind of force: the mode.
WEAPON_MODES: dict[str, str] = {
    "udara": "aerial", "pesawat": "aerial", "jet": "aerial",
    "rudal": "heavy-weapons", "misil": "heavy-weapons", "roket": "heavy-weapons",
    "artileri": "heavy-weapons", "mortir": "heavy-weapons", "tank": "heavy-weapons",
    "drone": "drone", "nirawak": "drone",
    "senapan": "firearms", "pistol": "firearms", "peluru": "firearms",
    "bom": "explosives", "granat": "explosives",
}
AID_MODES: dict[str, str] = {
    "kemanusiaan": "humanitarian", "makanan": "humanitarian", "obat-obatan": "humanitarian",
    "pangan": "humanitarian", "logistik": "humanitarian",
    "militer": "military", "senjata": "military", "persenjataan": "military",
    "dana": "economic", "keuangan": "economic", "pinjaman": "economic", "ekonomi": "economic",
}
MOBILIZE_MODES: dict[str, str] = {
    "pasukan": "troops", "tentara": "troops", "prajurit": "troops", "tni": "troops", "militer": "troops",
    "polisi": "police", "personel": "police", "brimob": "police", "aparat": "police",
    "senjata": "weapons", "rudal": "weapons", "kapal": "weapons",
    "milisi": "militia",
}
THREATEN_MODES: dict[str, str] = {
    "serangan": "violence", "menyerang": "violence", "perang": "violence", "balas": "violence",
    "membalas": "violence", "pembalasan": "violence", "militer": "violence", "nuklir": "violence",
    "sanksi": "restrict", "tarif": "restrict", "memutus": "relations", "hubungan": "relations",
    "mengusir": "expel", "menangkap": "arrest",
}

# Recipients that make force one-sided (ASSAULT rather than FIGHT): civilians and their places.
CIVILIAN_WORDS: frozenset[str] = frozenset(
    "warga sipil penduduk pengungsi rumah sakit sekolah kamp jurnalis wartawan anak-anak perempuan "
    "demonstran pengunjuk relawan".split()
)
