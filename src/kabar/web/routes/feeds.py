"""Saved searches (`kabar alert add NAME QUERY`): their list (JSON and HTML) and an Atom feed each
of the articles that came to match them."""

from __future__ import annotations

from typing import Annotated
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from kabar.store import alerts, queries
from kabar.web.deps import Limit, Offset, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import NOT_FOUND, not_found
from kabar.web.schemas import AlertPublic, Paged

api = APIRouter(tags=["alerts"])
ui = APIRouter(include_in_schema=False)
AlertName = Annotated[str, Path(pattern=alerts.NAME.pattern, description="The alert's name.")]
ATOM = "application/atom+xml; charset=utf-8"


@api.get(
    "/feeds/{name}.atom",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}, "description": "An Atom feed."}, **NOT_FOUND},
    summary="A saved search as an Atom feed: the articles that came to match it, the latest found first",
)
def alert_feed(name: AlertName, request: Request, store: StoreDep):
    alert = alerts.get(store, name)
    if alert is None:
        raise not_found("alert", name)
    alerts.refresh(store, name)  # a feed reader's poll is when new matches are looked for
    hits = alerts.recent_hits(store, name)
    summaries = queries.article_summaries(store, [h.article_id for h in hits])
    base = str(request.base_url).rstrip("/")
    entries = []
    for h in hits:
        s = summaries.get(h.article_id)
        if s is None:  # the article is gone from the store
            continue
        link = f"{base}/articles/{h.article_id}"
        entries.append(
            "<entry>"
            f"<id>urn:kabar:article:{escape(h.article_id)}</id>"
            f"<title>{escape(s.title or s.source)}</title>"
            f"<link href={quoteattr(link)}/>"
            f"<updated>{escape(h.found)}</updated>"
            + (f"<published>{escape(s.published)}</published>" if s.published and len(s.published) >= 10 else "")
            + f"<author><name>{escape(s.outlet or 'unknown outlet')}</name></author>"
            "</entry>"
        )
    updated = hits[0].found if hits else alert.created
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:kabar:alert:{escape(name)}</id>"
        f"<title>{escape(f'Kabar: {alert.name} ({alert.query})')}</title>"
        f"<link rel=\"self\" href={quoteattr(f'{base}/feeds/{name}.atom')}/>"
        f"<link href={quoteattr(base + '/search?' + _qs(alert.query))}/>"
        f"<updated>{escape(updated)}</updated>" + "".join(entries) + "</feed>"
    )
    return Response(feed, media_type=ATOM)


def _qs(query: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": query})


def _listed(store) -> list[AlertPublic]:
    out = []
    for a in alerts.list_alerts(store):
        alerts.refresh(store, a.name)  # the counts are of now, as `kabar alert list` gives them
        new = len(alerts.new_hits(store, a.name))
        out.append(AlertPublic(name=a.name, query=a.query, created=a.created, checked=a.checked, new=new, feed=f"/feeds/{a.name}.atom"))
    return out


@api.get("/api/alerts", response_model=Paged[AlertPublic], summary="Saved searches, each with how many new articles match it")
def list_alerts(store: StoreDep, limit: Limit = 20, offset: Offset = 0):
    found = _listed(store)
    return Paged[AlertPublic](results=found[offset : offset + limit], total=len(found), limit=limit, offset=offset)


@ui.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, store: StoreDep):
    return render("alerts.html", request, alerts=_listed(store), search_qs=_qs)
