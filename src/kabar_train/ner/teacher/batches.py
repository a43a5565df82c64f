"""Sentences as piece ids, and batches of similar length (little padding: CPU time is the budget)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from kabar_train.ner.teacher.pieces import WordPieces
from kabar_train.ner.teacher.weights import Config

MAX_PIECES = 160  # longer sentences are cut; their words beyond it get no label from the teacher


@dataclass(frozen=True)
class Encoded:
    ids: tuple[int, ...]
    first_piece: tuple[int, ...]  # the position of each word's first piece (its label is read there)
    labels: tuple[str, ...] = ()
    organisations_unlabelled: bool = False  # NERP labels organisations O


def encode(words: Sequence[str], pieces: WordPieces, config: Config, labels: Sequence[str] = (),
           organisations_unlabelled: bool = False) -> Encoded:
    ids, first = [config.bos], []
    for word in words:
        first.append(len(ids))
        ids.extend(pieces.ids(word) or (config.unk,))
    ids.append(config.eos)
    return Encoded(tuple(ids), tuple(first), tuple(labels), organisations_unlabelled)


def length_batches(items: Sequence[Encoded], budget: int, seed: int | None = None) -> list[list[int]]:
    """Indices grouped so that a batch's padded size (rows × longest row) stays within `budget` pieces;
    shuffled batch order when a seed is given."""
    order = sorted(range(len(items)), key=lambda i: len(items[i].ids))
    out: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in order:
        n = min(len(items[i].ids), MAX_PIECES)
        if current and max(longest, n) * (len(current) + 1) > budget:
            out.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, n)
    if current:
        out.append(current)
    if seed is not None:
        random.Random(seed).shuffle(out)
    return out


def padded(items: Sequence[Encoded], batch: Sequence[int], pad: int):
    """(ids, mask) tensors of one batch."""
    import torch

    length = min(MAX_PIECES, max(len(items[i].ids) for i in batch))
    ids = torch.full((len(batch), length), pad, dtype=torch.long)
    mask = torch.zeros((len(batch), length), dtype=torch.bool)
    for row, i in enumerate(batch):
        seq = items[i].ids[:length]
        ids[row, :len(seq)] = torch.tensor(seq)
        mask[row, :len(seq)] = True
    return ids, mask
