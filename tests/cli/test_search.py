"""`kabar search`: JSON Lines with the contract fields, a Rich table, clean errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from tests.store import factory

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return factory.filled_db(tmp_path_factory.mktemp("cli") / "kabar.db")


def test_search_cli_json(db):
    result = runner.invoke(app, ["search", "pesan", "--db", db, "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 1
    assert set(lines[0]) == {"id", "title", "outlet", "published", "score", "snippet"}
    assert lines[0]["id"] == factory.article_id("kompas")


def test_search_cli_table(db):
    result = runner.invoke(app, ["search", "banjir jakarta", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Banjir Rendam" in result.stdout
    assert "<mark>" not in result.stdout


@pytest.mark.parametrize("query", ['"tidak seimbang', "'; DROP TABLE articles; --", "NEAR(("])
def test_search_cli_malformed_query(db, query):
    result = runner.invoke(app, ["search", query, "--db", db, "--json"])
    assert result.exit_code == 0, result.output


def test_search_cli_filters(db):
    result = runner.invoke(app, ["search", "China", "--db", db, "--json", "--outlet", "Sragen Update", "--from", "2021"])
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == [factory.article_id("sragen")]
    bad = runner.invoke(app, ["search", "China", "--db", db, "--from", "kemarin"])
    assert bad.exit_code == 2


def test_search_cli_missing_db(tmp_path):
    result = runner.invoke(app, ["search", "banjir", "--db", str(tmp_path / "tidak-ada.db")])
    assert result.exit_code == 1
    assert not (tmp_path / "tidak-ada.db").exists()
