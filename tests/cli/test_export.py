"""`kabar export`: one file per record kind in the chosen format."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import open_store
from tests.store import factory

runner = CliRunner()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_cli_formats(tmp_path, fmt):
    db = tmp_path / "kabar.db"
    s = open_store(db)
    for a in factory.corpus():
        s.upsert_analysed(a)
    s.close()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for kind in ("articles", "entities", "mentions", "timexes", "quotes", "events", "stories"):
        assert (tmp_path / "out" / f"{kind}.{fmt}").is_file()


def test_export_cli_bad_format(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "xlsx", "--out", str(tmp_path)])
    assert result.exit_code == 2
