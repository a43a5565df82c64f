"""Speaker phrases: the words at a cue, read from the text.

"kata Irjen Fadil dalam …" → "Irjen Fadil"; "Kantor berita pemerintah Korea Utara, KCNA,
mengatakan" → "KCNA"; a role before the name is read past ("kata Kepala Dusun Nglahar, Kelurahan
Sumbersari, Wahyu Wibowo"). Which entity a phrase names is `speakers`' work.
"""

from __future__ import annotations

import re

from kabar.lang.id import quote_cues as cues
from kabar.lang.id.aliases import AliasEntry, canonical_of
from kabar.lang.id.words import NAME_CONNECTORS, NAME_PARTICLES

WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
# lower-case words inside a speaker's name or office: "Mohammed bin Salman", "Menteri … dan Keamanan", "dr Tirta"
_NAME_JOINERS = NAME_PARTICLES | NAME_CONNECTORS | cues.LOWER_CASE_TITLES
PARTICLE = "|".join(sorted(NAME_PARTICLES))  # a regex alternation of the name particles
_MAX_PHRASE_TOKENS = 20
# subject parts: split at commas, brackets and a dateline dash ("KOMPAS.com - Para pemimpin …")
_PART = re.compile(r"(?:[^,;:()\s–—-]|\s(?![-–—]\s)|(?<=\w)[-–—](?=\w))+")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def phrase_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The speaker phrase that starts at `pos` (after a post-quote cue), or None.

    It runs over words until punctuation, a lower-case stop word ("dalam",
    "pada", "seperti"), a day or month name, or a lower-case word after a
    name. Bracketed abbreviations inside it are kept ("PT Kereta Commuter
    Indonesia (KAI Commuter) Wiwik Widayanti"). After a role, comma-separated
    parts that follow are read too and the last one that is a name wins
    ("kata Kepala Dusun Nglahar, Kelurahan Sumbersari, Wahyu Wibowo").
    """
    span = _scan_phrase(text, pos, limit)
    if span is None:
        return None
    start, end = span
    best = (start, end)
    if not _has_role(text[start:end]):
        return best
    cursor = end
    for _ in range(4):
        m = re.match(r"\s*(?:\([^()]{1,40}\))?\s*,\s*", text[cursor:limit])
        if m is None:
            break
        part = _scan_phrase(text, cursor + m.end(), limit)
        if part is None:
            break
        words = WORD.findall(text[part[0] : part[1]])
        if not words or not all(is_capitalised(w) or w.lower() in _NAME_JOINERS for w in words):
            break
        rest = text[part[1] : limit].lstrip()
        if rest and rest[0] not in ".,;!?(\n" and not _starts_with_stop(rest):
            break
        lead = re.match(r"(?:(?:" + "|".join(sorted(_NAME_JOINERS)) + r")\s+)+", text[part[0] : part[1]])
        if lead:  # "…, Hukum, dan Keamanan Mahfud MD": the part starts at its first capitalised word
            part = (part[0] + lead.end(), part[1])
        name = name_part(text[part[0] : part[1]])
        # "…, dan Informasi Publik Kementerian PAN-RB": an organisation's acronym is no name
        if name and not name.replace("-", "").isupper() and not any(w.lower() in cues.TITLE_WORDS for w in words[-1:]):
            best = part
        cursor = part[1]
    return best


def _starts_with_stop(rest: str) -> bool:
    m = WORD.match(rest)
    return bool(m) and (m.group().lower() in cues.SPEAKER_STOPS or m.group().lower() in cues.DATE_WORDS)


def _scan_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    start = end = None
    seen_capital = False
    count = 0
    i = pos
    while i < limit:
        m = WORD.match(text, i)
        if m is None:
            ch = text[i]
            if ch in " \t\u00a0":
                i += 1
                continue
            if ch == "(" and start is not None:
                # a bracketed abbreviation inside the phrase, if a name part goes on after it
                close = text.find(")", i, min(limit, i + 60))
                if close > 0 and _next_is_capitalised(text, close + 1, limit) and not re.match(r"\s*[,.]", text[close + 1 : limit]):
                    i = close + 1
                    continue
            if ch in "/&" and start is not None and _next_is_capitalised(text, i + 1, limit):
                i += 1
                continue
            break
        word = m.group()
        lower = word.lower()
        if lower in cues.DATE_WORDS:
            break
        if word.isdigit():
            if not (start is not None and _next_is_capitalised(text, m.end(), limit)):
                break
        elif not is_capitalised(word):
            if count > 0 and (lower in cues.SPEAKER_STOPS or lower in cues.SPEECH_VERBS or lower in cues.CLAUSE_WORDS):
                break
            if seen_capital and lower not in _NAME_JOINERS:
                break
            if lower in _NAME_JOINERS and not _next_is_capitalised(text, m.end(), limit):
                break
        else:
            seen_capital = True
        if start is None:
            start = m.start()
        end = m.end()
        count += 1
        if count >= _MAX_PHRASE_TOKENS:
            break
        i = m.end()
    if start is None or end is None:
        return None
    return start, end


def _next_is_capitalised(text: str, pos: int, limit: int) -> bool:
    m = WORD.search(text, pos, limit)
    return bool(m) and is_capitalised(m.group())


def _has_role(phrase: str) -> bool:
    words = WORD.findall(phrase)
    return any(w.lower() in cues.TITLE_WORDS or not is_capitalised(w) for w in words)


def phrase_before(text: str, clause_start: int, verb_start: int) -> tuple[int, int] | None:
    """The subject phrase right before a speech verb, or None when there is none.

    Drops sentence connectives ("Sementara", "Namun"), adverbs before the verb
    ("juga"), and everything before the last comma ("Dalam pesannya, Xi …";
    "Kantor berita …, KCNA, mengatakan" → "KCNA"); cuts at a stop word
    ("Xi dalam pesannya kepada Kim, menggambarkan" → "Xi").
    """
    segment = text[clause_start:verb_start]
    parts = [(m.start(), m.end()) for m in _PART.finditer(segment) if WORD.search(m.group())]
    if not parts:
        return None
    # the last comma-separated part with words, unless it is only a stop phrase
    for s, e in reversed(parts):
        span = _subject_in(text, clause_start + s, clause_start + e)
        if span is not None:
            return span
    return None


def _subject_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    words = [(m.start() + start, m.end() + start, m.group()) for m in WORD.finditer(text[start:end])]
    # the subject of the clause after "bahwa" ("Disebutkan bahwa Kim menyerukan") or "setelah"
    for k in range(len(words) - 1, -1, -1):
        if words[k][2].lower() in cues.SUBORDINATORS and k < len(words) - 1:
            words = words[k + 1 :]
            break
    if not words:
        return None
    # a post-quote cue before the subject belongs to the quotation before ("…, ungkap Retno meminta …")
    while words and not is_capitalised(words[0][2]) and words[0][2].lower() in cues.POST_CUES:
        words = words[1:]
    if not words:
        return None
    # strip connectives at the front
    joined = " ".join(w for _, _, w in words).lower()
    for conn in cues.CONNECTIVES:
        if joined == conn:
            return None
        if joined.startswith(conn + " "):
            words = words[len(conn.split()) :]
            break
    # cut at the first stop word after the head ("Xi dalam pesannya kepada Kim")
    for k, (_, _, w) in enumerate(words):
        if k > 0 and w in cues.SPEAKER_STOPS:
            words = words[:k]
            break
    while words and words[-1][2].lower() in cues.SUBJECT_ADVERBS:
        words = words[:-1]
    if not words or len(words) > _MAX_PHRASE_TOKENS:
        return None
    first = words[0][2]
    lower_words = [w.lower() for _, _, w in words]
    if any(w in cues.CLAUSE_WORDS for w in lower_words):
        return None
    plausible = (
        any(is_capitalised(w) and w.lower() not in FUNCTION_WORDS for _, _, w in words)
        or lower_words[0] in cues.PRONOUNS
        or lower_words[0] in cues.GROUP_HEADS
        or (len(words) <= 4 and first.lower() in cues.TITLE_WORDS)
    )
    # a prepositional phrase is not a subject ("di Jakarta", "pada tahap LADK")
    if not plausible or lower_words[0] in cues.NOT_SUBJECT_STARTS or lower_words[0] in cues.SPEAKER_STOPS:
        return None
    # a subject does not hold a finite verb: "China melihat …" is not a speaker phrase
    if any(w.startswith(("me", "ber", "di")) and len(w) > 6 and not is_capitalised(w) for w in lower_words[1:]):
        if not any(w in cues.GROUP_HEADS for w in lower_words):
            return None
    return words[0][0], words[-1][1]


def name_part(phrase: str, common: frozenset[str] = frozenset()) -> str | None:
    """The name inside a speaker phrase: capitalised words after the last title word.

    "Kepala Polda Metro Jaya Irjen M Fadil Imran" → "M Fadil Imran"; "Irjen Fadil" → "Fadil";
    "beberapa pakar" → None (no name). `common` holds words the article also
    writes in lower case ("Menurut", "Sementara"), which are not names.
    """
    if ")" in phrase and WORD.search(phrase[phrase.rfind(")") :]):
        phrase = phrase[phrase.rfind(")") + 1 :]  # "Manajer BUMDes (LKM) Labuhan Sanawiyah": after the bracket
    words = WORD.findall(phrase)
    last_title = -1
    for k, w in enumerate(words):
        if w.lower() in cues.TITLE_WORDS or not is_capitalised(w) and w.lower() not in _NAME_JOINERS:
            last_title = k
    name = words[last_title + 1 :]
    # an acronym before a name is an organisation ("Kepala BMKG Dwikorita Karnawati")
    while len(name) > 1 and name[0].isupper() and len(name[0]) > 1:
        name = name[1:]
    while name and (name[0].lower() in common or name[0].lower() in _NAME_JOINERS or name[0].lower() in FUNCTION_WORDS):
        name = name[1:]
    while name and name[-1].lower() in FUNCTION_WORDS:
        name = name[:-1]
    # "China Xi Jinping", "Korea Utara Kim Jong Un": a place before a name is a modifier
    for size in (2, 1):
        if len(name) > size and is_place(" ".join(name[:size])):
            name = name[size:]
            break
    while name and name[-1].lower() in _NAME_JOINERS:
        name = name[:-1]
    return " ".join(name) if name else None


FUNCTION_WORDS = frozenset(
    cues.SPEAKER_STOPS
    | cues.SPEECH_VERBS
    | cues.POST_CUES
    | {w for c in cues.CONNECTIVES for w in c.split()}
    | cues.SUBJECT_ADVERBS
    | cues.NOT_NAMES
)


def is_place(words: str) -> bool:
    entry = alias_entry(words)
    return entry is not None and entry.type == "LOC"


def alias_entry(words: str) -> AliasEntry | None:
    """The alias table's entry (countries, abbreviations, agencies, parties) for `words`."""
    return canonical_of(words)


def is_modifier(words: list[str], name: str) -> bool:
    """"kementerian luar negeri China": one capitalised word after a description is not a person."""
    n = len(name.split())
    return n == 1 and len(words) > 1 and not is_capitalised(words[-2]) and words[-2].lower() not in cues.TITLE_WORDS


def strip_function_words(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and words[0].lower().strip(",") in FUNCTION_WORDS:
        words = words[1:]
    return clean(" ".join(words))


def clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())
