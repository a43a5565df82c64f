"""The furniture classifier's training side: the labelled sentences read as typed records, the
outlet's repetition counted as a batch counts it, and the threshold rule (no article sentence cut)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kabar.extract.furniture_model import FEATURES
from kabar_train.furniture.data import LABELS, Sentence, matrix, read_labels, repeated_keys
from kabar_train.furniture.train import choose_threshold, score

HEADER = "article\toutlet\tparagraph\tindex\tcount\tlabel\twhy\tsentence\n"


def _row(article: str, index: int, label: str, text: str, count: int = 3) -> str:
    return f"{article}\tcontoh\t0\t{index}\t{count}\t{label}\t\t{text}\n"


def _labels(tmp_path: Path) -> Path:
    promo = "Kamu bisa bergabung dengan komunitas pembaca Contoh.id secara cuma-cuma ."
    rows = []
    for n, lead in enumerate(("Harga beras naik lagi pekan ini .", "Banjir merendam dua desa .",
                              "Gubernur meresmikan jembatan baru .")):
        rows += [_row(f"a{n}", 0, "article", lead), _row(f"a{n}", 1, "article", "Warga mengeluh , kata Ani ."),
                 _row(f"a{n}", 2, "furniture", promo)]
    path = tmp_path / "labels.tsv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_labels_read_as_records_with_place_and_repetition(tmp_path: Path) -> None:
    sentences = read_labels(_labels(tmp_path))
    assert len(sentences) == 9 and all(isinstance(s, Sentence) for s in sentences)
    assert [s.furniture for s in sentences[:3]] == [False, False, True]
    # on three pages of the outlet: the promotion and the repeated quote, not the leads
    repeated = {key for _, key in repeated_keys(sentences)}
    assert repeated == {"warga mengeluh kata ani",
                        "kamu bisa bergabung dengan komunitas pembaca contoh id secara cuma cuma"}
    rows, kept = matrix(sentences)
    assert len(rows) == 9 and len(rows[0]) == len(FEATURES)
    at = FEATURES.index("repeated_closing")
    assert [r[at] for r in rows[:3]] == [0.0, 1.0, 1.0]  # all three close a short body; the lead is not repeated


def test_threshold_is_the_lowest_that_cuts_no_article_sentence() -> None:
    p = np.array([0.10, 0.62, 0.97, 0.99, 0.55])
    y = np.array([False, False, True, True, True])
    t = choose_threshold(p, y)
    assert 0.62 < t <= 0.97
    s = score(y, p >= t)
    assert (s.caught, s.lost, s.keep_rate, s.recall) == (2, 0, 1.0, 2 / 3)


def test_shipped_labels_hold_furniture_of_every_kind() -> None:
    if not LABELS.exists():  # the labels live in the checkout, not in the wheel
        import pytest

        pytest.skip("labels.tsv is not present")
    sentences = read_labels()
    assert len(sentences) > 12_000
    kinds = {s.why for s in sentences if s.furniture}
    assert {"related link", "editor initials", "source credit", "outlet promotion"} <= kinds
    assert sum(s.furniture for s in sentences) > 300
