"""The self-contained HTML report of a run: stories as timelines, their events and articles.

``render_report(articles, linking, failures, quote_links=()) -> str``. The view model is built
by pure functions here; the Jinja2 template only lays it out (autoescaped:
all article text is untrusted). A cited sentence links to its place in its article's body
(marked there, `#c-ARTICLE-START`), and each story numbers its sources once, so a summary
reads as sentences with [n] marks, not as titles repeated after each sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from markupsafe import Markup, escape

from kabar.analyse.plover.record import EventMention
from kabar.records import AnalysedArticle, Citation, Entity, Event, Failure, Linking, QuoteGroup, Reuse, Story


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
    sources: tuple[str, ...] = ()  # the article ids its citations name, in first-cited order: [1], [2]…

    def ref(self, article_id: str) -> int:
        """The number of a cited article among the story's sources (1-based)."""
        return self.sources.index(article_id) + 1


@dataclass(frozen=True, slots=True)
class ReuseView:
    """One pair of articles sharing a passage (listed once however many passages they share)."""

    reuse: Reuse
    passage: str  # the shared words, as the earlier article has them
    passages: int  # how many reused passages the pair shares


@dataclass(frozen=True, slots=True)
class CarrierView:
    """Another article carrying a quotation: "also carried by: outlet (first, date)"."""

    article_id: str
    outlet: str
    published: str | None
    first: bool  # the earliest to carry it


@dataclass(frozen=True, slots=True)
class CodedView:
    """One coded (PLOVER) act a story's articles state, once, with every article stating it."""

    mention: EventMention  # the first article's
    article_ids: tuple[str, ...]


def build_coded_views(sv: StoryView, coded: Mapping[str, Sequence[EventMention]]) -> tuple[CodedView, ...]:
    """The story's coded events by date (undated last), history its articles recall left out; a
    dated act several articles state (same date, type, actor, recipient, place) is listed once."""
    found: dict[tuple, list] = {}
    for ev in sv.events:
        for a in ev.articles:
            for m in coded.get(a.article.id, ()):
                if m.background:
                    continue
                key = (m.date, m.type, m.mode, m.actor, m.recipient, m.location) if m.date else (m.article_id, m.start, m.type)
                entry = found.setdefault(key, [m, []])
                if a.article.id not in entry[1]:
                    entry[1].append(a.article.id)
    views = [CodedView(m, tuple(ids)) for m, ids in found.values()]
    return tuple(sorted(views, key=lambda v: (v.mention.date is None, v.mention.date or "")))


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
    return StoryView(story, tuple(events), tuple(outlets), tuple(dict.fromkeys(c.article_id for c in _citations(story, events))))


def _citations(story: Story | None, events: Sequence[EventView]) -> list[Citation]:
    """Every citation a story shows, in the order the report shows them."""
    found = list(story.summary) if story else []
    found += [c for x in (story.timeline if story else ()) for c in x.evidence]
    found += [c for ev in events if ev.event for c in ev.event.summary]
    return found


def build_reuse_views(reuse: Sequence[Reuse], by_id: dict[str, AnalysedArticle], width: int = 400) -> list[ReuseView]:
    """Each pair of articles once (its most similar passage), with the passage's words."""
    best: dict[frozenset[str], Reuse] = {}
    passages: defaultdict[frozenset[str], set] = defaultdict(set)
    for r in reuse:
        pair = frozenset((r.source_article, r.target_article))
        # a passage is the same whichever way round the record names the two articles
        passages[pair].add(frozenset({(r.source_article, r.source_start, r.source_end), (r.target_article, r.target_start, r.target_end)}))
        if pair not in best or r.similarity > best[pair].similarity:
            best[pair] = r
    views = []
    for pair, r in best.items():
        source = by_id.get(r.source_article)
        words = " ".join(source.article.text[r.source_start : r.source_end].split()) if source else ""
        views.append(ReuseView(r, words if len(words) <= width else words[: width - 1].rsplit(" ", 1)[0] + " …", len(passages[pair])))
    return sorted(views, key=lambda v: -v.reuse.similarity)


def body_paragraphs(analysed: AnalysedArticle, cited: Sequence[tuple[int, int]]) -> list[Markup]:
    """The article's paragraphs as escaped HTML, each cited sentence in a <mark> a citation links to."""
    article = analysed.article
    out: list[Markup] = []
    start = 0
    for paragraph in article.body:
        end = start + len(paragraph)
        inside = sorted({(s, e) for s, e in cited if start <= s < e <= end})
        parts, pos = [], start
        for s, e in inside:
            if s < pos:  # overlapping citations: the first one is marked
                continue
            parts.append(escape(article.text[pos:s]))
            parts.append(Markup('<mark id="c-{}-{}">{}</mark>').format(article.id, s, article.text[s:e]))
            pos = e
        parts.append(escape(article.text[pos:end]))
        out.append(Markup("").join(parts))
        start = end + 1
    return out


def plural(n: int, one: str, many: str | None = None) -> str:
    """"1 story", "2 stories": the count and the word in the right number."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _top_entities(articles: Sequence[AnalysedArticle], limit: int = 12) -> tuple[tuple[Entity, int], ...]:
    counts: Counter[str] = Counter()
    entities: dict[str, Entity] = {}
    for a in articles:
        entities.update((e.id, e) for e in a.entities)
        counts.update(m.entity_id for m in a.mentions)
    return tuple((entities[eid], n) for eid, n in counts.most_common() if eid in entities)[:limit]


def _published_key(a: AnalysedArticle) -> str:
    return a.article.published or ""


def render_report(
    articles: Sequence[AnalysedArticle],
    linking: Linking,
    failures: Sequence[Failure] = (),
    *,
    title: str = "Kabar report",
    quote_links: Sequence[QuoteGroup] = (),
    coded: Mapping[str, Sequence[EventMention]] | None = None,
) -> str:
    """`coded`: each article's stored PLOVER event mentions, by article id (none: no such section)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("kabar.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.globals["plural"] = plural
    template = env.get_template("report.html.j2")
    stories = build_story_views(articles, linking)
    cited: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sv in stories:
        for c in _citations(sv.story, sv.events):
            cited[c.article_id].append((c.start, c.end))
    by_id = {a.article.id: a for a in articles}
    mentions_by_entity: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        for m in a.mentions:
            if m.text not in mentions_by_entity[m.entity_id]:
                mentions_by_entity[m.entity_id].append(m.text)
    titles = {a.article.id: a.article.title or a.article.source for a in articles}
    return template.render(
        title=title,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        stories=stories,
        articles_count=len(articles),
        outlets=sorted({a.article.outlet for a in articles if a.article.outlet}),
        reuse=build_reuse_views(linking.reuse, by_id),
        titles=titles,
        outlet_of={a.article.id: a.article.outlet for a in articles},
        body=lambda a: body_paragraphs(a, cited.get(a.article.id, ())),
        carriers=build_carriers(quote_links, titles),
        quote_key=quote_key,
        surface_forms=mentions_by_entity,
        coded_of=lambda sv: build_coded_views(sv, coded or {}),
        names=lambda n: " & ".join(n) if isinstance(n, tuple) else (n or "—"),
        failures=failures,
    )
