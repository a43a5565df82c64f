"""A quotation found in the text, before its speaker is resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.lang.id import quote_cues as cues
from kabar.records import QuoteKind

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # the quoted words
    end: int
    kind: QuoteKind
    cue: str | None
    sentence: tuple[int, int]  # the sentence(s) holding the quotation and its cue
    speaker_span: tuple[int, int] | None = None  # the words naming the speaker
    pronoun: str | None = None  # "ujarnya", "dia": resolved to an earlier speaker
    inherit: bool = False  # no cue: the speaker of the quotation before
    relay: tuple[str, ...] = ()  # agencies named around it as inner relays ("menurut KCNA, …")


def cue_word(word: str) -> tuple[str, bool] | None:
    """(cue, is_clitic) when `word` is a speech cue: "ujarnya" → ("ujarnya", True)."""
    lower = word.lower()
    if lower in cues.POST_CUES or lower in cues.SPEECH_VERBS:
        return word, False
    stem = lower[: -len(cues.CLITIC)] if lower.endswith(cues.CLITIC) else None
    if stem is not None and (stem in cues.POST_CUES or stem in cues.CLITIC_ONLY_CUES or stem == "menurut"):
        return word, True
    return None


def is_pronoun(phrase: str) -> bool:
    words = _WORD.findall(phrase.lower())
    return len(words) == 1 and words[0] in cues.PRONOUNS
