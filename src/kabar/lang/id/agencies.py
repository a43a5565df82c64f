"""News agencies and outlets as data: canonical names and the surface forms
Indonesian news uses for them, plus two lookups.

- ``canonical_agency("Associated Press (AP)") == "Associated Press"``
- ``find_agencies(text) -> [(start, end, canonical), ...]`` in text order.

Three kinds of surface form, because short forms are often ordinary words:

- ``names``: distinctive forms matched case-insensitively ("Associated Press",
  "Kantor Berita Pusat Korea", "kompas.com");
- ``marks``: forms matched with their exact case: abbreviations ("AP", "AFP",
  "CNN") and names that are ordinary words in lower case ("Kompas", compass);
- ``guarded``: exact-case forms that are also common capitalised words
  ("Antara" = "between", "Tempo", "Merdeka"); accepted only right after an
  attribution cue ("kantor berita", "dilansir dari", "Sumber:") or when they
  are the whole surface given to ``canonical_agency``.

Phrases in ``EXCLUDE`` (people and places named like an outlet: "Michael
Bloomberg") are never matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

AgencyKind = Literal["agency", "outlet"]


@dataclass(frozen=True, slots=True)
class Agency:
    canonical: str
    kind: AgencyKind  # "agency": a wire service; "outlet": a newspaper, broadcaster or site
    names: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-2


def _a(canonical: str, kind: AgencyKind, names=(), marks=(), guarded=(), country=None) -> Agency:
    return Agency(canonical, kind, tuple(names), tuple(marks), tuple(guarded), country)


AGENCIES: tuple[Agency, ...] = (
    # --- wire services and state news agencies -------------------------------------------------
    _a("KCNA", "agency", ["Korean Central News Agency", "Korea Central News Agency", "Kantor Berita Pusat Korea",
                          "Kantor Berita Sentral Korea", "kantor berita KCNA"], ["KCNA"], country="KP"),
    _a("Xinhua", "agency", ["Xinhua", "Xinhua News Agency", "Kantor Berita Xinhua", "Xinhuanet", "Xinhua.net"],
       country="CN"),
    _a("Associated Press", "agency", ["Associated Press", "The Associated Press", "Kantor Berita Associated Press"],
       ["AP"], country="US"),
    _a("Reuters", "agency", ["Reuters", "Thomson Reuters", "kantor berita Reuters"], ["REUTERS"], country="GB"),
    _a("AFP", "agency", ["Agence France-Presse", "Agence France Presse", "kantor berita AFP"], ["AFP"], country="FR"),
    _a("ANTARA", "agency", ["Antaranews", "antaranews.com", "Antara News", "LKBN Antara", "Kantor Berita Antara",
                            "Perum LKBN Antara"], ["ANTARA", "ANTARA News", "ANTARANEWS.COM"], ["Antara"], country="ID"),
    _a("Yonhap", "agency", ["Yonhap", "Yonhap News Agency", "Yonhap News"], country="KR"),
    _a("Kyodo", "agency", ["Kyodo", "Kyodo News", "kantor berita Kyodo"], country="JP"),
    _a("Jiji Press", "agency", ["Jiji Press", "kantor berita Jiji"], country="JP"),
    _a("TASS", "agency", ["ITAR-TASS", "kantor berita TASS"], ["TASS"], country="RU"),
    _a("RIA Novosti", "agency", ["RIA Novosti"], country="RU"),
    _a("Sputnik", "agency", ["Sputnik News", "Sputnik International"], [], ["Sputnik"], country="RU"),
    # "bernama" is also the everyday word for "named": only the capital form after an attribution cue counts.
    _a("Bernama", "agency", ["kantor berita Bernama", "Bernama.com"], ["BERNAMA"], ["Bernama"], country="MY"),
    _a("dpa", "agency", ["Deutsche Presse-Agentur"], ["DPA", "dpa"], country="DE"),
    _a("EFE", "agency", ["Agencia EFE"], ["EFE"], country="ES"),
    _a("ANSA", "agency", [], ["ANSA"], country="IT"),
    _a("PTI", "agency", ["Press Trust of India"], ["PTI"], country="IN"),
    _a("Anadolu", "agency", ["Anadolu Agency", "Anadolu Ajansi", "Kantor Berita Anadolu"], country="TR"),
    _a("WAFA", "agency", [], ["WAFA"], country="PS"),
    _a("IRNA", "agency", [], ["IRNA"], country="IR"),
    _a("Bloomberg", "agency", ["Bloomberg", "Bloomberg News"], country="US"),
    # --- international broadcasters, papers and sites --------------------------------------------
    _a("CNN", "outlet", ["Cable News Network"], ["CNN"], country="US"),
    _a("CNBC", "outlet", [], ["CNBC"], country="US"),
    _a("Al Jazeera", "outlet", ["Al Jazeera", "Al-Jazeera", "Aljazeera", "Al Jazeera English"], country="QA"),
    _a("BBC", "outlet", ["British Broadcasting Corporation", "BBC News", "BBC Indonesia", "BBC News Indonesia"],
       ["BBC"], country="GB"),
    _a("NHK", "outlet", ["NHK World", "Japan Broadcasting Corporation"], ["NHK"], country="JP"),
    _a("The Guardian", "outlet", ["The Guardian"], [], ["Guardian"], country="GB"),
    _a("New York Times", "outlet", ["New York Times", "The New York Times"], ["NYT", "NYTimes"], country="US"),
    _a("Washington Post", "outlet", ["Washington Post", "The Washington Post"], country="US"),
    _a("Wall Street Journal", "outlet", ["Wall Street Journal", "The Wall Street Journal"], ["WSJ"], country="US"),
    _a("Financial Times", "outlet", ["Financial Times"], country="GB"),
    _a("The Independent", "outlet", ["The Independent"], country="GB"),
    _a("The Telegraph", "outlet", ["The Telegraph", "Daily Telegraph"], country="GB"),
    _a("Daily Mail", "outlet", ["Daily Mail", "MailOnline"], country="GB"),
    _a("Sky News", "outlet", ["Sky News"], country="GB"),
    _a("Fox News", "outlet", ["Fox News"], country="US"),
    _a("NBC News", "outlet", ["NBC News"], ["NBC"], country="US"),
    _a("ABC News", "outlet", ["ABC News"], country="US"),
    _a("CBS News", "outlet", ["CBS News"], ["CBS"], country="US"),
    _a("NPR", "outlet", ["National Public Radio"], ["NPR"], country="US"),
    _a("Voice of America", "outlet", ["Voice of America", "VOA Indonesia"], ["VOA"], country="US"),
    _a("Radio Free Asia", "outlet", ["Radio Free Asia"], ["RFA"], country="US"),
    _a("Deutsche Welle", "outlet", ["Deutsche Welle"], ["DW"], country="DE"),
    _a("Politico", "outlet", ["Politico"], country="US"),
    _a("Axios", "outlet", ["Axios"], country="US"),
    _a("Newsweek", "outlet", ["Newsweek"], country="US"),
    _a("Forbes", "outlet", ["Forbes"], country="US"),
    _a("Global Times", "outlet", ["Global Times"], country="CN"),
    _a("China Daily", "outlet", ["China Daily"], country="CN"),
    _a("People's Daily", "outlet", ["People's Daily", "Harian Rakyat", "Renmin Ribao"], country="CN"),
    _a("CGTN", "outlet", ["China Global Television Network"], ["CGTN"], country="CN"),
    _a("CCTV", "outlet", ["China Central Television"], ["CCTV"], country="CN"),
    _a("South China Morning Post", "outlet", ["South China Morning Post"], ["SCMP"], country="HK"),
    _a("Rodong Sinmun", "outlet", ["Rodong Sinmun"], country="KP"),
    _a("NK News", "outlet", ["NK News"], country="KR"),
    _a("Daily NK", "outlet", ["Daily NK"], country="KR"),
    _a("Korea Herald", "outlet", ["Korea Herald", "The Korea Herald"], country="KR"),
    _a("Korea Times", "outlet", ["Korea Times", "The Korea Times"], country="KR"),
    _a("Korea JoongAng Daily", "outlet", ["JoongAng Daily", "Korea JoongAng Daily", "JoongAng Ilbo"], country="KR"),
    _a("Chosun Ilbo", "outlet", ["Chosun Ilbo"], country="KR"),
    _a("KBS", "outlet", ["Korean Broadcasting System"], ["KBS"], country="KR"),
    _a("Arirang", "outlet", ["Arirang TV", "Arirang News"], country="KR"),
    _a("Japan Times", "outlet", ["Japan Times", "The Japan Times"], country="JP"),
    _a("Nikkei", "outlet", ["Nikkei Asia", "Nikkei Asian Review", "Nikkei"], country="JP"),
    _a("Asahi Shimbun", "outlet", ["Asahi Shimbun"], country="JP"),
    _a("Yomiuri Shimbun", "outlet", ["Yomiuri Shimbun"], country="JP"),
    _a("Mainichi", "outlet", ["Mainichi Shimbun", "Mainichi"], country="JP"),
    _a("Straits Times", "outlet", ["Straits Times", "The Straits Times"], country="SG"),
    _a("CNA", "outlet", ["Channel NewsAsia", "Channel News Asia"], ["CNA"], country="SG"),
    _a("The Star", "outlet", ["The Star Malaysia"], country="MY"),
    _a("Malay Mail", "outlet", ["Malay Mail"], country="MY"),
    _a("Sydney Morning Herald", "outlet", ["Sydney Morning Herald"], country="AU"),
    _a("ABC Australia", "outlet", ["ABC Australia", "Australian Broadcasting Corporation"], country="AU"),
    _a("Times of India", "outlet", ["Times of India"], country="IN"),
    _a("RT", "outlet", ["Russia Today"], country="RU"),
    # --- Indonesian outlets --------------------------------------------------------------------
    _a("detikcom", "outlet", ["detikcom", "detik.com", "detikNews", "detikFinance", "detikInet", "detikSport",
                              "detikHealth", "detikHot", "detikTravel", "detikOto", "detikEdu", "detikinet"], ["DETIK"], ["Detik"],
       country="ID"),
    _a("Kompas.com", "outlet", ["Kompas.com", "KOMPAS.com", "Kompas.id"], country="ID"),
    _a("Kompas", "outlet", ["Harian Kompas", "Kompas TV", "KompasTV"], ["Kompas", "KOMPAS"], country="ID"),
    _a("Tempo", "outlet", ["Tempo.co", "Koran Tempo", "Majalah Tempo"], ["TEMPO", "TEMPO.CO"], ["Tempo"],
       country="ID"),
    _a("CNBC Indonesia", "outlet", ["CNBC Indonesia", "CNBCIndonesia.com"], country="ID"),
    _a("CNN Indonesia", "outlet", ["CNN Indonesia", "CNNIndonesia.com"], country="ID"),
    _a("Tribunnews.com", "outlet", ["Tribunnews.com", "Tribunnews", "Tribun News"], country="ID"),
    _a("Liputan6.com", "outlet", ["Liputan6.com", "Liputan6", "Liputan 6"], country="ID"),
    _a("Okezone", "outlet", ["Okezone", "Okezone.com"], country="ID"),
    _a("Republika", "outlet", ["Republika", "Republika.co.id", "Republika Online"], country="ID"),
    _a("VIVA", "outlet", ["VIVA.co.id", "VIVAnews"], ["VIVA"], ["Viva"], country="ID"),
    _a("KapanLagi.com", "outlet", ["KapanLagi.com", "KapanLagi"], country="ID"),
    _a("kumparan", "outlet", ["kumparan.com", "kumparanNEWS"], ["kumparan"], country="ID"),
    _a("SINDOnews", "outlet", ["SINDOnews", "Sindonews.com", "Koran Sindo", "Sindo"], country="ID"),
    _a("Suara.com", "outlet", ["Suara.com"], country="ID"),
    _a("Suara Merdeka", "outlet", ["Suara Merdeka"], country="ID"),
    _a("Merdeka.com", "outlet", ["Merdeka.com"], country="ID"),
    _a("Jawa Pos", "outlet", ["Jawa Pos", "JawaPos", "JawaPos.com"], country="ID"),
    _a("Media Indonesia", "outlet", ["mediaindonesia.com"], ["Media Indonesia"], country="ID"),
    _a("Bisnis.com", "outlet", ["Bisnis.com", "Bisnis Indonesia"], country="ID"),
    _a("Kontan", "outlet", ["Kontan.co.id", "Harian Kontan"], ["KONTAN"], ["Kontan"], country="ID"),
    _a("Katadata", "outlet", ["Katadata", "Katadata.co.id"], country="ID"),
    _a("IDN Times", "outlet", ["IDN Times"], country="ID"),
    _a("Tirto.id", "outlet", ["Tirto.id"], [], ["Tirto"], country="ID"),
    _a("The Jakarta Post", "outlet", ["Jakarta Post", "The Jakarta Post"], country="ID"),
    _a("Jakarta Globe", "outlet", ["Jakarta Globe"], country="ID"),
    _a("Pikiran Rakyat", "outlet", ["Pikiran Rakyat", "Pikiran-Rakyat.com"], country="ID"),
    _a("Sragen Update", "outlet", ["Sragen Update", "SragenUpdate"], country="ID"),
    _a("Medcom.id", "outlet", ["Medcom.id", "Metrotvnews"], country="ID"),
    _a("Metro TV", "outlet", ["Metro TV", "MetroTV"], country="ID"),
    _a("iNews", "outlet", ["iNews.id", "iNews TV"], ["iNews"], country="ID"),
    _a("TVRI", "outlet", ["Televisi Republik Indonesia"], ["TVRI"], country="ID"),
    _a("RRI", "outlet", ["Radio Republik Indonesia"], ["RRI"], country="ID"),
    _a("Beritasatu", "outlet", ["Beritasatu", "BeritaSatu.com"], country="ID"),
    _a("Solopos", "outlet", ["Solopos", "Solopos.com"], country="ID"),
    _a("Harian Jogja", "outlet", ["Harian Jogja", "Harianjogja.com"], country="ID"),
    _a("VOI", "outlet", ["voi.id"], ["VOI"], country="ID"),
    _a("Inilah.com", "outlet", ["Inilah.com"], country="ID"),
    _a("Gatra", "outlet", ["Gatra.com", "Majalah Gatra"], country="ID"),
    _a("Warta Ekonomi", "outlet", ["Warta Ekonomi", "WartaEkonomi.co.id"], country="ID"),
    _a("Bola.com", "outlet", ["Bola.com"], country="ID"),
)

# Surface phrases that contain an outlet's form but name something else.
EXCLUDE: tuple[str, ...] = (
    "Michael Bloomberg", "Mike Bloomberg", "Bloomberg Philanthropies", "Bloomberg School",
    "Universitas Reuters", "Gedung Merdeka", "Istana Merdeka", "Hari Merdeka",
    "Tempo doeloe", "Guardian Angel", "AP I", "AP II", "AP 1", "AP 2", "Angkasa Pura",
)

# Words right before a guarded form that make it an attribution ("dilansir dari Antara").
_CUE_BEFORE = re.compile(
    r"(?:kantor\s+berita|dilansir|melansir|dikutip|mengutip|disitir|menyitir|menurut|sumber|diberitakan|"
    r"dilaporkan|melaporkan|laporan|kepada|wawancara|via|media|situs|laman|portal|harian|majalah|"
    r"(?:dari|oleh)(?=\s+\S+\s*$))\s*[:,]?\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# Words that may surround a name in a surface given to `canonical_agency` without changing what it names.
_FILLER = frozenset(
    "the kantor berita news agency resmi pemerintah milik negara media situs laman portal harian surat kabar "
    "koran majalah televisi stasiun tv online outlet dari oleh seperti dilansir dikutip menurut sumber".split()
)


def _form_pattern(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


@dataclass(frozen=True, slots=True)
class _Index:
    pattern: re.Pattern[str]
    exact: dict[str, str]  # exact-case form (marks and guarded) -> canonical
    folded: dict[str, str]  # lower-cased name -> canonical
    guarded: frozenset[str]
    exclude: re.Pattern[str]


def _key(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _index() -> _Index:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    guarded: set[str] = set()
    alternatives: list[tuple[int, str]] = []
    for agency in AGENCIES:
        for name in (agency.canonical if not agency.marks and not agency.guarded else None, *agency.names):
            if name is None:
                continue
            folded.setdefault(_key(name).lower(), agency.canonical)
            alternatives.append((len(name), f"(?i:{_form_pattern(name)})"))
        for mark in (*agency.marks, *agency.guarded):
            exact.setdefault(_key(mark), agency.canonical)
            alternatives.append((len(mark), _form_pattern(mark)))
        guarded.update(_key(g) for g in agency.guarded)
    # Longest first, so "CNN Indonesia" wins over "CNN" and "Kompas.com" over "Kompas".
    alternatives.sort(key=lambda item: -item[0])
    body = "|".join(dict.fromkeys(alt for _, alt in alternatives))
    pattern = re.compile(rf"(?<![\w.@/-])(?:{body})(?![\w@]|\.\w|-\w)")
    exclude = re.compile("|".join(rf"(?i:\b{_form_pattern(p)}\b)" for p in EXCLUDE))
    return _Index(pattern, exact, folded, frozenset(guarded), exclude)


def _canonical_of(index: _Index, matched: str) -> str | None:
    key = _key(matched)
    return index.exact.get(key) or index.folded.get(key.lower())


def find_agencies(text: str) -> list[tuple[int, int, str]]:
    """Agencies and outlets named in `text`: (start, end, canonical), in text order.

    "Associated Press (AP)" is one match covering the name and its bracketed
    abbreviation; guarded forms ("Antara") count only after an attribution cue.
    """
    index = _index()
    excluded = [m.span() for m in index.exclude.finditer(text)]
    found: list[tuple[int, int, str]] = []
    for match in index.pattern.finditer(text):
        start, end = match.span()
        if any(s <= start and end <= e for s, e in excluded):
            continue
        matched = match.group()
        canonical = _canonical_of(index, matched)
        if canonical is None:
            continue
        if _key(matched) in index.guarded and not _CUE_BEFORE.search(text[max(0, start - 60):start]):
            continue
        if found and found[-1][2] == canonical and re.fullmatch(r"\s*\(\s*", text[found[-1][1]:start]):
            close = re.match(r"\s*\)", text[end:])
            if close:
                found[-1] = (found[-1][0], end + close.end(), canonical)
                continue
        found.append((start, end, canonical))
    return found


# Remembered: extraction's glue check and entity naming ask about every capitalised run of every
# page (over 300 calls a page on the dev news, 87% of them forms already seen).
@lru_cache(maxsize=16384)
def canonical_agency(surface: str) -> str | None:
    """The canonical name of the agency or outlet `surface` names, or None.

    Accepts forms with their usual wrapping: "Associated Press (AP)", "AP",
    "kantor berita Xinhua", "KOMPAS.com", "Antara".
    """
    text = _key(surface.replace("\u00a0", " ")).strip(" .,:;-–—/()[]\"'“”")
    if not text:
        return None
    index = _index()
    direct = _canonical_of(index, text)
    if direct is not None:
        return direct
    hits = find_agencies(text)
    if not hits:
        # A guarded form alone (no cue) is still a name when it is the whole surface.
        words = [w for w in re.findall(r"[\w.'-]+", text) if w.lower() not in _FILLER]
        return _canonical_of(index, " ".join(words)) if words else None
    canonicals = {c for _, _, c in hits}
    if len(canonicals) != 1:
        return None
    rest = text
    for start, end, _ in reversed(hits):
        rest = rest[:start] + " " + rest[end:]
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in _FILLER]
    return hits[0][2] if not leftover else None


def agency_kind(canonical: str) -> AgencyKind | None:
    """"agency" for wire services, "outlet" for the rest, None for an unknown name."""
    return next((a.kind for a in AGENCIES if a.canonical == canonical), None)
