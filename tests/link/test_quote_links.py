"""The same quotation across articles: grouped, earliest version first."""

from __future__ import annotations

from kabar.analyse.quotes import annotate
from kabar.link.quote_links import link_quotes, similarity, normalise
from kabar.records import AnalysedArticle, Article


def analysed(aid: str, outlet: str, published: str | None, *body: str) -> AnalysedArticle:
    art = Article(id=aid, source=aid, body=body, outlet=outlet, published=published)
    return AnalysedArticle(art, quotes=annotate(art))


XI_LONG = (
    "“Dunia baru-baru ini melihat percepatan perubahan yang belum pernah terjadi sebelumnya selama satu abad terakhir,” "
    "kata Xi Jinping."
)
XI_SHORT = "“Dunia baru-baru ini melihat percepatan perubahan yang belum pernah terjadi ... selama satu abad terakhir,” kata Xi."


def test_quote_links_groups_same_quote_earliest_first():
    later = analysed("b", "CNBC Indonesia", "2021-10-28T20:47+07:00", XI_SHORT)
    earlier = analysed("a", "Sragen Update", "2021-07-12T10:00+07:00", XI_LONG)
    other = analysed("c", "Kompas.com", "2021-03-23", "“Harga cabai di pasar naik tajam minggu ini,” kata Siti.")
    groups = link_quotes([later, earlier, other])
    assert len(groups) == 1
    group = groups[0]
    assert group.article_ids == ("a", "b")
    assert group.first.outlet == "Sragen Update"
    assert group.speaker == "Xi Jinping"


def test_quote_links_unknown_date_comes_last():
    undated = analysed("a", "X", None, XI_LONG)
    dated = analysed("b", "Y", "2022-11-26", XI_SHORT)
    assert link_quotes([undated, dated])[0].article_ids == ("b", "a")


def test_quote_links_same_article_is_not_a_link():
    art = analysed("a", "X", "2021-07-12", XI_LONG, XI_SHORT)
    assert link_quotes([art]) == ()


def test_quote_links_ids_are_stable():
    arts = [analysed("a", "X", "2021-07-12", XI_LONG), analysed("b", "Y", "2021-07-13", XI_SHORT)]
    assert link_quotes(arts)[0].id == link_quotes(list(reversed(arts)))[0].id


def test_quote_links_similarity_ignores_punctuation_and_case():
    assert similarity(normalise("Saya ingin ... memimpin!"), normalise("saya ingin memimpin")) == 1.0
    assert similarity(normalise("harga naik"), normalise("banjir melanda")) == 0.0


def test_quote_links_same_names_different_statement_not_linked():
    a = analysed("a", "X", "2021-03-23", "KCNA mengatakan bahwa Kim Jong Un bertukar pesan dengan Xi Jinping.")
    b = analysed("b", "Y", "2017-11-02", "KCNA melaporkan Xi Jinping membalas sebuah pesan dari Kim Jong Un yang dikirim minggu lalu.")
    assert link_quotes([a, b]) == ()
