"""Entities: paged list with counts, one entity with its mentions over time and its quotes."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kabar.store import coded_events, queries
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import IdPath, NOT_FOUND, not_found, pages
from kabar.web.schemas import ArticleSummaryPublic, EntityCountPublic, EntityDetailPublic, Paged, QuotePublic
from kabar.web.views import mentions_chart

api = APIRouter(prefix="/api/entities", tags=["entities"])
ui = APIRouter(include_in_schema=False)

EntityType = Literal["PER", "ORG", "LOC"]


@api.get("", response_model=Paged[EntityCountPublic], summary="Entities, most written about first")
def list_entities(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    type: EntityType | None = None,
    name: str | None = Query(None, max_length=200, description="Part of the canonical name."),
):
    items, total = queries.list_entities(store, limit=limit, offset=offset, type=type, name=name)
    data = [
        EntityCountPublic(id=x.entity.id, canonical=x.entity.canonical, type=x.entity.type, aliases=list(x.entity.aliases), articles=x.articles, mentions=x.mentions)
        for x in items
    ]
    return Paged[EntityCountPublic](results=data, total=total, limit=limit, offset=offset)


@api.get("/{entity_id}", responses=NOT_FOUND, response_model=EntityDetailPublic, summary="One entity: mentions per day, articles, quotes")
def get_entity(entity_id: IdPath, store: StoreDep):
    entity = queries.entity(store, entity_id)
    if entity is None:
        raise not_found("entity", entity_id)
    articles, _ = queries.entity_articles(store, entity_id, limit=100)
    quotes, _ = queries.list_quotes(store, speaker_entity=entity_id, limit=100)
    links = store.quote_links_of(quotes)
    return EntityDetailPublic(
        id=entity.id,
        canonical=entity.canonical,
        type=entity.type,
        aliases=list(entity.aliases),
        mentions_by_day=queries.entity_timeline(store, entity_id),
        articles=[ArticleSummaryPublic.of(a) for a in articles],
        quotes=[QuotePublic.of(q, links.get((q.article_id, q.start))) for q in quotes],
    )


@ui.get("/entities", response_class=HTMLResponse)
def entity_list_page(
    request: Request, store: StoreDep, page: PageNo = 1, type: EntityType | None = None, name: str | None = Query(None, max_length=200)
):
    per_page = 50
    items, total = queries.list_entities(store, limit=per_page, offset=(page - 1) * per_page, type=type, name=name)
    return render("entities.html", request, items=items, pager=pages(total, per_page, page), type=type, name=name)


@ui.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: IdPath, store: StoreDep):
    entity = queries.entity(store, entity_id)
    if entity is None:
        raise not_found("entity", entity_id)
    articles, n_articles = queries.entity_articles(store, entity_id, limit=50)
    quotes, n_quotes = queries.list_quotes(store, speaker_entity=entity_id, limit=50)
    shown = _once_per_group(quotes, store.quote_links_of(quotes))
    return render(
        "entity.html",
        request,
        entity=entity,
        chart=mentions_chart(queries.entity_timeline(store, entity_id)),
        articles=articles,
        n_articles=n_articles,
        quotes=shown,
        n_quotes=n_quotes,
        quoted_in=queries.article_summaries(store, [a for _, carriers in shown for a in carriers]),
        coded={role: coded_events.coded_page(store, entity=entity_id, role=role, limit=30) for role in ("actor", "recipient")},
    )


def _once_per_group(quotes, groups) -> list[tuple]:
    """Each quotation once: one carried by several articles (a quote group) is listed at its first
    carrier among `quotes`, with every article among them that carries it: [(quote, article ids)]."""
    out: list[tuple] = []
    seen: dict[str, int] = {}
    for q in quotes:
        group = groups.get((q.article_id, q.start))
        if group is None:
            out.append((q, [q.article_id]))
        elif group.id in seen:
            carriers = out[seen[group.id]][1]
            if q.article_id not in carriers:
                carriers.append(q.article_id)
        else:
            seen[group.id] = len(out)
            out.append((q, [q.article_id]))
    return out
