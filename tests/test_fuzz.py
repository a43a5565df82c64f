"""A small seeded subset of bench/fuzz.py (issue 23): mutated pages through the per-page stages,
no crash and no input slower than 5 s per 100 KB (175 inputs). The full run is `python bench/fuzz.py`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "bench" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("kabar_bench_fuzz", FUZZ)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fuzz_mutations_are_reproducible(fuzz) -> None:
    import random

    pool = fuzz.seeds()
    first = [fuzz.mutate(pool[0][1], random.Random(7), pool) for _ in range(3)]
    again = [fuzz.mutate(pool[0][1], random.Random(7), pool) for _ in range(3)]
    assert first == again and any(m != pool[0][1] for m in first)


@pytest.mark.parametrize("seed", [0, 1])
def test_fuzz_cheap_stages_no_crash_no_hang(fuzz, seed: int) -> None:
    result = fuzz.run(80, seed, targets=("ingest", "timex", "quotes", "extract"))
    assert sum(result["counts"].values()) == 80
    assert [c["error"] for c in result["crashes"]] == []
    assert [(s["target"], s["name"], s["seconds"]) for s in result["slow"]] == []


def test_fuzz_whole_page_no_crash(fuzz) -> None:
    result = fuzz.run(15, 3, targets=("entities", "pipeline"))
    assert [c["error"] for c in result["crashes"]] == []
    assert [(s["target"], s["name"], s["seconds"]) for s in result["slow"]] == []


def test_fuzz_counts_a_crash(fuzz, monkeypatch) -> None:
    def broken(name: str, data: bytes) -> None:
        raise KeyError("M")

    monkeypatch.setitem(fuzz.TARGETS, "timex", (broken, 1.0))
    result = fuzz.run(5, 0, targets=("timex",))
    assert len(result["crashes"]) == 5 and "KeyError" in result["crashes"][0]["error"]
