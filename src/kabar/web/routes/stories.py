"""Stories: the story list (the home page), one story with its timeline chart."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kabar.store import coded_events, queries
from kabar.web.deps import Limit, Offset, PageNo, StoreDep
from kabar.web.render import render
from kabar.web.routes._common import IdPath, NOT_FOUND, not_found, pages
from kabar.web.schemas import Paged, StoryDetailPublic, StoryPublic, TimelineEntryPublic
from kabar.web.views import timeline_chart

api = APIRouter(prefix="/api/stories", tags=["stories"])
ui = APIRouter(include_in_schema=False)


def _events_of(store, stories):
    return queries.events_by_id(store, [eid for s in stories for eid in s.event_ids])


@api.get("", response_model=Paged[StoryPublic], summary="Stories with their events and article ids")
def list_stories(store: StoreDep, limit: Limit = 20, offset: Offset = 0):
    stories, total = queries.list_stories(store, limit=limit, offset=offset)
    events = _events_of(store, stories)
    data = [StoryPublic.of(s, [events[e] for e in s.event_ids if e in events]) for s in stories]
    return Paged[StoryPublic](results=data, total=total, limit=limit, offset=offset)


@api.get("/{story_id}", responses=NOT_FOUND, response_model=StoryDetailPublic, summary="One story with its events and timeline")
def get_story(story_id: IdPath, store: StoreDep):
    story = queries.story(store, story_id)
    if story is None:
        raise not_found("story", story_id)
    events = _events_of(store, (story,))
    base = StoryPublic.of(story, [events[e] for e in story.event_ids if e in events])
    return StoryDetailPublic(**base.model_dump(), timeline=[TimelineEntryPublic.of(x) for x in story.timeline])


@ui.get("/", response_class=HTMLResponse)
@ui.get("/stories", response_class=HTMLResponse)
def story_list_page(request: Request, store: StoreDep, page: PageNo = 1):
    per_page = 20
    stories, total = queries.list_stories(store, limit=per_page, offset=(page - 1) * per_page)
    overviews = queries.story_overviews(store, stories)
    unplaced, n_unplaced = queries.unplaced_articles(store, limit=10)
    return render(
        "stories.html",
        request,
        overviews=overviews,
        pager=pages(total, per_page, page),
        unplaced=unplaced,
        n_unplaced=n_unplaced,
        n_articles=store.memo(("count", "articles"), lambda: store.count("articles")),
    )


@ui.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: IdPath, store: StoreDep):
    story = queries.story(store, story_id)
    if story is None:
        raise not_found("story", story_id)
    found = _events_of(store, (story,))
    events = [found[eid] for eid in story.event_ids if eid in found]
    summaries = queries.article_summaries(store, [a for e in events for a in e.article_ids] + _cited(story, events))
    chart = timeline_chart(
        [(e.id, e.date, e.title) for e in events],
        [(e.id, summaries[a].outlet, summaries[a].published, a) for e in events for a in e.article_ids if a in summaries],
        [(x.date, x.description, x.background) for x in story.timeline],
    )
    coded = coded_events.coded_page(store, story=story_id, background=False, limit=100)  # its news, not the history recalled
    return render("story.html", request, story=story, events=events, articles=summaries, chart=chart, coded=coded)


def _cited(story, events) -> list[str]:
    cites = [*story.summary, *(c for x in story.timeline for c in x.evidence), *(c for e in events for c in e.summary)]
    return [c.article_id for c in cites]
