"""The `kabar eval events` scorer on hand-made records, and on the plover dev set when present."""

from __future__ import annotations

import pytest

import json

from kabar.evaluate.plover import Gold, Negative, match, names_agree, score, story_halves


def gold(start, end, type_="COERCE", *, alt=(), actor=("police",), recipient=(), date=None, core=True, h="h1"):
    return Gold("a.txt", start, end, type_, tuple(alt), tuple(actor), tuple(actor), tuple(recipient), tuple(recipient),
                date, False, core, h)


def pred(start, end, type_="COERCE", **fields):
    return {"start": start, "end": end, "type": type_, "actor": fields.get("actor", "police"),
            "actor_text": None, "recipient": fields.get("recipient"), "recipient_text": None,
            "date": fields.get("date"), "background": False}


def test_match_needs_a_quarter_of_the_prediction_inside_and_the_type():
    g = [gold(100, 200)]
    assert match([pred(150, 250)], g) == [(0, 0)]
    assert match([pred(190, 400)], g) == []  # 10 of 210 characters inside
    assert match([pred(100, 200, "CONSULT")], g) == []
    assert match([pred(100, 200, "DEMAND")], [gold(100, 200, alt=("DEMAND",))]) == [(0, 0)]


def test_match_is_one_to_one_largest_overlap_first():
    g = [gold(0, 100), gold(100, 200)]
    assert sorted(match([pred(0, 100), pred(50, 150)], g)) == [(0, 0), (1, 1)]


def test_names_agree_by_token_containment():
    assert names_agree(["Prabowo"], ["Prabowo Subianto"])
    assert names_agree(["Iran", "Israel"], ["Israel", "Iran"])
    assert not names_agree(["Hamas"], ["Israel"])
    assert names_agree([], [])
    assert not names_agree(["Iran"], [])


def test_score_precision_over_all_records_recall_over_core():
    records = [gold(0, 100, date="2025-03-03"), gold(100, 200, core=False, h="h2"), gold(200, 300, h="h3")]
    negatives = [Negative("a.txt", 320, 330, "related-link")]
    preds = {"a.txt": [pred(0, 100, date="2025-03-03"), pred(100, 200, actor="Hamas"), pred(300, 400)]}
    result, per_type = score(preds, records, negatives)
    assert (result.found, result.matched, result.core_matched, result.core) == (3, 2, 1, 2)
    assert result.precision == pytest.approx(2 / 3) and result.recall == pytest.approx(1 / 2)
    assert (result.actor_right, result.date_right) == (1, 2)  # no date on both sides agrees
    assert (result.on_negatives, result.on_related) == (1, 1)
    assert per_type["COERCE"][:4] == (3, 2, 3, 2)


def test_story_halves_keep_each_story_whole_and_deal_stories_alternately(tmp_path):
    rows = [("a1.txt", "riots"), ("a2.txt", "riots"), ("b1.txt", "visit"), ("c1.txt", "arrest"), ("d1.txt", None)]
    (tmp_path / "files.jsonl").write_text(
        "".join(json.dumps({"file": f, "story": s}) + "\n" for f, s in rows), encoding="utf-8"
    )
    halves = story_halves(tmp_path)
    assert halves["a1.txt"] == halves["a2.txt"]  # one story, one half
    # sorted stories: arrest, d1.txt (a file without a story is its own), riots, visit
    assert [halves[f] for f in ("c1.txt", "d1.txt", "a1.txt", "b1.txt")] == ["A", "B", "A", "B"]


@pytest.mark.shared
def test_plover_dev_scores_above_floor(shared_dir):
    from kabar.evaluate.plover import evaluate

    boards = evaluate(shared_dir / "data", shared_dir / "data")
    rows = {row[0]: row for row in boards[0].rows}
    kabar, anchor = rows["Kabar"], rows["every lexicon word (anchor)"]
    precision, recall, f1 = kabar[4:7]
    assert f1 >= FLOOR_F1 and precision >= FLOOR_P
    assert precision > anchor[4] + 0.1  # the assertion checks and role rules buy precision …
    assert kabar[12] < anchor[12] / 2  # … and far fewer extra events per gold event
    assert kabar[15] == 0  # no event from a related-article link


# Measured 2026-12-08 after the codebook pass and two rounds of rules (in-sample): F1 0.653, P 0.857,
# R 0.527. Held out: story half B F1 0.453 after round 1 (A read), half A 0.675 after round 2 (B read).
# Before: F1 0.421, P 0.727. The anchor: F1 0.596, P 0.529, 1.15 extra events per gold event.
FLOOR_F1 = 0.62
FLOOR_P = 0.80
