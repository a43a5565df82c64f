"""The CNN tagger's forward pass in numpy, over many sentences packed into one array.

Sentences are laid end to end with a zero row before, between and after them,
and those rows are set back to zero after every layer: a window of ±1 word
then never reaches into the next sentence, exactly as if each sentence were
padded alone, while every layer is one matrix product for the whole batch.

For speed the stored weights are folded once when loaded (`Folded`): each
embedding table is multiplied by its slice of the input layer, so the input
layer becomes a sum of looked-up rows, and each convolution's three taps are
one product whose slices are added shifted by a row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.analyse.ner.cnn.inputs import COLUMNS, Vocabulary

# the shipped shape: embedding width per input column (COLUMNS order), hidden width, convolution layers
# (width 128 and 4 layers scored lower and tagged at half the speed: model card, run C1)
DIMS = (96, 32, 32, 16, 16, 16, 32, 16, 8)
WIDTH = 64
LAYERS = 3


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


@dataclass(frozen=True)
class Folded:
    """CnnWeights arranged for the forward pass (see the module's docstring)."""

    tables: tuple[np.ndarray, ...]  # per column: its embeddings times its slice of the input weight
    input_bias: np.ndarray
    taps: tuple[np.ndarray, ...]  # per layer (width, 3 * width): the before, self and after taps side by side
    layers: tuple[Layer, ...]
    output_weight: np.ndarray
    output_bias: np.ndarray

    @classmethod
    def of(cls, w: CnnWeights) -> Folded:
        bounds = np.cumsum([0, *(e.shape[1] for e in w.embeddings)])
        tables = tuple(np.ascontiguousarray(e @ w.input_weight[a:b], dtype=np.float32)
                       for e, a, b in zip(w.embeddings, bounds[:-1], bounds[1:], strict=True))
        width = w.input_weight.shape[1]
        taps = tuple(np.ascontiguousarray(np.concatenate([layer.weight[k * width:(k + 1) * width] for k in range(3)], axis=1))
                     for layer in w.layers)
        return cls(tables, w.input_bias, taps, w.layers, w.output_weight, w.output_bias)


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


def probabilities(weights: Folded, sentences: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Per sentence, each word's label probabilities (LABELS order), from its (words, columns) ids."""
    rows, real = packed(sentences)
    keep = real[:, None].astype(np.float32)
    x = weights.tables[0][rows[:, 0]]
    for c in range(1, len(weights.tables)):
        x += weights.tables[c][rows[:, c]]
    x += weights.input_bias
    np.maximum(x, 0.0, out=x)
    x *= keep
    width = x.shape[1]
    for taps, layer in zip(weights.taps, weights.layers, strict=True):
        a = x @ taps  # separator rows are zero, so shifting by a row never mixes two sentences
        h = a[:, width:2 * width] + layer.bias
        h[1:] += a[:-1, :width]
        h[:-1] += a[1:, 2 * width:]
        np.maximum(h, 0.0, out=h)
        x += h
        x -= x.mean(1, keepdims=True)
        x *= 1.0 / np.sqrt((x * x).mean(1, keepdims=True) + 1e-5)
        x *= layer.norm_gain
        x += layer.norm_bias
        x *= keep
    logits = x[real] @ weights.output_weight + weights.output_bias
    logits -= logits.max(1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(1, keepdims=True)
    return np.split(probs, np.cumsum([len(ids) for ids in sentences])[:-1])
