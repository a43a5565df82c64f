"""Events: one real-world happening each, with its articles and summary."""

from __future__ import annotations

from fastapi import APIRouter

from kabar.store import queries
from kabar.web.deps import Limit, Offset, StoreDep
from kabar.web.routes._common import IdPath, not_found
from kabar.web.schemas import EventPublic, Paged

api = APIRouter(prefix="/api/events", tags=["events"])


@api.get("", response_model=Paged[EventPublic], summary="Events in linking order")
def list_events(store: StoreDep, limit: Limit = 20, offset: Offset = 0):
    items, total = queries.list_events(store, limit=limit, offset=offset)
    return Paged[EventPublic](results=[EventPublic.of(e) for e in items], total=total, limit=limit, offset=offset)


@api.get("/{event_id}", response_model=EventPublic, summary="One event")
def get_event(event_id: IdPath, store: StoreDep):
    event = queries.event(store, event_id)
    if event is None:
        raise not_found("event", event_id)
    return EventPublic.of(event)
