"""`kabar alert`: add a saved search, list how many new articles match, show and mark them, remove."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kabar.cli import app
from kabar.records import Linking
from kabar.store import open_store
from tests.store import factory

runner = CliRunner()


def test_alert_cli_round_trip(tmp_path):
    db = factory.filled_db(tmp_path / "kabar.db", [factory.analysed("kompas")], linked=Linking())
    added = runner.invoke(app, ["alert", "add", "pesan-korea", "pesan Korea -banjir", "--db", db])
    assert added.exit_code == 0, added.output
    assert "1 article(s) match it now" in added.stdout
    assert runner.invoke(app, ["alert", "list", "--db", db]).stdout == "pesan-korea\t0 new\tpesan Korea -banjir\n"
    with open_store(db) as store:  # a later run
        store.upsert_analysed(factory.analysed("sragen"))
        store.upsert_analysed(factory.analysed("tribun"))  # says "banjir": left out by the query
    assert runner.invoke(app, ["alerts", "list", "--db", db]).stdout.startswith("pesan-korea\t1 new")
    shown = runner.invoke(app, ["alert", "show", "pesan-korea", "--db", db, "--json"])
    [row] = [json.loads(x) for x in shown.stdout.splitlines()]
    assert row["id"] == factory.article_id("sragen") and row["outlet"] == "Sragen Update"
    assert "no new articles" in runner.invoke(app, ["alert", "show", "pesan-korea", "--db", db]).stdout  # now seen
    assert runner.invoke(app, ["alert", "remove", "pesan-korea", "--db", db]).exit_code == 0
    assert "no alerts" in runner.invoke(app, ["alert", "list", "--db", db]).stdout


def test_alert_cli_errors_are_one_line(tmp_path):
    db = factory.filled_db(tmp_path / "kabar.db", [factory.analysed("kompas")], linked=Linking())
    bad = runner.invoke(app, ["alert", "add", "x", "(china", "--db", db])
    assert bad.exit_code == 2 and "never closed" in bad.stderr
    assert runner.invoke(app, ["alert", "show", "tidak-ada", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["alert", "list", "--db", str(tmp_path / "none.db")]).exit_code == 1
