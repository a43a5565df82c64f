"""`kabar extract`: contract JSON Lines on stdout, failures on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kabar.cli import app

FIELDS = {"id", "source", "url", "outlet", "title", "published", "authors", "dateline", "language", "body",
          "sources_cited"}


def test_cli_extract_samples_contract(sample_paths: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    result = CliRunner().invoke(app, ["extract", str(sample_paths[0]), str(missing), "--url",
                                      "https://internasional.kompas.com/read/2021/03/23/x"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    article = lines[0]
    assert FIELDS <= set(article)
    assert article["outlet"] == "Kompas.com" and article["url"].startswith("https://internasional.kompas.com")
    assert article["published"] == "2021-03-23T18:31+07:00"
    assert all(a["role"] in {"writer", "reporter", "editor", "contributor"} for a in article["authors"])
    assert "missing.html" in result.stderr and "no such file" in result.stderr


def test_cli_extract_nothing_processed_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(empty)])
    assert result.exit_code != 0
    assert "empty file" in result.stderr
