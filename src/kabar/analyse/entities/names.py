"""One canonical name per mention: alias folding (CLDR and Kabar's table), normalised spelling,
capitals standing for their states, institutions of a country, companies without their legal form,
short forms folded into the article's full names; then the article's entity and mention records."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from kabar.analyse.entities.span import Span, clean
from kabar.ids import stable_id
from kabar.lang.id.agencies import canonical_agency
from kabar.lang.id.aliases import AliasTable, alias_table
from kabar.lang.id.words import ACRONYM_SKIPS, LOCATIVES, NICKNAME_HONORIFICS
from kabar.records import Entity, Mention

_KOREAN_GIVEN = re.compile(r"\b([A-Z][a-z]+)-([a-z]{2,4})\b")  # "Jong-un", "Yo-jong", "Jae-in"


def canonical_form(surface: str, table: AliasTable | None = None) -> str:
    """Alias folding for a surface form: "Korut" → "North Korea", "Tiongkok" → "China",
    "Kim Jong-un" → "Kim Jong Un", "PYONGYANG" → "Pyongyang"; unknown names are only normalised.
    `table`: the alias table to fold with (default: the shipped one)."""
    form = clean(surface)
    hit = (table or alias_table()).lookup(form)
    return hit.canonical if hit is not None else _normalise_name(form)


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


def resolve(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
    named: list[Span] = []
    for span in spans:
        surface = clean(text[span.start : span.end])
        entry = table.lookup(surface)
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
        named.append(replace(span, canonical=agency or (without_legal_form(name) if span.type == "ORG" else name)))
    return _fold_short_forms(_fold_other_names(text, named, table))


# a company's legal form, which news writes or leaves out at will: "PT PLN (Persero)" is "PLN"
_LEGAL_FORM = re.compile(r"^(?:PT\.?|CV\.?)\s+|\s*(?:,?\s*Tbk\.?|\(Persero\)|\bPersero)$")


def without_legal_form(name: str) -> str:
    bare = name
    while (stripped := _LEGAL_FORM.sub("", bare)) != bare and stripped:
        bare = stripped
    return bare


def _fold_other_names(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
    """A second name given right after a name is another name of it, in the whole article:
    in brackets ("Joko Widodo (Jokowi)", "Komisi Pemberantasan Korupsi (KPK)"; a longer bracketed
    name is the full one: "Milo (Milomir Seslija)") or, for people, as a nickname ("Saifullah Yusuf
    atau Gus Ipul", "Basuki Tjahaja Purnama alias Ahok")."""
    alias: dict[str, str] = {}
    for a, b in zip(spans, spans[1:]):
        if a.type != b.type or b.canonical == a.canonical or table.lookup(text[b.start : b.end]) is not None:
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
# the spaces around the comma taken possessively: two adjacent \s* split a long run of spaces every way
_NICKNAME_CUE = re.compile(r"\s*+,?\s*+(?:alias|(?:yang\s+)?(?:akrab|biasa|kerap)\s+(?:di)?sapa|(?:yang\s+)?dikenal\s+(?:dengan\s+)?(?:nama|sapaan))\s+")
_OR = re.compile(r"\s*+,?\s*+atau\s+")


def _is_nickname(between: str, full: str, second: str) -> bool:
    if _NICKNAME_CUE.fullmatch(between):
        return True
    if not _OR.fullmatch(between) or len(full.split()) < 2:
        return False
    words = second.split()
    return len(words) >= 2 and words[0].lower() in NICKNAME_HONORIFICS


def _acts_as_state(text: str, span: Span) -> bool:
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


def _in_dateline(text: str, line_start: int, span: Span) -> bool:
    """"PYONGYANG, KOMPAS.com - …", "TRIBUNNEWS.COM, BEIJING - …": a place in the opening dateline."""
    if span.start - line_start > 40:
        return False
    head = text[line_start : span.start]
    after = text[span.end : span.end + 3]
    dateline_mark = re.match(r"\s*[,\-–—(]", after) is not None
    return dateline_mark and (not head.strip() or head.rstrip().endswith(",")) and (
        text[span.start : span.end].isupper() or not head.strip()
    )


def _fold_short_forms(spans: list[Span]) -> list[Span]:
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


def _fuller_names(span: Span, spans: list[Span], full_names: list[str]) -> list[str] | str:
    """For a person, the article's full names containing the name (in order of first mention);
    otherwise the one name the abbreviation or syllabic short form stands for, or the name itself."""
    name = span.canonical
    if span.type == "PER":
        return [f for f in full_names if f != name and _is_part_of(name, f)]
    if _is_abbreviation_of_any(name):
        return _expand_abbreviation(name, spans) or name
    if span.type == "ORG" and _may_be_syllabic(name):
        fuller = {s.canonical for s in spans if s.type == "ORG" and is_syllabic_abbreviation(name, s.canonical)}
        return fuller.pop() if len(fuller) == 1 else name
    return name


def _may_be_syllabic(name: str) -> bool:
    return 4 <= len(name) <= 12 and name.isalpha() and name[0].isupper() and not name.isupper()


def is_syllabic_abbreviation(short: str, full: str) -> bool:
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


def _expand_abbreviation(abbr: str, spans: list[Span]) -> str | None:
    """The name whose initials `abbr` is: "KKP" → "Kementerian Kelautan dan Perikanan"."""
    for span in spans:
        words = [w for w in re.split(r"[\s-]+", span.canonical) if w and w.lower() not in ACRONYM_SKIPS]
        if len(words) == len(abbr) and "".join(w[0] for w in words).upper() == abbr and span.type != "PER":
            return span.canonical
    return None


def records(article_id: str, text: str, spans: list[Span]) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    by_name: dict[str, list[Span]] = {}
    for span in spans:
        by_name.setdefault(span.canonical, []).append(span)
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for canonical, group in by_name.items():  # dict order = first mention order
        kind = Counter(s.type for s in group).most_common(1)[0][0]
        entity_id = stable_id(kind, canonical)
        forms = tuple(dict.fromkeys(clean(text[s.start : s.end]) for s in group))
        entities.append(Entity(entity_id, canonical, kind, forms))
        for s in group:
            mentions.append(Mention(article_id, s.start, s.end, text[s.start : s.end], kind, entity_id, s.role))
    mentions.sort(key=lambda m: (m.start, m.end))
    return tuple(entities), tuple(mentions)
