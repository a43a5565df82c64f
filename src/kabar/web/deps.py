"""Typed dependencies for the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from kabar.store import Store

MAX_OFFSET = 100_000
MAX_LIMIT = 100


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
PageNo = Annotated[int, Query(ge=1, le=MAX_OFFSET // 20, description="Page number (web UI).")]
# Ids are stable hex hashes in practice; anything else is simply not found.
ID_PATTERN = r"^[\w.:#-]{1,200}$"
