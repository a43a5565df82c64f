"""`kabar quotes PATH...`: contract fields, offsets into the body, bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kabar.cli._app import app
from kabar.cli import quotes as _quotes  # noqa: F401  (registers the command)

FIELDS = {"article", "speaker", "speaker_text", "quote", "kind", "cue", "via", "start", "end"}


def test_quotes_cli_contract_fields(tmp_path):
    page = tmp_path / "a.jsonl"
    text = (
        "JAKARTA, KOMPAS.com - Menteri Kesehatan Budi Gunadi Sadikin mengatakan bahwa vaksinasi akan dipercepat.\n\n"
        "“Kami sudah menyiapkan sepuluh juta dosis untuk daerah,” kata Budi di Jakarta, Senin (22/3/2021)."
    )
    page.write_text(json.dumps({"id": "x1", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(page)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and all(set(r) >= FIELDS for r in rows)
    direct = [r for r in rows if r["kind"] == "direct"]
    assert direct and direct[0]["quote"] == "Kami sudah menyiapkan sepuluh juta dosis untuk daerah"
    assert direct[0]["cue"] == "kata"


def test_quotes_cli_prints_indirect_speech_unless_direct_only(tmp_path):
    page = tmp_path / "a.jsonl"
    text = "Menteri Keuangan Sri Mulyani mengatakan bahwa defisit anggaran masih terkendali tahun ini."
    page.write_text(json.dumps({"id": "x2", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    every = CliRunner().invoke(app, ["quotes", str(page)])
    direct_only = CliRunner().invoke(app, ["quotes", "--direct-only", str(page)])
    assert every.exit_code == 0 and direct_only.exit_code == 0
    assert direct_only.stdout.strip() == ""
    rows = [json.loads(line) for line in every.stdout.splitlines() if line.strip()]
    assert [r["kind"] for r in rows] == ["indirect"]
    assert rows[0]["speaker"] == "Sri Mulyani"


def test_quotes_cli_bad_input_exits_nonzero(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(bad)])
    assert result.exit_code != 0
