from __future__ import annotations

from kabar.records import AnalysedArticle, Article, Author, Citation, Entity, Event, Linking, Mention, Story, TimelineEntry
from kabar.report import build_story_views, render_report

BODY = (
    "PYONGYANG, KOMPAS.com - Para pemimpin China dan Korea Utara menegaskan hubungan aliansi tradisional mereka.",
    "Kantor berita KCNA mengatakan Kim Jong Un bertukar pesan dengan Xi Jinping.",
)


def _analysed(article_id: str, title: str, published: str, body=BODY) -> AnalysedArticle:
    article = Article(
        id=article_id, source=f"{article_id}.txt", body=body, title=title, outlet="Kompas.com",
        published=published, authors=(Author("Shintaloka Pradita Sicca", "writer"),),
        sources_cited=("KCNA", "Associated Press"), boilerplate=("Baca juga: Korea Utara Sebut Grup Band K-pop",),
    )
    start = article.text.find("Kim Jong Un")
    if start < 0:
        return AnalysedArticle(article)
    kim = Entity("e-kim", "Kim Jong Un", "PER")
    return AnalysedArticle(article, (kim,), (Mention(article_id, start, start + 11, "Kim Jong Un", "PER", "e-kim"),))


def _linking() -> Linking:
    sentence = Citation("a1", 0, len(BODY[0]), BODY[0])
    event = Event("ev1", ("a1", "a2"), "2021-03-22", "Kim dan Xi bertukar pesan", summary=(sentence,))
    story = Story("st1", ("ev1",), "China–Korea Utara", timeline=(TimelineEntry("2021-03-22", "Pesan dipertukarkan", (sentence,)),))
    return Linking(events=(event,), stories=(story,))


def test_report_groups_articles_by_story_and_event():
    articles = [_analysed("a1", "Pertama", "2021-03-23T18:31+07:00"), _analysed("a2", "Kedua", "2021-03-22"), _analysed("a3", "Lain", "2021-01-01")]
    views = build_story_views(articles, _linking())
    assert views[0].story.id == "st1"
    assert [a.article.id for a in views[0].events[0].articles] == ["a2", "a1"]  # oldest first
    assert views[-1].story is None and [a.article.id for a in views[-1].events[0].articles] == ["a3"]
    assert views[0].events[0].entities[0][0].canonical == "Kim Jong Un"


def test_report_escapes_untrusted_article_text():
    evil = _analysed("a1", "<script>alert(1)</script>", "2021-03-23", body=("Teks <img src=x onerror=alert(1)> biasa.",))
    html = render_report([evil], Linking())
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_report_shows_timeline_sources_and_removed_boilerplate():
    html = render_report([_analysed("a1", "Pertama", "2021-03-23"), _analysed("a2", "Kedua", "2021-03-22")], _linking())
    assert "2021-03-22" in html and "Pesan dipertukarkan" in html
    assert "sources cited: KCNA, Associated Press" in html and "KCNA →" not in html  # cited, not a relay chain
    assert "Baca juga: Korea Utara Sebut Grup Band K-pop" in html
    assert "Shintaloka Pradita Sicca (writer)" in html


def test_report_quote_shows_the_other_outlets_carrying_it():
    import re

    from kabar.link.quote_links import link_quotes
    from tests.store import factory

    items = factory.quoted_twice()
    html = render_report(items, Linking(), quote_links=link_quotes(items))
    carried = re.findall(r'<span class="carried">(.*?)</span>', html)
    assert len(carried) == 2
    kompas_id, sragen_id = (a.article.id for a in items)
    on_kompas = next(c for c in carried if sragen_id in c)
    on_sragen = next(c for c in carried if kompas_id in c)
    assert "Sragen Update</a> (2021-07-12T12:02+07:00)" in on_kompas
    assert "Kompas.com</a> (first, 2021-03-23T18:31+07:00)" in on_sragen


def test_report_without_quote_links_shows_no_carriers():
    from tests.store import factory

    assert 'class="carried"' not in render_report(factory.quoted_twice(), Linking())


