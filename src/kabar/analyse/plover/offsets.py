"""Offsets of the extracted body carried back to a text file's own characters.

For a `.txt` input the contract wants offsets into the file as read, whatever
the extractor cleaned (inline chrome cut, glued words split). The two texts
are aligned word by word; inside a changed stretch, character by character.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_WORD = re.compile(r"\S+")


class OffsetMap:
    """Maps a span of `body` to the matching span of `original`."""

    def __init__(self, body: str, original: str) -> None:
        self.body = body
        self.original = original
        self._to: list[int] = [-1] * (len(body) + 1)
        if body == original:
            self._to = list(range(len(body) + 1))
            return
        b_words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(body)]
        o_words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(original)]
        matcher = SequenceMatcher(None, [w[2] for w in b_words], [w[2] for w in o_words], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for (bs, be, _), (os_, _, _) in zip(b_words[i1:i2], o_words[j1:j2]):
                    for k in range(be - bs):
                        self._to[bs + k] = os_ + k
            elif tag == "replace" and i2 > i1 and j2 > j1:
                bs, be = b_words[i1][0], b_words[i2 - 1][1]
                os_, oe = o_words[j1][0], o_words[j2 - 1][1]
                chars = SequenceMatcher(None, body[bs:be], original[os_:oe], autojunk=False)
                for a, b, n in chars.get_matching_blocks():
                    for k in range(n):
                        self._to[bs + a + k] = os_ + b + k

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original's span for body[start:end]: from its first to its last mapped character."""
        first = next((self._to[i] for i in range(start, end) if self._to[i] >= 0), None)
        last = next((self._to[i] for i in range(end - 1, start - 1, -1) if self._to[i] >= 0), None)
        if first is None or last is None or last < first:
            return None
        return first, last + 1
