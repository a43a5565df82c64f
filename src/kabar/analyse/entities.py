"""Entities and mentions of one article: NER, then one identity per real-world entity.

Public API: ``annotate(article) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]``
and ``canonical_form(surface) -> str``. Entity ids are ``stable_id(type, canonical)``,
so the same identity gets the same id in every article.

Steps, per article:
1. sentences → tokens → the CRF tagger (``analyse.ner``) → typed spans;
2. a dictionary pass adds alias-table forms the tagger missed ("Korut",
   "negara tirai bambu");
3. titles before or at the start of a person's name are stripped and kept
   as ``Mention.role`` ("Presiden", "Menteri Luar Negeri");
4. each mention gets a canonical name: alias folding (CLDR + our table),
   spacing/hyphen/capital normalisation ("Kim Jong-un" → "Kim Jong Un"),
   capitals standing for their state when not used as a place ("Beijing
   menolak …" → China, "di Beijing" stays Beijing), short person names
   folded into the full name introduced in the article ("Xi" → "Xi Jinping"),
   and abbreviations into the name they abbreviate ("AP" → "Associated Press").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from kabar.analyse.tokens import Token, sentence_spans, tokenize
from kabar.ids import stable_id
from kabar.lang.id.agencies import canonical_agency, find_agencies
from kabar.lang.id.aliases import AliasTable, alias_table
from kabar.lang.id.boilerplate import AUTHOR_LABELS
from kabar.lang.id.words import common_words, organisation_words
from kabar.records import Article, Entity, Mention

# words before a capital that make it a place, not its state acting ("di Beijing", "ke Seoul")
LOCATIVES = frozenset(
    "di ke dari dekat menuju sekitar kota ibu ibukota tiba kunjungan berkunjung mengunjungi bandara".split()
)
_KOREAN_GIVEN = re.compile(r"\b([A-Z][a-z]+)-([a-z]{2,4})\b")  # "Jong-un", "Yo-jong", "Jae-in"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # character offsets into the article text
    end: int
    type: str
    role: str | None = None
    canonical: str = ""


def canonical_form(surface: str) -> str:
    """Alias folding for a surface form: "Korut" → "North Korea", "Tiongkok" → "China",
    "Kim Jong-un" → "Kim Jong Un", "PYONGYANG" → "Pyongyang"; unknown names are only normalised."""
    clean = _clean(surface)
    hit = alias_table().lookup(clean) or alias_table().lookup(clean.replace("(", "").replace(")", ""))
    return hit.canonical if hit is not None else _normalise_name(clean)


def _clean(surface: str) -> str:
    # marks a page's encoding may have mangled ("KapanLagi.comÂ®") are no part of a name
    text = _SPACES.sub(" ", surface.replace("\u00a0", " ")).strip(" ,.;:\"'“”‘’®™©Â")
    if text.count("(") != text.count(")"):
        text = text.strip("()")
    return text


def _normalise_name(name: str) -> str:
    """Spacing, hyphenated Korean given names and names written all in capitals ("SRAGEN UPDATE");
    an acronym inside a name written in mixed case stays ("SMA 20 BBPPKS Yogyakarta")."""
    name = _KOREAN_GIVEN.sub(lambda m: f"{m.group(1)} {m.group(2).capitalize()}", name)
    shouted = name.upper() == name
    words = []
    for word in name.split(" "):
        if re.fullmatch(r"[A-Z]{3,}\.[A-Za-z.]+", word):  # "KOMPAS.com", "TRIBUNNEWS.COM"
            word = word.lower().capitalize()
        elif shouted and len(word) > 4 and word.isupper() and word.isalpha():  # "SRAGEN" → "Sragen"; "PDI-P" stays
            word = word.capitalize()
        words.append(word)
    return " ".join(words)


def annotate(article: Article) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """The entities of an article and their mentions (offsets into ``article.text``)."""
    text = article.text
    if not text.strip():
        return (), ()
    table = alias_table()
    spans = _tagged_spans(text)
    spans = [part for span in spans for part in _split_prefixes(text, span, table)]
    spans = [part for span in spans for part in _split_at_dash(text, span)]
    spans = [_without_credit_label(text, s) for s in spans]
    spans = [s for s in spans if not _names_a_non_entity(text[s.start : s.end], table)]
    spans = _split_pairs(text, spans, table)
    spans = _join_places_named_after_people(text, spans, table)
    spans = _add_dictionary_spans(text, spans, table)
    spans = _add_agency_spans(text, spans)
    spans = _add_company_spans(text, spans)
    spans = _add_titled_names(text, spans, table)
    spans = [s for s in spans if not _is_words_not_a_person(text, s)]
    spans = [_with_role(text, s, table, floor=spans[i - 1].end if i else 0) for i, s in enumerate(spans)]
    spans = _offices_as_roles(text, spans, table)
    spans = _propagate(text, spans, table)
    spans = [s for s in spans if s.end > s.start and any(ch.isalnum() for ch in text[s.start : s.end])]
    spans = _resolve(text, spans, table)
    return _records(article.id, text, spans)


# --- 1. the tagger ------------------------------------------------------------


def _tagged_spans(text: str) -> list[_Span]:
    from kabar.analyse.ner.conll import bio_spans
    from kabar.analyse.ner.model import shipped

    model = shipped()
    table = alias_table()
    spans: list[_Span] = []
    for s_start, s_end in sentence_spans(text):
        tokens = [Token(t.text, t.start + s_start, t.end + s_start) for t in tokenize(text[s_start:s_end])]
        if not tokens:
            continue
        labels = model.tag([t.text for t in tokens])
        for first, last, kind in sorted(bio_spans(labels)):
            # "Sementara Xi …", "Laporan kementerian …": a common word capitalised only
            # because it opens the sentence is not part of the name
            while (
                first < last - 1
                and (first == 0 or tokens[first - 1].text in _OPENERS)
                and tokens[first].text.lower() in model.common
                and table.lookup(text[tokens[first].start : tokens[last - 1].end]) is None
            ):
                first += 1
            spans.append(_Span(tokens[first].start, tokens[last - 1].end, kind))
    return spans


_OPENERS = frozenset({'"', "“", "'", "‘", "(", "-", "–", "—"})


# --- 2. the dictionary pass ---------------------------------------------------------


def _add_dictionary_spans(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    """Alias-table forms and capitals the tagger missed. A form that covers tagged
    spans replaces them ("Semenanjung Korea" over "Korea"); one that cuts across a
    tagged span is left out."""
    spans = list(spans)
    for match in _alias_pattern().finditer(text):
        form = match.group(0)
        if form[0].islower() and _clean(form).lower() not in table.lowercase:
            continue  # "antara" (between) is not the agency Antara
        if form.count("(") != form.count(")"):
            form = form.rstrip(")")  # "(Korea Utara)": the closing bracket is the outer one's
            if form.count("(") != form.count(")"):
                continue
        entry = table.lookup(form.replace("(", "").replace(")", "")) or table.capitals.get(_clean(form).lower())
        if entry is None:
            continue
        start, end = match.start(), match.start() + len(form)
        overlapping = [s for s in spans if s.start < end and start < s.end]
        if any(s.start < start or s.end > end for s in overlapping):
            continue
        if any(s.start == start and s.end == end for s in overlapping):
            continue
        spans = [s for s in spans if s not in overlapping]
        spans.append(_Span(start, end, entry.type))
    return sorted(spans, key=lambda s: s.start)


def _add_agency_spans(text: str, spans: list[_Span]) -> list[_Span]:
    """News agencies and outlets the tagger missed ("PYONGYANG, KOMPAS.com - …", "dilansir AP"),
    from the agency table, which knows which short forms are ordinary words. Where the tagger
    found something there, its span stays ("Kantor Berita Pusat Korea (KCNA)": two names)."""
    added = [
        _Span(start, end, "ORG")
        for start, end, _ in find_agencies(text)
        if not any(s.start < end and start < s.end for s in spans)
    ]
    return sorted(spans + added, key=lambda s: s.start) if added else spans


# "PT" (Perseroan Terbatas) opens a company's name: the capitalised words after it, up to its
# legal form ("(Persero)", "Tbk") or the next name the tagger found
_COMPANY = re.compile(r"(?<![\w-])PT\.?(?=\s+[A-Z0-9])")
_COMPANY_WORD = re.compile(r"\s+(\(\s*Persero\s*\)|Tbk\.?|[A-Z0-9][\w&'.-]*)")


def _add_company_spans(text: str, spans: list[_Span]) -> list[_Span]:
    """Companies the tagger missed: "PT PLN (Persero)", "PT Musim Mas Group"."""
    added = []
    for match in _COMPANY.finditer(text):
        start = end = match.start()
        pos, words = match.end(), 0
        while words < 6 and (word := _COMPANY_WORD.match(text, pos)) is not None:
            if any(s.start <= word.start(1) < s.end for s in spans):
                break
            pos, end, words = word.end(), word.end(1), words + 1
            if word.group(1).startswith(("(", "Tbk")):
                break
        if text[end - 1] == "." and not text[start:end].endswith("Tbk."):
            end -= 1  # the sentence's full stop
        if words and not any(s.start < end and start < s.end for s in spans):
            added.append(_Span(start, end, "ORG"))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    """One regex over the forms worth looking for: our table, CLDR Indonesian names, capitals."""
    table = alias_table()
    # one alternation, longest first across both kinds, so "AP News" wins over "AP"
    forms = [(f, False) for f in table.exact] + [(f, True) for f in (*table.scan, *table.capitals)]
    body = "|".join(
        f"(?i:{_bracket_tolerant(f)})" if folded else _alternation([f])
        for f, folded in sorted(forms, key=lambda x: len(x[0]), reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _bracket_tolerant(form: str) -> str:
    """A multi-word form whose later words an editor bracketed: "Semenanjung (Korea)"."""
    if " " not in form:
        return re.escape(form)
    return re.escape(form).replace(r"\ ", r"\s+\(?") + r"\)?"


def _alternation(forms) -> str:
    # longest forms first; a space in a form matches any run of spaces (no-break spaces too)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


# --- 2b. names after a person's title ---------------------------------------------------

# a capitalised word or a short bracket after a space; a comma before it marks an appositive
_NAME_WORD = re.compile(r"(,?)[ \u00a0]+(\([^()\n]{1,20}\)|[A-Z][\w'’.-]*)")


def _add_titled_names(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    """Capitalised words after a title that is always followed by a person ("Presiden",
    "Menteri Luar Negeri"), past a country or an acronym ("AS", "(Dubes) China") and an
    appositive comma ("diplomat senior China, Song Tao"), are a person's name: foreign names
    the tagger has never seen, or took for a place ("Juru bicara Kemlu China, Wang Wenbin")."""
    out = list(spans)
    for title in _person_title_pattern().finditer(text):
        if _after_facility(text, title.start(), table):
            continue  # "Bandara Internasional Sultan Hasanuddin": a place named after a person
        words = []
        pos = title.end()
        while (m := _NAME_WORD.match(text, pos)) is not None and len(words) < 10:
            words.append(m)
            pos = m.end()
        k = _skip_to_name(words, table)
        name = []
        for m in words[k : k + 4]:
            w = m.group(2)
            if name and m.group(1):
                break  # a comma after the name: what follows is not part of it
            if w.startswith("(") or w.isupper() or w.lower() in table.titles or table.lookup(w) is not None:
                break
            name.append(m)
        if not name:
            continue
        start, end = name[0].start(2), name[-1].end(2)
        if text[end - 1] == ".":
            end -= 1  # a sentence's full stop, not an initial
        overlapping = [s for s in out if s.start < end and start < s.end]
        if overlapping and not (len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (start, end)):
            continue
        out = [s for s in out if s not in overlapping]
        out.append(_Span(start, end, "PER"))
    return sorted(out, key=lambda s: s.start)


def _after_facility(text: str, start: int, table: AliasTable) -> bool:
    """Capitalised words just before `start` open with a facility word ("Bandara Internasional")."""
    before = re.findall(r"[A-Z][\w.]*", text[max(0, start - 40) : start])[-3:]
    tail = text[max(0, start - 40) : start]
    if re.search(r"[^\w\s.]\s*$|\b[a-z]\w*\s*$", tail):
        return False  # a comma or a lower-case word right before the title: no name runs into it
    return any(" ".join(before[i : i + k]).lower() in table.facilities for i in range(len(before)) for k in (1, 2))


def _skip_to_name(words: list[re.Match[str]], table: AliasTable) -> int:
    """How many words after a title are a place, an institution, an acronym or a bracketed
    abbreviation before the name ("Duta Besar Korea Utara untuk China, Ri Ryong Nam")."""
    k = 0
    while k < len(words):
        if k and words[k].group(1):
            return k  # the appositive comma: the name starts here
        w = words[k].group(2)
        longest = next((n for n in range(min(4, len(words) - k), 1, -1)
                        if _is_known_name(" ".join(x.group(2) for x in words[k : k + n]), table)
                        and not any(x.group(1) for x in words[k + 1 : k + n])), 0)
        if longest:
            k += longest
        elif w.startswith("(") or w.isupper() or _is_known_name(w, table) or w.lower() in organisation_words():
            k += 1
        else:
            break
    return k


@lru_cache(maxsize=1)
def _person_title_pattern() -> re.Pattern[str]:
    titles = alias_table().person_titles
    return re.compile(rf"(?<![\w-])(?i:{_alternation(titles)})(?![\w-])")


# --- 1b. compounds the tagger ran together -------------------------------------------


def _split_prefixes(text: str, span: _Span, table: AliasTable) -> list[_Span]:
    """"China Xi Jinping" → LOC "China" + PER "Xi Jinping"; "Dubes Rusia" → LOC "Rusia";
    "Seoul Xing Haiming" → LOC "Seoul" + PER "Xing Haiming"."""
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    if len(words) < 2:
        return [span]
    # "Metro Jaya Irjen Karyoto": a title always followed by a person, inside a span, starts a person,
    # unless the span is a place named after that person ("Jalan Jenderal Sudirman")
    for i in range(1 if not _opens_with_facility(words, table) else len(words), len(words) - 1):
        for n in range(min(table.max_title_words, len(words) - 1 - i), 0, -1):
            if " ".join(w.group(0) for w in words[i : i + n]).lower() in table.person_titles:
                head = _Span(span.start, span.start + words[i - 1].end(), span.type)
                return [*_split_prefixes(text, head, table), _Span(span.start + words[i + n].start(), span.end, "PER")]
    for n in range(min(table.max_title_words, len(words) - 1), 0, -1):
        head = " ".join(w.group(0) for w in words[:n])
        if span.type != "PER" and head.lower() in table.titles:
            rest = _Span(span.start + words[n].start(), span.end, span.type)
            rest_entry = table.lookup(text[rest.start : rest.end])
            if rest_entry is not None:
                return [replace(rest, type=rest_entry.type)]
    if any(" ".join(w.group(0) for w in words[:k]).lower() in table.descriptors for k in (1, 2, 3)):
        # "Kantor Berita resmi China Xinhua": the agency is the known name at the end; with the
        # agency tagged apart, "Kantor Berita resmi China" is a description naming a country
        tails = [(span.start + w.start(), table.lookup(text[span.start + w.start() : span.end])) for w in words[1:]]
        for start, entry in sorted(tails, key=lambda t: t[1] is None or t[1].type != "ORG"):
            if entry is not None:
                return [_Span(start, span.end, entry.type)]
    for n in range(len(words) - 1, 0, -1):
        head = _clean(" ".join(w.group(0) for w in words[:n]))
        entry = table.lookup(head) or table.capitals.get(head.lower())
        if entry is not None:
            tail = words[n:]
            if all(w.group(0)[:1].isupper() for w in tail):
                first = _Span(span.start, span.start + words[n - 1].end(), entry.type)
                rest = _Span(span.start + tail[0].start(), span.end, "PER")
                if span.type == "ORG" and not _looks_like_person(text[rest.start : rest.end]):
                    rest = replace(rest, type=span.type)
                return [first, rest]
            return [span]
    return [span]


_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.]*[ \u00a0]+){1,6}$")
# ranks and honorifics of the people streets, airports and hospitals are named after; an office
# ("Gedung Sate Gubernur Ridwan Kamil") names the person acting, not the place
_EPONYM_TITLES = frozenset({
    "jenderal", "jend.", "letjen", "mayjen", "brigjen", "laksamana", "marsekal", "kolonel", "kapten", "sultan",
    "raja", "ratu", "pangeran", "haji", "h.", "kh", "k.h.", "kiai", "kyai", "dr.", "prof.", "ir.", "pol", "tni",
})


def _join_places_named_after_people(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    """"Bandara Internasional Sultan Hasanuddin", "RS Bhayangkara Brigjen Pol Hasan Basry", "RS Cipto
    Mangunkusumo": a person's name right after capitalised words that open with a facility word, with a
    rank before the name or the facility word right before it, is the end of the place's name."""
    out = list(spans)
    for person in [s for s in spans if s.type == "PER"]:
        line_start = text.rfind("\n", 0, person.start) + 1
        run = _CAPITALISED_RUN.search(text, max(line_start, person.start - 80), person.start)
        if run is None:
            continue
        words = list(re.finditer(r"\S+", run.group(0)))
        first = next((i for i in range(len(words)) if _opens_with_facility(words[i:], table)), None)
        if first is None:
            continue
        leading = text[person.start : person.end].split()[:1]  # the tagger may have kept the rank: "Sultan Hasanuddin"
        ranked = any(w.lower() in _EPONYM_TITLES for w in [x.group(0) for x in words[first + 1 :][-2:]] + leading)
        # or the facility word right before the name: "RS Cipto Mangunkusumo", "Jalan Ahmad Yani"
        adjacent = any(" ".join(w.group(0) for w in words[first:]).lower() == f for f in table.facilities)
        if not (ranked or adjacent):
            continue
        start = run.start() + words[first].start()
        inside = [s for s in out if start <= s.start and s.end <= person.end]
        if any(s.start < start < s.end for s in out):
            continue  # the facility word is inside another name
        kind = next((s.type for s in inside if s.start == start and s.type != "PER"), "LOC")
        out = [s for s in out if s not in inside] + [_Span(start, person.end, kind)]
    return sorted(out, key=lambda s: s.start)


