"""CoNLL-style token files: the first column of each line is a token, a blank line ends a sentence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def read_sentences(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of rows (the whitespace-separated columns of each line)."""
    rows: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if rows:
                yield rows
                rows = []
            continue
        rows.append(cols)
    if rows:
        yield rows


def read_labelled(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, labels) per sentence of a `token<TAB>label` file (label = last column)."""
    with open(path, encoding="utf-8") as handle:
        return [([r[0] for r in rows], [r[-1] for r in rows]) for rows in read_sentences(handle)]


def bio_spans(labels: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) of a BIO sequence; a stray I- opens a span."""
    spans: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, tag = label.partition("-")
        continues = prefix == "I" and tag == kind and start >= 0
        if not continues:
            if start >= 0:
                spans.add((start, i, kind))
            start, kind = (i, tag) if prefix in ("B", "I") else (-1, "")
    return spans
