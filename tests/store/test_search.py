"""Search: stemmed matching, bm25 ranking with the title weighted, filters, safe on any query."""

from __future__ import annotations

import pytest

from kabar.analyse.stem import stem_text
from kabar.store import open_store
from kabar.store.search import parse_query, search, snippet
from kabar.store.terms import date_terms, facet_terms
from tests.store import factory


@pytest.fixture(scope="module", params=["fts", "scan"])
def store(request, tmp_path_factory):
    s = factory.fill(open_store(tmp_path_factory.mktemp("search") / "kabar.db"))
    if request.param == "scan":
        s.has_fts = False  # the portable path other databases use
    yield s
    s.close()


def ids(page):
    return [h.id for h in page.results]


KOMPAS, SRAGEN, TRIBUN = (factory.article_id(k) for k in ("kompas", "sragen", "tribun"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("banjir", [TRIBUN]),
        ("Banjir JAKARTA", [TRIBUN]),
        ("seruan", [KOMPAS]),  # stem of "menyerukan"
        ("mendukung teguh", [KOMPAS, SRAGEN]),
        ('"kerja sama"', [KOMPAS]),
        ("gempa bumi", []),
    ],
)
def test_search_stemmed_matches(store, query, expected):
    page = search(store, query)
    assert sorted(ids(page)) == sorted(expected)
    assert page.total == len(expected)


def test_search_title_weighted(store):
    # "bilateral" is in Sragen's title and in its body; Kompas never says it.
    page = search(store, "hubungan bilateral")
    assert ids(page)[0] == SRAGEN
    page = search(store, "pesan")  # in Kompas's title, only in Sragen's body
    assert ids(page)[0] == KOMPAS
    assert page.results[0].score >= page.results[-1].score


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"outlet": "kompas.com"}, [KOMPAS]),
        ({"date_from": "2021-07"}, [SRAGEN]),
        ({"date_to": "2021-03"}, [KOMPAS]),
        ({"date_from": "2021-03-23", "date_to": "2021-03-23"}, [KOMPAS]),
        ({"entity": "xi jinping"}, [KOMPAS, SRAGEN]),
        ({"entity": factory.entity_id("Kim Jong Un")}, [KOMPAS]),
        ({"entity": "Xi"}, [KOMPAS, SRAGEN]),  # an alias
        ({"entity": "tidak ada"}, []),
        ({"story": "st-china-korut"}, [KOMPAS, SRAGEN]),
        ({"story": "st-banjir"}, []),
    ],
)
def test_search_filters(store, kwargs, expected):
    page = search(store, "China", **kwargs)
    assert sorted(ids(page)) == sorted(expected)
    assert page.total == len(expected)


def test_search_filters_without_words_browse(store):
    page = search(store, "", story="st-banjir")
    assert ids(page) == [TRIBUN]
    assert search(store, "").total == 0


def test_search_paging(store):
    first = search(store, "china", limit=1)
    second = search(store, "china", limit=1, offset=1)
    assert first.total == second.total == 2
    assert ids(first) != ids(second)
    assert search(store, "china", offset=10**12).results == ()


@pytest.mark.parametrize(
    "query",
    [
        '"banjir',
        'banjir" OR',
        "banjir AND (",
        "NEAR(banjir jakarta",
        "title_stems:banjir",
        "banjir*",
        "-banjir ^jakarta",
        "banjir'; DROP TABLE articles; --",
        "' OR 1=1 --",
        "<script>alert(1)</script> banjir",
        "\x00banjir\uffff",
        "banjir " * 400,
    ],
)
def test_search_malformed_queries_are_plain_terms(store, query):
    page = search(store, query)
    assert TRIBUN in ids(page) or page.total == 0
    assert store.count("articles") == 3


def test_search_bad_dates_rejected(store):
    with pytest.raises(ValueError):
        search(store, "banjir", date_from="kemarin")


def test_search_snippet_highlights_and_escapes(store):
    hit = search(store, "banjir petugas").results[0]
    assert "<mark>Banjir</mark>" in hit.snippet or "<mark>banjir</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet


def test_search_parse_query_phrases_and_operators():
    parsed = parse_query('"kerja sama" OR menyerukan NOT')
    assert parsed.phrases[0] == ("kerja", "sama")
    assert ("seru",) in parsed.phrases
    assert all('"' not in s for p in parsed.phrases for s in p)
    assert parse_query('"tidak seimbang').phrases == tuple((s,) for s in stem_text("tidak seimbang"))


def test_search_snippet_window_around_match():
    text = "Kata pembuka. " * 40 + "Presiden menyerukan persatuan. " + "Kata penutup. " * 40
    out = snippet(text, {"seru"}, width=10)
    assert out.startswith("…") and out.endswith("…")
    assert "<mark>menyerukan</mark>" in out


@pytest.mark.parametrize(
    "date_from, date_to, expected",
    [
        ("2021", "2021", ["y2021"]),
        ("2021-03", "2021-04", ["m202103", "m202104"]),
        ("2021-03-30", "2021-04-01", ["d20210330", "d20210331", "d20210401"]),
        ("2020-12-31", "2022-01", ["d20201231", "y2021", "m202201"]),
        ("2021-05", "2021-04", []),
    ],
)
def test_search_date_terms_cover_range_exactly(date_from, date_to, expected):
    assert date_terms(date_from, date_to) == expected


def test_search_facet_terms():
    assert facet_terms("Kompas.com", "2021-03-23T18:31+07:00", ("ab12",)) == "okompascom eab12 y2021 m202103 d20210323"
    assert facet_terms(None, "2022") == "y2022"
    assert facet_terms("Sragen Update", None) == "osragenupdate"


def test_search_totals_capped(store, monkeypatch):
    from kabar.store import search as search_module

    monkeypatch.setattr(search_module, "COUNT_CAP", 1)
    page = search(store, "china")
    assert page.total == 1 and page.total_exact is False
    assert len(page.results) == 2


def test_search_snippet_merges_adjacent_matches():
    out = snippet("Pemimpin Korea Utara Kim Jong Un mengirim pesan.", {"kim", "jong", "un"})
    assert "<mark>Kim Jong Un</mark>" in out


def test_search_broad_queries_rank_title_matches_first(store, monkeypatch):
    from kabar.store import search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 1)
    page = search(store, "pesan")  # in Kompas's title, only in Sragen's body
    assert ids(page) == [KOMPAS, SRAGEN] if store.has_fts else ids(page)[0] == KOMPAS
    assert [h.score for h in page.results] == ([2.0, 1.0] if store.has_fts else [h.score for h in page.results])
    assert ids(search(store, "pesan", offset=1)) == [SRAGEN]
