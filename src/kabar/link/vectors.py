"""TF-IDF vectors over stems: one of the whole body, one of the title and lead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from kabar.link.features import ArticleFeatures

# On large corpora, terms in more than this share of articles are dropped: they
# carry little weight and dominate the cost of the sparse neighbour search.
_MAX_DF_LARGE = 0.05
_LARGE = 2000


@dataclass(frozen=True, slots=True)
class Vectors:
    body: sparse.csr_matrix  # L2-normalised rows
    head: sparse.csr_matrix


def _identity(tokens):
    return tokens


def tfidf_vectors(features: Sequence[ArticleFeatures]) -> Vectors:
    max_df = _MAX_DF_LARGE if len(features) >= _LARGE else 1.0
    # Bigrams keep names and phrases ("sekolah rakyat", "komisi x") apart from their words.
    vectorizer = TfidfVectorizer(
        analyzer=_identity, sublinear_tf=True, max_df=max_df, norm="l2", dtype=np.float32
    )
    docs = [_terms(f.stems) + _terms(f.head_stems) for f in features]
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # an empty vocabulary: no words at all
        empty = sparse.csr_matrix((len(features), 1), dtype=np.float32)
        return Vectors(empty, empty)
    head = vectorizer.transform([_terms(f.head_stems) for f in features])
    return Vectors(matrix.tocsr(), normalize(head).tocsr())


def _terms(stems: Sequence[str]) -> list[str]:
    return list(stems) + [f"{a} {b}" for a, b in zip(stems, stems[1:])]
