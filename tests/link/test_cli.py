import json

from typer.testing import CliRunner

from kabar.cli import app

runner = CliRunner()


def test_cli_cluster_prints_contract_fields(sample_paths):
    result = runner.invoke(app, ["cluster", *map(str, sample_paths)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(sample_paths)
    assert all({"id", "source", "event", "story"} <= set(r) for r in rows)
    assert len({r["story"] for r in rows}) == 1  # one story: China–North Korea relations


def test_cli_summarize_prints_n_lines(sample_paths):
    result = runner.invoke(app, ["summarize", str(sample_paths[0]), "--sentences", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(lines)
