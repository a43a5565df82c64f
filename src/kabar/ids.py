"""Stable ids: the same input gives the same id on every run and machine."""

from __future__ import annotations

import hashlib


def stable_id(*parts: str, length: int = 16) -> str:
    """A hex digest of the parts, joined with a separator no part contains."""
    # surrogatepass: ingest replaces lone surrogates, but an id must never be what fails on one
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:length]
