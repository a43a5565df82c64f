"""Train the CNN tagger in PyTorch on the gold sentences and the teacher's silver ones; export for numpy.

    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.cnn.train --data DATA --silver SILVER --soft SOFT --out /tmp/cnn
    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.cnn.ship --student /tmp/cnn --crf CRF --data DATA

NERP annotates persons and places only: where it says O the loss reads
"O or an organisation", as the teacher's does.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kabar.analyse.ner.cnn.inputs import COLUMNS, Vocabulary, sentence_values
from kabar.analyse.ner.cnn.network import DIMS, LAYERS, WIDTH, CnnWeights, Layer, packed
from kabar.analyse.ner.labels import LABEL_INDEX, LABELS

MODEL_FILE = "cnn.npz"
REPORT_FILE = "cnn.json"  # how it was trained and its dev scores (kabar_train.ner.cnn.ship copies it to the card)


@dataclass(frozen=True)
class Item:
    ids: np.ndarray  # (words, columns)
    labels: np.ndarray  # label index per word
    organisations_unlabelled: bool = False
    soft: np.ndarray | None = None  # the teacher's label probabilities per word, learnt instead of the labels


def network(sizes: Sequence[int], width: int = WIDTH, layers: int = LAYERS, dropout: float = 0.2):
    """The PyTorch twin of network.probabilities (same packing, same layers), untrained; `sizes`: rows per table."""
    import torch
    from torch import nn

    class Cnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.embeddings = nn.ModuleList(nn.Embedding(n, d) for n, d in zip(sizes, DIMS, strict=True))
            self.input = nn.Linear(sum(DIMS), width)
            self.convs = nn.ModuleList(nn.Linear(3 * width, width) for _ in range(layers))
            self.norms = nn.ModuleList(nn.LayerNorm(width, eps=1e-5) for _ in range(layers))
            self.output = nn.Linear(width, len(LABELS))
            self.dropout = nn.Dropout(dropout)

        def forward(self, rows: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
            keep = real[:, None].float()
            x = torch.cat([e(rows[:, c]) for c, e in enumerate(self.embeddings)], 1)
            x = torch.relu(self.input(self.dropout(x))) * keep
            zero = x.new_zeros(1, x.shape[1])
            for conv, norm in zip(self.convs, self.norms, strict=True):
                window = torch.cat([torch.cat([zero, x[:-1]]), x, torch.cat([x[1:], zero])], 1)
                x = norm(x + self.dropout(torch.relu(conv(window)))) * keep
            return self.output(x[real])

    return Cnn()


def exported(model, vocabulary: Vocabulary) -> CnnWeights:
    """The trained network's weights as numpy arrays, laid out as network.probabilities reads them."""
    def a(t) -> np.ndarray:
        return t.detach().numpy().astype(np.float32)

    layers = tuple(Layer(a(c.weight.T), a(c.bias), a(n.weight), a(n.bias)) for c, n in zip(model.convs, model.norms, strict=True))
    return CnnWeights(vocabulary, tuple(a(e.weight) for e in model.embeddings), a(model.input.weight.T), a(model.input.bias),
                      layers, a(model.output.weight.T), a(model.output.bias))


def items_of(sentences, values: Sequence[list[tuple[str, ...]]], vocabulary: Vocabulary, unlabelled_orgs: bool = False,
             soft: Sequence[np.ndarray] | None = None) -> list[Item]:
    """Training items from labelled sentences and their input values (inputs.sentence_values, computed once
    for the vocabulary and the items); `soft`: one probability table per sentence, in the same order
    (teacher.tag --soft)."""
    tables = soft if soft is not None else [None] * len(sentences)
    for (words, _), table in zip(sentences, tables, strict=True):
        if table is not None and len(table) != len(words):
            raise ValueError(f"the soft labels do not match the silver sentences: {len(table)} rows for {len(words)} words")
    return [Item(vocabulary.ids(v), np.array([LABEL_INDEX[x] for x in l]), unlabelled_orgs,
                 None if table is None else table.astype(np.float32))
            for (w, l), v, table in zip(sentences, values, tables, strict=True) if w]


def soft_tables(path: Path) -> list[np.ndarray]:
    """The silver sentences' label probabilities, as teacher.tag --soft wrote them."""
    with np.load(path) as f:
        return np.split(f["rows"], np.cumsum(f["lengths"])[:-1])


def batches(items: Sequence[Item], budget: int, rng: random.Random) -> list[list[int]]:
    """The items shuffled, then cut into batches of about `budget` packed rows."""
    order = list(range(len(items)))
    rng.shuffle(order)
    out, current, size = [], [], 0
    for i in order:
        current.append(i)
        size += len(items[i].labels) + 1
        if size >= budget:
            out.append(current)
            current, size = [], 0
    return out + ([current] if current else [])


