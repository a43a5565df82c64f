"""Quotations of one article: who said what, and through whom.

Public API: ``annotate(article, entities=(), mentions=()) -> tuple[Quote, ...]``.

Steps: pair the quote marks (`direct`), keep the quoted spans that are
statements and read their cues (`attribute`), find reported speech in the
remaining sentences (`indirect`), resolve each speaker phrase, pronoun and
clitic to the fullest name the article gives (`speakers`), and give each
quotation its relay chain (`relay`). Offsets index `article.text`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kabar.analyse.quotes.attribute import direct_candidates
from kabar.analyse.quotes.candidates import Candidate, is_pronoun
from kabar.analyse.quotes.direct import quoted_spans
from kabar.analyse.quotes.indirect import indirect_candidates
from kabar.analyse.quotes.relay import RelayIndex
from kabar.analyse.quotes.phrases import phrase_after
from kabar.analyse.quotes.speakers import Speaker, SpeakerResolver
from kabar.analyse.tokens import sentence_spans
from kabar.lang.id import quote_cues as cues
from kabar.records import Article, Entity, Mention, Quote

__all__ = ["annotate", "find_candidates"]

# A pronoun refers to the previous speaker only if that speaker spoke this close before it.
_PRONOUN_REACH = 1500


def find_candidates(text: str, *, indirect: bool = True, agencies: Sequence[tuple[int, int, str]] | None = None) -> list[Candidate]:
    """Quotations found in `text`, in order, with their speaker phrases unresolved."""
    spans = quoted_spans(text)
    direct = direct_candidates(text, spans)
    found = list(direct)
    if indirect:
        taken = [c.sentence for c in direct]
        found.extend(indirect_candidates(text, sentence_spans(text), spans, taken, agencies))
    found.sort(key=lambda c: (c.start, c.end))
    # one quotation per span: a direct reading wins over an indirect one of the same words
    unique: list[Candidate] = []
    for c in found:
        if unique and c.start < unique[-1].end and unique[-1].start < c.end:
            if unique[-1].kind == "indirect" and c.kind == "direct":
                unique[-1] = c
            continue
        unique.append(c)
    return unique


def annotate(
    article: Article, entities: Sequence[Entity] = (), mentions: Sequence[Mention] = (), *, indirect: bool = True
) -> tuple[Quote, ...]:
    text = article.text
    if not text.strip():
        return ()
    relays = RelayIndex(article)
    resolver = SpeakerResolver(text, mentions, relays.found)
    quotes: list[Quote] = []
    last: tuple[int, Speaker] | None = None
    agencies = frozenset(a for _, _, a in relays.found)
    inners: list[tuple[str, ...]] = []  # the inner relays of each quotation so far
    for cand in find_candidates(text, indirect=indirect, agencies=relays.found):
        speaker = _speaker_of(cand, text, resolver, last)
        if speaker.name and not cand.pronoun and not cand.inherit:
            last = (cand.start, speaker)
        elif speaker.name and last is None:
            last = (cand.start, speaker)
        inner = cand.relay or relays.inner(cand.sentence[0], cand.sentence[1]) or _context_relay(text, cand, speaker, quotes, inners, agencies)
        inners.append(tuple(inner))
        via = relays.via(cand.sentence[0], cand.sentence[1], speaker.name, inner)
        quotes.append(
            Quote(
                article_id=article.id,
                start=cand.start,
                end=cand.end,
                quote=text[cand.start : cand.end],
                kind=cand.kind,
                speaker=speaker.name,
                speaker_text=speaker.text,
                cue=cand.cue,
                via=via,
                speaker_entity_id=speaker.entity_id,
            )
        )
    return tuple(_after_attributions(text, quotes, resolver))


def _passive_pattern() -> re.Pattern:
    subjects = "|".join(re.escape(a) for a in cues.ANAPHORIC_SUBJECTS)
    verbs = "|".join(sorted(cues.PASSIVE_CUES))
    return re.compile(rf"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?i:{subjects})\s+(?:juga\s+)?(?P<cue>{verbs})\s+(?:oleh\s+)?", re.M)


def _after_attributions(text: str, quotes: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    """"“…” Hal itu disampaikan X …": X speaks the quotations before it that have no cue of their own."""
    pattern = _passive_pattern()
    out = list(quotes)
    for m in pattern.finditer(text):
        end = text.find("\n", m.end())
        np = phrase_after(text, m.end(), len(text) if end < 0 else end)
        if np is None or is_pronoun(text[np[0] : np[1]]):
            continue
        speaker = resolver.resolve(*np)
        for k in range(len(out) - 1, -1, -1):
            q = out[k]
            if q.end > m.start():
                continue
            if text.count("\n", q.end, m.start()) > 1 or (q.cue is not None and q.speaker is not None):
                break
            out[k] = replace(q, speaker=speaker.name, speaker_text=speaker.text, cue=m.group("cue"), speaker_entity_id=speaker.entity_id)
    return out


def _context_relay(
    text: str, cand: Candidate, speaker: Speaker, previous: list[Quote], inners: list[tuple[str, ...]], agencies: frozenset[str]
) -> tuple[str, ...]:
    """Inner relays the text implies from the quotation before, in the same or the previous paragraph.

    "KCNA mengatakan …. Disebutkan bahwa Kim menyerukan …": what follows an
    agency's report is relayed by it; "…, menurut Xinhua. "…," kata Xi.": a
    speaker's next words come through the same channel.
    """
    if not previous:
        return ()
    prev = previous[-1]
    if text.count("\n", prev.end, cand.start) > 1:
        return ()
    if prev.speaker in agencies and prev.speaker != speaker.name:
        return (prev.speaker,)
    if speaker.name and prev.speaker == speaker.name:
        return tuple(a for a in inners[-1] if a != speaker.name)
    return ()


def _is_group(name: str | None) -> bool:
    words = (name or "").lower().split()
    return bool(words) and (words[0] in cues.GROUP_HEADS or "dan" in words)


def _speaker_of(cand: Candidate, text: str, resolver: SpeakerResolver, last: tuple[int, Speaker] | None) -> Speaker:
    if cand.pronoun is None and not cand.inherit and cand.speaker_span is not None:
        return resolver.resolve(*cand.speaker_span)
    words = cand.pronoun
    if cand.pronoun is not None and cand.pronoun.lower() not in cues.PLURAL_PRONOUNS:
        # a person named earlier in the same sentence: "Xi menyambut …, dia mengatakan"
        anchor = cand.speaker_span[0] if cand.speaker_span else min(cand.start, cand.sentence[0])
        person = resolver.person_in(cand.sentence[0], anchor)
        if person is not None:
            return Speaker(person.name, words, person.entity_id)
    if words is not None and words.lower() in cues.PLURAL_PRONOUNS:
        # "mereka" refers to a group: only an earlier group speaker will do
        if last is not None and _is_group(last[1].name) and cand.start - last[0] <= _PRONOUN_REACH:
            return Speaker(last[1].name, words, last[1].entity_id)
        return Speaker(None, words)
    if last is not None and cand.start - last[0] <= _PRONOUN_REACH:
        return Speaker(last[1].name, words or last[1].text, last[1].entity_id)
    if cand.pronoun is not None:
        person = resolver.nearest_person_before(cand.start)
        if person is not None:
            return Speaker(person.name, words, person.entity_id)
    return Speaker(None, words)
