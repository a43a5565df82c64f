"""Indonesian stemming for matching and search: PyStemmer's Snowball stemmer (~1M words/s)."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+(?:-\w+)*")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer

    return Stemmer.Stemmer("indonesian")


def stem_words(words: list[str]) -> list[str]:
    return _stemmer().stemWords([w.lower() for w in words])


def stem_text(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens of `text` (punctuation dropped)."""
    return stem_words(_WORD.findall(text))
