"""The command line's own contract: version, help, and the eval entry point."""

from __future__ import annotations

from typer.testing import CliRunner

from kabar import __version__
from kabar.cli import app

runner = CliRunner()


def test_cli_version_prints_package_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kabar {__version__}"


def test_cli_help_lists_every_contract_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "extract", "ner", "timex", "quotes", "cluster", "summarize", "eval", "search", "serve", "export"):
        assert command in result.stdout


def test_cli_eval_rejects_unknown_task(tmp_path):
    result = runner.invoke(app, ["eval", "nonsense", "--data", str(tmp_path)])
    assert result.exit_code == 2
