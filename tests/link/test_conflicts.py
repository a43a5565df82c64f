from kabar.link.conflicts import event_conflicts
from kabar.link.features import article_features


def test_conflicts_flag_differing_counts(corpus):
    members = [(a, article_features(a)) for a in corpus[:2]]
    notes = event_conflicts(members)
    assert any("warga" in n and "1.200" in n and "1.500" in n for n in notes)
    assert not any("rumah" in n for n in notes)  # both say 300 rumah


def test_conflicts_none_for_one_article(corpus):
    assert event_conflicts([(corpus[0], article_features(corpus[0]))]) == ()
