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
    return best_paths([words], [probabilities])[0]


def best_paths(sentences: Sequence[Sequence[str]], tables: Sequence[np.ndarray]) -> list[Tagged]:
    """best_path for many sentences at once: one Viterbi step per position for a whole group of
    sentences of similar length (padding stays small, and one very long sentence cannot blow up
    the group's arrays)."""
    order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
    out: list[Tagged | None] = [None] * len(sentences)
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and (end - start + 1) * len(sentences[order[end]]) <= _GROUP_CELLS:
            end += 1
        group = order[start:end]
        for k, tagged in zip(group, _viterbi([sentences[k] for k in group], [tables[k] for k in group]), strict=True):
            out[k] = tagged
        start = end
    return [t for t in out if t is not None]


_GROUP_CELLS = 50_000  # sentences × longest length per Viterbi group


def _viterbi(sentences: Sequence[Sequence[str]], tables: Sequence[np.ndarray]) -> list[Tagged]:
    """Past a sentence's end every label scores 0, so its path just continues with O there (O follows anything)."""
    lengths = np.array([len(words) for words in sentences])
    longest = int(lengths.max())
    if longest == 0:
        return [Tagged(tuple(words), (), 1.0, table) for words, table in zip(sentences, tables, strict=True)]
    logs = np.zeros((len(sentences), longest, len(LABELS)))
    for k, table in enumerate(tables):
        logs[k, : len(table)] = np.log(np.clip(table, 1e-30, None))
    score = _STARTS + logs[:, 0]
    back = np.zeros((len(sentences), longest, len(LABELS)), dtype=np.int64)
    for i in range(1, longest):
        candidates = score[:, :, None] + _TRANSITIONS  # (batch, before, after)
        back[:, i] = candidates.argmax(1)
        score = candidates.max(1) + logs[:, i]
    path = np.zeros((len(sentences), longest), dtype=np.int64)
    path[:, -1] = score.argmax(1)
    rows = np.arange(len(sentences))
    for i in range(longest - 1, 0, -1):
        path[:, i - 1] = back[rows, i, path[:, i]]
    out = []
    for k, (words, table) in enumerate(zip(sentences, tables, strict=True)):
        chosen = path[k, : lengths[k]]
        confidence = float(table[np.arange(len(chosen)), chosen].min()) if len(chosen) else 1.0
        out.append(Tagged(tuple(words), tuple(LABELS[j] for j in chosen), confidence, table))
    return out


def mixed(first: np.ndarray, second: np.ndarray, first_weight: float) -> np.ndarray:
    """The weighted mean of two taggers' probability tables; where `first` has fewer rows (the words
    past a teacher's cut), `second`'s rows stand alone."""
    out = second.copy()
    out[: len(first)] = first_weight * first + (1.0 - first_weight) * second[: len(first)]
    return out
