"""The scale tests' fixtures: a local Ray cluster (two CPUs, loopback only, started once), and pages
for runs long enough to be killed midway with the tables of an uninterrupted run of them."""

from __future__ import annotations

import pytest

from kabar.scale.ray_executor import LOCAL_CLUSTER_ENV


@pytest.fixture(scope="session")
def ray_cluster():
    """Ray started in this process (skip when the `scale` extra is not installed; CI installs it)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOCAL_CLUSTER_ENV.items():  # before Ray's import, which reads them
            patch.setenv(name, value)
        ray = pytest.importorskip("ray", reason="needs the scale extra: pip install -e '.[scale]'")
        # "local": a new cluster of our own, never one a `ray start` left on this machine
        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            yield ray
        finally:
            ray.shutdown()


@pytest.fixture(scope="session")
def pages(sample_paths, tmp_path_factory):
    """48 pages of the samples' sentences: a run long enough to be killed midway (`crash.write_pages`)."""
    from tests.scale.crash import write_pages

    return write_pages(tmp_path_factory.mktemp("pages"), sample_paths)


@pytest.fixture(scope="session")
def uninterrupted(pages, tmp_path_factory) -> dict[str, str]:
    """The tables of a whole run of `pages` on the local executor (equal to Ray's: test_ray_run)."""
    from typer.testing import CliRunner

    from kabar.cli import app
    from tests.scale.crash import PAGES, export

    folder = tmp_path_factory.mktemp("whole")
    result = CliRunner().invoke(app, ["run", str(pages), "--db", str(folder / "k.db"), "-q"])
    assert result.exit_code == 0, result.output
    tables = export(folder / "k.db", folder / "out")
    assert tables["articles.jsonl"].count("\n") == PAGES and tables["events.jsonl"] and tables["reuse.jsonl"]
    return tables
