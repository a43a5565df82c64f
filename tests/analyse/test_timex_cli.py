"""`kabar timex` and `kabar eval timex` against the contract."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kabar.cli import app

RUNNER = CliRunner()
TEXT = "Pertemuan digelar di Beijing, Senin (22/3/2021), sehari setelah akhir pekan lalu. Rapat berlangsung 48 jam."


def test_timex_cli_prints_contract_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = RUNNER.invoke(app, ["timex", "--anchor", "2021-03-23", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0] == {"text": "Senin (22/3/2021)", "start": 30, "end": 47, "type": "DATE", "value": "2021-03-22"}
    start = TEXT.index("akhir pekan lalu")
    assert {"text": "akhir pekan lalu", "start": start, "end": start + 16, "type": "DATE", "value": "2021-W11-WE"} in rows
    assert rows[-1]["value"] == "PT48H"
    for row in rows:
        assert TEXT[row["start"]:row["end"]] == row["text"]


def test_timex_cli_reads_stdin_and_timestamp_anchor():
    result = RUNNER.invoke(app, ["timex", "--anchor", "2021-03-23T18:31+07:00", "-"], input="Gempa terjadi kemarin.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["value"] == "2021-03-22"


def test_timex_cli_rejects_bad_anchor_and_missing_file(tmp_path):
    assert RUNNER.invoke(app, ["timex", "--anchor", "kemarin", "-"], input="x").exit_code == 2
    assert RUNNER.invoke(app, ["timex", "--anchor", "2021-03-23", str(tmp_path / "none.txt")]).exit_code == 1


def test_timex_eval_scores_both_gold_sets(shared_dir):
    from kabar.evaluate.timex import evaluate

    boards = evaluate(shared_dir / "data", shared_dir / "samples" / "gold")
    rows = {row[0]: row for row in boards[0].rows}
    kabar_samples = rows["samples gold (5 pages) · kabar"]
    assert kabar_samples[1] == 27
    relaxed_f1, value_acc = kabar_samples[8], kabar_samples[9]
    assert relaxed_f1 >= 0.96 and value_acc >= 0.96  # measured 1.000 / 1.000: one miss of 27 at most
    indotimex = rows["IndoTimex (Kompas 2014-15) · kabar"]
    assert indotimex[8] >= 0.97 and indotimex[9] >= 0.91  # measured 0.994 / 0.952 on 84 expressions
    assert any("dateparser" in name for name in rows)
