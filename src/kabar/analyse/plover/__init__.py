"""PLOVER event coding of Indonesian news: `code_events(analysed)` → event mentions.

Built on Kabar's own analysis of the article (entities with canonical names,
quotations with speakers, time expressions resolved to dates) and on
Indonesian language data (`kabar.lang.id.plover`, `plover_cues`). The parts:

- `sentences`: the article's sentences, related-article links, teasers and captions cut away;
- `triggers` (with `morph`): event predicates, from a lexicon of roots and their derivations;
- `assertion`: predicates that are negated, planned, asked for, conditional, alleged or predicted;
- `phrases` and `roles`: the noun phrases of a sentence and the actor and recipient among them;
- `when_where`: the happening's date, place and whether it is background;
- `record`: `EventMention`, the contract's record.

No training data exists for Indonesian PLOVER coding; the rules follow the
PLOVER codebook's definitions and Indonesian grammar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from kabar.analyse.plover.assertion import unasserted
from kabar.analyse.plover.phrases import sentence_phrases, titles
from kabar.analyse.plover.record import EventMention, Name
from kabar.analyse.plover.roles import Phrase, headline_verb, is_light_verb_object, resolve_pronoun, roles
from kabar.analyse.plover.sentences import Sentence, article_sentences
from kabar.analyse.plover.triggers import Trigger, find_triggers
from kabar.analyse.plover.when_where import is_background, place, sentence_date
from kabar.analyse.tokens import tokenize
from kabar.lang.id import plover as lexicon
from kabar.lang.id import plover_cues as cues
from kabar.records import AnalysedArticle, Mention, Quote

__all__ = ["EventMention", "code_events", "baseline_events"]

# Verbal acts PLOVER codes: their actor may be the speaker of the sentence's quotation.
VERBAL = frozenset({"DISAPPROVE", "SUPPORT", "AGREE", "REJECT", "DEMAND", "THREATEN", "CONCEDE"})
# "JAKARTA, KOMPAS.com -", "Washington (ANTARA News) -": the dateline's place and outlet fill no role.
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[\w. ]{2,30}?|\s*\([^)]{2,30}\))\s*[-–—]+")
_ASSAULT_MODES = {"assault": "beat", "abduct": "abduct"}  # a crime's mode when a state or armed group does it
_VIOLENT_CRIMES = frozenset({"assault", "abduct", "murder"})  # bribery by an agency stays a CRIME
_PERSON_OR_GROUP = frozenset({"PER", "ORG"})
_BODY = frozenset({"ORG"})  # what "mereka" may stand for
# The codebook codes an agreement to cooperate or to give aid as AGREE, not as what was agreed on.
# Cooperative acts after an agreement or a commitment are its content ("berkomitmen mendukung …").
_AGREED_CONTENT = frozenset({"COOPERATE", "AID"})
_PROMISED_CONTENT = frozenset({"SUPPORT", "CONSULT"})


def code_events(analysed: AnalysedArticle) -> tuple[EventMention, ...]:
    """Every asserted PLOVER event mention of one analysed article, in text order."""
    article = analysed.article
    text = article.text
    published = _published_day(article.published)
    entities = {e.id: e for e in analysed.entities}
    mentions = _role_mentions(text, analysed.mentions)
    titled = titles(mentions, entities)
    out: list[EventMention] = []
    for sentence in article_sentences(text):
        tokens = tokenize(sentence.text)
        triggers = find_triggers(tokens, sentence.start)
        if not triggers:
            continue
        inside = [m for m in mentions if m.start >= sentence.start and m.end <= sentence.end]
        phrases = sentence_phrases(sentence.text, sentence.start, tokens, inside, entities, titled)
        locations = [(p.first, p.last, p.name) for p in phrases if p.entity_type == "LOC" and p.name]
        words = [t.text.lower() for t in tokens]
        if cues.SPORT.intersection(words):
            continue  # attacks and withdrawals in a match
        seen: set[str] = set()
        agreed = [t.first for t in triggers if t.type == "AGREE" and not unasserted(tokens, t)]
        for trigger in triggers:
            if trigger.type in seen or unasserted(tokens, trigger):
                continue
            if agreed and (trigger.type in _AGREED_CONTENT or (
                    trigger.type in _PROMISED_CONTENT and min(agreed) < trigger.first)):
                continue  # "sepakat memperkuat kerja sama": cooperation agreed on is the AGREE itself
            event = _code(analysed, sentence, words, phrases, trigger, mentions, out)
            if event is None:
                continue
            happened = sentence_date(analysed.timexes, sentence.start, sentence.end, trigger.start)
            happened = happened or _earlier_date(out, event)
            event = _with(
                event,
                date=happened,
                location=place(words, locations, trigger.first, event.type),
                background=is_background(sentence.text, happened, published),
            )
            seen.add(trigger.type)
            out.append(event)
    return tuple(out)


def baseline_events(analysed: AnalysedArticle) -> tuple[EventMention, ...]:
    """The trivial anchor: every sentence with a lexicon word is an event of that word's type."""
    article = analysed.article
    out = []
    for sentence in article_sentences(article.text):
        tokens = tokenize(sentence.text)
        for type_ in dict.fromkeys(t.type for t in find_triggers(tokens, sentence.start)):
            out.append(EventMention(article.id, sentence.start, sentence.end, sentence.text, type_, None,
                                    None, None, None, None, None, None, False, ""))
    return tuple(out)


