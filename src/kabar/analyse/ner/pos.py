"""A small Indonesian part-of-speech tagger, whose tags feed the NER features.

    nice .venv/bin/python -m kabar.analyse.ner.pos --out src/kabar/models/pos

Trained on nlp-id's POS corpus (kumparan news, MIT licence; vendored as
``kabar/models/pos/dataset_postag.txt.gz`` with its licence file): about
33,000 sentences, 23 tags. The model is a structured averaged perceptron
(python-crfsuite's ``ap`` trainer, Viterbi decoding in C) over lean per-word
features cached like the NER ones. A share of the sentences is also added
lower-cased so that the tagger copes with lower-cased text (NERP, headlines
typed in lower case). ``--holdout`` keeps 10% of the sentences out and prints
the token accuracy on them (99.0%; 97.2% on the same sentences lower-cased;
10 iterations, about 40 s).

Measured as NER features (the word's tag and its neighbours'), the tags did
not raise the NER dev F1 (runs T and P1 in the NER model card) and would
halve the tagging speed, so the shipped NER model does not use them and no
POS model ships; ``--out`` writes one where you ask.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kabar.analyse.ner.features import shape

POS_PACKAGE = "kabar.models.pos"
CORPUS_FILE = "dataset_postag.txt.gz"
MODEL_FILE = "pos.crfsuite"
Tagged = tuple[list[str], list[str]]


def package_dir() -> Path:
    return Path(str(resources.files(POS_PACKAGE)))


def read_tagged(path: Path | None = None) -> list[Tagged]:
    """(words, tags) per sentence of the vendored corpus (`word<TAB>TAG` lines, blank line between sentences)."""
    path = path or package_dir() / CORPUS_FILE
    out: list[Tagged] = []
    words: list[str] = []
    tags: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, sep, tag = line.rstrip("\n").partition("\t")
            if sep and word and tag:
                words.append(word)
                tags.append(tag.upper())  # one stray "vb"
            elif not line.strip() and words:
                out.append((words, tags))
                words, tags = [], []
    if words:
        out.append((words, tags))
    return out


@lru_cache(maxsize=200_000)
def _word(word: str) -> tuple[tuple[str, ...], str]:
    low = word.lower()
    own = ["w=" + low, "s=" + shape(word), "x3=" + low[-3:], "x2=" + low[-2:], "p3=" + low[:3], "p2=" + low[:2]]
    if word[:1].isupper():
        own.append("T")
    return tuple(own), low


def features(words: Sequence[str]) -> list[list[str]]:
    cached = [_word(w) for w in words]
    n = len(words)
    out = []
    for i, (own, _) in enumerate(cached):
        feats = list(own)
        feats.append("-1=" + cached[i - 1][1] if i else "BOS")
        feats.append("+1=" + cached[i + 1][1] if i < n - 1 else "EOS")
        out.append(feats)
    return out


@dataclass(frozen=True)
class PosTagger:
    tagger: object  # pycrfsuite.Tagger

    def tag(self, words: Sequence[str]) -> list[str]:
        return self.tagger.tag(features(words)) if words else []


def load(directory: Path | None = None) -> PosTagger:
    import pycrfsuite

    path = (directory or package_dir()) / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no POS model at {path}: train one with `python -m kabar.analyse.ner.pos`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return PosTagger(tagger)


@lru_cache(maxsize=1)
def shipped() -> PosTagger:
    return load()


def with_lowercased(sentences: list[Tagged], share: float, seed: int = 5) -> list[Tagged]:
    rng = random.Random(seed)
    return sentences + [([w.lower() for w in ws], ts) for ws, ts in sentences if rng.random() < share]


def train(sentences: list[Tagged], path: Path, iterations: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="ap", verbose=False)
    for words, tags in sentences:
        trainer.append(features(words), tags)
    trainer.set_params({"max_iterations": iterations})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def accuracy(tagger: PosTagger, sentences: list[Tagged]) -> float:
    right = total = 0
    for words, tags in sentences:
        right += sum(p == g for p, g in zip(tagger.tag(words), tags, strict=True))
        total += len(tags)
    return right / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("src/kabar/models/pos"))
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--lower-share", type=float, default=0.3)
    parser.add_argument("--holdout", type=float, default=0.0, help="share of sentences kept out and scored (no model written)")
    args = parser.parse_args(argv)
    sentences = read_tagged()
    began = time.time()
    if args.holdout > 0:
        rng = random.Random(11)
        rng.shuffle(sentences)
        cut = int(len(sentences) * args.holdout)
        held, rest = sentences[:cut], sentences[cut:]
        path = args.out / "holdout.crfsuite"
        train(with_lowercased(rest, args.lower_share), path, args.iterations)
        tagger = load_path(path)
        result = {"held_out_sentences": len(held), "accuracy": round(accuracy(tagger, held), 4),
                  "accuracy_lowercased": round(accuracy(tagger, [([w.lower() for w in ws], ts) for ws, ts in held]), 4),
                  "seconds": round(time.time() - began)}
        path.unlink()
        print(json.dumps(result))
        return 0
    train(with_lowercased(sentences, args.lower_share), args.out / MODEL_FILE, args.iterations)
    print(json.dumps({"sentences": len(sentences), "seconds": round(time.time() - began)}))
    return 0


def load_path(path: Path) -> PosTagger:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return PosTagger(tagger)


if __name__ == "__main__":
    sys.exit(main())
