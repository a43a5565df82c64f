"""TF-IDF vectors over stems: one of the whole body, one of the title and lead, one of entities.

Terms (stems and stem bigrams) are hashed into a fixed space rather than
kept in a fitted vocabulary: no vocabulary to sort on large corpora, and the
same term has the same column in every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from kabar.link.features import ArticleFeatures

_FEATURES = 2**21


@dataclass(frozen=True, slots=True)
class Vectors:
    body: sparse.csr_matrix  # L2-normalised rows
    head: sparse.csr_matrix
    title: sparse.csr_matrix
    entities: sparse.csr_matrix  # TF-IDF over entity ids; all-zero rows without entities


def _identity(tokens):
    return tokens


def _hashing() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=_identity, n_features=_FEATURES, alternate_sign=False, norm=None, dtype=np.float32
    )


def tfidf_vectors(features: Sequence[ArticleFeatures]) -> Vectors:
    hashing = _hashing()
    # Bigrams keep names and phrases ("sekolah rakyat", "komisi x") apart from their words.
    # Generators, not lists: only one article's term strings exist at a time.
    body_counts = hashing.transform(_terms(f.stems) + _terms(f.head_stems) for f in features)
    head_counts = hashing.transform(_terms(f.head_stems) for f in features)
    tfidf = TfidfTransformer(sublinear_tf=True, norm="l2").fit(body_counts)
    body = tfidf.transform(body_counts).astype(np.float32)
    head = normalize(tfidf.transform(head_counts)).astype(np.float32)
    title = normalize(tfidf.transform(hashing.transform(_terms(f.title_stems) for f in features))).astype(np.float32)
    return Vectors(body.tocsr(), head.tocsr(), title.tocsr(), entity_vectors(features))


def entity_vectors(features: Sequence[ArticleFeatures]) -> sparse.csr_matrix:
    counts = _hashing().transform(sorted(f.entity_ids) for f in features)
    if counts.nnz == 0:
        return counts.tocsr()
    return TfidfTransformer(norm="l2").fit_transform(counts).astype(np.float32).tocsr()


def combined(blocks: Sequence[tuple[sparse.csr_matrix, float]]) -> sparse.csr_matrix:
    """Unit rows of weighted blocks side by side: dot products mix the blocks' cosines."""
    return normalize(sparse.hstack([m * w for m, w in blocks]).tocsr())


def _terms(stems: Sequence[str]) -> list[str]:
    return list(stems) + [f"{a} {b}" for a, b in zip(stems, stems[1:])]
