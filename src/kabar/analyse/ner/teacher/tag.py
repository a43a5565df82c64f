"""Tag sentences with a fine-tuned teacher: dev scores, and silver training data for the CRF.

    nice .venv/bin/python -m kabar.analyse.ner.teacher.tag --model /tmp/teacher --data DATA --out /tmp/silver.tsv

The silver sentences are the licensed unlabelled text the word clusters also
read (nlp-id's POS corpus, stories-multi, IndoSum's dev fold), minus every
sentence of a dev file, each written once; a sentence whose least sure word is
below --min-confidence is left out.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kabar.analyse.ner.teacher.batches import encode, length_batches, padded
from kabar.analyse.ner.teacher.pieces import WordPieces
from kabar.analyse.ner.teacher.train import CHECKPOINT
from kabar.analyse.ner.teacher.weights import E5File, shipped_path


@dataclass(frozen=True)
class Tagged:
    words: tuple[str, ...]
    labels: tuple[str, ...]
    confidence: float  # the least probability among the words' chosen labels


class Teacher:
    def __init__(self, folder: Path, threads: int = 2):
        """The teacher fine-tuned into `folder` (kabar.analyse.ner.teacher.train --out)."""
        import torch

        from kabar.analyse.ner.teacher.network import from_e5

        torch.set_num_threads(threads)
        self._e5 = E5File(shipped_path())
        self._pieces = WordPieces(self._e5.vocabulary)
        self._model = from_e5(self._e5)
        self._model.load_state_dict(torch.load(folder / CHECKPOINT), strict=False)
        self._model.eval()

    def tag(self, sentences: Sequence[Sequence[str]], budget: int = 4096) -> list[Tagged]:
        import torch

        from kabar.analyse.ner.teacher.network import LABELS

        items = [encode(words, self._pieces, self._e5.config) for words in sentences]
        out: list[Tagged | None] = [None] * len(items)
        with torch.no_grad():
            for batch in length_batches(items, budget):
                ids, mask = padded(items, batch, self._e5.config.pad)
                probs = torch.softmax(self._model(ids, mask), -1)
                for row, i in enumerate(batch):
                    # words past the cut (MAX_PIECES) get O and do not count for the confidence
                    best = [probs[row, p].max(0) if p < ids.shape[1] else None for p in items[i].first_piece]
                    labels = [LABELS[int(b.indices)] if b is not None else "O" for b in best]
                    confidence = min((float(b.values) for b in best if b is not None), default=1.0)
                    out[i] = Tagged(tuple(sentences[i]), tuple(well_formed(labels)), confidence)
        return [t for t in out if t is not None]


def well_formed(labels: Sequence[str]) -> list[str]:
    """An I- label that does not continue its type starts the entity instead."""
    out: list[str] = []
    for label in labels:
        if label.startswith("I-") and (not out or out[-1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


def silver_candidates(data: Path) -> Iterator[list[str]]:
    """The unlabelled sentences to tag: 3 to 80 clean words, each once, none from a dev file."""
    from kabar.analyse.ner import clusters
    from kabar.analyse.ner.conll import read_labelled
    from kabar.evaluate.ner import DEV_FILES

    dev = {" ".join(w).lower() for name in DEV_FILES if (data / "ner" / name).is_file()
           for w, _ in read_labelled(data / "ner" / name)}
    seen: set[str] = set()
    for words in clusters.unlabelled_sentences(data):
        key = " ".join(words)
        # a "word" holding whitespace (a stray "\r" of a CRLF file) cannot be written as a CoNLL token
        clean = all(w and not any(c.isspace() for c in w) for w in words)
        if clean and 3 <= len(words) <= 80 and key not in seen and key.lower() not in dev:
            seen.add(key)
            yield words


def dev_scores(teacher: Teacher, data: Path) -> dict[str, float]:
    from kabar.analyse.ner.conll import read_labelled
    from kabar.analyse.ner.model import names_are_capitalised
    from kabar.evaluate.ner import DEV_FILES, file_types, score_file

    scores = {}
    for name in DEV_FILES:
        path = data / "ner" / name
        if path.is_file():
            words = [w for w, _ in read_labelled(path)]
            answers = {tuple(t.words): list(t.labels) for t in teacher.tag(words)}
            scored = score_file(path, file_types(data, name), lambda w: names_are_capitalised(w, answers[tuple(w)]))
            scores[name] = round(scored["all"].f1, 4)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="the folder teacher.train wrote")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None, help="silver sentences (CoNLL); dev scores only without it")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    args = parser.parse_args(argv)
    from kabar.analyse.ner.model import names_are_capitalised

    teacher = Teacher(args.model)
    print(json.dumps({"dev_f1": dev_scores(teacher, args.data)}), flush=True)
    if args.out is None:
        return 0
    sentences = list(silver_candidates(args.data))
    kept, began = 0, time.time()
    with args.out.open("w", encoding="utf-8") as out:
        for start in range(0, len(sentences), 2000):
            for t in teacher.tag(sentences[start:start + 2000]):
                if t.confidence >= args.min_confidence:
                    labels = names_are_capitalised(t.words, list(t.labels))
                    out.write("".join(f"{w}\t{l}\n" for w, l in zip(t.words, labels, strict=True)) + "\n")
                    kept += 1
            print(f"{min(start + 2000, len(sentences))}/{len(sentences)} {time.time() - began:.0f}s", flush=True)
    print(json.dumps({"sentences": len(sentences), "kept": kept, "seconds": round(time.time() - began)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
