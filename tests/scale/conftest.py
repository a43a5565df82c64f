"""A local Ray cluster for the scale tests: two CPUs, loopback only, started once."""

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
