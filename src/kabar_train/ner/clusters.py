"""Word clusters learned from unlabelled Indonesian text, for the NER tagger's features.

    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.clusters --data DATA_DIR --out src/kabar/models/ner/clusters.tsv.gz

Words that occur in the same contexts (the words one and two places to their
left and right) land in the same cluster, so a company name the labelled sets
never saw ("Indofood") can share a cluster with ones they did ("Telkom").
Method: a lower-cased word × directional-context count matrix, positive PMI
(context distribution smoothed, alpha 0.75), TruncatedSVD, then k-means on the
normalised vectors at several granularities (scikit-learn). The table ships as
``word<TAB>c1<TAB>c2…`` (gzip); lookups are lower-cased, so the clusters help
on lower-cased text too.

The text is the licensed corpus of ``kabar_train.ner.corpus``; the run time reads
the table with ``kabar.analyse.ner.clusters.load``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from kabar_train.ner.corpus import corpus

GRANULARITIES = (64, 256, 1024)


def build(
    sentences: Sequence[Sequence[str]], min_count: int = 3, n_contexts: int = 6000, dims: int = 120,
    granularities: Sequence[int] = GRANULARITIES, seed: int = 0,
) -> dict[str, tuple[int, ...]]:
    """word → cluster id at each granularity, for words seen at least `min_count` times."""
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    counts = Counter(w for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    contexts = {w: i for i, w in enumerate(vocab[:n_contexts])}
    offsets = (-2, -1, 1, 2)
    rows: list[int] = []
    cols: list[int] = []
    for s in sentences:
        ids = [index.get(w, -1) for w in s]
        ctx = [contexts.get(w, -1) for w in s]
        n = len(s)
        for i, row in enumerate(ids):
            if row < 0:
                continue
            for k, off in enumerate(offsets):
                j = i + off
                # outside the sentence: a boundary context of its own (sentence openers, closers)
                c = ctx[j] if 0 <= j < n else n_contexts
                if c >= 0:
                    rows.append(row)
                    cols.append(k * (n_contexts + 1) + c)
    shape = (len(vocab), len(offsets) * (n_contexts + 1))
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=shape).tocsr()
    m.sum_duplicates()
    total = m.sum()
    word_p = np.asarray(m.sum(axis=1)).ravel() / total
    ctx_c = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    ctx_p = ctx_c / ctx_c.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / (word_p[m.row] * ctx_p[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=shape)
    svd = TruncatedSVD(n_components=dims, random_state=seed)
    u = svd.fit_transform(ppmi)  # U·S
    vectors = normalize(u / np.sqrt(svd.singular_values_))  # U·S^0.5: the usual weighting for similarity
    labels = []
    for k in granularities:
        km = MiniBatchKMeans(n_clusters=min(k, len(vocab)), random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(vectors))
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def save(table: Mapping[str, Sequence[int]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(w + "\t" + "\t".join(map(str, c)) + "\n" for w, c in sorted(table.items()) if "\t" not in w)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))


def table_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every cluster-table builder takes: the data folder, granularities, seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, required=True, help="the data folder holding ner/, stories-multi/, summaries/")
    parser.add_argument("--k", type=int, nargs="+", default=list(GRANULARITIES))
    parser.add_argument("--seed", type=int, default=0)
    return parser


def has_data(data: Path) -> bool:
    if (data / "ner").is_dir():
        return True
    print("no data: pass --data DIR", file=sys.stderr)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = table_parser(__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("src/kabar/models/ner/clusters.tsv.gz"))
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--contexts", type=int, default=6000)
    parser.add_argument("--dims", type=int, default=120)
    args = parser.parse_args(argv)
    if not has_data(args.data):
        return 2
    began = time.time()
    sentences = list(corpus(args.data))
    table = build(sentences, args.min_count, args.contexts, args.dims, args.k, args.seed)
    save(table, args.out)
    print(json.dumps({"sentences": len(sentences), "tokens": sum(map(len, sentences)), "words": len(table),
                      "granularities": args.k, "seconds": round(time.time() - began), "bytes": args.out.stat().st_size}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
