"""Words as integer ids, one column per embedding table of the CNN tagger (numpy only).

Id 0 of every column is "unknown" (a value training never saw often enough).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kabar.analyse.ner.features import Lexicon, lexicon_tags, shape

COLUMNS = ("word", "prefix", "suffix", "shape", "cluster64", "cluster256", "cluster1024", "gazetteer", "casing")
WORD_COLUMNS = 7  # the first columns depend on the word alone (a tagger caches them per word)


def word_values(word: str, clusters: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The word-only columns' values. Clusters are learnt from lower-cased text, so a capitalised
    word's cluster is a value of its own (a name more than a noun)."""
    low = word.lower()
    ids = clusters.get(low, ())
    mark = "C" if word[:1].isupper() else ""
    levels = tuple(mark + ids[k] if k < len(ids) and ids[k] else "" for k in range(3))
    return (low, low[:3], low[-3:], shape(word), *levels)


def sentence_columns(words: Sequence[str], lexicon: Lexicon) -> list[tuple[str, str]]:
    """The columns that depend on the sentence: the gazetteer's longest match ("B:LP") and the
    sentence's casing (NERP is lower-cased throughout; a capital there means nothing)."""
    gazetteer = lexicon_tags([w.lower() for w in words], lexicon)
    casing = "cased" if any(w[:1].isupper() for w in words[1:]) else "lower"
    return [(g or "", casing + ("^" if i == 0 else "")) for i, g in enumerate(gazetteer)]


def sentence_values(words: Sequence[str], clusters: Mapping[str, Sequence[str]], lexicon: Lexicon) -> list[tuple[str, ...]]:
    """Every column's value for each word."""
    return [(*word_values(w, clusters), *columns) for w, columns in zip(words, sentence_columns(words, lexicon), strict=True)]


@dataclass(frozen=True)
class Vocabulary:
    """Per column, the values training saw at least `min_count` times, each with its id (from 1)."""

    tables: tuple[dict[str, int], ...]

    @classmethod
    def build(cls, rows: Iterable[Sequence[tuple[str, ...]]], min_count: int = 2) -> Vocabulary:
        counts = [Counter() for _ in COLUMNS]
        for sentence in rows:
            for values in sentence:
                for column, value in zip(counts, values, strict=True):
                    column[value] += 1
        tables = tuple({v: i for i, v in enumerate(sorted(v for v, n in c.items() if n >= min_count and v), start=1)}
                       for c in counts)
        return cls(tables)

    @classmethod
    def from_lists(cls, lists: Sequence[Sequence[str]]) -> Vocabulary:
        return cls(tuple({v: i for i, v in enumerate(values, start=1)} for values in lists))

    def lists(self) -> list[list[str]]:
        """Each column's values in id order (what the model file stores)."""
        return [sorted(table, key=table.__getitem__) for table in self.tables]

    def sizes(self) -> tuple[int, ...]:
        return tuple(len(t) + 1 for t in self.tables)

    def ids(self, values: Sequence[tuple[str, ...]]) -> np.ndarray:
        """(words, columns) int32 ids of a sentence's values."""
        return np.array([[t.get(v, 0) for t, v in zip(self.tables, row, strict=True)] for row in values],
                        dtype=np.int32).reshape(len(values), len(COLUMNS))
