"""`kabar crawl` and `kabar watch` through the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from kabar.cli import app
from kabar.store import open_store

runner = CliRunner()


def test_cli_crawl_prints_outcomes_and_the_summary(server, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(server.sources_toml(sections='["/nasional/"]'), encoding="utf-8")
    db = tmp_path / "kabar.db"
    args = ["crawl", str(sources), "--db", str(db), "--delay", "0", "--timeout", "0.3", "--verbose", "--archive", str(tmp_path / "warc")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert f"fetched 200 feed {server.base}/rss.xml" in result.stderr
    assert "disallowed - page" not in result.stderr  # /rahasia/ is outside the section: never even asked
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("kabar crawl: fetched ") and "new articles 2," in last and "skipped by robots 0" in last
    with open_store(db) as store:
        assert store.count("articles") == 2
    assert list((tmp_path / "warc").glob("*.warc.gz"))

    again = runner.invoke(app, args[:-2])
    assert again.exit_code == 0 and "new articles 0," in again.stderr and "not modified 6" in again.stderr


def test_cli_crawl_exits_non_zero_when_no_source_can_be_read(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[outlet]]\nname = "Mati"\nsitemaps = ["http://127.0.0.1:{port}/sitemap.xml"]\n', encoding="utf-8")
    result = runner.invoke(app, ["crawl", str(sources), "--db", str(tmp_path / "k.db"), "--delay", "0", "--retries", "0"])
    assert result.exit_code == 1 and "crawl.sitemap" in result.stderr


def test_cli_crawl_refuses_a_bad_sources_file_and_date(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[outlet]]\nname = "A"\n', encoding="utf-8")
    result = runner.invoke(app, ["crawl", str(sources), "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 2 and "at least one of" in result.stderr
    sources.write_text('[[outlet]]\nname = "A"\nfeeds = ["http://127.0.0.1:9/rss.xml"]\n', encoding="utf-8")
    assert runner.invoke(app, ["crawl", str(sources), "--since", "kemarin"]).exit_code == 2


def test_cli_watch_runs_the_given_number_of_cycles(server, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(server.sources_toml(sections='["/nasional/"]'), encoding="utf-8")
    result = runner.invoke(app, ["watch", str(sources), "--db", str(tmp_path / "k.db"), "--delay", "0", "--every", "0.1s", "--cycles", "2"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("kabar crawl ")]
    assert lines[0].startswith("kabar crawl 1:") and "new articles 2," in lines[0]
    assert lines[1].startswith("kabar crawl 2:") and "new articles 0," in lines[1]
