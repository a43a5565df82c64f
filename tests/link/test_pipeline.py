from kabar.link import link
from kabar.link.pipeline import assign


def test_pipeline_link_returns_events_stories_and_summaries(corpus):
    linking = link(corpus)
    assert sorted(a for e in linking.events for a in e.article_ids) == sorted(a.article.id for a in corpus)
    assert linking.event_of("banjir-a") == linking.event_of("banjir-b")
    assert linking.story_of("banjir-c") == linking.story_of("banjir-a") != linking.story_of("bola")
    flood = next(e for e in linking.events if "banjir-a" in e.article_ids)
    assert flood.summary and flood.date == "2025-03-03"
    assert any("1.200" in note for note in flood.conflicts)
    story = next(s for s in linking.stories if flood.id in s.event_ids)
    assert story.timeline and story.summary


def test_pipeline_link_ids_are_stable(corpus):
    assert [e.id for e in link(corpus).events] == [e.id for e in link(list(corpus)).events]


def test_pipeline_link_empty_corpus():
    assert link([]).events == ()


def test_pipeline_assign_new_article_joins_existing_event(corpus):
    old = link(corpus[:1] + corpus[2:])
    before = old.event_of("banjir-a")
    updated = assign([corpus[1]], old, corpus[:1] + corpus[2:])
    assert updated.event_of("banjir-b") == updated.event_of("banjir-a") == before
    assert updated.event_of("bola") == old.event_of("bola")


def _groups(linking):
    return sorted(sorted(e.article_ids) for e in linking.events)


def test_pipeline_assign_in_halves_equals_batch(corpus):
    ordered = sorted(corpus, key=lambda a: a.article.published or "")
    first = link(ordered[:2])
    assert _groups(assign(ordered[2:], first, ordered[:2])) == _groups(link(ordered))


def test_pipeline_assign_keeps_untouched_event_ids(corpus):
    old = link(corpus[:3])
    updated = assign([corpus[3]], old, corpus[:3])
    assert {e.id for e in old.events} <= {e.id for e in updated.events}


def test_reachable_follows_edges_only():
    from kabar.link.pipeline import reachable

    assert reachable({0}, {(0, 1): 0.5, (1, 2): 0.2, (3, 4): 0.9}) == {0, 1, 2}
