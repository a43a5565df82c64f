from __future__ import annotations

import pytest

from kabar.evaluate.ner import ner_board, score


def test_ner_eval_score_is_exact_span_and_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    predicted = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]  # a short span and a wrong type
    s = score(gold, predicted)
    assert (s["all"].tp, s["all"].predicted, s["all"].gold) == (1, 3, 3)
    assert s["all"].f1 == pytest.approx(1 / 3)
    assert s["LOC"].precision == pytest.approx(0.5) and s["ORG"].recall == 0.0


def test_ner_eval_ignores_types_a_file_does_not_annotate():
    gold = [["B-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "B-ORG", "B-LOC"]]  # NERP has no ORG: the ORG guess is not counted
    assert score(gold, predicted, types=("PER", "LOC"))["all"].f1 == 1.0


@pytest.mark.shared
def test_ner_eval_board_on_dev_files(shared_dir):
    from kabar.analyse.ner.model import trained_on_dev

    board = ner_board(shared_dir / "data")
    rows = {row[0].rstrip("†"): row for row in board.rows}
    assert "nergrit" in rows and "nerui" in rows
    # F1 of the shipped model, 0.03 under the figures measured 2026-12 (idner 0.870, nergrit 0.863,
    # nerp 0.838, nerugm 0.750, nerui 0.831; the first three in-sample, see the † mark)
    floors = {"idner": 0.84, "nergrit": 0.83, "nerp*": 0.81, "nerugm": 0.72, "nerui": 0.80}
    assert {name: row[3] >= floors[name] for name, row in rows.items()} == dict.fromkeys(floors, True)
    # files the shipped model's final fit trained on are marked; evaluation-only ones never are
    assert ("nergrit.valid.tsv" in trained_on_dev()) == rows["nergrit"][0].endswith("†")
    assert not rows["nerui"][0].endswith("†")
