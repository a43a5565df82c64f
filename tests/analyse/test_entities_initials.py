"""Initials with dots in a name ("M. AS./M. A", a photo credit) keep the article's entities (issue 23)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kabar.analyse import entities
from kabar.analyse.entities.find import propagate
from kabar.analyse.entities.span import Span
from kabar.analyse.resources import Resources
from kabar.cli import quotes as _quotes  # noqa: F401  (registers the command)
from kabar.cli._app import app
from kabar.pipeline import analyse
from kabar.records import Article

CREDIT = "Foto: M. AS./M. A"
BODY = (
    "Presiden Joko Widodo bertemu Menteri Keuangan Sri Mulyani di Istana Merdeka, Jakarta, Senin.",
    f"{CREDIT}. Kata M. A, pertemuan itu membahas anggaran.",
    "“Kami membahas anggaran tahun depan,” kata Sri Mulyani.",
)


def test_propagate_name_part_with_dots() -> None:
    text = "\n".join(BODY)
    start = text.index("M. AS./M. A")
    spans = propagate(text, [Span(start, start + len("M. AS./M. A"), "PER")], Resources().aliases)  # KeyError 'M' before
    again = [text[s.start : s.end] for s in spans if s.start > start + 12]
    assert again and all(t.startswith("M.") for t in again)


def test_article_with_initials_keeps_its_entities() -> None:
    article = Article(id="a", source="a", body=BODY)
    result = analyse(article)
    assert not result.failures
    names = {e.canonical for e in result.analysed.entities}
    assert any("Joko Widodo" in n for n in names) and any("Sri Mulyani" in n for n in names)
    assert result.analysed.quotes


def test_quotes_cli_reports_a_failing_analyser(tmp_path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise KeyError("M")

    monkeypatch.setattr(entities, "propagate", broken)
    page = tmp_path / "a.jsonl"
    page.write_text(json.dumps({"id": "x", "text": "\n\n".join(BODY)}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(page)])
    assert result.exit_code == 0
    assert "KeyError" in result.stderr and "entities" in result.stderr
