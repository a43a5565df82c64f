"""Search: stemmed matching, bm25 ranking with the title weighted, filters, safe on any query."""

from __future__ import annotations

import re

import pytest

from kabar.analyse.stem import stem_text
from kabar.store import open_store
from kabar.store import syntax
from kabar.store.search import parse_query, search, snippet
from kabar.store.syntax import QuerySyntaxError
from kabar.store.terms import date_terms, facet_terms
from tests.store import factory
from tests.store.conftest import backend_url


@pytest.fixture(scope="module", params=["fts", "scan", "postgresql"])
def store(request, tmp_path_factory):
    """SQLite with FTS5, SQLite scanning the stems, PostgreSQL with its tsvector (skipped without a server)."""
    backend = "postgresql" if request.param == "postgresql" else "sqlite"
    s = factory.fill(open_store(backend_url(backend, request, tmp_path_factory.mktemp("search"))))
    if request.param == "scan":
        s.has_fts = False  # the portable path a SQLite without FTS5 uses
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
        "NEAR(banjir jakarta)",
        "title_stems:banjir",
        "banjir*",
        "-jakarta ^banjir",
        "banjir'; DROP TABLE articles; --",
        "<script>alert(1)</script> banjir",
        "\x00banjir\uffff",
        'banjir {title_stems} : "x" * ^',
        "banjir " * 140,  # 980 characters, a pasted paragraph
    ],
)
def test_search_operator_characters_are_plain_words(store, query):
    page = search(store, query)
    assert TRIBUN in ids(page) or page.total == 0
    assert store.count("articles") == 3


@pytest.mark.parametrize(
    "query, says",
    [
        ('"banjir', "unbalanced quote: a phrase opened at character 1"),
        ('banjir" OR', "unbalanced quote: a phrase opened at character 7"),
        ("banjir AND (", "the one at character 12 is never closed"),
        ("banjir AND", "AND at character 8 needs something after it"),
        ("(banjir jakarta", "the one at character 1 is never closed"),
        ("banjir) jakarta", "nothing opened the one at character 7"),
        ("banjir OR", "OR at character 8 needs something to find on each side"),
        ("OR banjir", "OR at character 1"),
        ("-banjir", "not only words to leave out"),
        ("China OR -banjir", "not only words to leave out"),
        ("banjir date:kemarin", "must be YYYY, YYYY-MM or YYYY-MM-DD"),
        ("' OR 1=1 --", "OR at character 3"),
        ("a " * 201, "too many terms"),  # 402 characters: within MAX_QUERY
    ],
)
def test_search_malformed_queries_are_explained(store, query, says):
    with pytest.raises(QuerySyntaxError, match=re.escape(says)):
        search(store, query)
    assert store.count("articles") == 3


@pytest.mark.parametrize(
    "query, expected",
    [
        ("banjir OR seruan", [TRIBUN, KOMPAS]),
        ("banjir or seruan", []),  # lower-case "or" is a word: no article has all three
        ("China -Xi", []),
        ("China -Kim", [SRAGEN]),
        ("China NOT Kim", [SRAGEN]),
        ("(Kim OR banjir) -pesan", [TRIBUN]),
        ("Korea -(Kim OR banjir)", [SRAGEN]),
        ('"Korea Utara" AND bilateral', [SRAGEN]),
        ('"Utara Korea"', []),  # a phrase keeps its order
        ("bilat*", [SRAGEN]),
        ("jak* -banjir", []),
        ("title:banjir", [TRIBUN]),
        ("title:bantu", []),  # "bantuan" is in Sragen's body only
        ("bantu", [SRAGEN]),
        ("outlet:Kompas.com", [KOMPAS]),
        ('outlet:"Sragen Update" China', [SRAGEN]),
        ("China -outlet:kompas.com", [SRAGEN]),
        ('entity:"Xi Jinping"', [KOMPAS, SRAGEN]),
        ("entity:Siti -banjir", []),
        ("entity:tidak-ada OR banjir", [TRIBUN]),  # an unknown entity matches nothing, the rest still counts
        ("China date:2021-07..2021-12", [SRAGEN]),
        ("China date:..2021-06", [KOMPAS]),
        ("date:2022", [TRIBUN]),
        ("date:2021-03-23", [KOMPAS]),
    ],
)
def test_search_query_syntax(store, query, expected):
    page = search(store, query)
    assert sorted(ids(page)) == sorted(expected)
    assert page.total == len(expected)


