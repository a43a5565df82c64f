"""Tag sentences with the CNN: its weights, the lexicon and the word clusters it was trained with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.analyse.ner.cnn.inputs import sentence_values
from kabar.analyse.ner.cnn.network import CnnWeights, probabilities
from kabar.analyse.ner.features import Lexicon
from kabar.analyse.ner.labels import best_path
from kabar.analyse.ner.model import checked

BATCH_WORDS = 20_000  # words per forward pass: big matrix products, bounded memory


@dataclass(frozen=True)
class CnnTagger:
    weights: CnnWeights
    lexicon: Lexicon
    clusters: Mapping[str, Sequence[str]]

    def ids(self, words: Sequence[str]) -> np.ndarray:
        """(words, columns) ids of a sentence."""
        values = sentence_values(words, self.clusters, self.lexicon)
        return self.weights.vocabulary.ids(values)

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        start = 0
        while start < len(sentences):
            end, size = start, 0
            while end < len(sentences) and (size == 0 or size + len(sentences[end]) <= BATCH_WORDS):
                size += len(sentences[end]) + 1
                end += 1
            out += probabilities(self.weights, [self.ids(words) for words in sentences[start:end]])
            start = end
        return out

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for each sentence, after the checks every answer passes."""
        return [checked(words, list(best_path(words, rows).labels), self.lexicon) if len(words) else []
                for words, rows in zip(sentences, self.probabilities(sentences), strict=True)]


def load(directory: Path) -> CnnTagger:
    from kabar.analyse.ner import clusters
    from kabar.analyse.ner.cnn.train import MODEL_FILE

    return CnnTagger(CnnWeights.load(directory / MODEL_FILE), Lexicon.load(directory / "lexicon.tsv.gz"),
                     clusters.load(directory / "clusters.tsv.gz"))


def dev_scores(tagger: CnnTagger, data: Path) -> dict[str, float]:
    from kabar.evaluate.ner import dev_f1

    return dev_f1(data, tagger.tag)