def loss(logits, items: Sequence[Item], batch: Sequence[int]):
    import torch
    import torch.nn.functional as F

    gold = torch.from_numpy(np.concatenate([items[i].labels for i in batch]))
    nerp = torch.from_numpy(np.concatenate([np.full(len(items[i].labels), items[i].organisations_unlabelled) for i in batch]))
    log_probs = F.log_softmax(logits, -1)
    picked = log_probs.gather(1, gold[:, None])[:, 0]
    o_or_org = torch.logsumexp(log_probs[:, [LABEL_INDEX["O"], LABEL_INDEX["B-ORG"], LABEL_INDEX["I-ORG"]]], 1)
    picked = torch.where(nerp & (gold == LABEL_INDEX["O"]), o_or_org, picked)
    if any(items[i].soft is not None for i in batch):
        # cross-entropy against the teacher's probabilities: the student also learns how sure it was
        target = torch.from_numpy(np.concatenate([items[i].soft if items[i].soft is not None
                                                  else np.zeros((len(items[i].labels), len(LABELS)), np.float32) for i in batch]))
        is_soft = torch.from_numpy(np.concatenate([np.full(len(items[i].labels), items[i].soft is not None) for i in batch]))
        picked = torch.where(is_soft, (target * log_probs).sum(1), picked)
    return -picked.mean()


def fit(items: Sequence[Item], vocabulary: Vocabulary, epochs: int, budget: int = 4000, lr: float = 2e-3,
        word_dropout: float = 0.1, seed: int = 0, after_epoch=None, width: int = WIDTH, layers: int = LAYERS):
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = network(vocabulary.sizes(), width, layers)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    total = epochs * len(batches(items, budget, random.Random(0)))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.05, 1 - s / total))
    for epoch in range(epochs):
        model.train()
        began = time.time()
        for batch in batches(items, budget, rng):
            rows, real = packed([items[i].ids for i in batch])
            rows = torch.from_numpy(rows.astype(np.int64))
            # unknown words must be learnt too: some known words are read as unknown
            drop = (torch.rand(rows.shape[0]) < word_dropout)
            rows[:, 0] = torch.where(drop, torch.zeros_like(rows[:, 0]), rows[:, 0])
            value = loss(model(rows, torch.from_numpy(real)), items, batch)
            optimiser.zero_grad()
            value.backward()
            optimiser.step()
            schedule.step()
        model.eval()
        report = {"epoch": epoch + 1, "seconds": round(time.time() - began)}
        if after_epoch is not None:
            report |= after_epoch(exported(model, vocabulary))
        print(json.dumps(report), flush=True)
    return exported(model, vocabulary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--silver", type=Path, default=None, help="teacher-tagged sentences (teacher.tag --out)")
    parser.add_argument("--soft", type=Path, default=None, help="the silver sentences' probabilities (teacher.tag --soft)")
    parser.add_argument("--out", type=Path, required=True, help="folder for cnn.npz and cnn.json")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--width", type=int, default=WIDTH, help="hidden width (the tagging speed is mostly width² × layers)")
    parser.add_argument("--layers", type=int, default=LAYERS)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    import torch

    from kabar.analyse.ner import clusters as cluster_table
    from kabar.analyse.ner.cnn.tagger import CnnTagger
    from kabar.analyse.ner.conll import read_labelled
    from kabar.analyse.ner.model import model_dir
    from kabar_train.ner.train import TRAIN_FILES, build_lexicon, nerp_rows, shown_command
    from kabar.evaluate.ner import dev_f1

    torch.set_num_threads(args.threads)
    lexicon = build_lexicon(args.data / "gazetteers", organisations=True, aliases=True)
    clusters = cluster_table.load(model_dir() / "clusters.tsv.gz")
    gold = [s for name in TRAIN_FILES for s in read_labelled(args.data / "ner" / name)]
    nerp = nerp_rows(args.data)
    silver = read_labelled(args.silver) if args.silver else []
    values = {name: [sentence_values(w, clusters, lexicon) for w, _ in part]
              for name, part in (("gold", gold), ("nerp", nerp), ("silver", silver))}
    vocabulary = Vocabulary.build(v for part in values.values() for v in part)
    print(json.dumps({"vocabulary": dict(zip(COLUMNS, vocabulary.sizes(), strict=True))}), flush=True)
    soft = soft_tables(args.soft) if args.soft else None
    items = (items_of(gold, values["gold"], vocabulary) + items_of(silver, values["silver"], vocabulary, soft=soft)
             + items_of(nerp, values["nerp"], vocabulary, unlabelled_orgs=True))
    began = time.time()
    weights = fit(items, vocabulary, args.epochs, lr=args.lr, width=args.width, layers=args.layers, seed=args.seed,
                  after_epoch=lambda w: dev_f1(args.data, CnnTagger(w, lexicon, clusters).tag))
    seconds = round(time.time() - began)
    args.out.mkdir(parents=True, exist_ok=True)
    weights.save(args.out / MODEL_FILE)
    student = CnnTagger(weights, lexicon, clusters)
    report = {"file": MODEL_FILE, "train_seconds": seconds, "sentences": len(items),
              "silver_sentences": len(silver), "soft": soft is not None, "epochs": args.epochs,
              "width": args.width, "layers": args.layers, "seed": args.seed,
              "dev_scores": dev_f1(args.data, student.tag), "date": time.strftime("%Y-%m-%d"),
              "command": shown_command("kabar_train.ner.cnn.train", argv,
                                       {"--data": "DATA", "--silver": "SILVER", "--soft": "SOFT", "--out": "CNN"})}
    (args.out / REPORT_FILE).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
