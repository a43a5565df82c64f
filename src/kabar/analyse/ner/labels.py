"""NER labels (BIO over PER, ORG, LOC), and how per-word label probabilities become well-formed labels (numpy only)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}


@dataclass(frozen=True)
class Tagged:
    words: tuple[str, ...]
    labels: tuple[str, ...]
    confidence: float  # the least probability among the words' chosen labels
    probabilities: np.ndarray | None = field(default=None, compare=False, repr=False)  # what the labels were read from


def _follows(before: str, label: str) -> bool:
    """An I- label only continues its own type."""
    return not label.startswith("I-") or before[2:] == label[2:]


# log 0 for the label pairs BIO forbids (rows: the label before, columns: the label after)
_TRANSITIONS = np.log(np.array([[float(_follows(a, b)) for b in LABELS] for a in LABELS]) + 1e-30)
_STARTS = np.log(np.array([float(not label.startswith("I-")) for label in LABELS]) + 1e-30)


def best_path(words: Sequence[str], probabilities: np.ndarray) -> Tagged:
    """The most probable well-formed labels for `words` given each word's label probabilities
    (rows in LABELS order): Viterbi over log probabilities, with BIO's forbidden pairs as the only
    transition cost. Reading each word's best label alone can give an I- that continues nothing."""
    logs = np.log(np.clip(probabilities, 1e-30, None))
    n = len(logs)
    if n == 0:
        return Tagged(tuple(words), (), 1.0)
    score = _STARTS + logs[0]
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    for i in range(1, n):
        candidates = score[:, None] + _TRANSITIONS
        back[i] = candidates.argmax(0)
        score = candidates.max(0) + logs[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    path.reverse()
    confidence = float(min(probabilities[i, j] for i, j in enumerate(path)))
    return Tagged(tuple(words), tuple(LABELS[j] for j in path), confidence, probabilities)

