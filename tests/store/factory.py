"""A small hand-built corpus (real Indonesian sentences from the samples) for store and web tests.

Offsets are computed with `str.find`, so every span satisfies
``article.text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import replace

from kabar.ids import stable_id
from kabar.records import (
    AnalysedArticle,
    Article,
    Author,
    Citation,
    Entity,
    Event,
    Linking,
    Mention,
    Quote,
    Reuse,
    Story,
    TimeExpr,
    TimelineEntry,
)

SHARED = "Xi menyambut baik pesan tersebut, dia mengatakan dalam pesannya bahwa China dan Korea Utara telah saling mendukung dengan teguh."

BODIES = {
    "kompas": (
        "PYONGYANG, KOMPAS.com - Para pemimpin China dan Korea Utara menegaskan hubungan aliansi tradisional "
        "mereka di tengah persoalan dengan Amerika dan negara Barat lainnya.",
        "Kantor berita pemerintah Korea Utara, KCNA, mengatakan pada Selasa (23/3/2021), bahwa Kim Jong Un "
        "bertukar pesan dengan Xi Jinping, seperti yang dilansir dari Associated Press (AP).",
        'Disebutkan bahwa Kim menyerukan untuk "persatuan dan kerja sama" yang lebih kuat dengan China dalam '
        'menghadapi tantangan yang ditimbulkan oleh "kekuatan musuh".',
        SHARED,
    ),
    "sragen": (
        "SRAGEN UPDATE - Para pemimpin Korea Utara dan China pada hari Minggu 11 Juli 2021, menyatakan keinginan "
        "mereka untuk lebih memperkuat hubungan bilateral kedua negara.",
        SHARED,
        "Korea Utara diperkirakan akan mencari dukungan lebih besar dari China, sebagai sekutu utamanya dan "
        "pemberi bantuan.",
    ),
    "tribun": (
        "TRIBUNNEWS.COM, JAKARTA - Banjir merendam ratusan rumah di Jakarta Timur pada Sabtu (26/11/2022) "
        "setelah hujan deras mengguyur sejak malam.",
        '"Air mulai naik sekitar pukul 03.00 WIB dan kami langsung mengungsi," kata Siti Aminah, warga Kampung Melayu.',
        "Gubernur DKI Jakarta Heru Budi Hartono meninjau lokasi banjir <script>alert('x')</script> bersama petugas.",
    ),
}

META = {
    "kompas": dict(
        url="https://www.kompas.com/global/read/2021/03/23/183100570/xi-jinping-dan-kim-jong-un",
        outlet="Kompas.com",
        title='Xi Jinping dan Kim Jong Un Bertukar Pesan Perkuat Hubungan untuk Hadapi "Kekuatan Musuh"',
        published="2021-03-23T18:31+07:00",
        authors=(Author("Shintaloka Pradita Sicca", "writer"),),
        dateline="PYONGYANG",
        language="id",
        sources_cited=("KCNA", "Associated Press"),
        boilerplate=("Baca juga: Malaysia Perintahkan Staf Diplomatik Korea Utara Angkat Kaki dalam Waktu 48 Jam",),
    ),
    "sragen": dict(
        url=None,
        outlet="Sragen Update",
        title="Korea Utara dan China Isyaratkan akan Perkuat Hubungan Bilateral",
        published="2021-07-12T12:02+07:00",
        authors=(Author("Yesa Novianti Putri Ashari", "editor"),),
        dateline=None,
        language="id",
        sources_cited=("Associated Press", "Xinhua"),
    ),
    "tribun": dict(
        url="https://www.tribunnews.com/metro/2022/11/26/banjir-jakarta-timur",
        outlet="Tribunnews.com",
        title="Banjir Rendam Ratusan Rumah di Jakarta Timur <b>bold</b>",
        published="2022-11-26",
        authors=(Author("Namira Yunia Lestanti", "reporter"), Author("Seno Tri Sulistiyono", "editor")),
        dateline="JAKARTA",
        language="id",
        sources_cited=(),
    ),
}

ENTITY_NAMES = {
    "Kim Jong Un": "PER",
    "Xi Jinping": "PER",
    "Siti Aminah": "PER",
    "Heru Budi Hartono": "PER",
    "Korea Utara": "LOC",
    "China": "LOC",
    "Jakarta": "LOC",
    "KCNA": "ORG",
}
# surface forms → canonical name
SURFACES = {
    "Kim Jong Un": "Kim Jong Un",
    "Kim": "Kim Jong Un",
    "Xi Jinping": "Xi Jinping",
    "Xi": "Xi Jinping",
    "Siti Aminah": "Siti Aminah",
    "Heru Budi Hartono": "Heru Budi Hartono",
    "Korea Utara": "Korea Utara",
    "China": "China",
    "Jakarta": "Jakarta",
    "KCNA": "KCNA",
}
TIMEX = {
    "kompas": [("Selasa (23/3/2021)", "DATE", "2021-03-23")],
    "sragen": [("hari Minggu 11 Juli 2021", "DATE", "2021-07-11")],
    "tribun": [("Sabtu (26/11/2022)", "DATE", "2022-11-26"), ("pukul 03.00 WIB", "TIME", "2022-11-26T03:00")],
}
QUOTES = {
    "kompas": [("persatuan dan kerja sama", "direct", "Kim Jong Un", "Kim", "menyerukan", ("KCNA",))],
    "sragen": [
        ("China dan Korea Utara telah saling mendukung dengan teguh", "indirect", "Xi Jinping", "dia", "mengatakan", ())
    ],
    "tribun": [
        ("Air mulai naik sekitar pukul 03.00 WIB dan kami langsung mengungsi", "direct", "Siti Aminah", "Siti Aminah", "kata", ())
    ],
}


# Coded (PLOVER) event mentions, hand-coded on the sentences above: (sentence, type, actor, actor words,
# recipient, recipient words, date). Xi's welcome of the messages is one dated act both articles state.
CODED = {
    "kompas": [
        (BODIES["kompas"][1], "CONSULT", "Kim Jong Un", "Kim Jong Un", "Xi Jinping", "Xi Jinping", "2021-03-23"),
        (SHARED, "SUPPORT", "Xi Jinping", "Xi", "Kim Jong Un", None, "2021-03"),
    ],
    "sragen": [(SHARED, "SUPPORT", "Xi Jinping", "Xi", "Kim Jong Un", None, "2021-03")],
    "tribun": [],
}


def coded(a: AnalysedArticle) -> tuple:
    """The hand-coded event mentions of one of the corpus's articles (`CODED`); none for another."""
    from kabar.analyse.plover.record import EventMention

    key = next((k for k in BODIES if article_id(k) == a.article.id), None)
    if key is None:  # an article built by a test itself
        return ()
    text = a.article.text
    return tuple(
        EventMention(a.article.id, text.find(s), text.find(s) + len(s), s, type_, None, actor, actor_text,
                     recipient, recipient_text, date, None, False, "")
        for s, type_, actor, actor_text, recipient, recipient_text, date in CODED[key]
    )


