"""Events: one real-world happening each, with its articles and summary (JSON and HTML)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kabar.store import queries
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import IdPath, NOT_FOUND, not_found, pages
from kabar.web.schemas import EventPublic, Paged

api = APIRouter(prefix="/api/events", tags=["events"])
ui = APIRouter(include_in_schema=False)


@api.get("", response_model=Paged[EventPublic], summary="Events in linking order")
def list_events(store: StoreDep, limit: Limit = 20, offset: Offset = 0):
    items, total = queries.list_events(store, limit=limit, offset=offset)
    return Paged[EventPublic](results=[EventPublic.of(e) for e in items], total=total, limit=limit, offset=offset)


@api.get("/{event_id}", responses=NOT_FOUND, response_model=EventPublic, summary="One event")
def get_event(event_id: IdPath, store: StoreDep):
    event = queries.event(store, event_id)
    if event is None:
        raise not_found("event", event_id)
    return EventPublic.of(event)


def _stories_of(store) -> dict:
    """The story each event belongs to, by event id."""
    stories, _ = queries.list_stories(store, limit=100_000, offset=0)
    return {eid: s for s in stories for eid in s.event_ids}


@ui.get("/events", response_class=HTMLResponse)
def event_list_page(request: Request, store: StoreDep, page: PageNo = 1):
    per_page = 50
    items, total = queries.list_events(store, limit=per_page, offset=(page - 1) * per_page)
    return render("events.html", request, events=items, story_of=_stories_of(store), pager=pages(total, per_page, page))


@ui.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: IdPath, store: StoreDep):
    event = queries.event(store, event_id)
    if event is None:
        raise not_found("event", event_id)
    articles = queries.article_summaries(store, [*event.article_ids, *(c.article_id for c in event.summary)])
    return render("event.html", request, event=event, story=_stories_of(store).get(event.id), articles=articles)
