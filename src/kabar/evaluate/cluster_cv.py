"""Held-out figures for a learned same-event scorer: leave one story out, threshold from the other sets.

Every pair of candidate articles (the linker's own blocking) of every set with event
labels gets a probability from a logistic regression (`link.pair_model`) fitted
without any pair that touches the story of one of its articles. The average-linkage
threshold a set is scored with is the one that did best on the *other* sets. So no
number printed here comes from a model or a setting that saw the story or the set it
scores. Nothing of this ships: the labelled sets are evaluation-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.evaluate.clustering_metrics import bcubed, pairwise
from kabar.link.events import EventConfig, candidate_pairs
from kabar.link.features import article_features
from kabar.link.pair_model import fit_pair_model, group_by_probability
from kabar.link.pairs import PAIR_FEATURES, PairTable, entity_idf, pair_table, word_shingles
from kabar.link.vectors import tfidf_vectors
from kabar.records import AnalysedArticle

THRESHOLDS: tuple[float, ...] = (0.2, 0.3, 0.4, 0.5, 0.6)
# Signals that name the happening's day: they help where pages carry dates and mislead
# where they are estimated, so they are one of the choices cross-validation compares.
LEXICAL_FEATURES: tuple[str, ...] = ("body", "head", "title")


@dataclass(frozen=True, slots=True)
class PairSet:
    name: str
    files: tuple[str, ...]
    table: PairTable
    same_event: np.ndarray
    story_of_pair: tuple[tuple[str, str], ...]
    gold_events: dict[str, str]


def pair_set(name: str, articles: Sequence[AnalysedArticle], events: dict[str, str], stories: dict[str, str]) -> PairSet:
    files = tuple(Path(a.article.source).name for a in articles)
    features = [article_features(a) for a in articles]
    vectors = tfidf_vectors(features)
    sketches = [word_shingles(a.article.text) for a in articles]
    table = pair_table(features, vectors, sorted(candidate_pairs(vectors, EventConfig(), features)), entity_idf(features), sketches)
    same = np.array([events[files[i]] == events[files[j]] for i, j in table.pairs], dtype=bool)
    story_pairs = tuple((f"{name}/{stories[files[i]]}", f"{name}/{stories[files[j]]}") for i, j in table.pairs)
    return PairSet(name, files, table, same, story_pairs, events)


def out_of_story_probabilities(sets: Sequence[PairSet], features: Sequence[str]) -> list[np.ndarray]:
    """Each pair's probability from a model fitted without the pairs of its articles' stories."""
    stories = sorted({s for ps in sets for pair in ps.story_of_pair for s in pair})
    out = [np.full(len(ps.table.pairs), np.nan) for ps in sets]
    for story in stories:
        train_tables, train_labels = [], []
        for ps in sets:
            keep = np.array([story not in pair for pair in ps.story_of_pair], dtype=bool)
            train_tables.append(subset(ps.table, keep))
            train_labels.append(ps.same_event[keep])
        model = fit_pair_model(train_tables, train_labels, features)
        for ps, probs in zip(sets, out):
            held = np.array([story in pair for pair in ps.story_of_pair], dtype=bool) & np.isnan(probs)
            if held.any():
                probs[held] = model.probabilities(subset(ps.table, held))
    return out


def subset(table: PairTable, mask: np.ndarray) -> PairTable:
    return PairTable(tuple(p for p, keep in zip(table.pairs, mask) if keep), table.values[mask])


def scores(ps: PairSet, probabilities: np.ndarray, threshold: float) -> tuple[float, float]:
    """(BCubed F1, pairwise F1) of the events grouped at `threshold`."""
    groups = group_by_probability(len(ps.files), ps.table, probabilities, threshold)
    predicted = {ps.files[i]: f"e{g}" for g, members in enumerate(groups) for i in members}
    return bcubed(predicted, ps.gold_events).f1, pairwise(predicted, ps.gold_events).f1


def held_out_rows(sets: Sequence[PairSet]) -> list[tuple]:
    """Rows (set, level, system, threshold, B³ F1, pair F1) for each feature choice, all held out."""
    rows = []
    for label, features in (("learned-cv", PAIR_FEATURES), ("learned-cv lexical", LEXICAL_FEATURES)):
        probabilities = out_of_story_probabilities(sets, features)
        for k, ps in enumerate(sets):
            others = [(o, p) for j, (o, p) in enumerate(zip(sets, probabilities)) if j != k]
            threshold = _best_threshold(others) if others else 0.5
            b3, pair = scores(ps, probabilities[k], threshold)
            rows.append((ps.name, "events", label, threshold, b3, pair))
    return rows


def _best_threshold(sets: Sequence[tuple[PairSet, np.ndarray]]) -> float:
    def mean_f1(t: float) -> float:
        return float(np.mean([sum(scores(ps, p, t)) / 2 for ps, p in sets]))

    return max(THRESHOLDS, key=mean_f1)