def entity_id(name: str) -> str:
    return stable_id(ENTITY_NAMES[name], name)


def article_id(key: str) -> str:
    return stable_id("test", key)


def _spans(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + len(needle))
    return out


def analysed(key: str) -> AnalysedArticle:
    aid = article_id(key)
    article = Article(id=aid, source=f"samples/{key}.txt", body=BODIES[key], **META[key])
    text = article.text
    taken: list[tuple[int, int]] = []
    mentions = []
    for surface in sorted(SURFACES, key=len, reverse=True):  # longest first: "Kim Jong Un" before "Kim"
        for start in _spans(text, surface):
            end = start + len(surface)
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            name = SURFACES[surface]
            role = "Presiden" if surface == "Xi Jinping" and "Presiden" in text[max(0, start - 9) : start] else None
            mentions.append(Mention(aid, start, end, surface, ENTITY_NAMES[name], entity_id(name), role))
    mentions.sort(key=lambda m: m.start)
    seen: dict[str, list[str]] = {}
    for m in mentions:
        canonical = next(n for n in ENTITY_NAMES if entity_id(n) == m.entity_id)
        aliases = seen.setdefault(canonical, [])
        if m.text not in aliases:
            aliases.append(m.text)
    entities = tuple(Entity(entity_id(n), n, ENTITY_NAMES[n], tuple(a)) for n, a in seen.items())
    timexes = tuple(
        TimeExpr(aid, text.find(t), text.find(t) + len(t), t, kind, value) for t, kind, value in TIMEX[key]
    )
    quotes = tuple(
        Quote(aid, text.find(q), text.find(q) + len(q), q, kind, spk, spk_text, cue, via, entity_id(spk))
        for q, kind, spk, spk_text, cue, via in QUOTES[key]
    )
    return AnalysedArticle(article, entities, tuple(mentions), timexes, quotes)


