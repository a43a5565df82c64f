"""Correcting spans the tagger ran together or cut wrongly: titles and countries before a name,
pairs of states ("China-Korut"), dateline dashes, byline labels, places named after titled
people ("Jalan Jenderal Sudirman"), and names that are no entity ("Covid-19", "Sekolah Rakyat")."""

from __future__ import annotations

import re
from dataclasses import replace

from kabar.analyse.entities.known import looks_like_person
from kabar.analyse.entities.span import Span, clean
from kabar.analyse.ner.features import Lexicon
from kabar.lang.id.aliases import AliasTable
from kabar.lang.id.boilerplate import AUTHOR_LABELS
from kabar.lang.id.titles import EPONYM_TITLES
from kabar.lang.id.words import common_words


def split_prefixes(text: str, span: Span, table: AliasTable, lexicon: Lexicon) -> list[Span]:
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
                head = Span(span.start, span.start + words[i - 1].end(), span.type)
                return [*split_prefixes(text, head, table, lexicon), Span(span.start + words[i + n].start(), span.end, "PER")]
    for n in range(min(table.max_title_words, len(words) - 1), 0, -1):
        head = " ".join(w.group(0) for w in words[:n])
        if span.type != "PER" and head.lower() in table.titles:
            rest = Span(span.start + words[n].start(), span.end, span.type)
            rest_entry = table.lookup(text[rest.start : rest.end])
            if rest_entry is not None:
                return [replace(rest, type=rest_entry.type)]
    if any(" ".join(w.group(0) for w in words[:k]).lower() in table.descriptors for k in (1, 2, 3)):
        # "Kantor Berita resmi China Xinhua": the agency is the known name at the end; with the
        # agency tagged apart, "Kantor Berita resmi China" is a description naming a country
        tails = [(span.start + w.start(), table.lookup(text[span.start + w.start() : span.end])) for w in words[1:]]
        for start, entry in sorted(tails, key=lambda t: t[1] is None or t[1].type != "ORG"):
            if entry is not None:
                return [Span(start, span.end, entry.type)]
    # no head longer than the longest form the table knows can be one (every head of a long
    # run of words was quadratic: 20 KB of markup the tagger ran together took seconds)
    for n in range(min(len(words) - 1, table.max_name_words), 0, -1):
        head = clean(" ".join(w.group(0) for w in words[:n]))
        entry = table.lookup(head) or table.capitals.get(head.lower())
        if entry is not None:
            tail = words[n:]
            if all(w.group(0)[:1].isupper() for w in tail):
                first = Span(span.start, span.start + words[n - 1].end(), entry.type)
                rest = Span(span.start + tail[0].start(), span.end, "PER")
                if span.type == "ORG" and not looks_like_person(text[rest.start : rest.end], lexicon):
                    rest = replace(rest, type=span.type)
                return [first, rest]
            return [span]
    return [span]


_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.]*[ \u00a0]+){1,6}$")


def join_places_named_after_people(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
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
        ranked = any(w.lower() in EPONYM_TITLES for w in [x.group(0) for x in words[first + 1 :][-2:]] + leading)
        # or the facility word right before the name: "RS Cipto Mangunkusumo", "Jalan Ahmad Yani"
        adjacent = any(" ".join(w.group(0) for w in words[first:]).lower() == f for f in table.facilities)
        if not (ranked or adjacent):
            continue
        start = run.start() + words[first].start()
        inside = [s for s in out if start <= s.start and s.end <= person.end]
        if any(s.start < start < s.end for s in out):
            continue  # the facility word is inside another name
        kind = next((s.type for s in inside if s.start == start and s.type != "PER"), "LOC")
        out = [s for s in out if s not in inside] + [Span(start, person.end, kind)]
    return sorted(out, key=lambda s: s.start)


def _opens_with_facility(words: list[re.Match[str]], table: AliasTable) -> bool:
    """"Jalan …", "Bandara Internasional …", "Rumah Sakit …": a place that may be named after a titled person."""
    return any(" ".join(w.group(0) for w in words[:k]).lower() in table.facilities for k in (1, 2))


def without_credit_label(text: str, span: Span) -> Span:
    """"Iryanda Mardanuz Editor: …": a byline's next label is no part of the name before it."""
    if span.type != "PER":
        return span
    last = re.search(r"\s(\S+)$", text[span.start : span.end])
    if last is not None and last.group(1).rstrip(":").lower() in AUTHOR_LABELS:
        return replace(span, end=span.start + last.start())
    return span


def split_at_dash(text: str, span: Span) -> list[Span]:
    """"KOMPAS.com — Menteri …", "KOMPAS.com -Presiden", "KOMPAS.com- Fraksi PDI-P": a dash with a space
    on either side (a dateline's) ends a name; one inside a word ("Zeta-Jones") does not."""
    cut = re.search(r"\s[-–—]|[-–—]\s", text[span.start : span.end])
    if cut is None:
        return [span]
    head_text, tail_text = text[span.start : span.start + cut.start()], text[span.start + cut.end() : span.end]
    head = Span(span.start, span.start + len(head_text.rstrip()), span.type)
    tail = Span(span.end - len(tail_text.lstrip()), span.end, span.type)
    return [part for part in (head, tail) if part.end > part.start]


def is_words_not_a_person(text: str, span: Span) -> bool:
    """A "person" whose every word is a common word capitalised ("Sekolah Rakyat", a programme)."""
    words = clean(text[span.start : span.end]).split()
    return span.type == "PER" and len(words) >= 2 and all(w.lower() in common_words() for w in words)


def names_a_non_entity(surface: str, table: AliasTable) -> bool:
    """"pandemi Covid-19": the span holds a name the table knows is no entity."""
    words = clean(surface).lower().split()
    return any(" ".join(words[i : i + k]) in table.non_entities for i in range(len(words)) for k in (1, 2, 3))


_HYPHENED = re.compile(r"(?<![\w-])[A-Z]\w*(?:-[A-Z]\w*)+(?![\w-])")


def split_pairs(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
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
        rests = [r for s in inside for r in (Span(s.start, start, s.type), Span(end, s.end, s.type)) if r.start < r.end]
        if any(_has_name_word(text[r.start : r.end]) for r in rests):
            continue  # a longer name runs through it
        # what the tagger ran into the pair is dropped: "Tiru China-Brasil" (a capitalised verb)
        out = [s for s in out if s not in inside]
        out += [Span(start + p.start(), start + p.end(), "LOC") for p in parts]
    return sorted(out, key=lambda s: s.start)


def _has_name_word(text: str) -> bool:
    """A word that is not a common lower-case word in capitals: "Tiru" (imitate) is none, "Presiden" is one."""
    return any(w.lower() not in common_words() for w in re.findall(r"[\w'-]+", text))