def test_search_excluded_words_are_not_highlighted(store):
    page = search(store, "China -Kim")
    assert page.terms == ("china",)
    assert "<mark>" in page.results[0].snippet and "<mark>Kim" not in page.results[0].snippet


def test_search_plain_snippet_offsets(store):
    hit = search(store, "banjir petugas").results[0]
    plain = hit.to_plain()
    assert "<mark>" not in plain["snippet"] and "&lt;" not in plain["snippet"] and "&#x27;" not in plain["snippet"]
    assert "<script>alert('x')</script>" in plain["snippet"]  # the article's own words, unescaped, as text
    marked = [plain["snippet"][s:e].lower() for s, e in plain["matches"]]
    assert "banjir" in marked and "petugas" in marked


def test_search_facet_counts(store):
    page = search(store, "China OR banjir", facets=True)
    assert page.facets is not None and page.facets.counted == 3
    assert {(f.value, f.count) for f in page.facets.outlet} == {("Kompas.com", 1), ("Sragen Update", 1), ("Tribunnews.com", 1)}
    assert {(f.value, f.count) for f in page.facets.month} == {("2021-03", 1), ("2021-07", 1), ("2022-11", 1)}
    entities = {f.label: f.count for f in page.facets.entity}
    assert entities["China"] == 2 and entities["Jakarta"] == 1
    assert {(f.value, f.count) for f in page.facets.story} == {("st-china-korut", 2), ("st-banjir", 1)}
    only = search(store, "", outlet="Tribunnews.com", facets=True).facets
    assert [(f.value, f.count) for f in only.outlet] == [("Tribunnews.com", 1)]


def test_search_bad_dates_rejected(store):
    with pytest.raises(ValueError):
        search(store, "banjir", date_from="kemarin")


def test_search_snippet_highlights_and_escapes(store):
    hit = search(store, "banjir petugas").results[0]
    assert "<mark>Banjir</mark>" in hit.snippet or "<mark>banjir</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet


def test_search_parse_query_phrases_and_operators():
    node = parse_query(None, '"kerja sama" OR menyerukan -"Korea Utara"')
    assert node == syntax.AnyOf(
        (syntax.Term("text", ("kerja", "sama")), syntax.AllOf((syntax.Term("text", ("seru",)),), (syntax.Term("text", ("korea", "utara")),)))
    )
    assert syntax.to_fts(node).count('"') == 6  # every token quoted: nothing typed is an FTS5 operator
    with pytest.raises(QuerySyntaxError, match="NOT at character 28"):
        parse_query(None, '"kerja sama" OR menyerukan NOT')


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


def test_search_marks_inside_a_word_part_it(store):
    # "<script>banjir</script>" is two words, "script" and "banjir" (Tribun's body holds both, apart)
    assert ids(search(store, "<script>banjir</script>")) == [TRIBUN]
    assert syntax.to_fts(parse_query(None, "Jakarta-Timur")).count('"') == 2  # a hyphenated word stays one phrase


def test_search_prefix_matches_are_highlighted(store):
    page = search(store, "bilat*")
    assert page.terms == ("bilat*",)
    assert "<mark>bilateral</mark>" in page.results[0].snippet
    assert ids(search(store, "bilat* hubung*", limit=1)) == [SRAGEN]  # "bilateral" in the title ranks it first


def test_search_snippet_prefix_keys():
    out = snippet("Indonesia dan Korea menjalin hubungan ekonomi yang erat.", {"ekonom*"})
    assert "<mark>ekonomi</mark>" in out and out.count("<mark>") == 1


def test_search_broad_prefix_query_ranks_titles_first(store, monkeypatch):
    from kabar.store import search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 1)  # the path of queries matching many articles
    page = search(store, "pes*")  # "pesan": in Kompas's title, only in Sragen's body
    assert ids(page)[0] == KOMPAS and sorted(ids(page)) == sorted([KOMPAS, SRAGEN])
