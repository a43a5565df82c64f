"""Train the furniture classifier and measure it leave-one-outlet-out beside today's fixed cues.

    PYTHONPATH=src .venv/bin/python -m kabar_train.furniture.train --out src/kabar/models/furniture

For each of the ten IndoSum outlets held out: the threshold is chosen by an inner
leave-one-outlet-out over the other nine (the lowest one at which the inner held-out predictions
lose no article sentence), the model is fitted on the nine, and the held-out outlet is scored.
The shipped model is fitted on all ten, its threshold chosen by the same leave-one-outlet-out.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from kabar.extract.boilerplate import clean_inline, line_kind
from kabar.extract.furniture import sentence_key, strip_furniture
from kabar.extract.furniture_model import FurnitureModel
from kabar_train.furniture.data import OUTLET_NAMES, Sentence, by_article, matrix, read_labels, repeated_keys

THRESHOLDS = tuple(float(t) for t in np.round(np.arange(0.30, 0.995, 0.01), 2))
C = 1.0  # fixed, not tuned: one choice fewer made on any held-out set


@dataclass(frozen=True, slots=True)
class Score:
    """Furniture precision/recall and the keep rate of article sentences."""

    furniture: int
    caught: int
    flagged: int
    articles: int
    lost: int

    @property
    def precision(self) -> float:
        return self.caught / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.caught / self.furniture if self.furniture else 1.0

    @property
    def keep_rate(self) -> float:
        return 1 - self.lost / self.articles if self.articles else 1.0

    def row(self) -> dict[str, float | int]:
        return {"furniture": self.furniture, "caught": self.caught, "flagged": self.flagged,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "article_sentences": self.articles, "lost": self.lost, "keep_rate": round(self.keep_rate, 4)}


def score(gold: Sequence[bool], flagged: Sequence[bool]) -> Score:
    g, f = np.asarray(gold, bool), np.asarray(flagged, bool)
    return Score(int(g.sum()), int((g & f).sum()), int(f.sum()), int((~g).sum()), int((~g & f).sum()))


def fit(x: np.ndarray, y: np.ndarray) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit((x - mean) / scale, y)
    return model, mean, scale


def predict(fitted: tuple[LogisticRegression, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    model, mean, scale = fitted
    return model.predict_proba((x - mean) / scale)[:, 1]


def out_of_outlet(x: np.ndarray, y: np.ndarray, outlets: np.ndarray) -> np.ndarray:
    """Each sentence's probability from a model fitted without its outlet."""
    p = np.zeros(len(y))
    for outlet in np.unique(outlets):
        held = outlets == outlet
        p[held] = predict(fit(x[~held], y[~held]), x[held])
    return p


