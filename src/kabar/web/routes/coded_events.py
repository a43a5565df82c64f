"""Coded (PLOVER) events: who did what to whom, by entity, role, type, story or article."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kabar.store import coded_events, queries
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import pages
from kabar.web.schemas import CodedEventPublic, Paged, PloverType

api = APIRouter(prefix="/api/coded-events", tags=["coded events"])
ui = APIRouter(include_in_schema=False)

Role = Literal["actor", "recipient"]


@api.get("", response_model=Paged[CodedEventPublic], summary="PLOVER event mentions, by the happening's date (undated last)")
def list_coded_events(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    entity: str | None = Query(None, max_length=200, description="An entity id: events it is a party to."),
    role: Role | None = Query(None, description="With `entity`: only what it did (actor) or what was done to it (recipient)."),
    type: PloverType | None = Query(None, description="A PLOVER category."),
    story: str | None = Query(None, max_length=200, description="A story id: events its articles state."),
    article: str | None = Query(None, max_length=200, description="An article id."),
    background: bool | None = Query(None, description="false: only the news, not history an article recalls."),
):
    items, total = coded_events.list_coded(
        store, limit=limit, offset=offset, entity=entity, role=role, type=type, story=story,
        article_ids=None if article is None else [article], background=background,
    )
    return Paged[CodedEventPublic](results=[CodedEventPublic.of(x) for x in items], total=total, limit=limit, offset=offset)


@ui.get("/coded-events", response_class=HTMLResponse)
def coded_events_page(
    request: Request,
    store: StoreDep,
    page: PageNo = 1,
    entity: str | None = Query(None, max_length=200),
    role: Role | None = None,
    type: PloverType | None = None,
    story: str | None = Query(None, max_length=200),
):
    per_page = 50
    coded = coded_events.coded_page(
        store, limit=per_page, offset=(page - 1) * per_page, entity=entity, role=role, type=type, story=story
    )
    found = queries.entity(store, entity) if entity else None
    params = {k: v for k, v in (("entity", entity), ("role", role), ("type", type), ("story", story)) if v}
    return render(
        "coded_events.html", request, coded=coded, pager=pages(coded.total, per_page, page), params=params, entity=found, role=role, type=type
    )

