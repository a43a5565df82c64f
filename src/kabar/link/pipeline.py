"""The linking stage end to end: features → events → stories → summaries, timelines, reuse.

`link_corpus` links a whole corpus; `assign` adds new articles to an existing
linking: each joins the existing event it is closest to (average pair score
over that event's members) when that passes the event threshold, the rest
are clustered among themselves, and the old events keep their ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from kabar.link.conflicts import event_conflicts
from kabar.link.events import EventConfig, candidate_pairs, cluster_events, event_id, pair_scores
from kabar.link.features import ArticleFeatures, article_features
from kabar.link.graph import average_linkage
from kabar.link.reuse import ReuseConfig, find_reuse
from kabar.link.stories import StoryConfig, cluster_stories, story_id
from kabar.link.summary import summarize_many
from kabar.link.timeline import story_timeline
from kabar.link.vectors import tfidf_vectors
from kabar.records import AnalysedArticle, Event, Linking, Story

_FAR = date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class LinkConfig:
    events: EventConfig = EventConfig()
    stories: StoryConfig = StoryConfig()
    reuse: ReuseConfig | None = ReuseConfig()  # None: skip passage reuse
    event_summary_sentences: int = 3
    story_summary_sentences: int = 5


def group(articles: Sequence[AnalysedArticle], cfg: LinkConfig = LinkConfig()):
    """Features, event groups (article indices) and story groups (event indices)."""
    features = [article_features(a) for a in articles]
    vectors = tfidf_vectors(features)
    events = cluster_events(features, vectors, cfg.events)
    stories = cluster_stories(features, vectors, events, cfg.stories)
    return features, vectors, events, stories


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
    """`existing` (the linking of `known`) with `new_articles` added, old events kept whole."""
    known_ids = {a.article.id for a in known}
    fresh = [a for a in new_articles if a.article.id not in known_ids]
    corpus = list(known) + fresh
    if not fresh:
        return existing
    features = [article_features(a) for a in corpus]
    vectors = tfidf_vectors(features)
    index = {a.article.id: i for i, a in enumerate(corpus)}
    old_groups = [[index[x] for x in e.article_ids if x in index] for e in existing.events]
    old_groups = [g for g in old_groups if g]
    covered = {i for g in old_groups for i in g}
    init = old_groups + [[i] for i in range(len(corpus)) if i not in covered]
    # Only pairs touching a new article are scored: old events never split or merge here.
    new_index = set(range(len(known), len(corpus)))
    pairs = {p for p in candidate_pairs(vectors, cfg.events) if p[0] in new_index or p[1] in new_index}
    edges = pair_scores(features, vectors, pairs, cfg.events)
    event_groups = _merge_new(average_linkage(len(corpus), edges, cfg.events.threshold, init=init), covered, old_groups)
    story_groups = cluster_stories(features, vectors, event_groups, cfg.stories)
    kept_ids = {tuple(sorted(index[x] for x in e.article_ids if x in index)): e.id for e in existing.events}
    return _records(corpus, features, event_groups, story_groups, cfg, kept_ids)


def _merge_new(groups: list[list[int]], covered: set[int], old: list[list[int]]) -> list[list[int]]:
    """Average linkage may merge two old events through a new article; split them back."""
    out = []
    old_of = {i: k for k, g in enumerate(old) for i in g}
    for g in groups:
        olds = {old_of[i] for i in g if i in covered}
        if len(olds) <= 1:
            out.append(g)
            continue
        out.extend(old[k] for k in sorted(olds))
        out.extend([i] for i in g if i not in covered)
    return out


def _records(articles, features, event_groups, story_groups, cfg: LinkConfig, kept_ids) -> Linking:
    events = [_event(articles, features, g, cfg, kept_ids) for g in event_groups]
    stories = [_story(articles, events, event_groups, g, cfg) for g in story_groups]
    reuse = tuple(find_reuse(articles, cfg.reuse)) if cfg.reuse is not None else ()
    return Linking(reuse=reuse, events=tuple(events), stories=tuple(stories))


def _event(articles, features: Sequence[ArticleFeatures], members: Sequence[int], cfg: LinkConfig, kept_ids) -> Event:
    ids = [articles[i].article.id for i in members]
    first = min(members, key=lambda i: (features[i].published or features[i].event_date or _FAR, i))
    dates = sorted(d for i in members if (d := features[i].event_date) is not None)
    old_members = tuple(sorted(i for i in members))
    return Event(
        id=kept_ids.get(old_members) or _kept_id(kept_ids, members) or event_id(ids),
        article_ids=tuple(ids),
        date=dates[len(dates) // 2].isoformat() if dates else None,
        title=features[first].title or features[first].lead[:160],
        summary=summarize_many([articles[i] for i in members], cfg.event_summary_sentences),
        entity_ids=tuple(sorted(set().union(*(features[i].entity_ids for i in members)))),
        conflicts=event_conflicts([(articles[i], features[i]) for i in members]),
    )


def _kept_id(kept_ids: dict, members: Sequence[int]) -> str | None:
    """An old event that grew keeps its id."""
    member_set = set(members)
    return next((eid for old, eid in kept_ids.items() if old and set(old) <= member_set), None)


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
