"""Ingest: POST pages to extract, analyse and store them; only with a configured token.

The new articles join the stored events and stories incrementally
(`kabar.link.assign`: old events are kept whole, new articles join them or
start their own), so they show up in the story pages at once; a full
`kabar run` re-links the whole corpus.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request

from kabar.ids import stable_id
from kabar.pipeline import assign_articles, process_page
from kabar.records import Failure, RawPage
from kabar.web.deps import StoreDep
from kabar.web.guard import token_problem
from kabar.web.schemas import ErrorPublic, FailurePublic, IngestIn, IngestPublic

api = APIRouter(prefix="/api/ingest", tags=["ingest"])


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """The token again, for an app mounted without `web.guard.IngestGuard` (which checks it before the body)."""
    problem = token_problem(request.app.state.settings.ingest_token, authorization)
    if problem is not None:
        raise HTTPException(status_code=403, detail=problem)


@api.post(
    "",
    response_model=IngestPublic,
    dependencies=[Depends(require_token)],
    responses={
        400: {"model": ErrorPublic, "description": "Content-Length is not a number."},
        403: {"model": ErrorPublic, "description": "Ingest is disabled, or the Bearer token is missing or wrong (checked before the body is read)."},
        408: {"model": ErrorPublic, "description": "The body did not arrive in time."},
        413: {"model": ErrorPublic, "description": "The body is over the server's limit (20 MB unless set otherwise)."},
    },
    summary="Add pages (token required)",
)
def ingest(body: IngestIn, store: StoreDep):
    stored: list[str] = []
    analysed = []
    failures: list[FailurePublic] = []
    for page in body.pages:
        content = page.html if page.html is not None else page.text
        if not content or not content.strip():
            failures.append(FailurePublic(source=page.id or page.url or "api", stage="ingest", reason="empty page: give text or html"))
            continue
        source = f"api:{page.id or page.url or stable_id(content)}"
        raw = RawPage(source, content, "html" if page.html is not None else "text", url=page.url, id_hint=page.id, published_hint=page.published)
        store.upsert_page(raw)
        result = process_page(raw)
        if isinstance(result, Failure):
            store.add_failure(result)
            failures.append(FailurePublic(source=result.source, stage=result.stage, reason=result.reason))
            continue
        for f in result.failures:
            store.add_failure(f)
            failures.append(FailurePublic(source=f.source, stage=f.stage, reason=f.reason))
        store.upsert_analysed(result.analysed, result.events)
        stored.append(result.analysed.article.id)
        analysed.append(result.analysed)
    if analysed:
        failures.extend(_link_new(store, analysed))
    return IngestPublic(stored=stored, failures=failures)


def _link_new(store, analysed) -> list[FailurePublic]:
    """Place the new articles in the stored events and stories; a failure is recorded, not raised."""
    new_ids = {a.article.id for a in analysed}
    known = [a for a in store.analysed_articles() if a.article.id not in new_ids]
    linking = assign_articles(analysed, store.linking(), known)
    if not linking.failures:
        store.save_linking(linking)
    for failure in linking.failures:  # the articles are stored; only their placement failed
        store.add_failure(failure)
    return [FailurePublic(source=f.source, stage=f.stage, reason=f.reason) for f in linking.failures]
