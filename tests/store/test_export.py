"""Exports: one file per kind in each format, the same rows in all three."""

from __future__ import annotations

import csv
import json

import pytest

from kabar.store import open_store
from kabar.store.export import FORMATS, KINDS, export
from tests.store import factory
from tests.store.conftest import BACKENDS, backend_url


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):
    s = factory.fill(open_store(backend_url(request.param, request, tmp_path_factory.mktemp("export"))))
    yield s
    s.close()


def _counts(items):
    return {
        "articles": len(items),
        "entities": len({e.id for a in items for e in a.entities}),
        "mentions": sum(len(a.mentions) for a in items),
        "timexes": sum(len(a.timexes) for a in items),
        "quotes": sum(len(a.quotes) for a in items),
        "events": 3,
        "stories": 2,
        "reuse": 1,
        "quote_links": 0,
        "coded_events": sum(len(factory.coded(a)) for a in items),
    }


def _read(path, fmt: str) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    pq = pytest.importorskip("pyarrow.parquet")
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_every_kind_with_every_row(store, tmp_path, fmt):
    written = export(store, tmp_path / "out", fmt)
    assert set(written) == set(KINDS)
    assert {kind: len(_read(path, fmt)) for kind, path in written.items()} == _counts(factory.corpus())


def test_export_jsonl_keeps_nesting_and_placement(store, tmp_path):
    written = export(store, tmp_path / "out", "jsonl")
    article = _read(written["articles"], "jsonl")[0]
    assert article["body"] == list(factory.BODIES["kompas"])
    assert article["event"] == "ev-pesan-2021-03" and article["story"] == "st-china-korut"
    assert _read(written["stories"], "jsonl")[0]["timeline"][0]["background"] is True


def test_export_csv_writes_lists_as_json(store, tmp_path):
    written = export(store, tmp_path, "csv")
    assert json.loads(_read(written["quotes"], "csv")[0]["via"]) == ["KCNA"]
    assert _read(written["articles"], "csv")[0]["title"].startswith("Xi Jinping dan Kim Jong Un")


def test_export_parquet_keeps_structs(store, tmp_path):
    written = export(store, tmp_path, "parquet")
    assert _read(written["articles"], "parquet")[2]["authors"] == [
        {"name": "Namira Yunia Lestanti", "role": "reporter"},
        {"name": "Seno Tri Sulistiyono", "role": "editor"},
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_quote_links_name_every_carrier_first_one_marked(tmp_path, fmt):
    with factory.fill(open_store(tmp_path / "q.db"), factory.quoted_twice(), quote_links=True) as s:
        written = export(s, tmp_path / "out", fmt)
    [group] = _read(written["quote_links"], fmt)
    carriers = json.loads(group["carriers"]) if fmt == "csv" else group["carriers"]
    assert group["speaker"] == "Xi Jinping"
    assert [(c["outlet"], c["first"]) for c in carriers] == [("Kompas.com", True), ("Sragen Update", False)]


def test_export_empty_store(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    s = open_store(tmp_path / "empty.db")
    written = export(s, tmp_path / "out", "parquet")
    s.close()
    assert all(pq.read_table(p).num_rows == 0 for p in written.values())


def test_export_rejects_unknown_format(store, tmp_path):
    with pytest.raises(ValueError):
        export(store, tmp_path, "xlsx")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_files_equal_on_sqlite_and_postgresql(postgres, tmp_path, fmt):
    """The same records stored on both backends export byte for byte the same files (order included)."""
    twice = factory.quoted_twice()  # Kompas and Sragen Update carrying one quotation: a quote link too
    items = twice + [a for a in factory.corpus() if a.article.id not in {x.article.id for x in twice}]
    files = {}
    for backend, url in (("sqlite", str(tmp_path / "k.db")), ("postgresql", postgres.fresh())):
        with factory.fill(open_store(url), items, quote_links=True) as s:
            written = export(s, tmp_path / backend, fmt)
        files[backend] = {kind: path.read_bytes() for kind, path in written.items()}
    assert files["sqlite"] == files["postgresql"]
    assert all(files["sqlite"][kind] for kind in ("articles", "entities", "quotes", "events", "quote_links", "coded_events"))


# The columns a GDELT user looks for, in one row per event mention.
GDELT_LIKE = ["date", "actor", "actor_text", "type", "mode", "recipient", "recipient_text", "location", "source_url", "sentence"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_coded_events_gdelt_columns(store, tmp_path, fmt):
    written = export(store, tmp_path / "out", fmt)
    rows = _read(written["coded_events"], fmt)
    assert set(GDELT_LIKE) <= set(rows[0])
    meeting = next(r for r in rows if r["type"] == "CONSULT")
    assert (meeting["date"], meeting["actor"], meeting["recipient"]) == ("2021-03-23", "Kim Jong Un", "Xi Jinping")
    assert meeting["source_url"] == factory.META["kompas"]["url"]
    assert "bertukar pesan dengan Xi Jinping" in meeting["sentence"]
    welcome = [r for r in rows if r["type"] == "SUPPORT"]
    assert len({r["event_id"] for r in welcome}) == 1 and {r["outlet"] for r in welcome} == {"Kompas.com", "Sragen Update"}
    # background is a real boolean in JSON Lines and Parquet, "False" in CSV
    assert {str(r["background"]) for r in rows} == {"False"}


def test_export_coded_events_compound_actor_is_one_joined_name(tmp_path):
    from dataclasses import replace

    kompas = factory.analysed("kompas")
    meeting = replace(factory.coded(kompas)[0], type="AGREE", actor=("China", "Korea Utara"), actor_text=("China", "Korea Utara"))
    with open_store(tmp_path / "c.db") as s:
        s.upsert_analysed(kompas, (meeting,))
        written = export(s, tmp_path / "out", "csv")
    [row] = _read(written["coded_events"], "csv")
    assert row["actor"] == "China; Korea Utara" and row["actor_text"] == "China; Korea Utara"
