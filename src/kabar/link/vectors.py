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
from sklearn.feature_extraction.text import HashingVectorizer
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


@dataclass(frozen=True, slots=True)
class TermCounts:
    """Hashed term counts of some articles, before weighting: what TF-IDF needs of their text.
    Rows can be weighted a window at a time once the corpus's document frequencies are known."""

    body: sparse.csr_matrix
    head: sparse.csr_matrix
    title: sparse.csr_matrix
    entities: sparse.csr_matrix


@dataclass(frozen=True, slots=True)
class Idf:
    """The corpus's inverse document frequencies (of body terms, and of entity ids)."""

    terms: np.ndarray
    entities: np.ndarray
    any_entities: bool  # no article has an entity: entity rows stay all-zero counts

    @classmethod
    def of(cls, n: int, term_df: np.ndarray, entity_df: np.ndarray) -> Idf:
        return cls(_smooth_idf(n, term_df), _smooth_idf(n, entity_df), bool(entity_df.any()))


def term_counts(features: Sequence[ArticleFeatures]) -> TermCounts:
    hashing = _hashing()
    # Bigrams keep names and phrases ("sekolah rakyat", "komisi x") apart from their words.
    # Generators, not lists: only one article's term strings exist at a time.
    return TermCounts(
        body=hashing.transform(_terms(f.stems) + _terms(f.head_stems) for f in features).tocsr(),
        head=hashing.transform(_terms(f.head_stems) for f in features).tocsr(),
        title=hashing.transform(_terms(f.title_stems) for f in features).tocsr(),
        entities=hashing.transform(sorted(f.entity_ids) for f in features).tocsr(),
    )


def document_frequencies(matrix: sparse.csr_matrix) -> np.ndarray:
    """How many rows hold each column (summed over windows, the corpus's document frequencies)."""
    return np.bincount(matrix.indices, minlength=matrix.shape[1])


def weighted(counts: TermCounts, idf: Idf) -> Vectors:
    """TF-IDF rows of `counts`: each row depends only on itself and `idf`, so a window's rows equal
    the same rows of the whole corpus's matrix."""
    return Vectors(
        body_rows(counts.body, idf),
        head_rows(counts.head, idf),
        head_rows(counts.title, idf),
        entity_rows(counts.entities, idf),
    )


def body_rows(counts: sparse.csr_matrix, idf: Idf) -> sparse.csr_matrix:
    return _tfidf(counts, idf.terms, sublinear=True)


def head_rows(counts: sparse.csr_matrix, idf: Idf) -> sparse.csr_matrix:
    """Title+lead (or title) rows: weighted with the body terms' idf, unit length."""
    return _unit(_tfidf(counts, idf.terms, sublinear=True))


def entity_rows(counts: sparse.csr_matrix, idf: Idf) -> sparse.csr_matrix:
    return _tfidf(counts, idf.entities, sublinear=False) if idf.any_entities else counts.astype(np.float32).tocsr()


def tfidf_vectors(features: Sequence[ArticleFeatures]) -> Vectors:
    counts = term_counts(features)
    idf = Idf.of(len(features), document_frequencies(counts.body), document_frequencies(counts.entities))
    return weighted(counts, idf)


def entity_vectors(features: Sequence[ArticleFeatures]) -> sparse.csr_matrix:
    counts = _hashing().transform(sorted(f.entity_ids) for f in features).tocsr()
    if counts.nnz == 0:
        return counts
    return _tfidf(counts, _smooth_idf(len(features), document_frequencies(counts)), sublinear=False)


def _smooth_idf(n: int, df: np.ndarray) -> np.ndarray:
    """scikit-learn's smoothed idf, log((1 + n) / (1 + df)) + 1, in float32 as it computes it."""
    idf = np.full(df.shape, n + 1, dtype=np.float32)
    idf /= df.astype(np.float32) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray, *, sublinear: bool) -> sparse.csr_matrix:
    out = counts.astype(np.float32, copy=True).tocsr()
    if sublinear:
        np.log(out.data, out.data)
        out.data += 1.0
    out.data *= idf[out.indices]
    return _unit(out)


def _unit(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (a window may hold no rows, which scikit-learn refuses)."""
    return normalize(matrix, copy=False).tocsr() if matrix.shape[0] else matrix


def combined(blocks: Sequence[tuple[sparse.csr_matrix, float]]) -> sparse.csr_matrix:
    """Unit rows of weighted blocks side by side: dot products mix the blocks' cosines."""
    return normalize(sparse.hstack([m * w for m, w in blocks]).tocsr())


def _terms(stems: Sequence[str]) -> list[str]:
    return list(stems) + [f"{a} {b}" for a, b in zip(stems, stems[1:])]
