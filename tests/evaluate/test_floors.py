"""The floors file: tables of sets, systems and metrics, with tolerances that nest."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kabar.evaluate.floors import DEFAULT_FLOORS, Floor, load_floors, parse_floors

_DOC = """
tolerance = 0.01

[ner]
tolerance = 0.02

[ner.nergrit]
needs = "data:ner/nergrit.valid.tsv"
kabar = { F1 = 0.86, "F1 PER" = 0.87 }

[quotes."samples (38)"]
needs = "gold:quotes.jsonl"
tolerance = 0.005
Kabar = { F1 = 0.888 }
"""


def test_floors_parse_names_each_score_and_nests_tolerances() -> None:
    floors = parse_floors(tomllib.loads(_DOC))
    assert [(f.key, f.floor, f.tolerance) for f in floors] == [
        (("ner", "nergrit", "kabar", "F1"), 0.86, 0.02),
        (("ner", "nergrit", "kabar", "F1 PER"), 0.87, 0.02),
        (("quotes", "samples (38)", "Kabar", "F1"), 0.888, 0.005),
    ]
    assert floors[0].needed_path(Path("/d"), Path("/g")) == Path("/d/ner/nergrit.valid.tsv")
    assert floors[2].needed_path(Path("/d"), Path("/g")) == Path("/g/quotes.jsonl")


@pytest.mark.parametrize(
    "doc",
    [
        '[ner.nergrit]\nkabar = { F1 = "high" }',  # a floor that is not a number
        "[ner.nergrit]\nkabar = { F1 = true }",
        "[ner.nergrit]\nkabar = 0.8",  # a system must map metrics to floors
        "[ner]\nnergrit = 0.8",
        "ner = 0.8",
        "tolerance = 1.5",
    ],
)
def test_floors_parse_rejects_malformed_entries(doc: str) -> None:
    with pytest.raises(ValueError):
        parse_floors(tomllib.loads(doc))


def test_floors_needs_names_a_root() -> None:
    floor = Floor("ner", "nergrit", "kabar", "F1", 0.8, 0.01, needs="shared/ner.tsv")
    with pytest.raises(ValueError):
        floor.needed_path(Path("/d"), Path("/g"))


def test_floors_shipped_file_is_well_formed() -> None:
    floors = load_floors(DEFAULT_FLOORS)
    assert {f.task for f in floors} >= {"extract", "timex", "ner", "quotes", "summaries"}
    assert all(0 < f.floor <= 1 and 0 < f.tolerance <= 0.02 for f in floors)
    assert all(f.needs and f.needs.split(":")[0] in ("data", "gold") for f in floors)
