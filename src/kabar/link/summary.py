"""Extractive summaries with citations: one article, one event, one story.

One article (`summarize`): sentences scored by position (news puts the
happening first) plus centrality (TF-IDF cosine to the article as a whole)
and closeness to the title, short fragments and datelines penalised.

Several articles (`summarize_many`): Maximal Marginal Relevance over all
their sentences: relevance to the group's centroid, minus redundancy with the
sentences already chosen, so two outlets' versions of one fact are cited
once. Every chosen sentence is a `Citation` with its offsets.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from kabar.analyse.stem import stem_text
from kabar.analyse.tokens import sentence_spans
from kabar.link.features import title_and_body_start
from kabar.records import AnalysedArticle, Citation


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    position_weight: float = 1.0  # weight of the 1/(1+rank)^decay position prior
    position_decay: float = 0.7
    centrality_weight: float = 1.0
    title_weight: float = 0.2
    min_words: int = 5  # shorter sentences are fragments, not summary sentences
    long_words: int = 35  # longer sentences are penalised in proportion to their excess
    long_penalty: float = 1.0
    mmr_lambda: float = 0.7  # relevance vs novelty in multi-document summaries


# "JAKARTA, KOMPAS.com - ", "Wamena ( ANTARA News ) - ", "Suara.com - ", "SPANYOL – ": a dateline
# of at most eight capitalised words before a dash opening a paragraph; it is not sentence content.
_DASH = re.compile(r"\s?(?:--|-|–|—)\s+(?=\S)")
_DATELINE_MAX_CHARS = 80
_DATELINE_MAX_WORDS = 8


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the sentence at [start, end) starts once a leading dateline is skipped."""
    if start > 0 and text[start - 1] != "\n":
        return start
    dash = _DASH.search(text, start, min(end, start + _DATELINE_MAX_CHARS))
    if dash is None or end - dash.end() < 20:
        return start
    prefix = re.sub(r"\.[A-Za-z]+", "", text[start : dash.start()])  # "KOMPAS.com" → "KOMPAS"
    words = re.findall(r"[^\W\d_]+", prefix)
    if not words or len(words) > _DATELINE_MAX_WORDS or any(ch in prefix for ch in ".!?"):
        return start
    if not all(w[0].isupper() for w in words):
        return start
    return dash.end()


def _body_spans(analysed: AnalysedArticle) -> list[tuple[int, int]]:
    """Sentence spans after the title, datelines skipped."""
    text = analysed.article.text
    _, body_start = title_and_body_start(analysed)
    return [(dateline_end(text, s, e), e) for s, e in sentence_spans(text) if s >= body_start]


def _sentence_matrix(token_lists: Sequence[list[str]]) -> sparse.csr_matrix | None:
    """Rows of sublinear TF-IDF (smoothed idf, L2-normalised), None without any word: the weights
    scikit-learn's TfidfVectorizer gives, without importing it (a one-article summary is ~1 s less)."""
    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for r, tokens in enumerate(token_lists):
        for term, count in Counter(tokens).items():
            rows.append(r)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(count)
    if not vocabulary:
        return None
    n = len(token_lists)
    df = np.bincount(cols, minlength=len(vocabulary))
    idf = np.log((1 + n) / (1 + df)) + 1.0
    values = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[cols]
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(n, len(vocabulary)))
    return sparse.diags(1.0 / np.maximum(_row_norms(matrix), 1e-300)) @ matrix


def _row_norms(matrix: sparse.csr_matrix) -> np.ndarray:
    return np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def score_sentences(sentences: Sequence[str], title: str = "", cfg: SummaryConfig = SummaryConfig()) -> list[float]:
    """A summary-worthiness score per sentence of one article."""
    tokens = [stem_text(s) for s in sentences]
    matrix = _sentence_matrix(tokens + [stem_text(title)])
    n = len(sentences)
    if matrix is None:
        return [-float(i) for i in range(n)]
    body = matrix[:n]
    centroid = _unit(np.asarray(body.sum(axis=0)))
    centrality = (body @ centroid.T).ravel()
    title_sim = (body @ matrix[n].T).toarray().ravel()
    scores = []
    for i, words in enumerate(tokens):
        score = cfg.position_weight / math.pow(1 + i, cfg.position_decay)
        score += cfg.centrality_weight * float(centrality[i]) + cfg.title_weight * float(title_sim[i])
        if len(words) < cfg.min_words:
            score -= 1.0
        if len(words) > cfg.long_words:
            score -= cfg.long_penalty * (len(words) - cfg.long_words) / cfg.long_words
        scores.append(score)
    return scores


def summarize(analysed: AnalysedArticle, n: int = 3, cfg: SummaryConfig = SummaryConfig()) -> tuple[Citation, ...]:
    """The article's `n` best sentences, in article order, as citations."""
    article = analysed.article
    text = article.text
    title, _ = title_and_body_start(analysed)
    spans = _body_spans(analysed)
    if not spans or n <= 0:
        return ()
    scores = score_sentences([text[s:e] for s, e in spans], title, cfg)
    best = sorted(sorted(range(len(spans)), key=lambda i: -scores[i])[:n])
    return tuple(Citation(article.id, spans[i][0], spans[i][1], text[spans[i][0] : spans[i][1]]) for i in best)


def summarize_many(
    articles: Sequence[AnalysedArticle], n: int = 3, cfg: SummaryConfig = SummaryConfig()
) -> tuple[Citation, ...]:
    """An MMR summary of several articles: `n` relevant, non-redundant, cited sentences."""
    candidates: list[Citation] = []
    priors: list[float] = []
    for analysed in articles:
        text = analysed.article.text
        spans = _body_spans(analysed)
        for rank, (s, e) in enumerate(spans):
            candidates.append(Citation(analysed.article.id, s, e, text[s:e]))
            priors.append(1.0 / math.pow(1 + rank, cfg.position_decay))
    if not candidates or n <= 0:
        return ()
    tokens = [stem_text(c.text) for c in candidates]
    matrix = _sentence_matrix(tokens)
    if matrix is None:
        return tuple(candidates[:n])
    centroid = _unit(np.asarray(matrix.sum(axis=0)))
    relevance = np.asarray(matrix @ centroid.T).ravel() + 0.5 * np.asarray(priors)
    relevance[[len(t) < cfg.min_words for t in tokens]] -= 1.0
    chosen: list[int] = []
    while len(chosen) < min(n, len(candidates)):
        if chosen:
            redundancy = np.asarray((matrix @ matrix[chosen].T).max(axis=1).toarray()).ravel()
        else:
            redundancy = np.zeros(len(candidates))
        mmr = cfg.mmr_lambda * relevance - (1 - cfg.mmr_lambda) * redundancy
        mmr[chosen] = -np.inf
        chosen.append(int(np.argmax(mmr)))
    return tuple(candidates[i] for i in chosen)