def _code(
    analysed: AnalysedArticle,
    sentence: Sentence,
    words: list[str],
    phrases: list[Phrase],
    trigger: Trigger,
    mentions: Sequence[Mention],
    earlier: Sequence[EventMention],
) -> EventMention | None:
    voice = trigger.voice
    if voice == "nominal" or trigger.bare:
        light = is_light_verb_object(words, trigger)  # "menggelar demo", "melancarkan serangan"
        if trigger.bare and not light and not headline_verb(words, phrases, trigger):
            return None  # a bare root inside running text is the noun ("sejumlah kritik", "vonis itu")
        voice = light or voice
        sense = lexicon.NOUN_SENSES.get(words[trigger.first]) if trigger.bare and light else None
        if sense and not lexicon.VERBAL_LIGHT_VERBS.intersection(words[max(0, trigger.first - 2) : trigger.first]):
            trigger = replace(trigger, type=sense[0], mode=sense[1])  # "protes berlangsung": a demonstration
    actor_p, recipient_p = roles(tokenize(sentence.text), phrases, trigger, voice)
    if trigger.type == "PROTEST" and _place(actor_p):
        actor_p = None  # "Kerusuhan Los Angeles": the place of the riot, not its actor
        if voice == "nominal":
            return _mention(analysed, sentence, trigger, words, "protesters", None, recipient_p)
    if voice == "nominal" and actor_p is None:
        return None  # a noun naming an act with no actor of its own: a reference, not a report
    if not _parties_fit(trigger, actor_p, recipient_p):
        return None
    speaker = _speaker(analysed.quotes, sentence)
    previous = _previous_name(mentions, analysed, sentence.start)
    parties = _both_parties(earlier)
    body = _previous_name(mentions, analysed, sentence.start, types=_BODY)
    actor, actor_text = _fill(actor_p, speaker, previous, parties, body)
    recipient, recipient_text = _fill(recipient_p, speaker, previous, parties, body)
    if actor is None and trigger.type in VERBAL and speaker is not None and voice != "passive":
        actor = speaker[0]
        actor_text = speaker[1] if speaker[1] and speaker[1] in sentence.text else None
    if actor is None and actor_p is None:
        actor = _implicit_actor(earlier, trigger.type)
    if actor is None and recipient is None:
        return None
    if actor is not None and actor == recipient:
        return None  # one party acting on itself: an internal matter, not coded
    type_, mode = _refine(trigger, words, recipient_p, actor_p)
    return EventMention(
        analysed.article.id, sentence.start, sentence.end, sentence.text, type_, mode,
        actor, actor_text, recipient, recipient_text, None, None, False, trigger.text,
    )


def _mention(analysed, sentence: Sentence, trigger: Trigger, words: list[str], actor: Name, actor_text, recipient_p):
    """An event whose actor is a default rather than a phrase of the sentence."""
    recipient, recipient_text = _fill(recipient_p, None, None)
    type_, mode = _refine(trigger, words, recipient_p, None)
    return EventMention(
        analysed.article.id, sentence.start, sentence.end, sentence.text, type_, mode,
        actor, actor_text, recipient, recipient_text, None, None, False, trigger.text,
    )


def _place(role) -> bool:
    return isinstance(role, Phrase) and role.entity_type == "LOC"


def _parties_fit(trigger: Trigger, actor, recipient) -> bool:
    """Travel is a visit only by a named person to a named place; a gathering is a protest only of
    protesters; some predicates need someone they are aimed at."""
    said = trigger.text.lower()
    if said in lexicon.NEEDS_RECIPIENT:
        return recipient is not None
    if said in lexicon.TRAVEL:
        return (
            isinstance(actor, Phrase) and actor.kind == "entity" and actor.entity_type == "PER"
            and isinstance(recipient, Phrase) and recipient.entity_type == "LOC"
        )
    if said in lexicon.GATHERING:
        return _by_protesters(actor)
    return True


def _both_parties(earlier: Sequence[EventMention]) -> tuple[str, ...]:
    """Who "keduanya" / "kedua pemimpin" are: the last compound actor, or a meeting's two sides."""
    for e in reversed(earlier):
        if isinstance(e.actor, tuple):
            return e.actor
        if e.type == "CONSULT" and isinstance(e.actor, str) and isinstance(e.recipient, str):
            return (e.actor, e.recipient)
    return ()


