"""`kabar summarize`: one article's sentences as the contract prints them; a directory: every article."""

from __future__ import annotations

from typer.testing import CliRunner

from kabar.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()


def test_summarize_one_article_prints_its_sentences_only():
    path = SAMPLES / "000_417dfa9600344913.txt"
    result = runner.invoke(app, ["summarize", str(path), "-n", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and not any(line.startswith("==>") for line in lines)
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert all(line in text for line in lines)  # sentences of the article, whitespace folded
    assert lines[0].startswith("Para pemimpin China dan Korea Utara")  # the lead, dateline cut


def test_summarize_a_directory_summarises_every_article():
    result = runner.invoke(app, ["summarize", str(SAMPLES), "-n", "1"])
    assert result.exit_code == 0, result.output
    blocks = result.stdout.strip().split("\n\n")
    files = sorted(SAMPLES.glob("*.txt"))
    assert len(blocks) == len(files) == 5
    for block, path in zip(blocks, files):
        header, sentence = block.splitlines()
        assert header == f"==> {path} <=="
        assert sentence in " ".join(path.read_text(encoding="utf-8").split())


def test_summarize_nothing_readable_exits_non_zero(tmp_path):
    result = runner.invoke(app, ["summarize", str(tmp_path / "tidak-ada.txt")])
    assert result.exit_code == 1 and "tidak-ada.txt" in result.stderr
    (tmp_path / "kosong.txt").write_text("", encoding="utf-8")
    assert runner.invoke(app, ["summarize", str(tmp_path)]).exit_code == 1