def _opens_with_facility(words: list[re.Match[str]], table: AliasTable) -> bool:
    """"Jalan …", "Bandara Internasional …", "Rumah Sakit …": a place that may be named after a titled person."""
    return any(" ".join(w.group(0) for w in words[:k]).lower() in table.facilities for k in (1, 2))


def _without_credit_label(text: str, span: _Span) -> _Span:
    """"Iryanda Mardanuz Editor: …": a byline's next label is no part of the name before it."""
    if span.type != "PER":
        return span
    last = re.search(r"\s(\S+)$", text[span.start : span.end])
    if last is not None and last.group(1).rstrip(":").lower() in AUTHOR_LABELS:
        return replace(span, end=span.start + last.start())
    return span


def _split_at_dash(text: str, span: _Span) -> list[_Span]:
    """"KOMPAS.com — Menteri …", "KOMPAS.com -Presiden", "KOMPAS.com- Fraksi PDI-P": a dash with a space
    on either side (a dateline's) ends a name; one inside a word ("Zeta-Jones") does not."""
    cut = re.search(r"\s[-–—]|[-–—]\s", text[span.start : span.end])
    if cut is None:
        return [span]
    head_text, tail_text = text[span.start : span.start + cut.start()], text[span.start + cut.end() : span.end]
    head = _Span(span.start, span.start + len(head_text.rstrip()), span.type)
    tail = _Span(span.end - len(tail_text.lstrip()), span.end, span.type)
    return [part for part in (head, tail) if part.end > part.start]


