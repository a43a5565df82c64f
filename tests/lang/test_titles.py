"""The one list of titles (kabar.lang.id.titles, titles.tsv) and the views the rules read from it."""

from __future__ import annotations

import pytest

from kabar.lang.id import quote_cues, titles
from kabar.lang.id.aliases import alias_table, canonical_title


def test_titles_every_short_form_stands_for_a_title_of_the_list():
    assert {short: long for short, long in titles.SHORT_FORMS.items() if long not in titles.TITLES} == {}


def test_titles_flags_make_the_views():
    assert {"presiden", "menteri luar negeri", "menlu"} <= titles.PERSON_TITLES <= titles.TITLES
    assert {"jenderal", "sultan", "tni"} <= titles.EPONYM_TITLES
    assert "gubernur" not in titles.EPONYM_TITLES  # an office names the person acting, not the place
    # a word of titles ("dusun", "ceo") is no title alone: the entity rules do not strip it
    assert {"dusun", "ceo"} <= titles.TITLE_WORDS and not {"dusun", "ceo"} & titles.TITLES


def test_titles_the_alias_table_and_the_quote_cues_read_the_one_list():
    assert alias_table().titles == titles.TITLES and alias_table().person_titles == titles.PERSON_TITLES
    assert quote_cues.TITLE_WORDS is titles.TITLE_WORDS
    words_of_titles = {w for t in titles.TITLES for w in t.split()}
    assert words_of_titles - {"dan", "dalam"} <= titles.TITLE_WORDS  # "Menteri Pemuda dan Olahraga"
    assert not {"dan", "dalam"} & titles.TITLE_WORDS


@pytest.mark.parametrize(
    ("phrase", "title"),
    [("Menkeu", "menteri keuangan"), ("sang Presiden", "presiden"), ("Walikota", "wali kota"), ("Jubir", "juru bicara"), ("pemain", None)],
)
def test_titles_short_forms_name_their_long_title(phrase, title):
    assert canonical_title(phrase) == title


def test_titles_parse_refuses_an_unknown_flag():
    assert titles.parse("# a comment\nPresiden\tperson\nMenkeu\tperson\tMenteri Keuangan\n") == [
        ("presiden", frozenset({"person"}), ""), ("menkeu", frozenset({"person"}), "menteri keuangan"),
    ]
    with pytest.raises(ValueError, match="line 2: unknown flag \\['persn'\\]"):
        titles.parse("Presiden\tperson\nWapres\tpersn\n")
