"""NER speed and footprint: model load time, tokens/s (one core), entity linking docs/s, memory.

    .venv/bin/python bench/ner.py [--data ../shared/data] [--repeats 5] [--teacher DIR]

Tags every sentence of the dev files (or, without ../shared, the sample
pages' sentences) in batches of 2,000 sentences, as `kabar ner` does, after a
warm-up pass, and prints the median and a bootstrap 95% interval beside the
target (50,000 tokens/s per core): the shipped model (the CNN student mixed
with the CRF, when the model folder holds a student) and, side by side, the
CRF alone (Kabar's earlier model, the anchor).
With --teacher (a folder kabar_train.ner.teacher.train wrote; needs torch and PYTHONPATH=src),
the fine-tuned e5 teacher tags the same sentences on one thread, side by side.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_TOKENS_PER_S = 50_000
MODEL_LIMIT_MB = 30


def _sentences(data: Path | None) -> list[list[str]]:
    from kabar.analyse.ner.conll import read_labelled

    if data is not None and (data / "ner").is_dir():
        out = []
        for name in ("idner_news_2k.dev.tsv", "nergrit.valid.tsv", "nerp.valid.tsv", "nerugm.fold1.dev.tsv", "nerui.fold1.dev.tsv"):
            path = data / "ner" / name
            if path.is_file():
                out += [words for words, _ in read_labelled(path)]
        return out
    from kabar.analyse.tokens import sentences, tokenize

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "samples").glob("*.txt")))
    return [[t.text for t in tokenize(s)] for s in sentences(text)]


def _tag_all(model, sentences: list[list[str]], batch: int = 2000) -> None:
    for start in range(0, len(sentences), batch):
        model.tag_many(sentences[start : start + batch])


def _bootstrap(values: list[float], rounds: int = 1000) -> tuple[float, float]:
    rng = random.Random(7)
    means = sorted(statistics.fmean(rng.choices(values, k=len(values))) for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--teacher", type=Path, default=None, help="also time the training-time teacher (needs torch)")
    args = parser.parse_args()

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    from kabar.analyse.ner import model as ner_model

    tagger = ner_model.load()
    load_s = time.perf_counter() - began
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size_mb = sum(p.stat().st_size for p in ner_model.model_dir().iterdir() if p.suffix in (".crfsuite", ".gz", ".npz")) / 1e6

    sentences = _sentences(args.data if args.data.is_dir() else None)
    n_tokens = sum(len(s) for s in sentences)
    crf_alone = replace(tagger, student=None)
    rates, crf_rates = [], []
    for model, out in ((tagger, rates), (crf_alone, crf_rates)):
        _tag_all(model, sentences)  # warm-up: fills the per-word caches, as a long run would
        for _ in range(args.repeats):
            t0 = time.process_time()
            _tag_all(model, sentences)
            out.append(n_tokens / (time.process_time() - t0))
    # cold: the per-word caches emptied, every word computed once more
    from kabar.analyse.ner.features import _word

    _word.cache_clear()
    if tagger.student is not None:
        tagger.student.forget_words()
    t0 = time.process_time()
    _tag_all(tagger, sentences)
    cold = n_tokens / (time.process_time() - t0)

    from kabar.analyse.entities import annotate
    from kabar.records import Article

    pages = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "samples").glob("*.txt"))]
    articles = [Article(id=str(i), source="bench", body=tuple(p.splitlines())) for i, p in enumerate(pages)]
    annotate(articles[0]) if articles else None
    t0 = time.process_time()
    for article in articles:
        annotate(article)
    docs_s = len(articles) / (time.process_time() - t0) if articles else 0.0

    low, high = _bootstrap(rates)
    crf_low, crf_high = _bootstrap(crf_rates)
    print(f"sentences {len(sentences):,}, tokens {n_tokens:,}; model: {'CNN student + CRF' if tagger.student else 'CRF'}")
    print(f"model files        {size_mb:8.1f} MB   (limit {MODEL_LIMIT_MB} MB)")
    print(f"model load         {load_s:8.2f} s")
    print(f"memory (max RSS)   {rss_after / 1024:8.1f} MB   (+{(rss_after - rss_before) / 1024:.1f} MB for the model)")
    print(f"tagging, warm      {statistics.median(rates):8,.0f} tokens/s per core  (95% CI {low:,.0f}–{high:,.0f}; target {TARGET_TOKENS_PER_S:,})")
    print(f"tagging, cold      {cold:8,.0f} tokens/s per core")
    print(f"CRF alone, warm    {statistics.median(crf_rates):8,.0f} tokens/s per core  (95% CI {crf_low:,.0f}–{crf_high:,.0f}; the anchor)")
    print(f"annotate (linking) {docs_s:8.1f} articles/s per core  ({len(articles)} sample pages, whole page text)")
    if args.teacher is not None:
        from kabar_train.ner.teacher.tag import Teacher

        teacher = Teacher(args.teacher, threads=1)
        t0 = time.process_time()
        teacher.tag(sentences)
        print(f"teacher (e5, torch) {n_tokens / (time.process_time() - t0):7,.0f} tokens/s per core  (training-time only; not shipped)")
    return 0 if statistics.median(rates) >= TARGET_TOKENS_PER_S else 1


if __name__ == "__main__":
    sys.exit(main())
