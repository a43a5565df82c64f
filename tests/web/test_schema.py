"""Schemathesis against /openapi.json (bounded): no 500 and no response outside the schema, on every operation."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")  # the [dev] extra

from hypothesis import HealthCheck, given, settings  # noqa: E402

from kabar.web.app import create_app  # noqa: E402
from tests.store import factory  # noqa: E402

EXAMPLES = 12  # per operation: bounded, about 20 s for the whole API


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    app = create_app(factory.filled_db(tmp_path_factory.mktemp("schema") / "kabar.db", quote_links=True))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_schema_every_operation_answers_within_its_schema(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
        def check(case):
            case.call_and_validate()

        check()
