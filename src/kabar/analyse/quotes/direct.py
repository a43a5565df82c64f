"""Quoted spans: pairs of quote marks in an article's text.

Pairs “…”, "…", mixed straight and curly marks ("…” or “…"), ‘…’, and
quotations that run over paragraphs (each paragraph re-opens with a mark and
only the last one closes). Apostrophes inside words (Qur’an, Jong'un) are not
quote marks. Pure functions over a string; offsets are Python indices.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_MARKS = frozenset('"“”„«»')
OPENING_ONLY = frozenset("“„«")
CLOSING_ONLY = frozenset("”»")
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (len(text) when the paragraph ends unclosed)
    start: int  # the quoted words, trimmed of spaces and a trailing comma
    end: int

    def inside(self, pos: int) -> bool:
        return self.open <= pos <= self.close


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span in `text`, in order; nested single quotes are left inside."""
    spans = _double_spans(text)
    # double spans come in order and never overlap: the one that may hold a mark is the last opened
    # before it (a bisection, not a scan of them all per single-quoted span: that was quadratic)
    opens = [d.open for d in spans]
    doubles = list(spans)

    def nested(pos: int) -> bool:
        i = bisect_right(opens, pos) - 1
        return i >= 0 and doubles[i].inside(pos)

    spans.extend(s for s in _single_spans(text) if not nested(s.open))
    spans.sort(key=lambda s: s.open)
    return [s for s in spans if s.end > s.start]


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if after.isspace():
        return False
    return before.isspace() or before in "([{:;,—–-/" or before in DOUBLE_MARKS or i == 0


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return not before.isspace() or after.isspace() or not after.isalnum()


_DOUBLE_OR_BREAK = re.compile("[\n" + "".join(sorted(DOUBLE_MARKS)) + "]")
_SINGLE_OR_BREAK = re.compile(f"[\n{SINGLE_OPEN}{SINGLE_CLOSE}]")


def _double_spans(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    skip = -1  # a mark that re-opens a running quotation in the next paragraph
    for m in _DOUBLE_OR_BREAK.finditer(text):  # only marks and line breaks matter
        i, ch = m.start(), m.group()
        if i == skip:
            continue
        if ch == "\n":
            if open_at is None:
                continue
            # a quotation running on: the next paragraph re-opens with a mark
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt in DOUBLE_MARKS and _can_open(text, i + 1):
                skip = i + 1
                continue
            if open_at == 0 or text[open_at - 1] == "\n":
                # a paragraph that opens a quotation and never closes it: the paragraph is the quote
                spans.append(_span(text, open_at, i))
            open_at = None
        elif open_at is None:
            # ” opens too where it stands before a word: some outlets print ”…” for both marks
            if _can_open(text, i):
                open_at = i
        elif ch in OPENING_ONLY and not _can_close(text, i):
            open_at = i  # the earlier mark was never closed: start again here
        elif _can_close(text, i):
            spans.append(_span(text, open_at, i))
            open_at = None
    if open_at is not None and (open_at == 0 or text[open_at - 1] == "\n"):
        spans.append(_span(text, open_at, len(text)))
    return spans


def _single_spans(text: str) -> list[QuotedSpan]:
    spans = []
    open_at: int | None = None
    for m in _SINGLE_OR_BREAK.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            open_at = None
        elif ch == SINGLE_OPEN and _can_open(text, i):
            open_at = i
        elif ch == SINGLE_CLOSE and open_at is not None:
            after = text[i + 1] if i + 1 < len(text) else " "
            if not after.isalnum():  # Qur’an, Jong’un: an apostrophe, not a close
                spans.append(_span(text, open_at, i))
                open_at = None
    return spans


def _span(text: str, open_pos: int, close_pos: int) -> QuotedSpan:
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuotedSpan(open_pos, close_pos, start, end)
