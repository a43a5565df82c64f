"""`kabar run --executor ray` writes the store the local executor writes, table for table."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kabar.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()
TESTS_DATA = Path(__file__).resolve().parents[1] / "data"


def _run_and_export(paths: list[Path], folder: Path, *executor: str) -> dict[str, list[str]]:
    db = folder / "kabar.db"
    run = runner.invoke(app, ["run", *map(str, paths), "--db", str(db), "--quiet", *executor])
    assert run.exit_code == 0, run.output
    export = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(folder / "out")])
    assert export.exit_code == 0, export.output
    return {p.stem: p.read_text(encoding="utf-8").splitlines() for p in sorted((folder / "out").glob("*.jsonl"))}


def test_ray_cluster_listens_on_loopback_only(ray_cluster):
    assert ray_cluster.get_runtime_context().gcs_address.startswith("127.0.0.1:")
    assert {node["NodeManagerAddress"] for node in ray_cluster.nodes()} == {"127.0.0.1"}


def test_ray_run_writes_the_local_store(ray_cluster, sample_paths, tmp_path, monkeypatch):
    from kabar.scale.ray_executor import RayExecutor

    mapped: list[object] = []
    ray_map = RayExecutor.map

    def counting_map(self, fn, items):  # proof that the pages went through the cluster
        for result in ray_map(self, fn, items):
            mapped.append(result)
            yield result

    monkeypatch.setattr(RayExecutor, "map", counting_map)
    paths = [*sample_paths, *sorted(TESTS_DATA.glob("*.html"))]
    (tmp_path / "local").mkdir()
    (tmp_path / "ray").mkdir()
    local = _run_and_export(paths, tmp_path / "local")
    assert mapped == []
    on_ray = _run_and_export(paths, tmp_path / "ray", "--executor", "ray")
    assert len(mapped) == len(paths)
    kinds = ("articles", "entities", "mentions", "timexes", "quotes", "events", "stories", "reuse", "quote_links", "coded_events")
    assert set(local) == set(kinds)
    # every table has rows, so equal tables say something: 7 pages, 3 stories, 2 reused passages
    assert len(local["articles"]) == len(paths) and all(local[kind] for kind in kinds)
    for kind in kinds:
        assert on_ray[kind] == local[kind], kind
