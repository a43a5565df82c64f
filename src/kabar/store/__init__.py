"""The store: every record Kabar makes, in one SQL database (SQLite by default).

Public API: ``open_store(url_or_path) -> Store``; see ``db.py``.
"""

from kabar.store.db import Store, open_store

__all__ = ["Store", "open_store"]
