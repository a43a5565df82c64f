"""`kabar run` end to end on the five samples: stored, reported, idempotent, robust."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import open_store

runner = CliRunner()


def _stored(db: str) -> dict[str, tuple]:
    store = open_store(db)
    try:
        return {a.article.id: a.article.body for a in store.analysed_articles()}
    finally:
        store.close()


def test_run_stores_articles_and_writes_report(tmp_path, sample_paths):
    db, report = str(tmp_path / "k.db"), tmp_path / "report.html"
    result = runner.invoke(app, ["run", str(sample_paths[0].parent), "--db", db, "--report", str(report), "-q"])
    assert result.exit_code == 0, result.output
    bodies = _stored(db)
    assert len(bodies) == 5
    assert not any(p.lower().startswith("baca juga") for body in bodies.values() for p in body)
    html = report.read_text(encoding="utf-8")
    assert "Xi Jinping dan Kim Jong Un Bertukar Pesan" in html
    assert "Baca juga:" in html  # shown under "removed as boilerplate", not in bodies
    assert "also carried by:" in html  # Xi's words carried by Sragen Update and CNBC Indonesia


def test_run_twice_changes_nothing(tmp_path, sample_paths):
    db = str(tmp_path / "k.db")
    runner.invoke(app, ["run", *map(str, sample_paths), "--db", db, "-q"])
    first = _stored(db)
    runner.invoke(app, ["run", *map(str, sample_paths), "--db", db, "-q"])
    assert _stored(db) == first


def test_run_bad_input_is_reported_and_batch_goes_on(tmp_path, sample_paths):
    (tmp_path / "rusak.html").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "kosong.txt").write_text("")
    db = str(tmp_path / "k.db")
    result = runner.invoke(app, ["run", str(tmp_path / "rusak.html"), str(tmp_path / "kosong.txt"), str(sample_paths[0]), "--db", db, "-q"])
    assert result.exit_code == 0
    assert "rusak.html" in result.stderr and "kosong.txt" in result.stderr
    assert len(_stored(db)) == 1
    store = open_store(db)
    try:
        assert {f.source.rsplit("/", 1)[-1] for f in store.failures()} >= {"rusak.html", "kosong.txt"}
    finally:
        store.close()


def test_run_nothing_processed_exits_non_zero(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "k.db"), "-q"])
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "option, says",
    [
        (["--report", "/nonexistent/dir/r.html"], "--report /nonexistent/dir/r.html: its folder /nonexistent/dir does not exist"),
        (["--report", "."], "--report .: is a directory"),
        (["--db", "/nonexistent/kabar.db"], "--db /nonexistent/kabar.db: its folder /nonexistent does not exist"),
        (["--executor", "spark"], "--executor: unknown executor 'spark'"),
    ],
)
def test_run_bad_options_fail_before_any_work(tmp_path, sample_paths, monkeypatch, option, says):
    import kabar.pipeline

    def never(*args, **kwargs):
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr(kabar.pipeline, "run", never)
    args = ["run", *map(str, sample_paths), "--db", str(tmp_path / "kabar.db"), *option]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert says in result.stderr and "Traceback" not in result.output


def test_run_ray_missing_is_one_line(tmp_path, sample_paths, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed: `import ray` fails
    result = runner.invoke(app, ["run", str(sample_paths[0]), "--db", str(tmp_path / "kabar.db"), "--executor", "ray"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("kabar run: --executor ray") and "pip install 'kabar[scale]'" in line
    assert not (tmp_path / "kabar.db").exists()