def corpus() -> list[AnalysedArticle]:
    return [analysed(k) for k in BODIES]


def linking(items: list[AnalysedArticle] | None = None) -> Linking:
    items = items or corpus()
    by_key = dict(zip(BODIES, items))
    kompas, sragen, tribun = by_key["kompas"], by_key["sragen"], by_key["tribun"]
    ks, ss = kompas.article.text.find(SHARED), sragen.article.text.find(SHARED)
    reuse = Reuse(kompas.article.id, sragen.article.id, ks, ks + len(SHARED), ss, ss + len(SHARED), 0.93, "copy", "Xinhua")

    def cite(a: AnalysedArticle, para: int) -> Citation:
        start = sum(len(p) + 1 for p in a.article.body[:para])
        return Citation(a.article.id, start, start + len(a.article.body[para]), a.article.body[para])

    e1 = Event(
        id="ev-pesan-2021-03",
        article_ids=(kompas.article.id,),
        date="2021-03-22",
        title="Kim Jong Un dan Xi Jinping bertukar pesan",
        summary=(cite(kompas, 1),),
        entity_ids=(entity_id("Kim Jong Un"), entity_id("Xi Jinping")),
    )
    e2 = Event(
        id="ev-traktat-2021-07",
        article_ids=(sragen.article.id,),
        date="2021-07-11",
        title="Peringatan 60 tahun traktat persahabatan",
        summary=(cite(sragen, 0),),
        entity_ids=(entity_id("Korea Utara"), entity_id("China")),
        conflicts=("Tanggal pertukaran pesan berbeda antarsumber",),
    )
    e3 = Event(id="ev-banjir-2022-11", article_ids=(tribun.article.id,), date="2022-11-26", title="Banjir Jakarta Timur")
    s1 = Story(
        id="st-china-korut",
        event_ids=(e1.id, e2.id),
        title="Hubungan China–Korea Utara",
        timeline=(
            TimelineEntry("1961", "Traktat persahabatan China–Korea Utara", (cite(sragen, 0),), background=True),
            TimelineEntry("2021-03-22", "Kim dan Xi bertukar pesan", (cite(kompas, 1),)),
            TimelineEntry("2021-07-11", "Peringatan 60 tahun traktat", (cite(sragen, 0), cite(sragen, 1))),
        ),
        summary=(cite(kompas, 0), cite(sragen, 2)),
    )
    s2 = Story(id="st-banjir", event_ids=(e3.id,), title="Banjir Jakarta <i>2022</i>")
    return Linking(reuse=(reuse,), events=(e1, e2, e3), stories=(s1, s2))


def quoted_twice() -> list[AnalysedArticle]:
    """Kompas and Sragen Update both quoting Xi's words from the shared agency paragraph
    (Kompas first, in March; Sragen Update in July): one cross-article quote link."""
    kompas, sragen = analysed("kompas"), analysed("sragen")
    words = QUOTES["sragen"][0][0]
    start = kompas.article.text.find(words)
    extra = Quote(kompas.article.id, start, start + len(words), words, "indirect", "Xi Jinping", "dia", "mengatakan", (), entity_id("Xi Jinping"))
    return [replace(kompas, quotes=(*kompas.quotes, extra)), sragen]


def fill(store, items: list[AnalysedArticle] | None = None, *, linked: Linking | None = None, quote_links: bool = False):
    """`store` holding `items` (default: the corpus) with their linking (default: `linking()`),
    and their cross-article quote links when asked; returns the store."""
    from kabar.link.quote_links import link_quotes

    items = corpus() if items is None else items
    for a in items:
        store.upsert_analysed(a, coded(a))
    store.save_linking(linking() if linked is None else linked)
    if quote_links:
        store.save_quote_links(link_quotes(items))
    return store


def filled_db(path, items: list[AnalysedArticle] | None = None, **kwargs) -> str:
    """A database file at `path` filled as `fill` does (closed again); returns its path."""
    from kabar.store import open_store

    with open_store(path) as store:
        fill(store, items, **kwargs)
    return str(path)
