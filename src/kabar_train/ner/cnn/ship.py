"""Ship a trained CNN student beside the CRF: copy it into the model folder, score the mixture, write the card.

    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.cnn.ship --student CNN --crf CRF --data DATA --weight 0.5 --sure 0.6

CRF is the shipped CRF's settings trained without the dev files
(`kabar_train.ner.train … --no-card`), and the student trains on the train
files only, so the mixture's dev scores on the card are held out.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from collections.abc import Sequence

from kabar.analyse.ner.cnn.tagger import CnnTagger
from kabar.analyse.ner.model import NerModel
from kabar_train.ner.cnn.train import MODEL_FILE, REPORT_FILE


def mixture_scores(student: CnnTagger, crf: NerModel, data: Path, weights: Sequence[float],
                   sure: float = 1.0) -> dict[float, dict[str, float]]:
    """Dev F1 (per file and pooled) of the student mixed with the CRF model `crf`, per student weight;
    sentences the student is `sure` of skip the CRF (NerModel.student_sure)."""
    from dataclasses import replace

    from kabar.evaluate.ner import dev_f1

    return {weight: dev_f1(data, replace(crf, student=student, student_weight=weight, student_sure=sure).tag_many)
            for weight in weights}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--student", type=Path, required=True, help="the folder kabar_train.ner.cnn.train wrote")
    parser.add_argument("--crf", type=Path, required=True, help="the CRF's settings trained without the dev files")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--model", type=Path, default=None, help="the model folder (default: the shipped one)")
    parser.add_argument("--weight", type=float, default=0.5, help="the student's share of the mixture")
    parser.add_argument("--sure", type=float, default=1.0,
                        help="a sentence whose every word the student labels with at least this probability skips the CRF")
    parser.add_argument("--scan", type=float, nargs="*", default=[], help="more student weights to score")
    args = parser.parse_args(argv)
    from kabar.analyse.ner import clusters
    from kabar.analyse.ner.cnn.network import CnnWeights
    from kabar.analyse.ner.model import load, model_dir
    from kabar_train.ner.train import readme, shown_command

    model = args.model or model_dir()
    crf = load(args.crf)
    student = CnnTagger(CnnWeights.load(args.student / MODEL_FILE), crf.lexicon, clusters.load(model / "clusters.tsv.gz"))
    report = json.loads((args.student / REPORT_FILE).read_text(encoding="utf-8"))
    report |= {"weight": args.weight, "sure": args.sure,
               "mixture_dev_scores": mixture_scores(student, crf, args.data, sorted({args.weight, *args.scan}), args.sure),
               "ship_command": shown_command("kabar_train.ner.cnn.ship", argv, {"--student": "CNN", "--crf": "CRF", "--data": "DATA"})}
    print(json.dumps(report, indent=1))
    shutil.copyfile(args.student / MODEL_FILE, model / MODEL_FILE)
    card = model / "meta.json"
    meta = json.loads(card.read_text(encoding="utf-8")) | {"student": report}
    meta["files"] = [*(f for f in meta["files"] if f != MODEL_FILE), MODEL_FILE]
    meta["size_bytes"] = sum((model / f).stat().st_size for f in meta["files"])
    card.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (model / "README.md").write_text(readme(meta), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
