"""`kabar entities` (and `kabar ner --text`): plain text in, entity mentions out, offsets into the text as read."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kabar.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()

TEXT = (
    "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri China Wang Yi di Jakarta.\n"
    "\n"
    "Kementerian Luar Negeri China membantah laporan itu pada Selasa (23/3/2021).\n"
)


def mentions(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_entities_cli_plain_text_from_stdin():
    result = runner.invoke(app, ["entities", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    found = mentions(result.stdout)
    for m in found:
        assert TEXT[m["start"] : m["end"]] == m["text"]  # offsets into the text as given, blank line and all
    by_text = {m["text"]: m for m in found}
    assert by_text["Retno Marsudi"]["type"] == "PER" and by_text["Retno Marsudi"]["role"] == "Menteri Luar Negeri"
    assert by_text["Kementerian Luar Negeri China"]["canonical"] == "Ministry of Foreign Affairs of China"
    assert by_text["Jakarta"]["type"] == "LOC"


def test_entities_cli_a_sample_file_and_ner_text_agree():
    path = str(SAMPLES / "000_417dfa9600344913.txt")
    first = runner.invoke(app, ["entities", path])
    second = runner.invoke(app, ["ner", "--text", path])
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    names = {m["canonical"] for m in mentions(first.stdout)}
    assert {"Kim Jong Un", "Xi Jinping", "KCNA"} <= names


def test_entities_cli_missing_file_and_empty_input(tmp_path):
    missing = runner.invoke(app, ["entities", str(tmp_path / "tidak-ada.txt")])
    assert missing.exit_code == 1 and "tidak-ada.txt" in missing.stderr
    empty = runner.invoke(app, ["entities", "-"], input="  \n")
    assert empty.exit_code == 0 and empty.stdout == ""


def test_ner_cli_conll_contract_unchanged():
    result = runner.invoke(app, ["ner", "-"], input="Presiden\nJoko\nWidodo\ntiba\ndi\nJakarta\n.\n\n")
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines() if line]
    assert rows[1:3] == [["Joko", "B-PER"], ["Widodo", "I-PER"]] and ["Jakarta", "B-LOC"] in rows
