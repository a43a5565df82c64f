"""`kabar events PATH... [--anchor DATE]`: contract fields and offsets (shared/docs/interfaces.md, v2)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kabar.cli import events as _events  # noqa: F401  (registers the command)
from kabar.cli._app import app

FIELDS = {
    "article", "source", "start", "end", "type", "mode", "actor", "actor_text", "recipient", "recipient_text",
    "date", "location", "background", "sentence",
}
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND", "DISAPPROVE",
    "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "CRIME",
}
BODY = (
    "MEDAN, KOMPAS.com - Polisi menangkap tiga tersangka di Medan, Senin (3/3/2025). "
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT "
    "Presiden Prabowo Subianto bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Jakarta, Selasa (4/3/2025). "
    "Baca juga:Polisi Tangkap Pengedar Narkoba di Bali Warga sekitar menyaksikan kejadian itu. "
    "Presiden Prabowo akan berkunjung ke Jepang pekan depan."
)


def _rows(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_cli_bare_txt_offsets_index_the_file(tmp_path):
    path = tmp_path / "body.txt"
    path.write_bytes(BODY.encode("utf-8"))
    result = CliRunner().invoke(app, ["events", "--anchor", "2025-03-05", str(path)])
    assert result.exit_code == 0, result.output
    rows = _rows(result)
    assert [r["type"] for r in rows] == ["COERCE", "CONSULT"]  # the planned visit is no event
    for r in rows:
        assert set(r) >= FIELDS and r["type"] in PLOVER
        assert BODY[r["start"] : r["end"]] == r["sentence"]
        assert "Baca juga" not in r["sentence"] and "ADVERTISEMENT" not in r["sentence"]
    arrest, meeting = rows
    assert arrest["mode"] == "arrest" and arrest["actor_text"] == "Polisi" and arrest["date"] == "2025-03-03"
    assert meeting["actor"] == "Prabowo Subianto" and meeting["recipient"] == "Anwar Ibrahim"
    assert meeting["date"] == "2025-03-04" and meeting["location"] == "Jakarta" and meeting["background"] is False


def test_events_cli_jsonl_uses_its_own_date_and_the_joined_body(tmp_path):
    text = "Pemerintah Indonesia mengecam serangan Israel itu.\n\nKorea Utara mengancam Korea Selatan pekan lalu."
    page = tmp_path / "a.jsonl"
    page.write_text(json.dumps({"id": "x1", "text": text, "published": "2025-06-25"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["events", "--anchor", "2020-01-01", str(page)])
    assert result.exit_code == 0, result.output
    rows = _rows(result)
    assert [r["type"] for r in rows] == ["DISAPPROVE", "FIGHT", "THREATEN"]  # the attack is named with its actor
    assert rows[2]["date"] == "2025-W25"  # "pekan lalu" from the page's own date, not --anchor
    assert all(r["article"] == rows[0]["article"] for r in rows)


def test_events_cli_bad_input_and_bad_anchor(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["events", str(empty)])
    assert result.exit_code == 1 and "empty" in result.stderr
    assert CliRunner().invoke(app, ["events", "--anchor", "kemarin", str(empty)]).exit_code == 2
