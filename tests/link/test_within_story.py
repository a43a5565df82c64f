from dataclasses import replace
from datetime import timedelta
from functools import partial

import numpy as np

from kabar.link.events import EventConfig, date_factor
from kabar.link.features import article_features
from kabar.link.vectors import tfidf_vectors
from kabar.link.within_story import events_within_stories, story_means

SAME_DAY = partial(date_factor, cfg=EventConfig())


def test_within_story_means_add_up_every_pair_of_a_story(corpus):
    body = tfidf_vectors([article_features(a) for a in corpus]).body
    sums, counts = story_means(body, np.array([0, 0, 0, 1]), 2)
    dots = (body @ body.T).toarray()
    assert counts.tolist() == [3.0, 0.0]
    assert np.isclose(sums[0], dots[0, 1] + dots[0, 2] + dots[1, 2], atol=1e-5)
    assert abs(sums[1]) < 1e-6  # a story of one article has no pairs


def test_within_story_two_reports_of_the_flood_apart_from_the_ministers_visit(corpus):
    features = [article_features(a) for a in corpus]
    body = tfidf_vectors(features).body
    first = [[0], [1], [2], [3]]  # nothing grouped yet: the second pass groups by itself
    events, stories = events_within_stories(body, {}, first, [[0, 1, 2], [3]], features, SAME_DAY)
    assert sorted(events) == [[0, 1], [2], [3]]
    assert sorted(sorted(i for e in s for i in events[e]) for s in stories) == [[0, 1, 2], [3]]


def test_within_story_happenings_days_apart_are_not_one_event(corpus):
    features = [article_features(a) for a in corpus]
    later = features[1].event_date + timedelta(days=10)
    features[1] = replace(features[1], event_date=later)
    body = tfidf_vectors(features).body
    events, _ = events_within_stories(body, {}, [[0], [1], [2], [3]], [[0, 1, 2], [3]], features, SAME_DAY)
    assert [0, 1] not in events


def test_within_story_articles_never_leave_their_story(corpus):
    features = [article_features(a) for a in corpus]
    body = tfidf_vectors(features).body
    events, _ = events_within_stories(body, {}, [[0], [1], [2], [3]], [[0], [1], [2], [3]], features, SAME_DAY)
    assert sorted(events) == [[0], [1], [2], [3]]


def test_within_story_a_lone_pair_keeps_its_first_pass_event(corpus):
    # Two reports of the flood are all the store holds: there is no other story pair to measure
    # their similarity against, so the second pass must not split what the first pass joined.
    features = [article_features(a) for a in corpus[:2]]
    body = tfidf_vectors(features).body
    events, stories = events_within_stories(body, {}, [[0, 1]], [[0]], features, SAME_DAY)
    assert events == [[0, 1]] and stories == [[0]]
