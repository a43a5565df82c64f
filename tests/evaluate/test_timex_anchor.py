"""`kabar eval timex` scores dateparser beside Kabar only when it is installed (an extra, not a core dependency)."""

from __future__ import annotations

import json

import kabar.evaluate.timex as timex_eval


def _one_doc(tmp_path):
    text = "Rapat itu digelar pada 5 Maret 2021 di Jakarta."
    start = text.index("5 Maret 2021")
    doc = {"doc": "d1", "text": text, "anchor": "2021-03-01",
           "timexes": [{"start": start, "end": start + len("5 Maret 2021"), "type": "DATE", "value": "2021-03-05"}]}
    (tmp_path / "timex").mkdir()
    (tmp_path / "timex" / "timex.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return tmp_path


def test_timex_eval_says_the_anchor_is_unavailable_without_dateparser(tmp_path, monkeypatch):
    monkeypatch.setattr(timex_eval, "find_spec", lambda name: None)
    board = timex_eval.evaluate(_one_doc(tmp_path), tmp_path / "no-gold")[0]
    assert [row[0] for row in board.rows] == [
        "IndoTimex (Kompas 2014-15) · kabar", f"IndoTimex (Kompas 2014-15) · {timex_eval.HELD_OUT}",
        f"IndoTimex (Kompas 2014-15) · {timex_eval.HELD_OUT_DEV}"]
    assert board.rows[0][timex_eval.COLUMNS.index("value acc")] == 1.0
    assert any("dateparser is not installed" in note for note in board.notes)


def test_timex_eval_lists_dateparser_when_it_is_installed(monkeypatch):
    monkeypatch.setattr(timex_eval, "find_spec", lambda name: object())
    assert [name for name, _ in timex_eval.systems()] == ["kabar", "dateparser search_dates"]
