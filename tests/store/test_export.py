"""Exports: one file per kind in each format, the same rows in all three."""

from __future__ import annotations

import csv
import json

import pytest

from kabar.store import open_store
from kabar.store.export import KINDS, export
from tests.store import factory


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("export") / "kabar.db")
    for a in factory.corpus():
        s.upsert_analysed(a)
    s.save_linking(factory.linking())
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
    }


def test_export_jsonl(store, tmp_path):
    written = export(store, tmp_path / "out", "jsonl")
    assert set(written) == set(KINDS)
    expected = _counts(factory.corpus())
    for kind, path in written.items():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(rows) == expected[kind], kind
    article = json.loads((tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert article["body"] == list(factory.BODIES["kompas"])
    assert article["event"] == "ev-pesan-2021-03" and article["story"] == "st-china-korut"
    story = json.loads((tmp_path / "out" / "stories.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert story["timeline"][0]["background"] is True


def test_export_csv(store, tmp_path):
    written = export(store, tmp_path, "csv")
    with written["quotes"].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3
    assert json.loads(rows[0]["via"]) == ["KCNA"]
    with written["articles"].open(encoding="utf-8", newline="") as fh:
        titles = [r["title"] for r in csv.DictReader(fh)]
    assert titles[0].startswith("Xi Jinping dan Kim Jong Un")


def test_export_parquet(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    written = export(store, tmp_path, "parquet")
    expected = _counts(factory.corpus())
    for kind, path in written.items():
        assert pq.read_table(path).num_rows == expected[kind], kind
    articles = pq.read_table(written["articles"]).to_pylist()
    assert articles[2]["authors"] == [
        {"name": "Namira Yunia Lestanti", "role": "reporter"},
        {"name": "Seno Tri Sulistiyono", "role": "editor"},
    ]


def test_export_empty_store(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    s = open_store(tmp_path / "empty.db")
    written = export(s, tmp_path / "out", "parquet")
    s.close()
    assert all(pq.read_table(p).num_rows == 0 for p in written.values())


def test_export_rejects_unknown_format(store, tmp_path):
    with pytest.raises(ValueError):
        export(store, tmp_path, "xlsx")
