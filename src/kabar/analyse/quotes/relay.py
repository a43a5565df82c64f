"""Relay chains: the agencies and outlets a quotation travelled through.

Two kinds of channel are told apart. *Inner* relays sit between the speaker
and the article's source ("menurut KCNA", "KCNA mengatakan", "kata Xi,
Kantor Berita Xinhua", "disitir CNN dari KCNA" → KCNA before CNN). The
*outer* channel is what the article reports from ("seperti dilansir dari AP",
"sebagaimana dikutip Reuters"): it holds for its own sentence and for what
follows until another one is named (and for what comes before the first).
With no attribution in the body, the article's `sources_cited` that the body
never names (a "Sumber: …" line) are the outer channel.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.lang.id import quote_cues as cues
from kabar.lang.id.agencies import find_agencies
from kabar.records import Article

_ATTRIBUTION = re.compile(
    r"\b(?:(?:" + "|".join(cues.RELAY_OPENERS) + r")\s+(?:yang\s+)?)?(?:" + "|".join(sorted(cues.RELAY_VERBS)) + r")\b",
    re.IGNORECASE,
)
# "menurut KCNA", "kata Xi, Kantor Berita resmi China Xinhua", "dari KCNA", "KCNA dan Xinhua"
_INNER_BEFORE = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in cues.INNER_RELAY_BEFORE) + r")\s+(?:\w+,?\s+){0,6}$", re.IGNORECASE
)
_INNER_AFTER = re.compile(r"^[\s,)]*(?:\w+\s+){0,2}?(?:" + "|".join(cues.INNER_RELAY_VERBS) + r")\b")


@dataclass(frozen=True, slots=True)
class Channel:
    start: int
    end: int
    agency: str
    outer: bool


class RelayIndex:
    """Where an article names its channels, to give each quotation its chain."""

    def __init__(self, article: Article) -> None:
        text = article.text
        self.text = text
        own = {article.outlet} if article.outlet else set()
        # the dateline's outlet ("PYONGYANG, KOMPAS.com - ") is the article itself, not a relay
        self.found = tuple(find_agencies(text))  # once per article: the costly scan
        self.channels = [c for c in _channels(text, self.found) if c.agency not in own and not _is_dateline(text, c)]
        # an attribution holds for what follows when it leads its sentence ("Dilansir dari AP, …")
        # or stands in the first two paragraphs; a trailing ", seperti dilansir X." only for its sentence
        self.outer = [c for c in self.channels if c.outer and _is_article_level(text, c.start)]
        self.sentence_outer = [c for c in self.channels if c.outer]
        self._outer_starts = [c.start for c in self.outer]
        named = {c[2] for c in self.found}
        self.default_outer = tuple(a for a in article.sources_cited if a not in named)

    def inner(self, sent_start: int, sent_end: int) -> tuple[str, ...]:
        """The inner relays named in the sentence itself."""
        return tuple(c.agency for c in _ordered(self.text, [c for c in self.channels if sent_start <= c.start < sent_end and not c.outer]))

    def via(self, sent_start: int, sent_end: int, speaker: str | None = None, prefix: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The chain for a quotation in the sentence [sent_start, sent_end): inner relays then the outer channel."""
        inner = list(prefix)
        in_sentence = [c for c in self.channels if sent_start <= c.start < sent_end]
        for c in _ordered(self.text, [c for c in in_sentence if not c.outer]):
            inner.append(c.agency)
        outer = [c.agency for c in self.sentence_outer if sent_start <= c.start < sent_end]
        if not outer:
            outer = self._outer_before(sent_start)
        chain: list[str] = []
        for agency in [*inner, *outer]:
            if agency not in chain and agency != speaker:
                chain.append(agency)
        return tuple(chain)

    def _outer_before(self, pos: int) -> list[str]:
        if not self.outer:
            return list(self.default_outer)
        k = bisect_right(self._outer_starts, pos)
        if k == 0:
            first = self.outer[0]
            if self.text.count("\n", 0, first.start) >= 2 and not _near_quote_mark(self.text, first.start):
                # named later, not for a quotation: it covers what follows, not the lead
                return list(self.default_outer)
            return [c.agency for c in self.outer if c.start < first.start + 200 and _same_sentence(self.text, first.start, c.start)]
        last = self.outer[k - 1]
        chain = []
        for c in reversed(self.outer[:k]):  # the attributions of the last one's sentence
            if not _same_sentence(self.text, c.start, last.start):
                break
            chain.append(c.agency)
        return chain[::-1]


def _channels(text: str, agencies: Sequence[tuple[int, int, str]]) -> list[Channel]:
    found = []
    for start, end, agency in agencies:
        before = text[max(0, start - 70) : start]
        attribution = list(_ATTRIBUTION.finditer(before))
        if attribution and re.fullmatch(r"[\w\s().,]*", before[attribution[-1].end() :]) and len(before) - attribution[-1].end() < 40:
            verb = attribution[-1].group().split()[-1].lower()
            # "disitir CNN dari KCNA": KCNA is inner to CNN, both named after one verb
            chained = re.search(r"^\s*(?:(?:dari|oleh)\s+)?\w.*\bdari\s+(?:\w+\s+){0,4}$", before[attribution[-1].end() :])
            if verb in cues.OUTER_RELAY_VERBS and not chained:
                found.append(Channel(start, end, agency, True))
                continue
            found.append(Channel(start, end, agency, False))
            continue
        if re.search(r"\bsumber\s*:\s*$", before, re.IGNORECASE):
            found.append(Channel(start, end, agency, True))
            continue
        if _INNER_BEFORE.search(before[-60:]) or _INNER_AFTER.match(text[end : end + 60]) or re.search(r",\s*$", before):
            found.append(Channel(start, end, agency, False))
    return found


def _is_dateline(text: str, c: Channel) -> bool:
    para_start = text.rfind("\n", 0, c.start) + 1
    return c.start - para_start < 40 and bool(re.match(r"\s[-–—]\s", text[c.end : c.end + 3]))


def _near_quote_mark(text: str, pos: int) -> bool:
    """Whether the sentence at `pos` holds a quotation mark ("…," pesan Jinping, seperti disitir CNN)."""
    start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos)) + 1
    ends = [i for i in (text.find("\n", pos), text.find(". ", pos)) if i >= 0]
    return bool(re.search(r"[\"“”]", text[start : min(ends) if ends else len(text)]))


def _is_article_level(text: str, pos: int) -> bool:
    if text.count("\n", 0, pos) < 2:
        return True
    sentence_start = max(text.rfind(mark, 0, pos) + len(mark) - 1 for mark in ("\n", ". ", "! ", "? ")) + 1
    sentence_end = min([i for i in (text.find("\n", pos), text.find(". ", pos)) if i >= 0] or [len(text)])
    # a direct quotation attributed to the agency: the article's own channel for its quotes
    return len(text[sentence_start:pos].split()) <= 4 or bool(re.search(r"[\"“”]", text[sentence_start:sentence_end]))


def _ordered(text: str, channels: list[Channel]) -> list[Channel]:
    """Text order, except that "X dari Y" puts Y (nearer the speaker) first."""
    out = list(channels)
    for k in range(len(out) - 1):
        between = text[out[k].end : out[k + 1].start]
        if re.fullmatch(r"\s+dari\s+(?:\w+\s+){0,4}", between):
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not re.search(r"[.!?]\s|\n", text[lo:hi])
