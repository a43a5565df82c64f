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


SAVED = sorted(p for p in (Path(__file__).parent / "data" / "fuzz").iterdir() if "--" in p.name)


@pytest.mark.parametrize("path", SAVED, ids=[p.name for p in SAVED])
def test_fuzz_saved_crashing_inputs_pass(fuzz, path: Path) -> None:
    fuzz.replay(path)  # raises what the target raises: every input saved once crashed or hung a stage


def test_fuzz_inputs_do_not_depend_on_the_number_of_processes(fuzz) -> None:
    alone = fuzz.run(30, 5, targets=("ingest", "timex"))
    forked = fuzz.run(30, 5, targets=("ingest", "timex"), jobs=2)
    assert alone["counts"] == forked["counts"] and sum(forked["counts"].values()) == 30
    pool = fuzz.seeds()
    assert fuzz.one_input(5, 17, ("timex", "quotes"), pool) == fuzz.one_input(5, 17, ("timex", "quotes"), pool)


def test_fuzz_a_saved_input_replays_through_its_target(fuzz, tmp_path, monkeypatch) -> None:
    def broken(name: str, data: bytes) -> None:
        raise KeyError(name)

    monkeypatch.setitem(fuzz.TARGETS, "timex", (broken, 1.0))
    result = fuzz.run(3, 0, out=tmp_path, targets=("timex",))
    saved = sorted(tmp_path.iterdir())
    assert len(result["crashes"]) == 3 and 1 <= len(saved) <= 3  # equal inputs share a file
    with pytest.raises(KeyError):
        fuzz.replay(saved[0])


@pytest.mark.slow
def test_fuzz_atheris_pass_runs_a_target(fuzz) -> None:
    pytest.importorskip("atheris", reason="coverage-guided fuzzing needs atheris (pip install 'kabar[fuzz]')")
    assert fuzz.atheris_pass(100, ("timex",)) == {"timex": "ok"}
