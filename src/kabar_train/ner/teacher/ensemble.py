"""Silver labels from the teacher and a CRF at once: their per-word label probabilities, mixed.

The fine-tuned e5 teacher wins where context decides (NER-UI, NERP), the CRF
where spelling and the gazetteers do (idner). Their errors differ, so a
weighted mean of their probabilities can tag better than either, and the CRF
that trains on the mixture's silver labels learns from both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kabar.analyse.ner.labels import LABEL_INDEX, LABELS, Tagged, best_paths, mixed
from kabar.analyse.ner.model import NerModel


def padded_with_o(rows: np.ndarray, words: int) -> np.ndarray:
    """A teacher's `rows` with sure O rows added for the words past its cut."""
    extra = np.zeros((words - len(rows), len(LABELS)))
    extra[:, LABEL_INDEX["O"]] = 1.0
    return np.concatenate([rows, extra])


@dataclass(frozen=True)
class Mixture:
    """A teacher (or a Committee) with a CRF's probabilities mixed in; the teacher alone without a CRF."""

    teacher: object  # anything with probabilities(sentences): a Teacher or a Committee
    crf: NerModel | None = None
    teacher_weight: float = 0.5

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[Tagged]:
        tables = [self.table(words, rows) for words, rows in zip(sentences, self.teacher.probabilities(sentences), strict=True)]
        return best_paths(sentences, tables)

    def table(self, words: Sequence[str], teacher_rows: np.ndarray) -> np.ndarray:
        if self.crf is None:
            return padded_with_o(teacher_rows, len(words))
        return mixed(teacher_rows, self.crf.marginals(words), self.teacher_weight)


@dataclass(frozen=True)
class Committee:
    """Teachers fine-tuned alike but from different seeds, read as one: the mean of their probabilities."""

    members: tuple  # kabar_train.ner.teacher.tag.Teacher objects

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        # the members cut words into the same pieces, so their tables have the same rows
        tables = [member.probabilities(sentences) for member in self.members]
        return [np.mean(rows, axis=0) for rows in zip(*tables, strict=True)]
