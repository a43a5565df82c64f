"""`kabar eval --check`: boards flattened into named scores, and each floor's verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.evaluate.check import Score, check, failed, scores_of, set_from_title, unfloored
from kabar.evaluate.floors import Floor
from kabar.evaluate.scoreboard import Scoreboard

_NER = Scoreboard(
    "NER: entity-level micro P/R/F1 (exact span and type) per dev file",
    ("dev file", "P", "R", "F1", "F1 ORG", "held-out F1†", "anchor F1"),
    (("nergrit†", 0.87, 0.86, 0.863, 0.76, 0.787, 0.776), ("nerp*†", 0.86, 0.82, 0.838, None, 0.819, None)),
)
_QUOTES = Scoreboard(
    "quotes: the five samples' gold",
    ("set", "system", "gold", "found", "F1", "speaker acc"),
    (("samples (38)", "quote marks only (baseline)", 38, 18, 0.357, 0.4), ("samples (38)", "Kabar", 38, 34, 0.889, None)),
)
_TIMEX = Scoreboard("timex: detection", ("set / system", "gold", "relaxed F1"), (("IndoTimex · kabar", 84, 1.0),))
_CLUSTER = Scoreboard("cluster", ("set", "level", "system", "B³ F1"), (("events", "stories", "kabar", 0.958),))
_EXTRACT = Scoreboard("extract: dev pages (page text, /x/data/extract)", ("system", "pages", "body F1"),
                      (("kabar", 10, 0.997), ("trafilatura", 10, float("nan"))))


def _floor(task: str, set_name: str, system: str, metric: str, floor: float, needs: str | None = None) -> Floor:
    return Floor(task, set_name, system, metric, floor, 0.01, needs)


def test_check_scores_of_names_set_system_and_metric() -> None:
    got = {s.key: s.value for s in scores_of("ner", [_NER]) + scores_of("quotes", [_QUOTES])}
    assert got[("ner", "nergrit", "kabar", "F1")] == 0.863
    assert got[("ner", "nerp", "kabar", "F1")] == 0.838  # footnote marks are not part of the name
    assert ("ner", "nerp", "kabar", "F1 ORG") not in got  # an empty cell is no score
    assert ("ner", "nergrit", "kabar", "anchor F1") not in got  # quoted figures are not measured here
    assert ("ner", "nergrit", "kabar", "held-out F1†") not in got
    assert got[("quotes", "samples (38)", "Kabar", "F1")] == 0.889
    assert ("quotes", "samples (38)", "Kabar", "found") not in got  # counts are not scores
    assert got[("quotes", "samples (38)", "quote marks only (baseline)", "speaker acc")] == 0.4


def test_check_scores_of_split_joined_labels_and_levels() -> None:
    assert [s.key for s in scores_of("timex", [_TIMEX])] == [("timex", "IndoTimex", "kabar", "relaxed F1")]
    assert [s.key for s in scores_of("cluster", [_CLUSTER])] == [("cluster", "events / stories", "kabar", "B³ F1")]
    # the set from the title; the NaN of a system that found nothing is no score
    assert [s.key for s in scores_of("extract", [_EXTRACT])] == [("extract", "dev page text", "kabar", "body F1")]


@pytest.mark.parametrize(
    ("title", "set_name"),
    [
        ("extract: dev pages (HTML, /work/shared/data/extract)", "dev HTML"),
        ("extract: five samples vs gold", "samples"),
        ("summaries: ROUGE F1 on IndoSum dev (716 articles, 3 sentences)", "IndoSum dev"),
        ("events: PLOVER codes", "events: PLOVER codes"),  # an unknown board: its whole title
    ],
)
def test_check_set_from_title(title: str, set_name: str) -> None:
    assert set_from_title(title) == set_name


def test_check_verdicts_ok_below_missing_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "nergrit.valid.tsv").write_text("", encoding="utf-8")
    scores = scores_of("ner", [_NER])
    floors = [
        _floor("ner", "nergrit", "kabar", "F1", 0.87, "data:ner/nergrit.valid.tsv"),  # 0.863 >= 0.87 - 0.01
        _floor("ner", "nergrit", "kabar", "F1 ORG", 0.80, "data:ner/nergrit.valid.tsv"),  # 0.76 < 0.79
        _floor("ner", "nergrit", "kabar", "F1 LOC", 0.80, "data:ner/nergrit.valid.tsv"),  # set there, no score
        _floor("ner", "nerui", "kabar", "F1", 0.83, "data:ner/nerui.fold1.dev.tsv"),  # set absent
        _floor("quotes", "samples (38)", "Kabar", "F1", 0.99, "gold:quotes.jsonl"),  # task not run
    ]
    verdicts = check(floors, scores, tasks=["ner"], data=tmp_path, gold=tmp_path / "gold")
    assert [v.status for v in verdicts] == ["ok", "below", "missing", "skipped"]
    assert [v.floor.metric for v in failed(verdicts)] == ["F1 ORG", "F1 LOC"]
    assert "0.760 < 0.800 - 0.010" in verdicts[1].describe()
    assert "nerui.fold1.dev.tsv is absent" in verdicts[3].describe()


def test_check_two_scores_under_one_name_must_both_pass(tmp_path: Path) -> None:
    scores = [Score("x", "s", "kabar", "F1", 0.95), Score("x", "s", "kabar", "F1", 0.70)]
    verdicts = check([_floor("x", "s", "kabar", "F1", 0.9)], scores, tasks=["x"], data=tmp_path, gold=tmp_path)
    assert (verdicts[0].status, verdicts[0].value) == ("below", 0.70)


def test_check_unfloored_lists_only_kabar_scores_without_a_floor() -> None:
    scores = scores_of("quotes", [_QUOTES])
    # the baseline's scores are not Kabar's; Kabar's empty speaker accuracy is no score
    assert [s.key for s in unfloored([], scores)] == [("quotes", "samples (38)", "Kabar", "F1")]
    assert unfloored([_floor("quotes", "samples (38)", "Kabar", "F1", 0.88)], scores) == []


# --- the command, on a made-up IndoTimex file (no ../shared needed) ---------------------------------

runner = CliRunner()
_TEXT = "Rapat itu digelar pada 5 Maret 2021 di Jakarta."


def _timex_data(tmp_path: Path, gold_span: str) -> Path:
    start = _TEXT.index(gold_span)
    doc = {"doc": "d1", "text": _TEXT, "anchor": "2021-03-01",
           "timexes": [{"start": start, "end": start + len(gold_span), "type": "DATE", "value": "2021-03-05"}]}
    (tmp_path / "timex").mkdir(parents=True)
    (tmp_path / "timex" / "timex.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    return tmp_path


def _floors_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "floors.toml"
    path.write_text("tolerance = 0.01\n" + body, encoding="utf-8")
    return path


_TIMEX_FLOORS = """
[timex."IndoTimex (Kompas 2014-15)"]
needs = "data:timex/timex.jsonl"
kabar = { "strict F1" = 1.0, "value acc" = 1.0 }

