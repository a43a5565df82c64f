"""Quotes: who said what, paged, filtered by speaker or article."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kabar.store import queries
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import pages
from kabar.web.schemas import Paged, QuoteLinkPublic, QuotePublic

api = APIRouter(prefix="/api/quotes", tags=["quotes"])
ui = APIRouter(include_in_schema=False)


@api.get("", response_model=Paged[QuotePublic], summary="Quotations, newest articles first")
def list_quotes(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    speaker_entity: str | None = Query(None, max_length=200, description="The speaker's entity id."),
    speaker: str | None = Query(None, max_length=200, description="Part of the speaker's name."),
    article: str | None = Query(None, max_length=200, description="An article id."),
):
    items, total = queries.list_quotes(
        store, limit=limit, offset=offset, speaker_entity=speaker_entity, speaker=speaker, article_id=article
    )
    links = store.quote_links_of(items)
    data = [QuotePublic.of(q, links.get((q.article_id, q.start))) for q in items]
    return Paged[QuotePublic](results=data, total=total, limit=limit, offset=offset)


@api.get("/links", response_model=Paged[QuoteLinkPublic], summary="Quotations carried by several articles, earliest first")
def list_quote_links(store: StoreDep, limit: Limit = 20, offset: Offset = 0):
    groups = store.quote_links(limit=limit, offset=offset)
    return Paged[QuoteLinkPublic](
        results=[QuoteLinkPublic.of(g) for g in groups], total=store.count("quote_groups"), limit=limit, offset=offset
    )


@ui.get("/quotes", response_class=HTMLResponse)
def quote_list_page(request: Request, store: StoreDep, page: PageNo = 1, speaker: str | None = Query(None, max_length=200)):
    per_page = 30
    items, total = queries.list_quotes(store, limit=per_page, offset=(page - 1) * per_page, speaker=speaker)
    return render(
        "quotes.html",
        request,
        quotes=items,
        pager=pages(total, per_page, page),
        speaker=speaker,
        quoted_in=queries.article_summaries(store, [q.article_id for q in items]),
        links=store.quote_links_of(items),
    )
