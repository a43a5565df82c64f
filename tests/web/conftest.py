"""A TestClient over a temporary database holding the hand-built corpus."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kabar.web.app import Settings, create_app
from tests.store import factory

TOKEN = "rahasia-uji-123"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return factory.filled_db(tmp_path_factory.mktemp("web") / "kabar.db")


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture
def ingest_client(tmp_path):
    with TestClient(create_app(settings=Settings(db_url=str(tmp_path / "ingest.db"), ingest_token=TOKEN))) as c:
        yield c
