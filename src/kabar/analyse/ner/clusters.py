"""Read the NER tagger's word-cluster table (``word<TAB>c1<TAB>c2…``, gzip).

Words that occur in the same contexts share a cluster, so a company name the
labelled sets never saw can share one with names they did. The table is built
at training time by ``kabar_train.ner.clusters`` and ships beside the model;
the run time only reads it.
"""

from __future__ import annotations

import gzip
from pathlib import Path


def load(path: Path) -> dict[str, tuple[str, ...]]:
    """word → its cluster ids as strings (ready to be joined into feature names)."""
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table