def _is_words_not_a_person(text: str, span: _Span) -> bool:
    """A "person" whose every word is a common word capitalised ("Sekolah Rakyat", a programme)."""
    words = _clean(text[span.start : span.end]).split()
    return span.type == "PER" and len(words) >= 2 and all(w.lower() in common_words() for w in words)


def _names_a_non_entity(surface: str, table: AliasTable) -> bool:
    """"pandemi Covid-19": the span holds a name the table knows is no entity."""
    words = _clean(surface).lower().split()
    return any(" ".join(words[i : i + k]) in table.non_entities for i in range(len(words)) for k in (1, 2, 3))


_HYPHENED = re.compile(r"(?<![\w-])[A-Z]\w*(?:-[A-Z]\w*)+(?![\w-])")


def _split_pairs(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    """"hubungan China-Korut", "AS-China", "Beijing-Pyongyang": states joined by a hyphen are a
    mention of each, when every part is a known place and the whole is not ("Guinea-Bissau")."""
    out = list(spans)
    for match in _HYPHENED.finditer(text):
        if table.lookup(match.group(0)) is not None:
            continue
        parts = list(re.finditer(r"[^-]+", match.group(0)))
        entries = [table.lookup(p.group(0)) or table.capitals.get(p.group(0).lower()) for p in parts]
        if any(e is None or e.type != "LOC" for e in entries):
            continue
        start, end = match.span()
        inside = [s for s in out if s.start < end and start < s.end]
        rests = [r for s in inside for r in (_Span(s.start, start, s.type), _Span(end, s.end, s.type)) if r.start < r.end]
        if any(_has_name_word(text[r.start : r.end]) for r in rests):
            continue  # a longer name runs through it
        # what the tagger ran into the pair is dropped: "Tiru China-Brasil" (a capitalised verb)
        out = [s for s in out if s not in inside]
        out += [_Span(start + p.start(), start + p.end(), "LOC") for p in parts]
    return sorted(out, key=lambda s: s.start)


def _has_name_word(text: str) -> bool:
    """A word that is not a common lower-case word in capitals: "Tiru" (imitate) is none, "Presiden" is one."""
    return any(w.lower() not in common_words() for w in re.findall(r"[\w'-]+", text))


def _is_known_name(name: str, table: AliasTable) -> bool:
    return table.lookup(name) is not None or _names_a_place_or_organisation(name)


def _names_a_place_or_organisation(name: str) -> bool:
    """The gazetteer knows the words as a place or an organisation and never as a person ("Jawa Tengah")."""
    from kabar.analyse.ner.model import shipped

    kinds = shipped().lexicon.names.get(name.lower(), "")
    return bool(kinds) and "P" not in kinds


def _looks_like_person(name: str) -> bool:
    """The gazetteer knows the name, or its first word, as a person's."""
    from kabar.analyse.ner.model import shipped

    names = shipped().lexicon.names
    words = name.lower().split()
    return "P" in names.get(" ".join(words), "") or (len(words) > 1 and "P" in names.get(words[0], ""))


# --- 3b. the same names again ------------------------------------------------------


def _propagate(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    """Names found once are names everywhere in the article: a missed "Xi" or "Washington"
    is added where the article already used it (or a person's name part) as an entity."""
    forms: dict[str, str] = {}
    for span in spans:
        surface = _clean(text[span.start : span.end])
        if len(surface) >= 2 and surface[0].isupper():
            forms.setdefault(surface, span.type)
        if span.type == "PER":
            for part in surface.split(" ")[:: max(1, len(surface.split(" ")) - 1)]:
                if len(part) >= 2 and part[0].isupper() and part.lower() not in table.titles:
                    forms.setdefault(part, "PER")
        elif span.type == "ORG" and len(bare := _without_legal_form(surface)) >= 2:
            forms.setdefault(bare, "ORG")  # "PT PLN (Persero)", later "PLN"
    if not forms:
        return spans
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])")
    out = list(spans)
    taken = sorted((s.start, s.end) for s in spans)
    # the matches come in order and never overlap each other: a match overlaps a found span exactly
    # when the furthest end among the spans starting before the match's end passes its start
    k, furthest = 0, -1
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        while k < len(taken) and taken[k][0] < end:
            furthest = max(furthest, taken[k][1])
            k += 1
        if furthest > start:
            continue
        out.append(_Span(start, end, forms[_clean(match.group(0))]))
    return sorted(out, key=lambda s: s.start)


