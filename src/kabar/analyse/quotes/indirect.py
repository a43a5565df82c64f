"""Indirect (reported) speech, one sentence at a time.

Forms: "X mengatakan (bahwa) …", "X menyatakan komitmennya untuk …",
"Menurut X, …", "…, menurut X.", "China, menurut para ahli, …", "…, kata X."
(no quote marks), and a second verb joined by "dan" ("menggambarkan … dan
berjanji untuk …"). When X is a news agency and its content holds another
speaker's verb ("Menurut KCNA, Jinping mengatakan …"), the agency becomes a
relay of the inner quotation. Quoted words inside the content stay in it
(mixed quotation); when the whole content is one quotation, it is direct.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from collections.abc import Sequence
from dataclasses import replace

from kabar.analyse.quotes.candidates import Candidate, cue_word, is_pronoun
from kabar.analyse.quotes.direct import QuotedSpan
from kabar.analyse.quotes.phrases import WORD, phrase_after, phrase_before
from kabar.lang.id import quote_cues as cues
from kabar.lang.id.agencies import find_agencies

_MIN_CONTENT_WORDS = 3
_TRAILING_RELAY = re.compile(
    r",\s*(?:(?:" + "|".join(cues.RELAY_OPENERS) + r")\s+(?:yang\s+)?(?:" + "|".join(cues.TRAILING_RELAY_VERBS) + r")|"
    + "|".join(cues.TRAILING_CUES) + r")\b.*$",
    re.IGNORECASE | re.DOTALL,
)
# "menurut", "Menurut laporan …" (its first letter in either case, longest first)
_MENURUT = re.compile(r"\b(?:" + "|".join(f"[{p[0].upper()}{p[0]}]" + p[1:].replace(" ", r"\s+") for p in cues.ACCORDING_TO) + r")\b")


def indirect_candidates(
    text: str,
    sentences: Sequence[tuple[int, int]],
    spans: Sequence[QuotedSpan],
    taken: Sequence[tuple[int, int]],
    agencies: Sequence[tuple[int, int, str]] | None = None,
) -> list[Candidate]:
    """Reported speech in the sentences not `taken` by direct quotations.

    `agencies` are the article's `find_agencies(text)` matches, scanned once.
    """
    found = sorted(find_agencies(text) if agencies is None else agencies)
    starts = [a[0] for a in found]
    taken = sorted(taken)
    reach = list(accumulate((b for _, b in taken), max))  # the furthest end among the first i spans
    out: list[Candidate] = []
    for s, e in sentences:
        k = bisect_left(taken, (e,))  # spans starting before the sentence ends
        if k and reach[k - 1] > s:
            continue
        local = tuple(a for a in found[bisect_left(starts, s) : bisect_left(starts, e)] if a[1] <= e)
        out.extend(_sentence(text, s, e, spans, local))
    return out


def _within(agencies: Sequence[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    """Matches inside [start, end), with offsets relative to `start`."""
    return [(a - start, b - start, name) for a, b, name in agencies if start <= a and b <= end]


def _sentence(text: str, s: int, e: int, spans: Sequence[QuotedSpan], agencies=(), relay: tuple[str, ...] = ()) -> list[Candidate]:
    sentence = text[s:e]
    m = _MENURUT_PRONOUN.search(sentence)
    if m is not None:
        found = _menurut_pronoun(text, s, e, s + m.start(), s + m.end(), spans, relay)
        if found is not None:
            return found
    m = _MENURUT.search(sentence)
    if m is not None:
        found = _menurut(text, s, e, s + m.start(), s + m.end(), spans, agencies, relay)
        if found is not None:
            return found
    found = _speech_verb(text, s, e, spans, agencies, relay)
    if found:
        return found
    tail = _trailing_cue(text, s, e, relay)
    return [tail] if tail else []


_MENURUT_PRONOUN = re.compile(r"\b[Mm]enurutnya\b")


def _menurut_pronoun(text, s, e, cue_start, cue_end, spans, relay) -> list[Candidate] | None:
    """"Menurutnya, …" / "…, menurutnya, …" / "…, menurutnya.": the speaker is the one before."""
    cue = text[cue_start:cue_end]
    before = text[s:cue_start].rstrip()
    if not WORD.search(before):
        content = (cue_end, e)
    elif before.endswith(","):
        rest = text[cue_end:e]
        content = (s, e) if WORD.search(rest) else (s, s + len(before) - 1)
    else:
        return None
    if not _enough(text, content):
        return None
    c = _make(text, content, cue, (s, e), None, spans, relay)
    return [replace(c, pronoun=cue)]


def _menurut(text, s, e, cue_start, cue_end, spans, found, relay) -> list[Candidate] | None:
    cue = text[cue_start:cue_end]
    # speaker phrase up to the next comma; "menurutnya" handled as a pronoun
    comma = text.find(",", cue_end, e)
    stop = comma if comma >= 0 else e
    pronoun = re.match(r"\s+(" + "|".join(cues.PERSONAL_PRONOUNS) + r")\b(?!\s*,)", text[cue_end:e], re.IGNORECASE)
    if pronoun:  # "Menurut dia banyak sekali kanal …": the pronoun alone, no comma after it
        comma, stop = cue_end + pronoun.end() - 1, cue_end + pronoun.end()
    np_text = text[cue_end:stop]
    if len(WORD.findall(np_text)) > 12 or not WORD.search(np_text):
        return None
    np = (cue_end + len(np_text) - len(np_text.lstrip()), stop - (len(np_text) - len(np_text.rstrip())))
    if np_text.strip().lower() in cues.FIRST_PERSON:
        return None  # "menurut saya": the words of a speaker whose quotation marks were lost
    np_words = [w.lower() for w in WORD.findall(np_text)]
    if any(w in cues.CLAUSE_WORDS or w in cues.SPEECH_VERBS or w == "yang" for w in np_words) or len(np_words) > 10:
        return None  # "Menurut dia banyak sekali kanal …,": a clause, not a source
    # "Menurut laporan kantor berita Korut, Korean Central News Agency (KCNA), …": the appositive agency
    agencies = _within(found, np[0], np[1])
    after_comma = text[stop + 1 : e] if comma >= 0 else ""
    appos = _within(found, stop + 1, stop + 1 + min(80, len(after_comma)))
    if not agencies and appos and appos[0][0] < 3:
        close = after_comma.find(",", appos[0][1])
        if close >= 0:
            np = (stop + 1 + appos[0][0], stop + 1 + appos[0][1])
            stop = stop + 1 + close
            agencies = appos[:1]
    if cue_start == s or not WORD.search(text[s:cue_start]):
        content = (stop + 1, e)
        if agencies:
            names = tuple(a[2] for a in agencies)
            inner = _speech_verb(text, stop + 1, e, spans, found, relay + names)
            if inner:
                return inner
        return [_make(text, content, cue, (s, e), np, spans, relay)] if _enough(text, content) else None
    before = text[s:cue_start].rstrip()
    if before.endswith(",") and agencies:
        names = tuple(a[2] for a in agencies)
        inner = _speech_verb(text, s, s + len(before) - 1, spans, found, relay + names)
        if inner:
            return [_with_sentence(c, (s, e)) for c in inner]
    if before.endswith(","):
        if comma >= 0 and WORD.search(text[stop + 1 : e]):
            # "China, menurut para ahli, sengaja …": the whole sentence, cue inside
            content = (s, e)
        else:
            content = (s, s + len(before) - 1)
        return [_make(text, content, cue, (s, e), np, spans, relay)] if _enough(text, content) else None
    return None


def _speech_verb(text, s, e, spans, found, relay) -> list[Candidate]:
    for m in WORD.finditer(text, s, e):
        verb = m.group().lower()
        light = verb in cues.LIGHT_VERBS and _light_cue(text, m.end(), e)
        if verb not in cues.SPEECH_VERBS and not light:
            continue
        if any(sp.open < m.start() < sp.close for sp in spans):
            continue
        np = phrase_before(text, s, m.start()) or _coordinated_subject(text, s, m.start())
        if np is None:
            continue
        pos, cue = _after_verb(text, m, e)
        if light:
            pos, cue = light
        elif verb in cues.NEEDS_COMPLEMENT and not re.match(r"\s*(?:,|:|bahwa|agar|supaya|untuk|[\"“])", text[m.end() : e]):
            continue
        end = _content_end(text, pos, e)
        # a second verb of the same speaker: "menggambarkan … dan berjanji untuk …"
        pieces = []
        for m2 in re.finditer(r"\s+(?:dan|serta)\s+(\w+)", text[pos:end]):
            if m2.group(1).lower() in cues.SPEECH_VERBS:
                pieces.append((pos + m2.start(), pos + m2.start(1), pos + m2.end(1)))
                break
        out = []
        phrase = text[np[0] : np[1]]
        named = _within(found, np[0], np[1])
        agency = named[0][2] if len(named) == 1 and named[0][1] - named[0][0] >= len(phrase.strip()) // 2 else None
        if agency and not pieces:
            inner = _speech_verb(text, pos, end, spans, found, relay + (agency,))
            if inner:
                return inner
        first_end = pieces[0][0] if pieces else end
        if _enough(text, (pos, first_end)):
            out.append(_make(text, (pos, first_end), cue, (s, e), np, spans, relay))
        for _, vstart, _ in pieces:
            vm = WORD.match(text, vstart)
            p2, cue2 = _after_verb(text, vm, e)
            if _enough(text, (p2, end)):
                out.append(_make(text, (p2, end), cue2, (s, e), np, spans, relay))
        if out:
            return out
    return []


_VERB_PREFIX = re.compile(r"(?:me|ber|di|ter)\w{3,}$")


def _coordinated_subject(text: str, s: int, verb_start: int) -> tuple[int, int] | None:
    """"Xi menyambut baik pesan itu dan mengatakan …": the subject of the first verb."""
    if not re.search(r"\b(?:" + "|".join(cues.COORDINATORS) + r")\s+$", text[s:verb_start]):
        return None
    for w in WORD.finditer(text, s, verb_start):
        if _VERB_PREFIX.match(w.group()) and not w.group()[0].isupper():
            return phrase_before(text, s, w.start()) if w.start() > s else None
    return None


def _light_cue(text: str, pos: int, e: int) -> tuple[int, str] | None:
    """After a light verb: a speech noun, then "bahwa" within a few words; (content start, cue)."""
    m = re.match(r"\s+(\w+)\b(?:[^.,\"“]{0,40}?)\s+bahwa\s+", text[pos:e])
    if m is None or m.group(1).lower() not in cues.SPEECH_NOUNS:
        return None
    verb_start = text.rfind(" ", 0, pos) + 1
    return pos + m.end(), text[verb_start : pos + m.end(1)]


def _after_verb(text: str, verb: re.Match, e: int) -> tuple[int, str]:
    """Where the content starts after a speech verb, and the cue as written."""
    pos = verb.end()
    cue = verb.group()
    nxt = WORD.match(text, _skip(text, pos))
    if nxt is not None and nxt.group().lower() in cues.CUE_NOUNS and re.match(r"\s*(?:untuk|bahwa|agar|[\"“:,])", text[nxt.end() : e]):
        cue = text[verb.start() : nxt.end()]
        pos = nxt.end()
    # adverbials between the verb and its content: "pada Selasa (23/3/2021), bahwa", "dalam pesannya bahwa"
    m = re.match(r"[^\"“”]{0,80}?\bbahwa\b", text[pos:e])
    if m and not re.search(r"[.!?]", m.group()):
        pre = m.group()[: -len("bahwa")]
        if re.fullmatch(r"\s*(?:,\s*)?(?:(?:" + "|".join(cues.ADVERBIAL_OPENERS) + r")\b[^,]*)?,?\s*", pre):
            return _skip(text, pos + m.end()), cue
    pos = _skip(text, pos)
    while pos < e and text[pos] in ",:":
        pos = _skip(text, pos + 1)
    w = WORD.match(text, pos)
    while w is not None and w.group().lower() in cues.COMPLEMENTISERS and w.group().lower() != "agar":
        pos = _skip(text, w.end())
        w = WORD.match(text, pos)
    return pos, cue


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _content_end(text: str, pos: int, e: int) -> int:
    segment = text[pos:e]
    m = _TRAILING_RELAY.search(segment)
    end = pos + (m.start() if m else len(segment))
    while end > pos and text[end - 1] in " .,;:\u00a0":
        end -= 1
    return end


def _trailing_cue(text, s, e, relay) -> Candidate | None:
    """"…, kata beberapa pakar." / "…, ujarnya." with no quote marks."""
    # spaces taken possessively: adjacent quantifiers that can all take spaces split a long run of
    # them every way (quadratic; a run of 5,000 no-break spaces took 5 s)
    m = re.search(r",\s*+(\w+)(?:\s++([^,.]{1,60}))?\s*+\.?\s*+$", text[s:e])
    if m is None:
        return None
    cw = cue_word(m.group(1))
    if cw is None or m.group(1).lower() not in cues.POST_CUES and not cw[1]:
        return None
    content_start = s
    lead = re.match(r"(?:[A-Z][a-z]+(?:\s+\w+){0,2}),\s+", text[s:e])
    if lead and lead.group().strip(" ,").lower() in cues.CONNECTIVES:
        content_start = s + lead.end()
    content = (content_start, s + m.start())
    if not _enough(text, content):
        return None
    if cw[1]:
        return Candidate(content[0], content[1], "indirect", m.group(1), (s, e), pronoun=m.group(1), relay=relay)
    np = phrase_after(text, s + m.start(2), e) if m.group(2) else None
    if np is None:
        return None
    if is_pronoun(text[np[0] : np[1]]):
        return Candidate(content[0], content[1], "indirect", m.group(1), (s, e), speaker_span=np, pronoun=text[np[0] : np[1]], relay=relay)
    return Candidate(content[0], content[1], "indirect", m.group(1), (s, e), speaker_span=np, relay=relay)


def _enough(text: str, span: tuple[int, int]) -> bool:
    return span[1] > span[0] and len(WORD.findall(text[span[0] : span[1]])) >= _MIN_CONTENT_WORDS


def _with_sentence(c: Candidate, sentence: tuple[int, int]) -> Candidate:
    return replace(c, sentence=sentence)


_DAYS = "|".join(sorted(cues.DATE_WORDS))
# adverbials that open a reported clause but are not what was said:
# "dalam laporannya pada Sabtu (26/11) surat itu …" → "surat itu …"
_LEADING_ADVERBIAL = re.compile(
    rf"(?:(?:{'|'.join(cues.CHANNEL_PREPOSITIONS)})\s+(?:\w+nya|sebuah\s+\w+|\w+\s+tertulis(?:nya)?)|pada\s+(?:hari\s+)?(?i:{_DAYS})(?:\s*\([^)]{{1,20}}\))?"
    rf"|kepada\s+(?:{'|'.join(cues.PRESS_AUDIENCES)}))\s*,?\s+"
)


def _make(text, content, cue, sentence, np, spans, relay) -> Candidate:
    start, end = content
    while start < end and text[start] in " ,\u00a0":
        start += 1
    while (m := _LEADING_ADVERBIAL.match(text, start, end)) is not None and m.end() < end:
        start = m.end()
        b = WORD.match(text, start)
        if b is not None and b.group().lower() in ("bahwa", "bahwasanya"):
            start = _skip(text, b.end())
    while end > start and text[end - 1] in " ,.\u00a0":
        end -= 1
    kind = "indirect"
    # the whole content is one quotation: a direct quote (without its marks)
    for sp in spans:
        if sp.open == start and sp.close >= end - 1 and sp.close <= end + 2:
            start, end, kind = sp.start, sp.end, "direct"
            break
    pronoun = text[np[0] : np[1]] if np and is_pronoun(text[np[0] : np[1]]) else None
    return Candidate(start, end, kind, cue, sentence, speaker_span=np, pronoun=pronoun, relay=relay)