def choose_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold at which no article sentence is flagged (the highest recall that keeps
    every sentence); if none, the one that loses fewest."""
    best = min(THRESHOLDS, key=lambda t: (int(((p >= t) & ~y).sum()), t))
    return best


def cue_flags(sentences: Sequence[Sentence], repeated: set[tuple[str, str]]) -> np.ndarray:
    """Today's fixed cues on the same sentences, as extraction applies them: a paragraph that
    `line_kind` calls chrome goes whole, a sentence inside a piece `clean_inline` cuts goes, and
    the sentences `strip_furniture` cuts from the cleaned paragraphs go (given, as in a batch, the
    sentences the outlet's other pages repeat)."""
    flags: dict[tuple[str, int], bool] = {}
    for article in by_article(list(sentences)).values():
        paragraphs: dict[int, list[Sentence]] = {}
        for s in article:
            paragraphs.setdefault(s.paragraph, []).append(s)
        cleaned: list[str] = []
        for _, group in sorted(paragraphs.items()):
            line = " ".join(s.text for s in group)
            if line_kind(line) is not None:
                flags.update({(s.article, s.index): True for s in group})
                continue
            text, pieces = clean_inline(line)
            cut = [sentence_key(p) for p in pieces]
            for s in group:
                key = sentence_key(s.text)
                flags[(s.article, s.index)] = bool(key) and any(key in piece for piece in cut)
            cleaned.append(text)
        outlet = article[0].outlet
        keys = frozenset(key for o, key in repeated if o == outlet)
        _, removed = strip_furniture(cleaned, OUTLET_NAMES.get(outlet, ()), keys, learned=False)
        gone = [sentence_key(r) for r in removed]
        for s in article:
            key = sentence_key(s.text)
            if key and any(key == g or (len(key) > 20 and key in g) for g in gone):
                flags[(s.article, s.index)] = True
    return np.array([flags[(s.article, s.index)] for s in sentences])


def evaluate(x: np.ndarray, y: np.ndarray, outlets: np.ndarray, cues: np.ndarray) -> dict:
    """Leave-one-outlet-out rows: learned, cues, and either (what ships), per outlet and pooled."""
    learned = np.zeros(len(y), bool)
    thresholds: dict[str, float] = {}
    for outlet in np.unique(outlets):
        held = outlets == outlet
        inner = out_of_outlet(x[~held], y[~held], outlets[~held])
        t = choose_threshold(inner, y[~held])
        thresholds[str(outlet)] = t
        learned[held] = predict(fit(x[~held], y[~held]), x[held]) >= t
    rows: dict[str, dict] = {}
    for outlet in [*np.unique(outlets), "all"]:
        m = np.ones(len(y), bool) if outlet == "all" else outlets == outlet
        rows[str(outlet)] = {"learned": score(y[m], learned[m]).row(), "cues": score(y[m], cues[m]).row(),
                             "either": score(y[m], (learned | cues)[m]).row()}
        if outlet != "all":
            rows[str(outlet)]["threshold"] = thresholds[str(outlet)]
    return {"rows": rows, "learned": learned}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, default=None, help="labels.tsv (default: the one beside this module)")
    parser.add_argument("--out", type=Path, help="folder for model.json and scores.json")
    args = parser.parse_args(argv)
    sentences = read_labels(args.labels) if args.labels else read_labels()
    rows, kept = matrix(sentences)
    x = np.asarray(rows, float)
    y = np.array([s.furniture for s in kept])
    outlets = np.array([s.outlet for s in kept])
    cues = cue_flags(kept, repeated_keys(sentences))
    result = evaluate(x, y, outlets, cues)
    for outlet, row in result["rows"].items():
        print(f"{outlet:16s} t={row.get('threshold', '-')!s:5s} " + "  ".join(
            f"{name}: P {r['precision']:.3f} R {r['recall']:.3f} keep {r['keep_rate']:.4f} ({r['caught']}/"
            f"{r['furniture']}, lost {r['lost']})" for name, r in row.items() if isinstance(r, dict)))
    wrong = [(s, "missed" if s.furniture else "lost") for s, f in zip(kept, result["learned"]) if f != s.furniture]
    for s, kind in wrong:
        print(f"  {kind:6s} {s.outlet[:10]:10s} {s.index}/{s.count} {s.text[:110]}")
    if args.out:
        threshold = choose_threshold(out_of_outlet(x, y, outlets), y)
        model, mean, scale = fit(x, y)
        shipped = FurnitureModel(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]),
                                 tuple(float(m) for m in mean), tuple(float(s) for s in scale), threshold)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "model.json").write_text(json.dumps(shipped.to_json(), indent=1) + "\n", encoding="utf-8")
        scores = {"threshold": threshold, "sentences": len(y), "furniture": int(y.sum()),
                  "leave_one_outlet_out": result["rows"]}
        (args.out / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
        # the gold of `kabar eval extract`: which IndoSum sentences are furniture, by key (no text)
        gold = ["article\tindex\twhy", *(f"{s.article}\t{s.index}\t{s.why}" for s in sentences if s.furniture)]
        (args.out / "indosum_furniture.tsv").write_text("\n".join(gold) + "\n", encoding="utf-8")
        print(f"wrote {args.out}/model.json (threshold {threshold})")


if __name__ == "__main__":
    main()
