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


@pytest.mark.parametrize(
    "query, says",
    [('"tidak seimbang', "unbalanced quote"), ("NEAR((", "never closed"), ("banjir OR", "OR at character 8")],
)
def test_search_cli_malformed_query_is_explained(db, query, says):
    result = runner.invoke(app, ["search", query, "--db", db, "--json"])
    assert result.exit_code == 2
    assert says in result.stderr and "Traceback" not in result.output


def test_search_cli_sql_is_plain_words(db):
    result = runner.invoke(app, ["search", "'; DROP TABLE articles; --", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["search", "banjir", "--db", db, "--json"]).stdout.count("\n") == 1


def test_search_cli_json_snippet_is_plain_text(db):
    result = runner.invoke(app, ["search", "banjir petugas", "--db", db, "--json"])
    snippet = json.loads(result.stdout.splitlines()[0])["snippet"]
    assert "<mark>" not in snippet and "&lt;" not in snippet and "&#x27;" not in snippet
    assert "banjir <script>alert('x')</script> bersama petugas" in snippet


def test_search_cli_operators(db):
    def found(query):
        result = runner.invoke(app, ["search", query, "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        return sorted(json.loads(x)["id"] for x in result.stdout.splitlines())

    kompas, sragen, tribun = (factory.article_id(k) for k in ("kompas", "sragen", "tribun"))
    assert found("banjir OR pesan") == sorted([tribun, kompas, sragen])  # "pesan" is in Sragen's body too
    assert found("banjir OR title:pesan") == sorted([tribun, kompas])
    assert found("China -Kim") == [sragen]
    assert found('"Jakarta Timur"') == [tribun]


def test_search_cli_facets(db):
    result = runner.invoke(app, ["search", "China", "--db", db, "--json", "--facets"])
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 3 and set(lines[-1]) == {"facets"}
    assert {f["value"]: f["count"] for f in lines[-1]["facets"]["outlet"]} == {"Kompas.com": 1, "Sragen Update": 1}
    table = runner.invoke(app, ["search", "China", "--db", db, "--facets"])
    assert "Sragen Update (1)" in table.stdout


def test_search_cli_filters(db):
    result = runner.invoke(app, ["search", "China", "--db", db, "--json", "--outlet", "Sragen Update", "--from", "2021"])
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == [factory.article_id("sragen")]
    bad = runner.invoke(app, ["search", "China", "--db", db, "--from", "kemarin"])
    assert bad.exit_code == 2


def test_search_cli_missing_db(tmp_path):
    result = runner.invoke(app, ["search", "banjir", "--db", str(tmp_path / "tidak-ada.db")])
    assert result.exit_code == 1
    assert not (tmp_path / "tidak-ada.db").exists()
