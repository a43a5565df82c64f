"""One identity across articles for people named in part.

Within an article, `entities.annotate` already folds a short name into the full
name the article introduced ("Xi", "Jinping" → "Xi Jinping"). Across articles
that is not enough: a follow-up story says only "Prabowo" or "Trump" or
"Jong-un", and each would become an entity of its own. Here a person's short
name joins the full name other articles of the corpus give when that full name
is the only one it can stand for, or clearly the most reported one:

- "Prabowo" → "Prabowo Subianto", "Jong Un" → "Kim Jong Un";
- "Kim" stays itself when the corpus has both "Kim Jong Un" and "Kim Yo Jong"
  reported about as often;
- a nickname an article gave next to the full name ("Saifullah Yusuf atau Gus
  Ipul") joins that person in articles that use the nickname alone;
- an organisation's short form an article gave beside its name ("Komisi
  Pemberantasan Korupsi (KPK)", "Kemendagri" after "Kementerian Dalam Negeri")
  joins that organisation in articles that use the short form alone.

Public API: ``resolve_identities(analysed) -> {entity id: Entity}`` (the merges
to make) and ``apply_identities(analysed_article, merges)``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from kabar.lang.id.words import NAME_PARTICLES, common_words, organisation_words
from kabar.records import AnalysedArticle, Entity, Quote

__all__ = ["apply_identities", "resolve_identities"]

_TOKEN = re.compile(r"[\s\-‐‑]+")
_GLUED = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_MIN_SHORT = 3  # letters of a short name worth resolving ("Xi" resolves within its article, not across)
_DOMINANCE = 3.0  # the chosen full name must be reported in this many times more articles than the next


def resolve_identities(analysed: Sequence[AnalysedArticle]) -> dict[str, Entity]:
    """The person and organisation entities that are short forms of one full name elsewhere in the
    corpus, id → full entity."""
    entities: dict[str, Entity] = {}
    aliases: dict[str, dict[str, None]] = {}  # every article's surface forms, in order, whatever the article order
    articles_of: Counter[str] = Counter()
    for item in analysed:
        for entity in item.entities:
            if entity.type in ("PER", "ORG"):
                entities.setdefault(entity.id, entity)
                aliases.setdefault(entity.id, {}).update(dict.fromkeys(entity.aliases))
                articles_of[entity.id] += 1
    entities = {i: replace(e, aliases=tuple(aliases[i])) for i, e in entities.items()}
    full = [e for e in entities.values() if len(_tokens(e.canonical)) >= 2 and (e.type == "ORG" or _looks_like_a_name(e.canonical))]
    # a person's part of a name is resolved by its words; an organisation's short form only by an article's word
    by_token = _index_by_token([e for e in full if e.type == "PER"])
    nicknames = _nickname_owners(full)
    merges: dict[str, Entity] = {}
    for entity in entities.values():
        by_part = _full_name_of(entity, by_token, articles_of) if entity.type == "PER" else None
        target = by_part or _owner_of_nickname(entity, nicknames)
        if target is not None:
            merges[entity.id] = target
    return _settled(merges, articles_of)


def apply_identities(item: AnalysedArticle, merges: Mapping[str, Entity]) -> AnalysedArticle:
    """`item` with its mentions, entities and quote speakers moved to the corpus identities."""
    if not any(entity.id in merges for entity in item.entities):
        return item
    entities: dict[str, Entity] = {}
    for entity in item.entities:
        target = merges.get(entity.id, entity)
        kept = entities.get(target.id, replace(target, aliases=()))
        entities[target.id] = replace(kept, aliases=tuple(dict.fromkeys(kept.aliases + entity.aliases)))
    return replace(
        item,
        entities=tuple(entities.values()),
        mentions=tuple(
            replace(m, entity_id=merges[m.entity_id].id) if m.entity_id in merges else m for m in item.mentions
        ),
        quotes=tuple(_with_speaker_identity(q, merges) for q in item.quotes),
    )


def _index_by_token(full: list[Entity]) -> dict[str, list[tuple[list[str], Entity]]]:
    """Full names by each of their words, so a short name meets only the names that share a word with it."""
    index: dict[str, list[tuple[list[str], Entity]]] = {}
    for entity in full:
        tokens = _tokens(entity.canonical)
        for token in set(tokens):
            index.setdefault(token, []).append((tokens, entity))
    return index


def _full_name_of(
    entity: Entity, by_token: Mapping[str, list[tuple[list[str], Entity]]], articles_of: Counter[str]
) -> Entity | None:
    short = _tokens(entity.canonical)
    if not short or sum(len(t) for t in short) < _MIN_SHORT:
        return None
    candidates = [f for tokens, f in by_token.get(short[0], ()) if f.id != entity.id and _is_part_of(short, tokens)]
    if not candidates:
        return None
    candidates.sort(key=lambda f: (-articles_of[f.id], -len(f.canonical), f.canonical))
    if len(candidates) > 1 and articles_of[candidates[0].id] < _DOMINANCE * articles_of[candidates[1].id]:
        return None  # "Kim": Kim Jong Un or Kim Yo Jong, the corpus cannot tell
    return candidates[0]


def _nickname_owners(full: list[Entity]) -> dict[tuple[str, str], list[Entity]]:
    """Other names articles gave a person or an organisation ("Saifullah Yusuf atau Gus Ipul" →
    "gus ipul", "Komisi Pemberantasan Korupsi (KPK)" → "kpk"), by type, to their owners."""
    owners: dict[tuple[str, str], list[Entity]] = {}
    for entity in full:
        for alias in entity.aliases:
            key = " ".join(_tokens(alias))
            if key and not _is_part_of(_tokens(alias), _tokens(entity.canonical)) and key != " ".join(_tokens(entity.canonical)):
                owners.setdefault((entity.type, key), []).append(entity)
    return owners


def _owner_of_nickname(entity: Entity, owners: Mapping[tuple[str, str], list[Entity]]) -> Entity | None:
    """ "Gus Ipul" or "KPK" in an article that never gives the full name → the one person or
    organisation another article calls so."""
    found = {e.id: e for e in owners.get((entity.type, " ".join(_tokens(entity.canonical))), ()) if e.id != entity.id}
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return common_words() | organisation_words()


def _looks_like_a_name(name: str) -> bool:
    """Every word a name part: not a lower-case word ("Diogo Jota hangus"), a title word left on the name
    ("Negeri Sugiono"), an organisation ("Kemensos Robben Rico") or an abbreviation ("Seskab RI …")."""
    words = _not_name_words()
    for token in (t for t in _TOKEN.split(name) if t):
        if token.lower() in NAME_PARTICLES:  # "Mohammed bin Salman"
            continue
        if not token[0].isupper() or (len(token) > 1 and token.isupper()) or token.lower() in words:
            return False
        if _GLUED.search(token):  # scraped text: "RIPrabowo", "SubiantodiArab"
            return False
    return True


def _settled(merges: Mapping[str, Entity], articles_of: Counter[str]) -> dict[str, Entity]:
    """Each merge followed to its end ("Jong Un" → "Kim Jong Un" → …). Where names point at each other
    ("Gus Ipul" ↔ "Saifullah Yusuf", from "X atau Y" and "Y atau X"), the loop's most reported entity
    is the identity of all of them."""
    settled: dict[str, Entity] = {}
    for short in merges:
        path = [short]
        target = merges[short]
        while target.id in merges and target.id not in path:
            path.append(target.id)
            target = merges[target.id]
        if target.id in path:  # a loop: one of its members stands for all
            loop = path[path.index(target.id):]
            members = {merges[i].id: merges[i] for i in loop}
            target = min(members.values(), key=lambda e: (-articles_of[e.id], -len(e.canonical), e.id))
        if target.id != short:
            settled[short] = target
    return settled


def _tokens(name: str) -> list[str]:
    return [t for t in _TOKEN.split(name.lower()) if t]


def _is_part_of(short: list[str], full: list[str]) -> bool:
    return len(short) < len(full) and any(full[k : k + len(short)] == short for k in range(len(full) - len(short) + 1))


def _with_speaker_identity(quote: Quote, merges: Mapping[str, Entity]) -> Quote:
    target = merges.get(quote.speaker_entity_id or "")
    return replace(quote, speaker=target.canonical, speaker_entity_id=target.id) if target else quote
