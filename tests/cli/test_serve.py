"""`kabar serve`: refuses a missing database file instead of creating an empty one."""

from __future__ import annotations

from typer.testing import CliRunner

from kabar.cli import app

runner = CliRunner()


def test_serve_cli_missing_db(tmp_path):
    missing = tmp_path / "tidak-ada.db"
    result = runner.invoke(app, ["serve", "--db", str(missing), "--port", "8999"])
    assert result.exit_code == 1
    assert "no database" in result.output
    assert not missing.exists()


def test_serve_cli_rejects_bad_port(tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", "70000"])
    assert result.exit_code == 2
