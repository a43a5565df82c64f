import pytest

from kabar.link.events import EventConfig, cluster_events, event_id, pair_scores, same_day
from kabar.link.features import article_features
from kabar.link.stories import cluster_stories
from kabar.link.vectors import tfidf_vectors
from tests.link.conftest import make


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


def _hearing(aid: str, day_in_text: bool):
    lead = ("Anggota Komisi X DPR mendesak Menteri Kebudayaan menghentikan proyek penulisan ulang sejarah "
            "dalam rapat kerja di Gedung DPR" + (", Rabu (2/7/2025)." if day_in_text else "."))
    timexes = (("Rabu (2/7/2025)", "2025-07-02"),) if day_in_text else ()
    return make(aid, "Fraksi Desak Penulisan Ulang Sejarah Dihentikan", [lead], published="2025-07-02", timexes=timexes)


def test_events_same_day_named_in_both_texts_raises_the_score():
    named = [article_features(_hearing(a, True)) for a in ("a", "b")]
    published_only = [article_features(_hearing(a, False)) for a in ("a", "b")]
    assert same_day(*named) and not same_day(*published_only)
    scores = [pair_scores(f, tfidf_vectors(f), {(0, 1)}, EventConfig())[(0, 1)] for f in (named, published_only)]
    assert scores[0] > scores[1]


@pytest.mark.parametrize(
    ("days", "same"),
    [
        (("2025-07-02", "XXXX-07-02"), True),  # an undated page's "Rabu (2/7)" names the same day
        (("XXXX-07-02", "XXXX-07-02"), True),
        (("XXXX-07-02", "XXXX-07-03"), False),
        (("2025-07-02", "2024-07-02"), False),  # both years known: they must agree
    ],
)
def test_events_same_day_compares_month_and_day_when_a_year_is_missing(days, same):
    features = []
    for aid, value in zip(("a", "b"), days):
        lead = "Anggota Komisi X DPR mendesak Menteri Kebudayaan dalam rapat kerja, Rabu (2/7)."
        features.append(article_features(make(aid, "Rapat Komisi X", [lead], timexes=(("Rabu (2/7)", value),))))
    assert same_day(*features) is same


def test_events_a_reaction_report_scores_lower_with_the_happening():
    lead = ["Penyerang Liverpool Diogo Jota meninggal dunia dalam kecelakaan mobil di Zamora, Spanyol."]
    crash = make("crash", "Diogo Jota Meninggal dalam Kecelakaan di Spanyol", lead)
    crash_again = make("crash2", "Diogo Jota Meninggal dalam Kecelakaan Mobil", lead)
    condolence = make("duka", "Diogo Jota Meninggal, FC Porto Berduka", lead)
    features = [article_features(a) for a in (crash, crash_again, condolence)]
    scores = pair_scores(features, tfidf_vectors(features), {(0, 1), (0, 2)}, EventConfig())
    assert scores[(0, 2)] < scores[(0, 1)] * 0.75
