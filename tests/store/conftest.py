"""The store's fixtures: a PostgreSQL server when one answers, and a database URL on each backend."""

from __future__ import annotations

import pytest

from tests.store.postgres import Postgres

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres():
    """A `Postgres` handing out fresh schemas; skips with the reason when no server or driver is there."""
    server = Postgres()
    reason = server.check()
    if reason:
        server.engine.dispose()
        pytest.skip(reason)
    yield server
    server.close()


@pytest.fixture
def db_url(request, tmp_path) -> str:
    """An empty database on the backend named by `request.param` (a SQLite file, or a PostgreSQL schema)."""
    return backend_url(getattr(request, "param", "sqlite"), request, tmp_path)


def backend_url(backend: str, request, directory) -> str:
    if backend == "postgresql":
        return request.getfixturevalue("postgres").fresh()
    return str(directory / "kabar.db")
