"""The CNN tagger's forward pass in numpy, over many sentences packed into one array.

Sentences are laid end to end with a zero row before, between and after them,
and those rows are set back to zero after every layer: a window of ±1 word
then never reaches into the next sentence, exactly as if each sentence were
padded alone, while every layer is one matrix product for the whole batch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.analyse.ner.cnn.inputs import COLUMNS, Vocabulary

# embedding width per input column (COLUMNS order)
DIMS = (96, 32, 32, 16, 16, 16, 32, 16, 8)
WIDTH = 128
LAYERS = 4


@dataclass(frozen=True)
class Layer:
    weight: np.ndarray  # (3 * width, width): the word before, the word, the word after
    bias: np.ndarray
    norm_gain: np.ndarray
    norm_bias: np.ndarray


@dataclass(frozen=True)
class CnnWeights:
    vocabulary: Vocabulary
    embeddings: tuple[np.ndarray, ...]  # one table per column
    input_weight: np.ndarray  # (sum of DIMS, width)
    input_bias: np.ndarray
    layers: tuple[Layer, ...]
    output_weight: np.ndarray  # (width, labels)
    output_bias: np.ndarray

    def save(self, path: Path) -> None:
        arrays = {f"embedding{i}": e.astype(np.float16) for i, e in enumerate(self.embeddings)}
        arrays |= {"input_weight": self.input_weight, "input_bias": self.input_bias,
                   "output_weight": self.output_weight, "output_bias": self.output_bias}
        for i, layer in enumerate(self.layers):
            arrays |= {f"layer{i}_weight": layer.weight, f"layer{i}_bias": layer.bias,
                       f"layer{i}_norm_gain": layer.norm_gain, f"layer{i}_norm_bias": layer.norm_bias}
        vocabulary = json.dumps(self.vocabulary.lists(), ensure_ascii=False).encode("utf-8")
        arrays["vocabulary"] = np.frombuffer(vocabulary, dtype=np.uint8)
        with path.open("wb") as handle:
            np.savez_compressed(handle, **arrays)

    @classmethod
    def load(cls, path: Path) -> CnnWeights:
        with np.load(path) as f:
            vocabulary = Vocabulary.from_lists(json.loads(f["vocabulary"].tobytes().decode("utf-8")))
            layers = tuple(Layer(f[f"layer{i}_weight"], f[f"layer{i}_bias"], f[f"layer{i}_norm_gain"], f[f"layer{i}_norm_bias"])
                           for i in range(sum(1 for k in f.files if k.endswith("_norm_gain"))))
            return cls(vocabulary, tuple(f[f"embedding{i}"].astype(np.float32) for i in range(len(COLUMNS))),
                       f["input_weight"], f["input_bias"], layers, f["output_weight"], f["output_bias"])


def packed(sentences: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The sentences' id rows end to end with a zero row around each, and a mask of the real rows."""
    columns = len(COLUMNS)
    parts = [np.zeros((1, columns), dtype=np.int32)]
    for ids in sentences:
        parts += [ids.reshape(-1, columns), np.zeros((1, columns), dtype=np.int32)]
    rows = np.concatenate(parts)
    real = np.ones(len(rows), dtype=bool)
    real[np.cumsum([0] + [len(ids) + 1 for ids in sentences])] = False
    return rows, real


def _shifted(x: np.ndarray) -> np.ndarray:
    """Each row beside the rows before and after it (zeros past the ends): (rows, 3 * width)."""
    zero = np.zeros((1, x.shape[1]), dtype=x.dtype)
    return np.concatenate([np.concatenate([zero, x[:-1]]), x, np.concatenate([x[1:], zero])], axis=1)


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(1, keepdims=True)
    centred = x - mean
    return centred / np.sqrt((centred * centred).mean(1, keepdims=True) + 1e-5) * gain + bias


def probabilities(weights: CnnWeights, sentences: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Per sentence, each word's label probabilities (LABELS order), from its (words, columns) ids."""
    rows, real = packed(sentences)
    x = np.concatenate([table[rows[:, c]] for c, table in enumerate(weights.embeddings)], axis=1)
    x = np.maximum(x @ weights.input_weight + weights.input_bias, 0.0) * real[:, None]
    for layer in weights.layers:
        h = np.maximum(_shifted(x) @ layer.weight + layer.bias, 0.0)
        x = _layer_norm(x + h, layer.norm_gain, layer.norm_bias) * real[:, None]
    logits = x[real] @ weights.output_weight + weights.output_bias
    logits -= logits.max(1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(1, keepdims=True)
    return np.split(probs, np.cumsum([len(ids) for ids in sentences])[:-1])
