"""A learned same-event scorer over `kabar.link.pairs` features: logistic regression.

Fitting needs labelled pairs; applying needs numpy only. Articles are grouped from the
model's probabilities by average linkage (`graph.average_linkage`): a pair with no
candidate edge counts as probability 0, so a group holds only articles that are
likely one happening on average.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kabar.link.graph import average_linkage
from kabar.link.pairs import PAIR_FEATURES, PairTable


@dataclass(frozen=True, slots=True)
class PairModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probabilities(self, table: PairTable) -> np.ndarray:
        columns = [PAIR_FEATURES.index(f) for f in self.features]
        x = (table.values[:, columns] - np.asarray(self.mean)) / np.asarray(self.scale)
        return 1.0 / (1.0 + np.exp(-(x @ np.asarray(self.coef) + self.intercept)))


def fit_pair_model(
    tables: Sequence[PairTable], labels: Sequence[np.ndarray], features: Sequence[str] = PAIR_FEATURES, c: float = 1.0
) -> PairModel:
    """Standardised L2 logistic regression on the pairs of `tables` (labels: same event or not)."""
    from sklearn.linear_model import LogisticRegression

    columns = [PAIR_FEATURES.index(f) for f in features]
    x = np.vstack([t.values[:, columns] for t in tables]).astype(np.float64)
    y = np.concatenate(labels).astype(int)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return PairModel(
        tuple(features), tuple(mean.tolist()), tuple(scale.tolist()), tuple(model.coef_[0].tolist()), float(model.intercept_[0])
    )


def group_by_probability(n: int, table: PairTable, probabilities: np.ndarray, threshold: float) -> list[list[int]]:
    edges = {pair: float(p) for pair, p in zip(table.pairs, probabilities)}
    return average_linkage(n, edges, threshold)
