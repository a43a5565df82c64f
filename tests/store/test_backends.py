"""SQLite and PostgreSQL hold the same run: `kabar run` on the samples, then export, search, serve on both."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import open_store
from kabar.store.db import database_url
from kabar.web.app import create_app

runner = CliRunner()

# words, a phrase, OR, an excluded word, a prefix, title: and outlet: fields, a date span, an entity
QUERIES = (
    "Korea Utara",
    '"kerja sama"',
    "banjir OR rudal",
    "China -Amerika",
    "hubung*",
    "title:pesan",
    "outlet:Kompas.com hubungan",
    "date:2021 China",
    'entity:"Kim Jong Un"',
)


@pytest.fixture(scope="module")
def runs(postgres, sample_paths, tmp_path_factory):
    """The samples run into a SQLite file and into a fresh PostgreSQL schema: {backend: url}."""
    urls = {"sqlite": str(tmp_path_factory.mktemp("run") / "kabar.db"), "postgresql": postgres.fresh()}
    for url in urls.values():
        result = runner.invoke(app, ["run", str(sample_paths[0].parent), "--db", url, "-q"])
        assert result.exit_code == 0, result.output
    return urls


def test_backends_run_exports_the_same_tables(runs, tmp_path):
    files = {}
    for backend, url in runs.items():
        result = runner.invoke(app, ["export", "--db", url, "--out", str(tmp_path / backend)])
        assert result.exit_code == 0, result.output
        files[backend] = {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp_path / backend).iterdir())}
    assert len(files["postgresql"]["articles.jsonl"].splitlines()) == 5
    assert files["postgresql"] == files["sqlite"]


def _search(url: str, query: str) -> list[dict]:
    result = runner.invoke(app, ["search", query, "--db", url, "--json", "--limit", "50"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("query", QUERIES)
def test_backends_search_finds_the_same_articles(runs, query):
    found = {backend: _search(url, query) for backend, url in runs.items()}
    assert sorted(h["id"] for h in found["postgresql"]) == sorted(h["id"] for h in found["sqlite"])
    # the same snippets too: they come from the stored text, highlighted by the same stems
    assert {h["id"]: h["snippet"] for h in found["postgresql"]} == {h["id"]: h["snippet"] for h in found["sqlite"]}


def test_backends_search_queries_are_not_vacuous(runs):
    """Most queries above find some but not all of the five articles, so equal answers mean something."""
    counts = [len(_search(runs["postgresql"], q)) for q in QUERIES]
    assert sum(0 < n < 5 for n in counts) >= 5, counts


def test_backends_search_ranks_title_matches_first_on_postgresql(runs):
    """'Banjir' is in the Tribun title; a word in a title outranks the same word in a body."""
    with open_store(runs["postgresql"]) as store:
        assert store.has_fts and store.dialect == "postgresql"
    hits = _search(runs["postgresql"], "hubungan")
    in_title = [h for h in hits if "hubungan" in (h["title"] or "").lower()]
    assert in_title and hits[: len(in_title)] == in_title


def test_backends_web_search_on_postgresql(runs):
    expected = sorted(h["id"] for h in _search(runs["sqlite"], "Korea Utara"))
    with TestClient(create_app(runs["postgresql"])) as client:
        page = client.get("/api/search", params={"q": "Korea Utara", "facets": "true"}).json()
        assert client.get("/api/search", params={"q": '"tidak seimbang'}).status_code == 400
    assert sorted(h["id"] for h in page["results"]) == expected
    assert page["facets"]["counted"] == len(expected) and page["facets"]["outlet"]


def test_backends_plain_postgresql_url_means_psycopg():
    assert database_url("postgresql://u@h:5432/db") == "postgresql+psycopg://u@h:5432/db"
    assert database_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert database_url("postgresql+psycopg2://h/db") == "postgresql+psycopg2://h/db"


API = ("/api/articles", "/api/entities", "/api/quotes", "/api/quotes/links", "/api/events", "/api/stories")


def test_backends_api_lists_answer_the_same(runs):
    """Every list the web API serves (its queries: counts, orders, joins) reads the same on both backends."""
    answers = {}
    for backend, url in runs.items():
        with TestClient(create_app(url)) as client:
            pages = {path: client.get(path, params={"limit": 100}).json() for path in API}
            entity = pages["/api/entities"]["results"][0]["id"]
            pages["entity"] = client.get(f"/api/entities/{entity}").json()
            answers[backend] = pages
    assert answers["postgresql"] == answers["sqlite"]
    assert all(answers["sqlite"][path]["total"] > 0 for path in API)


def test_backends_names_sort_as_on_sqlite(postgres, tmp_path):
    """Entity lists sort by bytes on PostgreSQL too, whatever the server's locale ("Abd" before "abc")."""
    from dataclasses import replace as copy

    from kabar.records import Entity
    from kabar.store.export import export
    from tests.store import factory

    names = ("abc", "Abd", "Ärger", "zeta", "Zeta", "_x")
    item = copy(factory.analysed("kompas"), entities=tuple(Entity(f"e{i}", n, "PER", (n,)) for i, n in enumerate(names)), mentions=(), quotes=())
    found = {}
    for backend, url in (("sqlite", str(tmp_path / "k.db")), ("postgresql", postgres.fresh())):
        with open_store(url) as store:
            store.upsert_analysed(item)
            rows = export(store, tmp_path / backend)["entities"].read_text(encoding="utf-8").splitlines()
            found[backend] = [json.loads(x)["canonical"] for x in rows]
            if store.dialect == "postgresql":
                with store.engine.connect() as conn:
                    # an English locale would sort these otherwise: the column's own collation decides
                    english = conn.exec_driver_sql('SELECT canonical FROM entities ORDER BY canonical COLLATE "und-x-icu"').scalars().all()
                    collation = conn.exec_driver_sql(
                        "SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        "AND table_name = 'entities' AND column_name = 'canonical'"
                    ).scalar()
    assert english != sorted(names) and collation == "C"
    assert found["postgresql"] == found["sqlite"] == sorted(names)
