from datetime import date

import pytest

from kabar.link.features import article_features, parse_day
from tests.link.conftest import make


@pytest.mark.parametrize(
    "value,expected",
    [("2021-03-22", date(2021, 3, 22)), ("2021-03-23T18:31+07:00", date(2021, 3, 23)), ("2021-06", None), (None, None),
     ("2021-02-30", None)],
)
def test_features_parse_day(value, expected):
    assert parse_day(value) == expected


def test_features_event_date_prefers_lead_timex_over_publication(corpus):
    features = article_features(corpus[0])
    assert features.event_date == date(2025, 3, 3)
    assert features.title.startswith("Banjir Rendam")
    assert "banjir" in features.head_stems


def test_features_first_short_paragraph_is_title_when_none_given():
    article = make("x", None, ["Kebakaran Pasar Senen", "Api melahap ratusan kios di Pasar Senen, Jakarta Pusat, pada Kamis pagi."])
    features = article_features(article)
    assert features.title == "Kebakaran Pasar Senen"
    assert features.lead.startswith("Api melahap")
    assert features.event_date is None


@pytest.mark.parametrize(
    ("title", "reaction"),
    [
        ("Diogo Jota Meninggal Dunia, FC Porto Berduka", True),
        ("Ucapan Duka Liverpool untuk Diogo Jota", True),
        ("Reaksi Erick Thohir Usai Timnas Putri Kalah dari Pakistan", True),
        ("Kronologi Diogo Jota Meninggal karena Kecelakaan di Spanyol", False),
        ("Gempa Guncang Sulawesi Tengah Pukul 03.00 WIB", False),  # "pukul" of a clock time
    ],
)
def test_features_headline_of_a_reaction_report(title, reaction):
    assert article_features(make("a", title, ["Isi berita."])).reaction is reaction


def test_event_date_skips_a_birth_date_in_the_lead():
    article = make(
        "tokoh",
        "Tokoh Pers Wafat",
        ["Tokoh pers yang lahir di Padang, 12 Mei 1960, itu meninggal dunia di Jakarta, Selasa (1/7/2025).",
         "Jenazah dimakamkan di TPU Tanah Kusir."],
        published="2025-07-02",
        timexes=(("12 Mei 1960", "1960-05-12"), ("Selasa (1/7/2025)", "2025-07-01")),
    )
    features = article_features(article)
    assert features.event_date == date(2025, 7, 1) and features.event_date_in_text