[timex."samples gold (5 pages)"]
needs = "gold:timex.jsonl"
kabar = { "strict F1" = 1.0 }
"""


def _eval(data: Path, floors: Path):
    return runner.invoke(app, ["eval", "timex", "--data", str(data), "--gold", str(data / "none"),
                               "--check", "--floors", str(floors)])


def test_check_cli_passes_and_skips_absent_sets(tmp_path: Path) -> None:
    data = _timex_data(tmp_path / "data", "5 Maret 2021")
    result = _eval(data, _floors_file(tmp_path, _TIMEX_FLOORS))
    assert result.exit_code == 0, result.output
    assert "floors: 2 ok, 0 below, 0 missing, 1 skipped" in result.output


def test_check_cli_fails_naming_the_score_below_its_floor(tmp_path: Path) -> None:
    # the gold span is cut short of the expression Kabar tags whole, so strict F1 falls to 0
    data = _timex_data(tmp_path / "data", "Maret 2021")
    result = _eval(data, _floors_file(tmp_path, _TIMEX_FLOORS))
    assert result.exit_code == 1
    assert "below: timex · IndoTimex (Kompas 2014-15) · kabar · strict F1 = 0.000" in result.output


def test_check_cli_fails_on_a_score_it_no_longer_produces(tmp_path: Path) -> None:
    data = _timex_data(tmp_path / "data", "5 Maret 2021")
    renamed = _TIMEX_FLOORS.replace('"value acc"', '"value accuracy"')
    result = _eval(data, _floors_file(tmp_path, renamed))
    assert result.exit_code == 1
    assert "missing: timex · IndoTimex (Kompas 2014-15) · kabar · value accuracy" in result.output


def test_check_cli_refuses_a_broken_floors_file(tmp_path: Path) -> None:
    data = _timex_data(tmp_path / "data", "5 Maret 2021")
    result = _eval(data, _floors_file(tmp_path, "[timex\n"))
    assert result.exit_code == 2
    assert "cannot read the floors file" in result.output


def test_check_cli_fails_when_a_task_crashes(tmp_path: Path, monkeypatch) -> None:
    import kabar.evaluate.timex as timex_eval

    def crash(data: Path, gold: Path):
        raise RuntimeError("tagger broke")

    monkeypatch.setattr(timex_eval, "evaluate", crash)
    data = _timex_data(tmp_path / "data", "5 Maret 2021")
    result = _eval(data, _floors_file(tmp_path, _TIMEX_FLOORS))
    assert result.exit_code == 1
    assert "timex: failed: RuntimeError: tagger broke" in result.output
    assert "floors: 0 ok, 0 below, 2 missing, 1 skipped" in result.output
