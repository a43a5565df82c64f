"""Helpers the route modules share."""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Path

from kabar.web.schemas import ErrorPublic

NOT_FOUND = {404: {"model": ErrorPublic, "description": "No such item."}}
BAD_QUERY = {400: {"model": ErrorPublic, "description": "The query cannot be read; `detail` says why."}}
IdPath = Annotated[str, Path(min_length=1, max_length=200, description="A stable id.")]


def not_found(kind: str, item_id: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {kind} with id {item_id[:80]!r}")


def pages(total: int, per_page: int, page: int) -> dict:
    """Pagination numbers for the UI templates."""
    last = max(1, -(-total // per_page))
    return {"page": page, "last": last, "total": total, "prev": page - 1 if page > 1 else None, "next": page + 1 if page < last else None}
