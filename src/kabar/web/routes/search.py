"""Search: ranked full-text results (JSON) and the search page (HTML)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from kabar.store import queries
from kabar.store.search import SearchPage
from kabar.store.search import search as search_store
from kabar.store.syntax import QuerySyntaxError
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import BAD_QUERY, pages
from kabar.web.schemas import FacetsPublic, SearchHitPublic, SearchPublic

api = APIRouter(prefix="/api/search", tags=["search"])
ui = APIRouter(include_in_schema=False)

DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD
QueryText = Annotated[
    str,
    Query(
        max_length=1000,
        description='Words (stemmed), "phrases", AND, OR, NOT or -word, word*, ( ), title:, outlet:, entity:, '
        "date:2021-03..2021-04. A query that cannot be read is a 400 saying why.",
    ),
]
DateParam = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]
Filter = Annotated[str | None, Query(max_length=200)]


def _run(store, q, limit, offset, outlet, date_from, date_to, entity, story, facets=False):
    try:
        return search_store(
            store, q, limit=limit, offset=offset, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, story=story,
            facets=facets,
        )
    except QuerySyntaxError as exc:
        raise HTTPException(status_code=400, detail=f"bad query: {exc}") from exc
    except ValueError as exc:  # a filter the parameter checks let through
        raise HTTPException(status_code=400, detail=str(exc)) from exc


@api.get("", response_model=SearchPublic, responses=BAD_QUERY, summary="Full-text search (stemmed Indonesian, bm25)")
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
    facets: Annotated[bool, Query(description="Count the matches by outlet, entity, story and month.")] = False,
):
    page = _run(store, q, limit, offset, outlet, date_from, date_to, entity, story, facets)
    return SearchPublic(
        results=[SearchHitPublic(**h.to_plain()) for h in page.results],
        total=page.total,
        total_exact=page.total_exact,
        limit=limit,
        offset=offset,
        terms=list(page.terms),
        facets=FacetsPublic(**page.facets.to_dict()) if page.facets is not None else None,
    )


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
    filters = {"outlet": outlet, "date_from": date_from, "date_to": date_to, "entity": entity, "story": story}
    try:
        found = _run(store, q, per_page, (page - 1) * per_page, outlet, date_from, date_to, entity, story, facets=True)
        error = None
    except HTTPException as exc:
        found, error = SearchPage((), 0), str(exc.detail)  # the form stays, with the reason above it
    # Snippets are built escaped by the store (text escaped, only <mark> added).
    hits = [(h, Markup(h.snippet)) for h in found.results]
    return render(
        "search.html",
        request,
        q=q,
        hits=hits,
        error=error,
        facets=_facet_links(found.facets, {"q": q} | filters),
        total=found.total,
        total_exact=found.total_exact,
        pager=pages(found.total, per_page, page),
        filters=filters,
        params=filters | {"q": q},
        outlets=queries.outlets(store),
        searched=bool(q.strip()) or any(filters.values()),
    )


_FACETS = (("outlet", "Outlets"), ("story", "Stories"), ("entity", "Entities"), ("month", "Months"))


def _facet_links(facets, params: dict) -> list[tuple[str, list[tuple[str, int, str]]]]:
    """Each facet's values as (label, count, the search narrowed to it), for the page's side bar."""
    from urllib.parse import urlencode

    if facets is None or not facets.counted:
        return []
    out = []
    for name, heading in _FACETS:
        links = []
        for f in getattr(facets, name):
            narrowed = params | ({"date_from": f.value, "date_to": f.value} if name == "month" else {name: f.value})
            links.append((f.label, f.count, "/search?" + urlencode({k: v for k, v in narrowed.items() if v})))
        if links:
            out.append((heading, links))
    return out
