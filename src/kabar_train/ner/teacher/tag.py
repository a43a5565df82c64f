"""Tag sentences with a fine-tuned teacher: dev scores, and silver training data for the CRF.

    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.teacher.tag --model /tmp/teacher --data DATA --out /tmp/silver.tsv

With --crf MODEL_DIR the teacher's per-word label probabilities are mixed with
that CRF's (kabar_train.ner.teacher.ensemble; --teacher-weight, and --scan to
score other weights on the dev files). Every answer passes the CRF's checks
(kabar.analyse.ner.model.checked), with the CRF's lexicon or the shipped one.

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
from pathlib import Path

import numpy as np

from kabar.analyse.ner.labels import LABELS, Tagged
from kabar.analyse.ner.model import NerModel
from kabar_train.ner.teacher.batches import encode, length_batches, padded
from kabar_train.ner.teacher.ensemble import Committee, Mixture
from kabar_train.ner.teacher.pieces import WordPieces
from kabar_train.ner.teacher.train import CHECKPOINT
from kabar_train.ner.teacher.weights import E5File, shipped_path


class Teacher:
    def __init__(self, folder: Path, threads: int = 2):
        """The teacher fine-tuned into `folder` (kabar_train.ner.teacher.train --out)."""
        import torch

        from kabar_train.ner.teacher.network import from_e5

        torch.set_num_threads(threads)
        self._e5 = E5File(shipped_path())
        self._pieces = WordPieces(self._e5.vocabulary)
        self._model = from_e5(self._e5)
        self._model.load_state_dict(torch.load(folder / CHECKPOINT), strict=False)
        self._model.eval()

    def probabilities(self, sentences: Sequence[Sequence[str]], budget: int = 4096) -> list[np.ndarray]:
        """Per sentence, each word's label probabilities (rows in LABELS order), read at its first piece;
        the words past the cut (MAX_PIECES) get no row."""
        import torch

        items = [encode(words, self._pieces, self._e5.config) for words in sentences]
        out: list[np.ndarray] = [np.zeros((0, len(LABELS)))] * len(items)
        with torch.no_grad():
            for batch in length_batches(items, budget):
                ids, mask = padded(items, batch, self._e5.config.pad)
                probs = torch.softmax(self._model(ids, mask), -1).numpy()
                for row, i in enumerate(batch):
                    out[i] = probs[row, [p for p in items[i].first_piece if p < ids.shape[1]]]
        return out

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[Tagged]:
        """The teacher's labels; the words past the cut are O and do not count for the confidence."""
        return Mixture(self).tag(sentences)


def silver_candidates(data: Path) -> Iterator[list[str]]:
    """The unlabelled sentences to tag: 3 to 80 clean words, each once, none from a dev file."""
    from kabar.analyse.ner.conll import read_labelled
    from kabar.evaluate.ner import DEV_FILES
    from kabar_train.ner.corpus import unlabelled_sentences

    dev = {" ".join(w).lower() for name in DEV_FILES if (data / "ner" / name).is_file()
           for w, _ in read_labelled(data / "ner" / name)}
    seen: set[str] = set()
    for words in unlabelled_sentences(data):
        key = " ".join(words)
        # a "word" holding whitespace (a stray "\r" of a CRLF file) cannot be written as a CoNLL token
        clean = all(w and not any(c.isspace() for c in w) for w in words)
        if clean and 3 <= len(words) <= 80 and key not in seen and key.lower() not in dev:
            seen.add(key)
            yield words


def dev_scores(teacher: Teacher | Committee, data: Path, crf: NerModel | None = None,
               weights: Sequence[float] = (1.0,)) -> dict[float, dict[str, float]]:
    """Per teacher weight, F1 on each dev file and pooled over them of the teacher mixed with `crf`
    (the teacher alone at weight 1 or without a CRF); every answer passes the CRF's checks."""
    from kabar.analyse.ner.model import checked, shipped
    from kabar.evaluate.ner import dev_f1

    lexicon = (crf or shipped()).lexicon

    def tagger(weight: float):
        mixture = Mixture(teacher, crf, weight)
        return lambda sentences: [checked(t.words, list(t.labels), lexicon) for t in mixture.tag(sentences)]

    return {weight: dev_f1(data, tagger(weight)) for weight in weights}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, nargs="+", required=True,
                        help="the folder teacher.train wrote; several are read as one committee (their mean)")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None, help="silver sentences (CoNLL); dev scores only without it")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--crf", type=Path, default=None, help="a CRF model folder whose probabilities are mixed in")
    parser.add_argument("--teacher-weight", type=float, default=0.5, help="the teacher's share of the mixture (with --crf)")
    parser.add_argument("--soft", type=Path, default=None,
                        help="also write the silver sentences' label probabilities (.npz) for a student that learns them")
    parser.add_argument("--scan", type=float, nargs="*", default=[], help="more teacher weights to score on the dev files")
    args = parser.parse_args(argv)
    from kabar.analyse.ner.model import checked, load, shipped

    teachers = [Teacher(folder) for folder in args.model]
    teacher = teachers[0] if len(teachers) == 1 else Committee(tuple(teachers))
    crf = load(args.crf) if args.crf is not None else None
    weights = sorted({args.teacher_weight if crf is not None else 1.0, *args.scan})
    print(json.dumps({"dev_f1": dev_scores(teacher, args.data, crf, weights)}), flush=True)
    if args.out is None:
        return 0
    tagger = Mixture(teacher, crf, args.teacher_weight)
    lexicon = (crf or shipped()).lexicon  # its titles: a bare title is no name (checked)
    sentences = list(silver_candidates(args.data))
    kept, began, tables = 0, time.time(), []
    with args.out.open("w", encoding="utf-8") as out:
        for start in range(0, len(sentences), 2000):
            for t in tagger.tag(sentences[start:start + 2000]):
                if t.confidence >= args.min_confidence:
                    labels = checked(t.words, list(t.labels), lexicon)
                    out.write("".join(f"{w}\t{l}\n" for w, l in zip(t.words, labels, strict=True)) + "\n")
                    kept += 1
                    tables.append(t.probabilities.astype(np.float16))
            print(f"{min(start + 2000, len(sentences))}/{len(sentences)} {time.time() - began:.0f}s", flush=True)
    if args.soft is not None:
        np.savez_compressed(args.soft, rows=np.concatenate(tables), lengths=np.array([len(t) for t in tables]))
    print(json.dumps({"sentences": len(sentences), "kept": kept, "seconds": round(time.time() - began)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
