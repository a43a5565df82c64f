from kabar.link.events import EventConfig, cluster_events, event_id
from kabar.link.features import article_features
from kabar.link.stories import cluster_stories
from kabar.link.vectors import tfidf_vectors


def test_events_same_happening_grouped_other_apart(corpus):
    features = [article_features(a) for a in corpus]
    vectors = tfidf_vectors(features)
    events = cluster_events(features, vectors)
    assert [0, 1] in events
    assert [3] in events
    assert not any(2 in g and 0 in g for g in events)


def test_events_dates_apart_lower_the_score(corpus):
    features = [article_features(a) for a in corpus]
    vectors = tfidf_vectors(features)
    strict = EventConfig(date_factors=(1.0, 0.0))
    events = cluster_events(features, vectors, strict)
    assert all(len(g) <= 2 for g in events)


def test_stories_join_events_of_one_topic(corpus):
    features = [article_features(a) for a in corpus]
    vectors = tfidf_vectors(features)
    events = cluster_events(features, vectors)
    stories = cluster_stories(features, vectors, events)
    flood = next(s for s in stories if any(0 in events[e] for e in s))
    assert {i for e in flood for i in events[e]} == {0, 1, 2}


def test_events_id_is_stable_and_order_free():
    assert event_id(["b", "a"]) == event_id(["a", "b"]) != event_id(["a"])
