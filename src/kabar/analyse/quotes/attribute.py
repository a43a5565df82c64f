"""Direct quotations: which quoted spans are statements, and their cues.

A quoted span is a statement when a cue follows it ("…," kata Xi / ujarnya /
Fadil menambahkan), a cue introduces it ("Fadil menegaskan, "…"" /
"menyatakan komitmennya untuk "…""), or it stands alone as a paragraph or
follows another statement of the same paragraph ("…," kata Xi. "…").
Short quoted words inside a sentence with no cue are scare quotes or titles:
they are left to the indirect pass, which keeps them inside mixed quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from kabar.analyse.quotes.candidates import Candidate, cue_word, is_pronoun
from kabar.analyse.quotes.direct import QuotedSpan
from kabar.analyse.quotes.phrases import WORD, phrase_after, phrase_before
from kabar.lang.id import quote_cues as cues

_MIN_STANDALONE_WORDS = 4
_CLOSERS = " \t\u00a0,\"'”’»"
_LOOK_BACK = 400  # characters before a quote mark searched for the clause that introduces it


def direct_candidates(text: str, spans: Sequence[QuotedSpan]) -> list[Candidate]:
    out: list[Candidate] = []
    for span in spans:
        cand = _after_cue(text, span) or _before_cue(text, span)
        if cand is None:
            cand = _standalone(text, span, out)
        if cand is not None:
            out.append(cand)
    return out


def _para_bounds(text: str, pos: int) -> tuple[int, int]:
    # bisection over the line breaks: rfind/find from every mark rescanned a long paragraph (quadratic)
    breaks = _breaks(text)
    i = bisect_left(breaks, pos)
    start = breaks[i - 1] + 1 if i > 0 else 0
    return start, breaks[i] if i < len(breaks) else len(text)


@lru_cache(maxsize=4)
def _breaks(text: str) -> list[int]:
    """Offsets of the line breaks in `text` (a memo of a pure function: the article being read)."""
    return [m.start() for m in re.finditer("\n", text)]


def _sentence_end(text: str, pos: int, limit: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)|[\"“]").search(text, pos, limit)
    return m.end() if m and text[m.start()] in ".!?" else (m.start() if m else limit)


def _after_cue(text: str, span: QuotedSpan) -> Candidate | None:
    """"…," kata X / "…," ujarnya / "…," X menambahkan."""
    if span.close >= len(text):
        return None
    _, para_end = _para_bounds(text, span.close)
    pos = span.close + 1
    while pos < para_end and text[pos] in _CLOSERS:
        pos += 1
    if pos == para_end and pos < len(text):
        # a page that broke the line after the mark: "…”\nujar seorang ibu."
        nxt = WORD.match(text, pos + 1)
        if nxt is not None and nxt.group().islower() and cue_word(nxt.group()) is not None:
            pos += 1
            para_end = _para_bounds(text, pos)[1]
    if pos < len(text) and text[pos - 1] not in " \t\u00a0,":
        # "…". Kata X: a new sentence is not the cue of this quotation
        if text[pos : pos + 1] == ".":
            return None
    sent_end = _sentence_end(text, pos, para_end)
    m = WORD.match(text, pos)
    if m is None:
        return None
    word = m.group()
    if word.lower() in cues.POINTERS_BACK:
        m = WORD.match(text, m.end() + 1) or m
        word = m.group()
    sentence = (_para_bounds(text, span.open)[0], sent_end)
    if word.lower() in cues.PASSIVE_CUES:
        # "…," demikian disampaikan (oleh) Menteri X.
        by = re.match(r"\s+(?:oleh\s+)?", text[m.end() : sent_end])
        np = phrase_after(text, m.end() + (by.end() if by else 0), sent_end)
        return _with_speaker(span, word, sentence, np, text) if np else None
    if word.lower() == "menurut" or word.lower().startswith("menurut"):
        if word.lower() == "menurutnya":
            return Candidate(span.start, span.end, "direct", word, sentence, pronoun=word)
        np = phrase_after(text, m.end(), sent_end)
        return _with_speaker(span, word, sentence, np, text)
    cue = cue_word(word)
    if cue is not None:
        word, clitic = cue
        if clitic:
            return Candidate(span.start, span.end, "direct", word, sentence, pronoun=word)
        np = phrase_after(text, m.end(), sent_end)
        return _with_speaker(span, word, sentence, np, text)
    # "…," Fadil menambahkan. / "…," ia menegaskan.
    np = phrase_after(text, pos, sent_end)
    if np is not None:
        v = WORD.match(text, _skip_space(text, np[1]))
        if v is not None and (v.group().lower() in cues.SPEECH_VERBS or v.group().lower() in cues.POST_CUES):
            return _with_speaker(span, v.group(), sentence, np, text)
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _with_speaker(span: QuotedSpan, cue: str, sentence, np, text: str) -> Candidate:
    if np is None:
        return Candidate(span.start, span.end, "direct", cue, sentence, inherit=True)
    phrase = text[np[0] : np[1]]
    if is_pronoun(phrase):
        return Candidate(span.start, span.end, "direct", cue, sentence, speaker_span=np, pronoun=phrase)
    return Candidate(span.start, span.end, "direct", cue, sentence, speaker_span=np)


_PRE_CUE = re.compile(
    r"(?P<cue>\w+)(?P<noun>(?:\s+\w+){0,1}?)\s*(?:[,:]|\s+(?:bahwa|untuk))?\s*$",
)


def _before_cue(text: str, span: QuotedSpan) -> Candidate | None:
    """X mengatakan, "…" / Menurut X, "…" / kata X: "…" / menyatakan komitmennya untuk "…"."""
    para_start, _ = _para_bounds(text, span.open)
    if span.open - para_start > _LOOK_BACK:
        # a clause is never this long: looking back over the whole paragraph for every mark was quadratic
        space = text.find(" ", span.open - _LOOK_BACK, span.open)
        para_start = span.open - _LOOK_BACK if space < 0 else space + 1
    before = text[para_start : span.open]
    # the clause right before the mark, back to the last sentence end
    clause_start = para_start + max((m.end() for m in re.finditer(r"[.!?][\"”’]?\s+", before)), default=0)
    clause = text[clause_start : span.open]
    words = list(WORD.finditer(clause))
    if not words:
        return None
    tail = clause[words[-1].end() :]
    if tail.strip() not in {"", ",", ":"}:
        return None
    k = len(words) - 1
    cue_k = None
    # allow one complementiser and one cue noun between verb and mark
    while k >= 0 and len(words) - k <= 3:
        w = words[k].group().lower()
        if w in cues.SPEECH_VERBS or w in cues.POST_CUES or w == "menurut" or cue_word(w):
            cue_k = k
            break
        if w not in cues.COMPLEMENTISERS and w not in cues.CUE_NOUNS and k != len(words) - 1:
            return None
        if k == len(words) - 1 and w not in cues.COMPLEMENTISERS and w not in cues.CUE_NOUNS:
            # "kata X:" / "Menurut X," — the word before the mark may be the speaker
            break
        k -= 1
    sentence = (clause_start, _sentence_end(text, span.close + 1, _para_bounds(text, span.close)[1]))
    # a quotation inside a longer reported clause is a mixed quotation: the indirect pass takes it
    rest = text[span.close + 1 : sentence[1]] if span.close < len(text) else ""
    if WORD.search(rest) and not cue_word(WORD.search(rest).group()):
        return None
    if cue_k is not None:
        verb = words[cue_k]
        cue = _cue_text(clause, words, cue_k)
        vlow = verb.group().lower()
        cw = cue_word(verb.group())
        if cw and cw[1]:
            return Candidate(span.start, span.end, "direct", verb.group(), sentence, pronoun=verb.group())
        if vlow in cues.POST_CUES and cue_k == 0:
            return None
        np = phrase_before(text, clause_start, clause_start + verb.start())
        if np is None:
            return Candidate(span.start, span.end, "direct", cue, sentence, inherit=True)
        if is_pronoun(text[np[0] : np[1]]):
            return Candidate(span.start, span.end, "direct", cue, sentence, speaker_span=np, pronoun=text[np[0] : np[1]])
        return Candidate(span.start, span.end, "direct", cue, sentence, speaker_span=np)
    # "Kata Fadil, "…"" / "Menurut dia, "…"" / "Fadil: "…""
    m = re.search(r"\b(?P<cue>[Kk]ata|[Uu]jar|[Mm]enurut)\s+(?P<np>[^,:]{1,60})[,:]\s*$", clause)
    if m:
        np = (clause_start + m.start("np"), clause_start + m.end("np"))
        phrase = text[np[0] : np[1]]
        if is_pronoun(phrase):
            return Candidate(span.start, span.end, "direct", m.group("cue"), sentence, speaker_span=np, pronoun=phrase)
        return Candidate(span.start, span.end, "direct", m.group("cue"), sentence, speaker_span=np)
    return None


def _cue_text(clause: str, words, cue_k: int) -> str:
    """The cue as written: the verb, plus a cue noun right after it ("menyatakan komitmennya")."""
    verb = words[cue_k]
    if cue_k + 1 < len(words) and words[cue_k + 1].group().lower() in cues.CUE_NOUNS:
        return clause[verb.start() : words[cue_k + 1].end()]
    return verb.group()


def _standalone(text: str, span: QuotedSpan, previous: list[Candidate]) -> Candidate | None:
    """A quotation with no cue: a paragraph of its own, or the second part of a cued one."""
    para_start, para_end = _para_bounds(text, span.open)
    n_words = len(WORD.findall(text[span.start : span.end]))
    before = text[para_start : span.open].strip()
    prev = previous[-1] if previous else None
    sentence = (span.open, _sentence_end(text, span.close + 1, para_end) if span.close < len(text) else span.end)
    # "…," kata Xi. "…": the second part shares the first one's speaker and cue
    if prev is not None and prev.sentence[1] <= span.open and para_start <= prev.start and n_words >= 2:
        gap = text[prev.end : span.open]
        # only after the earlier sentence has ended: "…," kata Xi. "…" (not "ujar Diah dalam webinar "…"")
        if re.search(r"[.!?]", gap) and not WORD.search(text[prev.sentence[1] : span.open]):
            return Candidate(span.start, span.end, "direct", prev.cue, sentence, inherit=True)
    if before or n_words < _MIN_STANDALONE_WORDS:
        return None
    if not re.search(r"[.!?,]", text[span.start : span.end]) and n_words < 8:
        return None
    return Candidate(span.start, span.end, "direct", None, sentence, inherit=True)