def test_report_citations_link_to_the_sentence_and_number_sources_once():
    import re

    html = render_report([_analysed("a1", "Pertama", "2021-03-23"), _analysed("a2", "Kedua", "2021-03-22")], _linking())
    # the timeline cites a1's first sentence: a numbered link to it, the title not repeated
    refs = re.findall(r'<sup class="ref"><a href="#c-a1-0"[^>]*>\[1\]</a></sup>', html)
    assert len(refs) == 1
    assert html.count(">Pertama<") == 2  # the sources list and the article's heading; not after each sentence
    assert '<ol class="sources"><li><a href="#a-a1">Pertama</a>' in html
    # the sentence is marked in the body, where the link lands
    assert f'<mark id="c-a1-0">{BODY[0]}</mark>' in html
    # the event's own summary is not repeated under the story's timeline
    assert html.count(BODY[0]) == 2  # in the bodies of a1 and a2 only


def test_report_plurals():
    one = render_report([_analysed("a1", "Pertama", "2021-03-23")], Linking(events=(Event("ev1", ("a1",), "2021-03-22", "x"),), stories=(Story("st1", ("ev1",), "Satu"),)))
    assert "1 article from 1 outlet" in one and "1 story ·" in one and "1 event ·" in one
    assert "1 stories" not in one and "1 events" not in one and "(2 paragraphs)" in one
    two = render_report([_analysed("a1", "Pertama", "2021-03-23"), _analysed("a2", "Kedua", "2021-03-22")], _linking())
    assert "2 articles from 1 outlet" in two


def test_report_reuse_lists_each_pair_once_with_the_passage():
    from kabar.records import Reuse

    a1, a2 = _analysed("a1", "Pertama", "2021-03-23"), _analysed("a2", "Kedua", "2021-03-22")
    end = len(BODY[0])
    reuse = (
        Reuse("a2", "a1", 0, end, 0, end, 0.97, "copy"),
        Reuse("a1", "a2", 0, end, 0, end, 0.97, "copy"),  # the same pair the other way round
        Reuse("a2", "a1", end + 1, len(a2.article.text), end + 1, len(a1.article.text), 0.9, "near-copy", "KCNA"),
    )
    html = render_report([a1, a2], Linking(reuse=reuse))
    table = html[html.index("<h2>Text reuse</h2>") :]
    assert table.count("<tr><td>") == 1
    assert f'<blockquote class="passage">{BODY[0]}</blockquote>' in table
    assert "2 passages shared" in table


def test_report_quote_sources_are_listed_not_chained():
    from dataclasses import replace

    from kabar.records import Quote

    a = _analysed("a1", "Pertama", "2021-03-23")
    start = a.article.text.find("Kim Jong Un")
    quote = Quote("a1", start, start + 11, "Kim Jong Un", "direct", "KCNA", "KCNA", "mengatakan", ("KCNA", "Xinhua", "Associated Press"))
    html = render_report([replace(a, quotes=(quote,))], Linking())
    # "Menurut KCNA dan ... Xinhua": the analyser's order is not a chain the article states
    assert "via KCNA, Xinhua, Associated Press" in html and "KCNA →" not in html


def _exchange(article_id: str, date: str | None, background: bool = False):
    from kabar.analyse.plover.record import EventMention

    start = len(BODY[0]) + 1
    return EventMention(article_id, start, start + len(BODY[1]), BODY[1], "CONSULT", None, "Kim Jong Un", "Kim Jong Un",
                        "Xi Jinping", "Xi Jinping", date, None, background, "bertukar pesan")


def test_report_story_lists_its_coded_events_once_by_date():
    from kabar.report import build_coded_views

    articles = [_analysed("a1", "Pertama", "2021-03-23"), _analysed("a2", "Kedua", "2021-03-22")]
    coded = {"a1": [_exchange("a1", "2021-03-22")], "a2": [_exchange("a2", "2021-03-22"), _exchange("a2", "1961", background=True)]}
    story = build_story_views(articles, _linking())[0]
    [view] = build_coded_views(story, coded)  # the same dated act in two articles; the 1961 history left out
    assert view.mention.type == "CONSULT" and set(view.article_ids) == {"a1", "a2"}
    html = render_report(articles, _linking(), coded=coded)
    assert "Who did what to whom (1 coded event, PLOVER)" in html
    assert "<strong>Kim Jong Un</strong> <span class=\"tag\">CONSULT</span> → <strong>Xi Jinping</strong>" in html
    assert "Who did what to whom" not in render_report(articles, _linking())  # nothing coded: no section
