"""Search: ranked full-text results (JSON) and the search page (HTML)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from kabar.store import queries
from kabar.store.search import search as search_store
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import pages
from kabar.web.schemas import SearchHitPublic, SearchPublic

api = APIRouter(prefix="/api/search", tags=["search"])
ui = APIRouter(include_in_schema=False)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
QueryText = Annotated[str, Query(max_length=1000, description="Words; \"quoted phrases\" kept; operators are plain words.")]
DateParam = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Filter = Annotated[str | None, Query(max_length=200)]


def _run(store, q, limit, offset, outlet, date_from, date_to, entity, story):
    try:
        return search_store(
            store, q, limit=limit, offset=offset, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, story=story
        )
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


@api.get("", response_model=SearchPublic, summary="Full-text search (stemmed Indonesian, bm25)")
def search(
    store: StoreDep,
    q: QueryText = "",
    limit: Limit = 20,
    offset: Offset = 0,
    outlet: Filter = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    entity: Filter = None,
    story: Filter = None,
):
    page = _run(store, q, limit, offset, outlet, date_from, date_to, entity, story)
    return SearchPublic(results=[SearchHitPublic(**h.to_dict()) for h in page.results], total=page.total, total_exact=page.total_exact, terms=list(page.terms))


@ui.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    q: QueryText = "",
    page: PageNo = 1,
    outlet: Filter = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    entity: Filter = None,
    story: Filter = None,
):
    from markupsafe import Markup

    per_page = 20
    found = _run(store, q, per_page, (page - 1) * per_page, outlet, date_from, date_to, entity, story)
    # Snippets are built escaped by the store (text escaped, only <mark> added).
    hits = [(h, Markup(h.snippet)) for h in found.results]
    filters = {"outlet": outlet, "date_from": date_from, "date_to": date_to, "entity": entity, "story": story}
    return render(
        "search.html",
        request,
        q=q,
        hits=hits,
        total=found.total,
        total_exact=found.total_exact,
        pager=pages(found.total, per_page, page),
        filters=filters,
        params=filters | {"q": q},
        outlets=queries.outlets(store),
        searched=bool(q.strip()) or any(filters.values()),
    )