# --- 3. titles → roles -----------------------------------------------------------------


def _with_role(text: str, span: _Span, table: AliasTable, floor: int = 0) -> _Span:
    """`span` with the title before or inside it as its role; `floor` is where the previous span ends,
    which a name never reaches back over."""
    if span.type != "PER":
        return span
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    # a title inside the tagged span: "Presiden Joko Widodo" → role "Presiden", name "Joko Widodo"
    for n in range(min(table.max_title_words, len(words) - 1), 0, -1):
        candidate = " ".join(w.group(0) for w in words[:n])
        if candidate.lower() in table.titles:
            return replace(span, start=span.start + words[n].start(), role=candidate)
    found = _title_before(text, span.start, table)
    if found is None:
        return replace(span, role=None)
    role, name_start = found
    if name_start < floor:
        return replace(span, role=None)  # the title names the span before: "Presiden Joko Widodo Gibran"
    return replace(span, start=name_start, role=role)


def _offices_as_roles(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    """"Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Yuddy Chrisnandi": a span that
    opens with a title and runs right up to a person is that person's office, not an organisation."""
    out: list[_Span] = []
    for span in spans:
        previous = out[-1] if out else None
        if (
            span.type == "PER" and span.role is None and previous is not None and previous.type != "PER"
            and text[previous.end : span.start].isspace() and _opens_with_title(text[previous.start : previous.end], table)
        ):
            out[-1] = replace(span, role=_clean(text[previous.start : previous.end]))
            continue
        out.append(span)
    return out


def _opens_with_title(surface: str, table: AliasTable) -> bool:
    words = surface.lower().split()
    return any(" ".join(words[:k]) in table.titles for k in range(1, min(table.max_title_words, len(words)) + 1))


def _title_before(text: str, start: int, table: AliasTable) -> tuple[str, int] | None:
    """A title just before a name, perhaps with a country and a comma between, and where the
    name starts: "Menteri Luar Negeri AS, Antony Blinken" → ("Menteri Luar Negeri", start);
    "Letkol Teddy [Indra Wijaya]" → ("Letkol", the start of "Teddy"): a title always followed
    by a person has no portfolio words, so capitalised words after it belong to the name."""
    line_start = text.rfind("\n", 0, start) + 1
    offset = max(line_start, start - 80)
    words = list(re.finditer(r"[\w.()][\w.()-]*|,", text[offset:start]))  # "-Presiden": a dateline dash is no part of a word
    # skip back over up to six capitalised words, parentheses or commas (the country, "(Dubes)",
    # "Kementerian Luar Negeri China ,")
    for skip in range(0, 7):
        end = len(words) - skip
        if end <= 0:
            break
        between = words[end:]
        if any(not (w.group(0)[0].isupper() or w.group(0) in {",", "di", "untuk"} or w.group(0).startswith("(")) for w in between):
            break
        if any(len(w.group(0)) > 3 and w.group(0).endswith(".") for w in between):
            break  # a sentence ended in between: "… ajudan jenderal California. Trump menjelaskan"
        for n in range(min(table.max_title_words, end), 0, -1):
            candidate = " ".join(w.group(0) for w in words[end - n : end])
            if candidate.lower() not in table.titles:
                continue
            texts = [w.group(0) for w in between]
            if candidate.lower() in table.person_titles and texts and _all_name_words(texts, table):
                return candidate, offset + between[0].start()
            return _with_portfolio(candidate, texts, table), start
    return None


def _all_name_words(words: list[str], table: AliasTable) -> bool:
    """Capitalised words that can all be part of a person's name: no acronym, title or known
    name among them, alone or together ("Korea Utara")."""
    if any(not w[0].isupper() or w.isupper() or not w.isalpha() or w.lower() in table.titles for w in words):
        return False
    return not any(
        table.lookup(" ".join(words[i : i + k])) or (k > 1 and _names_a_place_or_organisation(" ".join(words[i : i + k])))
        for i in range(len(words)) for k in range(1, 5)
    )


def _with_portfolio(title: str, between: list[str], table: AliasTable) -> str:
    """The office's own words after the title stay in the role ("Menteri" + "Kesehatan");
    a country, an acronym or a bracket after it does not ("Presiden" | "China")."""
    words = [title]
    for i, w in enumerate(between):
        names_here = any(table.lookup(" ".join(between[i : i + k])) for k in range(1, 5))
        if not w[0].isupper() or w.isupper() or w.startswith("(") or names_here:
            break
        words.append(w)
    return " ".join(words)


# --- 4. identity ------------------------------------------------------------------------


def _resolve(text: str, spans: list[_Span], table: AliasTable) -> list[_Span]:
    named: list[_Span] = []
    for span in spans:
        surface = _clean(text[span.start : span.end])
        entry = table.lookup(surface) or table.lookup(surface.replace("(", "").replace(")", ""))
        # a one-word alias may also be someone's name; a longer one is what the table says
        if entry is not None and (span.type != "PER" or entry.type == "PER" or " " in surface):
            role = span.role if entry.type == "PER" else None  # only people have roles
            named.append(replace(span, type=entry.type, canonical=entry.canonical, role=role))
            continue
        capital = table.capitals.get(surface.lower())
        if capital is not None and span.type != "PER" and _acts_as_state(text, span):
            named.append(replace(span, type=capital.type, canonical=capital.canonical))
            continue
        agency = canonical_agency(surface) if span.type == "ORG" else None
        name = _normalise_name(surface)
        named.append(replace(span, canonical=agency or (_without_legal_form(name) if span.type == "ORG" else name)))
    return _fold_short_forms(_fold_other_names(text, named))


# a company's legal form, which news writes or leaves out at will: "PT PLN (Persero)" is "PLN"
_LEGAL_FORM = re.compile(r"^(?:PT\.?|CV\.?)\s+|\s*(?:,?\s*Tbk\.?|\(Persero\)|\bPersero)$")


def _without_legal_form(name: str) -> str:
    bare = name
    while (stripped := _LEGAL_FORM.sub("", bare)) != bare and stripped:
        bare = stripped
    return bare


def _fold_other_names(text: str, spans: list[_Span]) -> list[_Span]:
    """A second name given right after a name is another name of it, in the whole article:
    in brackets ("Joko Widodo (Jokowi)", "Komisi Pemberantasan Korupsi (KPK)"; a longer bracketed
    name is the full one: "Milo (Milomir Seslija)") or, for people, as a nickname ("Saifullah Yusuf
    atau Gus Ipul", "Basuki Tjahaja Purnama alias Ahok")."""
    alias: dict[str, str] = {}
    for a, b in zip(spans, spans[1:]):
        if a.type != b.type or b.canonical == a.canonical or alias_table().lookup(text[b.start : b.end]) is not None:
            continue
        between = text[a.end : b.start]
        bracketed = re.fullmatch(r"\s*\(\s*", between) is not None and text[b.end : b.end + 1] == ")"
        if bracketed and len(b.canonical.split()) > len(a.canonical.split()) and a.canonical not in alias:
            alias[a.canonical] = b.canonical  # "coach Milo (Milomir Seslija)": the full name is the bracketed one
        elif bracketed or (a.type == "PER" and _is_nickname(between, a.canonical, b.canonical)):
            alias.setdefault(b.canonical, a.canonical)
    if not alias:
        return spans
    return [replace(s, canonical=alias.get(s.canonical, s.canonical)) for s in spans]


# "yang akrab disapa", "alias": a nickname follows; "atau" only before an honorific nickname ("atau Gus
# Ipul"), since "memilih Anies Baswedan atau Prabowo" is a choice between two people.
_NICKNAME_CUE = re.compile(r"\s*,?\s*(?:alias|(?:yang\s+)?(?:akrab|biasa|kerap)\s+(?:di)?sapa|(?:yang\s+)?dikenal\s+(?:dengan\s+)?(?:nama|sapaan))\s+")
_OR = re.compile(r"\s*,?\s*atau\s+")
_NICKNAME_HONORIFICS = frozenset({"gus", "cak", "kang", "bung", "abah", "mbah", "ning", "buya", "bang", "uda", "daeng"})


def _is_nickname(between: str, full: str, second: str) -> bool:
    if _NICKNAME_CUE.fullmatch(between):
        return True
    if not _OR.fullmatch(between) or len(full.split()) < 2:
        return False
    words = second.split()
    return len(words) >= 2 and words[0].lower() in _NICKNAME_HONORIFICS


def _acts_as_state(text: str, span: _Span) -> bool:
    """A capital is its state unless it is used as a place: after a locative
    ("di Beijing", "di Beijing dan Seoul") or as the dateline at a paragraph's start."""
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[line_start : span.start]
    if _in_dateline(text, line_start, span):
        return False
    words = re.findall(r"[\w-]+|,", before.lower())
    while len(words) >= 2 and words[-1] in {"dan", ","}:
        words = words[:-2]  # "di Beijing dan Seoul": look past the coordinated capital
    return not words or words[-1] not in LOCATIVES


def _in_dateline(text: str, line_start: int, span: _Span) -> bool:
    """"PYONGYANG, KOMPAS.com - …", "TRIBUNNEWS.COM, BEIJING - …": a place in the opening dateline."""
    if span.start - line_start > 40:
        return False
    head = text[line_start : span.start]
    after = text[span.end : span.end + 3]
    dateline_mark = re.match(r"\s*[,\-–—(]", after) is not None
    return dateline_mark and (not head.strip() or head.rstrip().endswith(",")) and (
        text[span.start : span.end].isupper() or not head.strip()
    )


def _fold_short_forms(spans: list[_Span]) -> list[_Span]:
    """Short person names → the fullest name containing them ("Xi", "Jinping" → "Xi Jinping");
    abbreviations → the name whose initials they are ("AP" → "Associated Press"). Each distinct name
    is resolved once, so a long page with many mentions stays linear in its mentions."""
    full_names = list(dict.fromkeys(s.canonical for s in spans if s.type == "PER" and " " in s.canonical))
    resolved: dict[tuple[str, str], list[str] | str] = {}
    last_seen: dict[str, int] = {}  # canonical → index of its latest mention so far
    out = []
    for i, span in enumerate(spans):
        name = span.canonical
        key = (span.type, name)
        if key not in resolved:
            resolved[key] = _fuller_names(span, spans, full_names)
        fuller = resolved[key]
        if isinstance(fuller, list):  # a person's candidates: the most recent earlier one, else the first
            earlier = [f for f in fuller if f in last_seen]
            name = max(earlier, key=last_seen.__getitem__) if earlier else (fuller[0] if fuller else name)
        else:
            name = fuller
        last_seen[span.canonical] = i
        out.append(replace(span, canonical=name))
    return out


def _fuller_names(span: _Span, spans: list[_Span], full_names: list[str]) -> list[str] | str:
    """For a person, the article's full names containing the name (in order of first mention);
    otherwise the one name the abbreviation or syllabic short form stands for, or the name itself."""
    name = span.canonical
    if span.type == "PER":
        return [f for f in full_names if f != name and _is_part_of(name, f)]
    if _is_abbreviation_of_any(name):
        return _expand_abbreviation(name, spans) or name
    if span.type == "ORG" and _may_be_syllabic(name):
        fuller = {s.canonical for s in spans if s.type == "ORG" and _is_syllabic_abbreviation(name, s.canonical)}
        return fuller.pop() if len(fuller) == 1 else name
    return name


def _may_be_syllabic(name: str) -> bool:
    return 4 <= len(name) <= 12 and name.isalpha() and name[0].isupper() and not name.isupper()


def _is_syllabic_abbreviation(short: str, full: str) -> bool:
    """Indonesian institutions shorten to syllables: "Kemendagri" = "Kementerian Dalam Negeri",
    "Kejagung" = "Kejaksaan Agung", "Basarnas" = "Badan SAR Nasional". The short form opens like the
    full name, its letters come in order from the full name, and from at least two of its words."""
    words = [w.lower() for w in full.split()]
    short = short.lower()
    if len(words) < 2 or short[:2] != words[0][:2]:
        return False
    used, k = set(), 0
    for i, word in enumerate(words):
        for ch in word:
            if k < len(short) and ch == short[k]:
                used.add(i)
                k += 1
    return k == len(short) and len(used) >= 2


def _is_part_of(short: str, full: str) -> bool:
    a, b = short.lower().split(), full.lower().split()
    return len(a) < len(b) and any(b[k : k + len(a)] == a for k in range(len(b) - len(a) + 1))


def _is_abbreviation_of_any(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isupper() and name.isalpha()


_NOT_INITIALLED = frozenset({"dan", "dan/atau", "untuk", "di", "of", "and", "the", "&", "for"})


def _expand_abbreviation(abbr: str, spans: list[_Span]) -> str | None:
    """The name whose initials `abbr` is: "KKP" → "Kementerian Kelautan dan Perikanan"."""
    for span in spans:
        words = [w for w in re.split(r"[\s-]+", span.canonical) if w and w.lower() not in _NOT_INITIALLED]
        if len(words) == len(abbr) and "".join(w[0] for w in words).upper() == abbr and span.type != "PER":
            return span.canonical
    return None


def _records(article_id: str, text: str, spans: list[_Span]) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    by_name: dict[str, list[_Span]] = {}
    for span in spans:
        by_name.setdefault(span.canonical, []).append(span)
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for canonical, group in by_name.items():  # dict order = first mention order
        kind = Counter(s.type for s in group).most_common(1)[0][0]
        entity_id = stable_id(kind, canonical)
        forms = tuple(dict.fromkeys(_clean(text[s.start : s.end]) for s in group))
        entities.append(Entity(entity_id, canonical, kind, forms))
        for s in group:
            mentions.append(Mention(article_id, s.start, s.end, text[s.start : s.end], kind, entity_id, s.role))
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(entities), tuple(mentions)
