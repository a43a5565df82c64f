"""The linking stage end to end: features → events → stories → events inside stories →
summaries, timelines, reuse.

`link_corpus` links a whole corpus; `assign` adds new articles to an existing
linking, clustering again only the part of the candidate graph they reach.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from datetime import date

from kabar.link.conflicts import event_conflicts
from kabar.link.events import EventConfig, date_factor, event_edges, event_id
from kabar.link.features import ArticleFeatures, article_features
from kabar.link.graph import Edges, average_linkage
from kabar.link.reuse import ReuseConfig, find_reuse
from kabar.link.stories import StoryConfig, cluster_stories, story_id
from kabar.link.summary import summarize_many
from kabar.link.timeline import story_timeline
from kabar.link.vectors import tfidf_vectors
from kabar.link.within_story import WithinStoryConfig, events_within_stories
from kabar.records import AnalysedArticle, Event, Linking, Story

_FAR = date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class LinkConfig:
    events: EventConfig = EventConfig()
    stories: StoryConfig = StoryConfig()
    within_story: WithinStoryConfig = WithinStoryConfig()
    reuse: ReuseConfig | None = ReuseConfig()  # None: skip passage reuse
    event_summary_sentences: int = 3
    story_summary_sentences: int = 5


def group(articles: Sequence[AnalysedArticle], cfg: LinkConfig = LinkConfig()):
    """Features, event groups (article indices) and story groups (event indices)."""
    features = [article_features(a) for a in articles]
    vectors = tfidf_vectors(features)
    edges = event_edges(features, vectors, cfg.events)
    first = average_linkage(len(features), edges, cfg.events.threshold)
    events, stories = _events_and_stories(features, vectors, edges, first, cfg)
    return features, vectors, events, stories


def _events_and_stories(features, vectors, edges: Edges, first: list[list[int]], cfg: LinkConfig):
    """Stories from the first-pass events, then the events regrouped inside each story."""
    stories = cluster_stories(features, vectors, first, cfg.stories)
    days_apart = partial(date_factor, cfg=cfg.events)
    return events_within_stories(vectors.body, edges, first, stories, features, days_apart, cfg.within_story)


def link_corpus(articles: Sequence[AnalysedArticle], cfg: LinkConfig = LinkConfig()) -> Linking:
    if not articles:
        return Linking()
    features, _, event_groups, story_groups = group(articles, cfg)
    return _records(articles, features, event_groups, story_groups, cfg, {})


def assign(
    new_articles: Sequence[AnalysedArticle],
    existing: Linking,
    known: Sequence[AnalysedArticle],
    cfg: LinkConfig = LinkConfig(),
) -> Linking:
    """`existing` (the linking of `known`) with `new_articles` added.

    The first-pass events of every part of the candidate graph that a new article reaches are
    clustered again from scratch, so old events there may merge or split as new evidence
    arrives; stories and the events inside them then follow from the first pass as in batch
    linking, so the result equals batch linking (average linkage never joins articles the
    graph keeps apart). An event keeps its id while its articles do not change, and when it
    only grows.
    """
    known_ids = {a.article.id for a in known}
    fresh = [a for a in new_articles if a.article.id not in known_ids]
    if not fresh:
        return existing
    corpus = list(known) + fresh
    features = [article_features(a) for a in corpus]
    vectors = tfidf_vectors(features)
    edges = event_edges(features, vectors, cfg.events)
    reached = reachable(set(range(len(known), len(corpus))), edges)
    index = {a.article.id: i for i, a in enumerate(corpus)}
    old_groups = [[index[x] for x in e.article_ids if x in index] for e in existing.events]
    # The stored events are the second pass's, not the first pass's that seed the stories, so
    # the first pass is redone where the graph did not change too (same edges, same groups).
    outside = {p: s for p, s in edges.items() if p[0] not in reached}
    unreached = [[i] for i in range(len(corpus)) if i not in reached]
    kept = average_linkage(len(corpus), outside, cfg.events.threshold, init=unreached)
    inside = {p: s for p, s in edges.items() if p[0] in reached and p[1] in reached}
    regrouped = average_linkage(len(corpus), inside, cfg.events.threshold, init=[[i] for i in sorted(reached)])
    event_groups, story_groups = _events_and_stories(features, vectors, edges, kept + regrouped, cfg)
    old_ids = {tuple(sorted(g)): e.id for g, e in zip(old_groups, existing.events) if g}
    return _records(corpus, features, event_groups, story_groups, cfg, old_ids)


def reachable(starts: set[int], edges: Edges) -> set[int]:
    """The nodes connected to `starts` through `edges`."""
    near: dict[int, list[int]] = {}
    for i, j in edges:
        near.setdefault(i, []).append(j)
        near.setdefault(j, []).append(i)
    seen, todo = set(starts), list(starts)
    while todo:
        for j in near.get(todo.pop(), ()):
            if j not in seen:
                seen.add(j)
                todo.append(j)
    return seen


def _records(articles, features, event_groups, story_groups, cfg: LinkConfig, kept_ids) -> Linking:
    old_ids = _OldIds(kept_ids)
    events = [_event(articles, features, g, cfg, old_ids) for g in event_groups]
    stories = [_story(articles, events, event_groups, g, cfg) for g in story_groups]
    reuse = tuple(find_reuse(articles, cfg.reuse)) if cfg.reuse is not None else ()
    return Linking(reuse=reuse, events=tuple(events), stories=tuple(stories))


def _event(articles, features: Sequence[ArticleFeatures], members: Sequence[int], cfg: LinkConfig, old_ids: _OldIds) -> Event:
    ids = [articles[i].article.id for i in members]
    first = min(members, key=lambda i: (features[i].published or features[i].event_date or _FAR, i))
    dates = sorted(d for i in members if (d := features[i].event_date) is not None)
    return Event(
        id=old_ids.of(members) or event_id(ids),
        article_ids=tuple(ids),
        date=dates[len(dates) // 2].isoformat() if dates else None,
        title=features[first].title or features[first].lead[:160],
        summary=summarize_many([articles[i] for i in members], cfg.event_summary_sentences),
        entity_ids=tuple(sorted(set().union(*(features[i].entity_ids for i in members)))),
        conflicts=event_conflicts([(articles[i], features[i]) for i in members]),
    )


class _OldIds:
    """The ids of the events a linking had, found from the articles of a new group: a group that
    is an old event, or holds one whole (an event that grew), keeps its id."""

    def __init__(self, kept_ids: dict[tuple[int, ...], str]):
        self._ids = kept_ids
        self._rank = {old: k for k, old in enumerate(kept_ids)}
        self._old_of = {i: old for old in kept_ids for i in old}

    def of(self, members: Sequence[int]) -> str | None:
        member_set = set(members)
        olds = {self._old_of[i] for i in members if i in self._old_of}
        whole = [old for old in olds if set(old) <= member_set]
        return self._ids[min(whole, key=self._rank.__getitem__)] if whole else None


def _story(articles, events: Sequence[Event], event_groups, members: Sequence[int], cfg: LinkConfig) -> Story:
    ids = [a for e in members for a in events[e].article_ids]
    largest = max(members, key=lambda e: (len(event_groups[e]), -e))
    ordered = sorted(members, key=lambda e: (events[e].date or "9999", e))
    story_articles = [articles[i] for e in members for i in event_groups[e]]
    return Story(
        id=story_id(ids),
        event_ids=tuple(events[e].id for e in ordered),
        title=events[largest].title,
        timeline=story_timeline([events[e] for e in ordered], story_articles),
        summary=summarize_many(story_articles, cfg.story_summary_sentences),
    )
