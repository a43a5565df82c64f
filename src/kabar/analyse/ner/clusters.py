"""Word clusters learned from unlabelled Indonesian text, for the NER tagger's features.

    nice .venv/bin/python -m kabar.analyse.ner.clusters --data DATA_DIR --out src/kabar/models/ner/clusters.tsv.gz

Words that occur in the same contexts (the words one and two places to their
left and right) land in the same cluster, so a company name the labelled sets
never saw ("Indofood") can share a cluster with ones they did ("Telkom").
Method: a lower-cased word × directional-context count matrix, positive PMI
(context distribution smoothed, alpha 0.75), TruncatedSVD, then k-means on the
normalised vectors at several granularities (scikit-learn). The table ships as
``word<TAB>c1<TAB>c2…`` (gzip); lookups are lower-cased, so the clusters help
on lower-cased text too.

Only text we may use goes in: the token column of the licensed NER train files
(idner-news-2k, NERGrit, NERP, the Wikipedia gold), the nlp-id POS corpus
vendored in ``kabar/models/pos`` (MIT), ``stories-multi`` (CC BY 4.0) and the
IndoSum dev fold (CC BY-SA 4.0). Never the evaluation-only sets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kabar.analyse.ner.conll import read_labelled

NER_TRAIN_FILES = ("idner_news_2k.train.tsv", "nergrit.train.tsv", "nerp.train.tsv", "ialfina_wiki_gold.tsv")
GRANULARITIES = (64, 256, 1024)
SOURCES = {
    "ner/ (train files' token column)": "MIT (idner-news-2k), Apache-2.0 (NERGrit, NERP), free use cited (Luthfi et al. 2014)",
    "kabar/models/pos/dataset_postag.txt.gz": "MIT (nlp-id, kumparan)",
    "stories-multi/*.txt": "CC BY 4.0 (Pratiwi, Asmara & Rahutomo 2017)",
    "summaries/indosum.dev.01.jsonl": "CC BY-SA 4.0 (IndoSum, Kurniawan & Louvan 2018)",
}


def ner_sentences(data: Path) -> Iterator[list[str]]:
    for name in NER_TRAIN_FILES:
        path = data / "ner" / name
        if path.is_file():
            for words, _ in read_labelled(path):
                yield words


def pos_sentences() -> Iterator[list[str]]:
    from kabar.analyse.ner.pos import read_tagged

    for words, _ in read_tagged():
        yield words


def story_sentences(data: Path) -> Iterator[list[str]]:
    from kabar.analyse.tokens import sentences, tokenize

    for path in sorted((data / "stories-multi").glob("*.txt")):
        for sentence in sentences(path.read_text(encoding="utf-8")):
            yield [t.text for t in tokenize(sentence)]


def indosum_sentences(data: Path) -> Iterator[list[str]]:
    path = data / "summaries" / "indosum.dev.01.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            for paragraph in json.loads(line)["paragraphs"]:
                yield from paragraph


def unlabelled_sentences(data: Path) -> Iterator[list[str]]:
    """The licensed text with no NER labels: nlp-id's POS corpus, stories-multi, IndoSum's dev fold."""
    for source in (pos_sentences(), story_sentences(data), indosum_sentences(data)):
        yield from source


def corpus(data: Path, lower: bool = True) -> Iterator[list[str]]:
    """Every licensed sentence's words (the NER train files' too), lower-cased unless `lower` is false."""
    for source in (ner_sentences(data), unlabelled_sentences(data)):
        for words in source:
            yield [w.lower() for w in words] if lower else list(words)


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


def load(path: Path) -> dict[str, tuple[str, ...]]:
    """word → its cluster ids as strings (ready to be joined into feature names)."""
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table


@lru_cache(maxsize=1)
def shipped() -> dict[str, tuple[str, ...]]:
    path = Path(str(resources.files("kabar.models.ner"))) / "clusters.tsv.gz"
    return load(path) if path.is_file() else {}


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
