"""Articles: paged list, one article with everything found in it (JSON and HTML)."""

from __future__ import annotations

import re

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kabar.store import coded_events, queries
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import IdPath, NOT_FOUND, not_found, pages
from kabar.web.schemas import ArticlePublic, ArticleSummaryPublic, Paged
from kabar.web.views import article_spans, highlight

api = APIRouter(prefix="/api/articles", tags=["articles"])
ui = APIRouter(include_in_schema=False)

_CITE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@api.get("", response_model=Paged[ArticleSummaryPublic], summary="Articles, newest first")
def list_articles(store: StoreDep, limit: Limit = 20, offset: Offset = 0, outlet: str | None = Query(None, max_length=200)):
    items, total = queries.list_articles(store, limit=limit, offset=offset, outlet=outlet)
    return Paged[ArticleSummaryPublic](results=[ArticleSummaryPublic.of(s) for s in items], total=total, limit=limit, offset=offset)


@api.get("/{article_id}", responses=NOT_FOUND, response_model=ArticlePublic, summary="One article as `kabar extract` gives it, plus its analysis")
def get_article(article_id: IdPath, store: StoreDep):
    analysed = store.article(article_id)
    if analysed is None:
        raise not_found("article", article_id)
    event, story = queries.placement(store, article_id)
    return ArticlePublic.of(
        analysed,
        event=event,
        story=story,
        reuse=queries.reuse_of(store, article_id),
        quote_links=store.quote_links_of(analysed.quotes),
    )


@ui.get("/articles", response_class=HTMLResponse)
def article_list_page(request: Request, store: StoreDep, page: PageNo = 1, outlet: str | None = Query(None, max_length=200)):
    per_page = 30
    items, total = queries.list_articles(store, limit=per_page, offset=(page - 1) * per_page, outlet=outlet)
    return render(
        "articles.html", request, items=items, pager=pages(total, per_page, page), outlet=outlet, outlets=queries.outlets(store)
    )


@ui.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: IdPath, store: StoreDep, cite: str | None = Query(None, max_length=40)):
    analysed = store.article(article_id)
    if analysed is None:
        raise not_found("article", article_id)
    event_id, story_id = queries.placement(store, article_id)
    reuse = queries.reuse_of(store, article_id)
    others = queries.article_summaries(
        store, [r.target_article if r.source_article == article_id else r.source_article for r in reuse]
    )
    match = _CITE.match(cite or "")
    span = (int(match.group(1)), int(match.group(2))) if match else None
    text = analysed.article.text
    body = highlight(text, article_spans(analysed, reuse, span))
    return render(
        "article.html",
        request,
        a=analysed,
        body=body,
        text=text,
        event=queries.event(store, event_id) if event_id else None,
        story=queries.story(store, story_id) if story_id else None,
        reuse=reuse,
        others=others,
        entity_names={e.id: e.canonical for e in analysed.entities},
        coded=coded_events.coded_page(store, article_ids=[article_id], limit=100),
    )
