"""The sentences an event may come from: article sentences minus page chrome.

Related-article links ("Baca juga: …", "Pilihan Editor: …"), video teasers
and captions state no event of the article, even when scraped text glues them
to a real sentence; then the sentence starts after the link text. The chrome
patterns are the extractor's (`kabar.extract.boilerplate`), so what the
extractor cuts from a page and what is skipped here agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kabar.analyse.tokens import sentence_spans
from kabar.extract.boilerplate import clean_inline, line_kind


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the article text
    end: int
    text: str


# Chrome inside running text that ends a sentence as a full stop would.
_INLINE_BREAK = re.compile(
    r"ADVERTISEMENT|SCROLL\s+TO\s+(?:CONTINUE|RESUME)\s+WITH\s+CONTENT|\[\s*Gambas\s*:[^\]]*\]|&nbsp;"
    r"|(?:Baca|BACA|Simak|Lihat|Tonton)\s+(?:[Jj]uga|JUGA|[Ss]elengkapnya|[Vv]ideo)\s*:|Pilihan\s+[Ee]ditor\s*:"
)
_WORD = re.compile(r"\w+")


def article_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` that may state an event, chrome cut away, offsets kept."""
    found: list[Sentence] = []
    for start, end in sentence_spans(text):
        for s, e in _split_at_chrome(text, start, end):
            sentence = _without_link_title(text, s, e)
            if sentence is not None:
                found.append(sentence)
    return found


def _split_at_chrome(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of a sentence between inline chrome markers; a marker opens its own piece."""
    cuts = [m.start() for m in _INLINE_BREAK.finditer(text, start, end) if m.start() > start]
    bounds = [start, *cuts, end]
    pieces = []
    for s, e in zip(bounds, bounds[1:]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
    return pieces


def _without_link_title(text: str, start: int, end: int) -> Sentence | None:
    """The piece with a leading related-link title cut off; None when nothing of the article is left."""
    piece = text[start:end]
    if _is_markup_only(piece):
        return None
    if _INLINE_BREAK.match(piece):
        cleaned, removed = clean_inline(piece)
        if not cleaned or cleaned == piece:
            return None  # the whole piece is the link, a teaser or an ad marker
        tail = _tail_start(piece, cleaned)
        if tail is None:
            return None
        start += tail
        piece = text[start:end]
    if line_kind(piece) is not None and len(_WORD.findall(piece)) <= 40:
        return None
    if len(_WORD.findall(piece)) < 3:
        return None
    return Sentence(start, end, piece)


def _tail_start(piece: str, cleaned: str) -> int | None:
    """Where `cleaned` (the article's words after the link title) starts inside `piece`."""
    words = cleaned.split()
    if not words:
        return None
    head = " ".join(words[: min(4, len(words))])
    at = piece.rfind(head)
    return at if at > 0 else None


@lru_cache(maxsize=1)
def _markup() -> re.Pattern[str]:
    return re.compile(r"^(?:ADVERTISEMENT|SCROLL\s+TO\s+\w+\s+WITH\s+CONTENT|\[[^\]]*\]|&nbsp;|\W)+$")


def _is_markup_only(piece: str) -> bool:
    return bool(_markup().match(piece))
