"""A PostgreSQL server for the store's tests: one fresh schema per store, all dropped at the end.

The project's machines run PostgreSQL at 127.0.0.1:5432 (trust auth, database `test`);
`KABAR_TEST_POSTGRES` names another server. Every store gets its own schema (through
`search_path` in the URL), named after this session's random prefix, so parallel runs
and other engineers' tests never see each other's tables.
"""

from __future__ import annotations

import os
import secrets
from urllib.parse import quote

URL = os.environ.get("KABAR_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


class Postgres:
    """Hands out URLs of empty schemas on one server; `close()` drops them all."""

    def __init__(self, url: str = URL) -> None:
        from sqlalchemy import create_engine

        self.url = url
        self.prefix = f"kabar_test_{secrets.token_hex(4)}"
        self.schemas: list[str] = []
        self.engine = create_engine(url, connect_args={"connect_timeout": 3}, isolation_level="AUTOCOMMIT")

    def check(self) -> str | None:
        """Why no test can use this server (None: it answers)."""
        try:
            import psycopg  # noqa: F401
        except ImportError:
            return "the PostgreSQL driver is not installed (pip install -e '.[postgres]')"
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception as exc:  # refused, unknown database, bad auth: say which
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return f"no PostgreSQL server answers at {self.engine.url.render_as_string(hide_password=True)}: {first}"
        return None

    def fresh(self) -> str:
        """The URL of a new, empty schema on the server."""
        name = f"{self.prefix}_{len(self.schemas)}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
        self.schemas.append(name)
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}options={quote(f'-csearch_path={name}')}"

    def close(self) -> None:
        with self.engine.connect() as conn:
            for name in self.schemas:
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        self.engine.dispose()
