"""Event predicates in a sentence: words and phrases of the PLOVER lexicon.

The lexicon (`kabar.lang.id.plover`) lists roots with their derivations; it is
spelled out once into a table of surface words (`morph.derive`). A phrase
("gencatan senjata berlaku", "minta maaf") wins over the single words inside
it. Clitics (-nya, -lah, -pun) are set aside before the look-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kabar.analyse.plover.morph import Voice, derive
from kabar.analyse.tokens import Token, tokenize
from kabar.lang.id import plover as lexicon


@dataclass(frozen=True, slots=True)
class Entry:
    type: str
    mode: str | None
    voice: Voice
    bare: bool = False  # the bare root, a verb only in headlines and after quotations ("kecam X")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One predicate found in a sentence: tokens [first, last] of the sentence's tokens."""

    first: int
    last: int
    start: int  # offsets into the article text
    end: int
    text: str
    type: str
    mode: str | None
    voice: Voice
    bare: bool = False


_CLITICS = ("nya", "lah", "pun", "kah")


@lru_cache(maxsize=1)
def word_table() -> dict[str, Entry]:
    """Every surface word of the lexicon → its entry (first listing wins)."""
    table: dict[str, Entry] = {}
    for root, forms, type_, mode in lexicon.PREDICATES:
        for form in forms.split():
            for word, voice in derive(root, form):
                table.setdefault(word, Entry(type_, mode, voice, bare=form == "0"))
    for word, type_, mode, voice in lexicon.EXTRA_WORDS:
        table.setdefault(word, Entry(type_, mode, voice))  # type: ignore[arg-type]
    return table


@lru_cache(maxsize=1)
def phrase_table() -> dict[tuple[str, ...], Entry]:
    return {tuple(p.split()): Entry(t, m, v) for p, t, m, v in lexicon.PHRASES}  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    return max(len(k) for k in phrase_table())


def lookup(word: str) -> Entry | None:
    """The entry of one word, clitics set aside ("penangkapannya" → "penangkapan")."""
    table = word_table()
    w = word.lower()
    if w in table:
        return table[w]
    for clitic in _CLITICS:
        if w.endswith(clitic) and w[: -len(clitic)] in table:
            return table[w[: -len(clitic)]]
    return None


def find_triggers(tokens: list[Token], offset: int = 0) -> list[Trigger]:
    """Predicates among a sentence's tokens (token offsets relative to the sentence + `offset`)."""
    phrases = phrase_table()
    lowered = [t.text.lower() for t in tokens]
    bare = [_without_clitic(w) for w in lowered]
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        match = None
        for n in range(min(_longest_phrase(), len(tokens) - i), 1, -1):
            entry = phrases.get(tuple(lowered[i : i + n]))
            if entry is None and bare[i + n - 1] != lowered[i + n - 1]:
                entry = phrases.get((*lowered[i : i + n - 1], bare[i + n - 1]))  # "aksi protesnya"
            if entry is not None:
                match = (n, entry)
                break
        glued = 0
        if match is None:
            match = _split_phrase(lowered, i)
        if match is None:
            entry = lookup(tokens[i].text) if tokens[i].text[:1].isalpha() else None
            if entry is not None and not _is_name_part(tokens, i):
                match = (1, entry)
            elif entry is None:
                glued, entry = _glued(tokens[i].text)
                if entry is not None:
                    match = (1, entry)
        if match is None:
            i += 1
            continue
        n, entry = match
        if n == 1 and _everyday_object(lowered, i):
            i += 1
            continue
        first, last = tokens[i], tokens[i + n - 1]
        found.append(
            Trigger(i, i + n - 1, offset + first.start + glued, offset + last.end,
                    " ".join(t.text for t in tokens[i : i + n])[glued:], entry.type, entry.mode, entry.voice,
                    entry.bare and n == 1)
        )
        i += n
    return found


def _without_clitic(word: str) -> str:
    """A word with its clitic set aside, for the last word of a phrase: "protesnya" → "protes"."""
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 2:
            return word[: -len(clitic)]
    return word


def _everyday_object(lowered: list[str], i: int) -> bool:
    """"menduduki jabatan", "menangkap bola": the object gives the word its everyday sense."""
    if i > 0 and lowered[i - 1] in lexicon.ADJECTIVAL_BEFORE:
        return True  # "sangat menjanjikan": an adjective
    objects = lexicon.NOT_EVENT_OBJECTS.get(lowered[i])
    return bool(objects) and any(w in objects for w in lowered[i + 1 : i + 3])


def _split_phrase(lowered: list[str], i: int) -> tuple[int, Entry] | None:
    """A two-part predicate whose head is token i ("menetapkan … sebagai tersangka"): the head alone
    is the trigger, coded as the whole."""
    for head, tail, gap, type_, mode, voice in lexicon.SPLIT_PHRASES:
        if lowered[i] == head and tail in lowered[i + 1 : i + 2 + gap]:
            return 1, Entry(type_, mode, voice)  # type: ignore[arg-type]
    return None


def _glued(word: str) -> tuple[int, Entry | None]:
    """A verb glued to the name before it by a lost space in scraped text ("Agungmenyita"):
    a capitalised word whose lower-case tail is a meN-/di- verb of the lexicon."""
    if not word[:1].isupper() or len(word) < 8:
        return 0, None
    for cut in range(3, len(word) - 4):
        head, tail = word[:cut], word[cut:]
        if head[-1].islower() and tail.startswith(("me", "di")) and tail.islower():
            entry = word_table().get(tail)
            if entry is not None and entry.voice != "nominal":
                return cut, entry
    return 0, None


def _is_name_part(tokens: list[Token], i: int) -> bool:
    """A capitalised word inside a name ("Jalan Serang", "Kota Tangkap") is no predicate;
    a sentence's first word and all-caps headline words are."""
    word = tokens[i].text
    if not word[:1].isupper() or i == 0 or word.isupper():
        return False
    previous = tokens[i - 1].text
    return previous[:1].isupper() and previous not in {"“", '"'}


def tokens_of(text: str) -> list[Token]:
    return tokenize(text)