def _fill(
    role, speaker: tuple[str, str | None] | None, previous: str | None, parties: tuple[str, ...] = (),
    body: str | None = None,
) -> tuple[Name | None, Name | None]:
    if role is None:
        return None, None
    parts = role if isinstance(role, tuple) else (role,)
    names: list[str] = []
    texts: list[str] = []
    for p in parts:
        if p.kind == "pronoun" and p.text.lower().startswith("kedua") and (parties or p.name):
            names.extend(parties or (p.name,))
            texts.append(p.text)
            continue
        name = p.name if p.kind != "pronoun" else resolve_pronoun(p, speaker[0] if speaker else None, previous, body)
        if name:
            names.append(name)
        texts.append(p.text)
    names = list(dict.fromkeys(names))
    if not names:
        return None, _one(texts)
    return _one(names), _one(texts)


def _one(items: list[str]) -> Name | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else tuple(items)


def _speaker(quotes: Sequence[Quote], sentence: Sentence) -> tuple[str, str | None] | None:
    for q in quotes:
        if q.speaker and q.start < sentence.end and q.end > sentence.start:
            return q.speaker, q.speaker_text
    return None


def _previous_name(
    mentions: Sequence[Mention], analysed: AnalysedArticle, before: int, types: frozenset[str] = _PERSON_OR_GROUP
) -> str | None:
    entities = {e.id: e for e in analysed.entities}
    for m in reversed(mentions):
        if m.end <= before and m.type in types and m.entity_id in entities:
            return entities[m.entity_id].canonical
    return None


def _implicit_actor(earlier: Sequence[EventMention], type_: str) -> Name | None:
    """An agentless passive's actor: who did the same kind of thing earlier in the article."""
    for e in reversed(earlier):
        if e.type == type_ and e.actor is not None:
            return e.actor
    return None


def _earlier_date(earlier: Sequence[EventMention], event: EventMention) -> str | None:
    """A later mention of a happening (same type and actor) takes the date an earlier one gave."""
    for e in reversed(earlier):
        if e.type == event.type and e.actor == event.actor and e.date:
            return e.date
    return None


def _refine(trigger: Trigger, words: list[str], recipient, actor) -> tuple[str, str | None]:
    """Type and mode from the rest of the sentence: force on civilians is ASSAULT, killing by a
    state or armed group is ASSAULT, and the weapon, aid or force named gives the mode."""
    type_, mode = trigger.type, trigger.mode
    after = words[trigger.last + 1 :]
    if type_ == "DISAPPROVE" and _protest_action(trigger, words, actor):
        type_, mode = "PROTEST", "demo"
    if type_ == "COERCE" and mode == "restrict" and _by_protesters(actor):
        type_, mode = "PROTEST", "obstruct"  # "massa memblokade jalan": protesters block, they do not repress
    if type_ == "FIGHT" and _civilian(recipient, after):
        type_ = "ASSAULT"
    if type_ == "CRIME" and actor is not None and mode in _VIOLENT_CRIMES:
        parts = actor if isinstance(actor, tuple) else (actor,)
        if any(p.entity_type in {"LOC", "ORG"} for p in parts):
            type_, mode = "ASSAULT", _ASSAULT_MODES.get(mode or "")
    table = {
        "FIGHT": lexicon.WEAPON_MODES, "ASSAULT": lexicon.WEAPON_MODES, "AID": lexicon.AID_MODES,
        "MOBILIZE": lexicon.MOBILIZE_MODES, "THREATEN": lexicon.THREATEN_MODES,
    }.get(type_)
    if mode is None and table:
        mode = next((table[w] for w in after if w in table), None)
    return type_, mode


def _protest_action(trigger: Trigger, words: list[str], actor) -> bool:
    """"Aktivis Greenpeace memprotes …", "Aksi tersebut memprotes …": a protest, not a complaint."""
    if not trigger.text.lower().startswith(("memprotes", "protes")):
        return False
    return bool(set(words[: trigger.first]) & lexicon.PROTEST_WORDS) or _by_protesters(actor)


def _by_protesters(actor) -> bool:
    """Activists, protesters or demonstrators among the actor's parts."""
    parts = actor if isinstance(actor, tuple) else (actor,)
    return any(p is not None and p.name in lexicon.PROTEST_BY for p in parts)


def _civilian(recipient, after: list[str]) -> bool:
    if recipient is not None:
        parts = recipient if isinstance(recipient, tuple) else (recipient,)
        if any(w in lexicon.CIVILIAN_WORDS for p in parts for w in p.text.lower().split()):
            return True
    return any(w in lexicon.CIVILIAN_WORDS for w in after[:4])


def _role_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions that may fill a role: not the dateline's place and outlet, not an outlet's domain."""
    dateline = _DATELINE.match(text[:80])
    skip_before = dateline.end() if dateline else 0
    kept = [m for m in mentions if m.start >= skip_before and ".com" not in m.text.lower()]
    return sorted(kept, key=lambda m: m.start)


def _published_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _with(event: EventMention, **changes) -> EventMention:
    from dataclasses import replace

    return replace(event, **changes)
