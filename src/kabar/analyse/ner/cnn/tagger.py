"""Tag sentences with the CNN: its weights, the lexicon and the word clusters it was trained with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from kabar.analyse.ner.cnn.inputs import COLUMNS, WORD_COLUMNS, sentence_columns, word_values
from kabar.analyse.ner.cnn.network import CnnWeights, Folded, probabilities
from kabar.analyse.ner.features import Lexicon
from kabar.analyse.ner.labels import best_paths
from kabar.analyse.ner.checks import checked

BATCH_WORDS = 20_000  # words per forward pass: big matrix products, bounded memory
CACHE_WORDS = 200_000  # distinct words whose ids are kept (a news archive repeats most of its words)


@dataclass(eq=False)
class CnnTagger:
    """A tagger, not a record: it keeps the ids of the words it has read (`_word_ids`), so it is
    neither frozen nor compared by value."""

    weights: CnnWeights
    lexicon: Lexicon
    clusters: Mapping[str, Sequence[str]]
    folded: Folded = field(init=False, repr=False)
    _word_ids: dict[str, tuple[int, ...]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.folded = Folded.of(self.weights)

    def ids(self, words: Sequence[str]) -> np.ndarray:
        """(words, columns) ids of a sentence; the word-only columns come from a per-word cache."""
        tables = self.weights.vocabulary.tables
        cache = self._word_ids
        if len(cache) > CACHE_WORDS:
            cache.clear()
        rows = []
        for word, (gazetteer, casing) in zip(words, sentence_columns(words, self.lexicon), strict=True):
            own = cache.get(word)
            if own is None:
                own = cache[word] = tuple(t.get(v, 0) for t, v in zip(tables[:WORD_COLUMNS], word_values(word, self.clusters), strict=True))
            rows.append((*own, tables[WORD_COLUMNS].get(gazetteer, 0), tables[WORD_COLUMNS + 1].get(casing, 0)))
        return np.array(rows, dtype=np.int32).reshape(len(words), len(COLUMNS))

    def forget_words(self) -> None:
        """Empty the per-word id cache (a benchmark's cold start)."""
        self._word_ids.clear()

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, each word's label probabilities (LABELS order), about BATCH_WORDS words a forward pass."""
        out: list[np.ndarray] = []
        start = 0
        while start < len(sentences):
            end, size = start, 0
            while end < len(sentences) and (size == 0 or size + len(sentences[end]) <= BATCH_WORDS):
                size += len(sentences[end]) + 1
                end += 1
            out += probabilities(self.folded, [self.ids(words) for words in sentences[start:end]])
            start = end
        return out

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for each sentence, after the checks every answer passes."""
        return [checked(t.words, list(t.labels), self.lexicon) for t in best_paths(sentences, self.probabilities(sentences))]

