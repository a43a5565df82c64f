"""Features of a candidate pair of articles: the evidence that they report one happening.

Each feature is a number in a small, comparable range, named in `PAIR_FEATURES`, so
that a learned model (`kabar.link.pair_model`) weighs them instead of hand-set
bonuses. The signals are general, not keyed to any beat:

- lexical closeness of the bodies, of title+lead, and of the titles alone;
- shared entities weighted by rarity in the corpus (IDF): the case's own people and
  places count, the agency or the state every article of the beat names counts little;
- the happening's day as the texts name it (`analyse.timex`), its gap, and the
  publication gap;
- reused passages (shared word 5-grams: the same quotation, the same wire copy);
- whether the headlines differ in being a reaction, and whether the leads name or
  quote other people (a statement by another actor is another event).
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kabar.link.features import ArticleFeatures
from kabar.link.graph import row_dots
from kabar.link.vectors import Vectors

PAIR_FEATURES: tuple[str, ...] = (
    "body",  # TF-IDF cosine of the bodies
    "head",  # ... of title and lead
    "title",  # ... of the titles
    "entities",  # IDF-weighted Jaccard of all entities
    "head_entities",  # ... of the entities of title and lead
    "rarest_shared",  # IDF of the rarest shared entity, over log(corpus size)
    "same_day",  # both texts name the happening's day, and it is the same
    "day_gap",  # log(1 + days between the happenings' days), 0 when either is unknown
    "published_gap",  # log(1 + days between publications), 0 when either is unknown
    "reuse",  # shared word 5-grams (bottom-k sketches) over the smaller sketch
    "reaction_differs",  # one headline reports a reaction, the other does not
    "lead_people",  # IDF-weighted Jaccard of the people the leads name or quote
    "lead_people_differ",  # both leads name people, and none is shared
    "same_outlet",
)

# Gaps beyond a month tell no more than a month.
_MAX_GAP_DAYS = 31
_SHINGLE_WORDS = 5
_SHINGLE_SKETCH = 128
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PairTable:
    pairs: tuple[tuple[int, int], ...]
    values: np.ndarray  # (len(pairs), len(PAIR_FEATURES)), float32


def entity_idf(features: Sequence[ArticleFeatures]) -> dict[str, float]:
    """log(N / df) of every entity id over the corpus."""
    df = Counter(e for f in features for e in f.entity_ids)
    n = max(1, len(features))
    return {e: math.log(n / c) for e, c in df.items()}


def pair_table(
    features: Sequence[ArticleFeatures],
    vectors: Vectors,
    pairs: Sequence[tuple[int, int]],
    idf: dict[str, float],
    sketches: Sequence[frozenset[int]],
) -> PairTable:
    """The features of `pairs`; `sketches` are the articles' `word_shingles`, in the order of `features`."""
    ordered = tuple(sorted(pairs))
    values = np.zeros((len(ordered), len(PAIR_FEATURES)), dtype=np.float32)
    if not ordered:
        return PairTable(ordered, values)
    rows, cols = [p[0] for p in ordered], [p[1] for p in ordered]
    values[:, 0] = row_dots(vectors.body, rows, cols)
    values[:, 1] = row_dots(vectors.head, rows, cols)
    values[:, 2] = row_dots(vectors.title, rows, cols)
    log_n = math.log(max(2, len(features)))
    for k, (i, j) in enumerate(ordered):
        values[k, 3:] = _symbolic(features[i], features[j], sketches[i], sketches[j], idf, log_n)
    return PairTable(ordered, values)


def _symbolic(
    a: ArticleFeatures, b: ArticleFeatures, sketch_a: frozenset[int], sketch_b: frozenset[int], idf: dict[str, float], log_n: float
) -> list[float]:
    shared = a.entity_ids & b.entity_ids
    return [
        weighted_jaccard(a.entity_ids, b.entity_ids, idf),
        weighted_jaccard(a.head_entity_ids, b.head_entity_ids, idf),
        max((idf.get(e, 0.0) for e in shared), default=0.0) / log_n,
        float(a.event_date_in_text and b.event_date_in_text and a.event_date == b.event_date),
        _log_gap(a.event_date, b.event_date),
        _log_gap(a.published, b.published),
        len(sketch_a & sketch_b) / max(1, min(len(sketch_a), len(sketch_b))),
        float(a.reaction != b.reaction),
        weighted_jaccard(a.lead_people, b.lead_people, idf),
        float(bool(a.lead_people) and bool(b.lead_people) and a.lead_people.isdisjoint(b.lead_people)),
        float(a.outlet is not None and a.outlet == b.outlet),
    ]


def word_shingles(text: str, size: int = _SHINGLE_WORDS, keep: int = _SHINGLE_SKETCH) -> frozenset[int]:
    """The `keep` smallest hashes of the text's lower-cased word n-grams (crc32: stable across runs).

    A bottom-k sketch: two texts' sketches share hashes in proportion to the n-grams the texts
    share, at a bounded size per article however long it is.
    """
    words = _WORD.findall(text.lower())
    hashes = {zlib.crc32(" ".join(words[k : k + size]).encode()) for k in range(len(words) - size + 1)}
    return frozenset(heapq.nsmallest(keep, hashes))


def weighted_jaccard(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    union = sum(idf.get(e, 0.0) for e in a | b)
    return sum(idf.get(e, 0.0) for e in a & b) / union if union else 0.0


def _log_gap(x, y) -> float:
    if x is None or y is None:
        return 0.0
    return math.log1p(min(abs((x - y).days), _MAX_GAP_DAYS))
