"""The self-contained HTML report of a run: stories as timelines, their events and articles.

``render_report(articles, linking, failures, quote_links=()) -> str``. The view model is built
by pure functions here; the Jinja2 template only lays it out (autoescaped:
all article text is untrusted).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from kabar.records import AnalysedArticle, Entity, Event, Failure, Linking, QuoteGroup, Story


@dataclass(frozen=True, slots=True)
class EventView:
    event: Event | None  # None: articles no event holds
    articles: tuple[AnalysedArticle, ...]
    entities: tuple[tuple[Entity, int], ...]  # with mention counts, most mentioned first


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story | None  # None: events no story holds
    events: tuple[EventView, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CarrierView:
    """Another article carrying a quotation: "also carried by: outlet (first, date)"."""

    article_id: str
    outlet: str
    published: str | None
    first: bool  # the earliest to carry it


def build_carriers(groups: Sequence[QuoteGroup], titles: dict[str, str]) -> dict[str, tuple[CarrierView, ...]]:
    """For each linked quote ("article_id:start"), the other articles that carry it, earliest first."""
    out: dict[str, tuple[CarrierView, ...]] = {}
    for group in groups:
        views = [
            CarrierView(o.article_id, o.outlet or titles.get(o.article_id, o.article_id), o.published, n == 0)
            for n, o in enumerate(group.occurrences)
        ]
        for o in group.occurrences:
            out[quote_key(o.article_id, o.quote.start)] = tuple(v for v in views if v.article_id != o.article_id)
    return out


def quote_key(article_id: str, start: int) -> str:
    return f"{article_id}:{start}"


def build_story_views(articles: Sequence[AnalysedArticle], linking: Linking) -> list[StoryView]:
    by_id = {a.article.id: a for a in articles}
    events = {e.id: e for e in linking.events}
    placed: set[str] = set()
    views: list[StoryView] = []
    for story in linking.stories:
        event_views = [_event_view(events[eid], by_id) for eid in story.event_ids if eid in events]
        placed.update(eid for eid in story.event_ids)
        views.append(_story_view(story, event_views))
    loose = [_event_view(e, by_id) for e in linking.events if e.id not in placed]
    grouped = {aid for e in linking.events for aid in e.article_ids}
    orphans = tuple(a for a in articles if a.article.id not in grouped)
    if orphans:
        loose.append(EventView(None, orphans, _top_entities(orphans)))
    if loose:
        views.append(_story_view(None, loose))
    return views


def _event_view(event: Event, by_id: dict[str, AnalysedArticle]) -> EventView:
    members = tuple(sorted((by_id[a] for a in event.article_ids if a in by_id), key=_published_key))
    return EventView(event, members, _top_entities(members))


def _story_view(story: Story | None, events: list[EventView]) -> StoryView:
    outlets = sorted({a.article.outlet for ev in events for a in ev.articles if a.article.outlet})
    events.sort(key=lambda ev: (ev.event.date or "9999") if ev.event else "9999")
    return StoryView(story, tuple(events), tuple(outlets))


def _top_entities(articles: Sequence[AnalysedArticle], limit: int = 12) -> tuple[tuple[Entity, int], ...]:
    counts: Counter[str] = Counter()
    entities: dict[str, Entity] = {}
    for a in articles:
        entities.update((e.id, e) for e in a.entities)
        counts.update(m.entity_id for m in a.mentions)
    return tuple((entities[eid], n) for eid, n in counts.most_common() if eid in entities)[:limit]


def _published_key(a: AnalysedArticle) -> str:
    return a.article.published or ""


def _cited_titles(citations: Sequence, titles: dict[str, str]) -> str:
    """The distinct titles of the articles some citations come from, in order."""
    names = dict.fromkeys(titles.get(c.article_id, c.article_id) for c in citations)
    return "; ".join(names)


def render_report(
    articles: Sequence[AnalysedArticle],
    linking: Linking,
    failures: Sequence[Failure] = (),
    *,
    title: str = "Kabar report",
    quote_links: Sequence[QuoteGroup] = (),
) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("kabar.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["cited"] = _cited_titles
    template = env.get_template("report.html.j2")
    mentions_by_entity: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        for m in a.mentions:
            if m.text not in mentions_by_entity[m.entity_id]:
                mentions_by_entity[m.entity_id].append(m.text)
    titles = {a.article.id: a.article.title or a.article.source for a in articles}
    return template.render(
        title=title,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        stories=build_story_views(articles, linking),
        articles_count=len(articles),
        outlets=sorted({a.article.outlet for a in articles if a.article.outlet}),
        reuse=linking.reuse,
        titles=titles,
        carriers=build_carriers(quote_links, titles),
        quote_key=quote_key,
        surface_forms=mentions_by_entity,
        failures=failures,
    )
