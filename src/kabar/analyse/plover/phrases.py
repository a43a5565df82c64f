"""Noun phrases of a sentence that may fill a role: the article's entity mentions
(with their canonical names and titles), common nouns of groups ("tiga
tersangka", "para pengunjuk rasa") and pronouns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kabar.analyse.plover.roles import Phrase
from kabar.analyse.tokens import Token
from kabar.lang.id import plover_cues as cues
from kabar.lang.id.quote_cues import TITLE_WORDS
from kabar.records import Entity, Mention

# A second word that belongs to a group noun: "pengunjuk rasa".
_GROUP_TAILS = frozenset({"rasa", "sipil", "palestina", "israel"})


def sentence_phrases(
    text: str,
    offset: int,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
    titled: Mapping[str, str] | None = None,
) -> list[Phrase]:
    """Phrases of the sentence `text` (starting at article offset `offset`), in order.

    `mentions` are the article's mentions inside the sentence; a mention's title
    ("Presiden", "Menteri Luar Negeri") joins the phrase when it stands before it. A title
    standing alone ("Presiden mengecam …") is the person the article gives it to (`titled`:
    lower-case title → canonical name).
    """
    found: list[Phrase] = []
    taken: set[int] = set()
    for m in mentions:
        first = _token_at(tokens, m.start - offset, start=True)
        last = _token_at(tokens, m.end - offset, start=False)
        if first is None or last is None or last < first:
            continue
        if m.role:
            before = text[: m.start - offset].rstrip()
            if before.lower().endswith(m.role.lower()):
                role_first = _token_at(tokens, len(before) - len(m.role), start=True)
                first = role_first if role_first is not None else first
        entity = entities.get(m.entity_id)
        name = entity.canonical if entity else m.text
        words = text[tokens[first].start : tokens[last].end]
        found.append(Phrase(first, last, words, name, "entity", m.type))
        taken.update(range(first, last + 1))
    for i, tok in enumerate(tokens):
        if i in taken:
            continue
        w = tok.text.lower()
        if w in cues.GROUPS:
            first, last = i, i
            while first > 0 and first - 1 not in taken and _quantifier(tokens[first - 1].text):
                first -= 1
            if last + 1 < len(tokens) and tokens[last + 1].text.lower() in _GROUP_TAILS:
                last += 1
            if any(j in taken for j in range(first, last + 1)):
                continue
            found.append(Phrase(first, last, text[tokens[first].start : tokens[last].end], cues.GROUPS[w], "group"))
            taken.update(range(first, last + 1))
        elif w in cues.PRONOUNS:
            found.append(Phrase(i, i, tok.text, None, "pronoun"))
            taken.add(i)
        elif w == "kedua" and i + 1 < len(tokens) and tokens[i + 1].text.lower() in cues.BOTH_PARTIES \
                and i + 1 not in taken:
            # "kedua pemimpin": the two parties, resolved like "keduanya"
            group = cues.GROUPS.get(tokens[i + 1].text.lower())  # "kedua negara": states, if no two are known
            found.append(Phrase(i, i + 1, text[tok.start : tokens[i + 1].end], group, "pronoun"))
            taken.update((i, i + 1))
        elif titled and tok.text[:1].isupper() and w in TITLE_WORDS:
            last = i
            while last + 1 < len(tokens) and last + 1 not in taken and tokens[last + 1].text[:1].isupper() \
                    and tokens[last + 1].text.lower() in TITLE_WORDS:
                last += 1
            title = " ".join(t.text.lower() for t in tokens[i : last + 1])
            if title in titled and not any(j in taken for j in range(i, last + 1)):
                found.append(Phrase(i, last, text[tokens[i].start : tokens[last].end], titled[title], "entity", "PER"))
                taken.update(range(i, last + 1))
    found.sort(key=lambda p: p.first)
    # A group noun right before a person's name is a title: "Diplomat top China Yang Jiechi".
    return [p for i, p in enumerate(found) if not (p.kind == "group" and _title_of_next(tokens, found, i))]


def _title_of_next(tokens: Sequence[Token], found: list[Phrase], i: int) -> bool:
    if i + 1 >= len(found) or found[i + 1].kind != "entity":
        return False
    between = tokens[found[i].last + 1 : found[i + 1].first]
    return len(between) <= 2 and all(t.text.isalpha() and t.text.lower() not in cues.PREPOSITIONS for t in between)


def titles(mentions: Sequence[Mention], entities: Mapping[str, Entity]) -> dict[str, str]:
    """Titles the article gives to one person each ("presiden" → "Prabowo Subianto"); a title given
    to two people names neither."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.role and m.entity_id in entities:
            seen.setdefault(m.role.lower(), set()).add(entities[m.entity_id].canonical)
    return {title: next(iter(names)) for title, names in seen.items() if len(names) == 1}


def _quantifier(word: str) -> bool:
    w = word.lower()
    return w in cues.QUANTIFIERS or w.replace(".", "").isdigit()


def _token_at(tokens: Sequence[Token], pos: int, *, start: bool) -> int | None:
    """The first token starting at or after `pos` (start) or the last ending at or before it."""
    if start:
        return next((i for i, t in enumerate(tokens) if t.start >= pos), None)
    return next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].end <= pos), None)
