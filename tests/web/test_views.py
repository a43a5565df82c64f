"""View builders: highlights nest and escape at any offsets; charts place dates in order."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.web.views import Span, article_spans, highlight, mentions_chart, timeline_chart, timex_date
from tests.store import factory


class _Checker(HTMLParser):
    """Collects text and checks that tags nest properly."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def _parse(markup: str) -> _Checker:
    c = _Checker()
    c.feed(markup)
    c.close()
    return c


def _text_of(markup: str) -> str:
    # paragraphs back to "\n": the highlighted text must be the article text, unchanged
    return "".join(_parse(markup.replace("</p>\n<p>", "\n")).text)


def test_views_highlight_article_keeps_text_and_nests():
    for a in factory.corpus():
        markup = str(highlight(a.article.text, article_spans(a)))
        checked = _parse(markup)
        assert checked.ok and checked.stack == []
        assert _text_of(markup) == a.article.text
        assert markup.count('class="ent ') == len(a.mentions)


def test_views_highlight_escapes_text_and_attributes():
    text = "Gubernur <script>alert(1)</script> & \"warga\""
    spans = [Span(0, 8, "mention", "a", (("href", '/entities/"><script>x'), ("title", "<b>")))]
    markup = str(highlight(text, spans))
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup and "&amp;" in markup
    assert 'href="/entities/&quot;&gt;&lt;script&gt;x"' in markup


def test_views_highlight_overlaps_are_split():
    text = "Presiden Joko Widodo berkata hari ini"
    spans = [Span(9, 20, "mention", "a", ()), Span(14, 37, "quote", "span", ())]
    markup = str(highlight(text, spans))
    assert _parse(markup).ok
    assert _text_of(markup) == text


def test_views_highlight_spans_across_paragraphs():
    text = "Paragraf satu.\nParagraf dua."
    markup = str(highlight(text, [Span(9, 23, "quote", "span", (("class", "quote"),))]))
    assert markup.count("<p>") == 2
    assert markup.count('<span class="quote">') == 2
    assert _text_of(markup) == text


@settings(max_examples=50, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n", min_size=0, max_size=40),
    raw=st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(["quote", "mention", "timex", "reuse", "cite"])), max_size=8),
)
def test_views_highlight_any_offsets(text, raw):
    spans = [Span(s, e, layer, "a" if layer == "mention" else "span", ()) for s, e, layer in raw]
    markup = str(highlight(text, spans))
    checked = _parse(markup)
    assert checked.ok and checked.stack == []
    assert _text_of(markup) == text
    assert not re.search(r"<(?!/?(p|a|span)\b)", markup)


@pytest.mark.parametrize(
    "value, expected",
    [("2021-03-22", date(2021, 3, 22)), ("2021-03", date(2021, 3, 1)), ("1961", date(1961, 1, 1)), ("2021-W11", date(2021, 1, 1)),
     ("PRESENT_REF", None), ("XXXX-03-22", None), ("2021-02-30", None), (None, None)],
)
def test_views_timex_date(value, expected):
    assert timex_date(value) == expected


def test_views_timeline_chart_orders_dates_and_lanes():
    chart = timeline_chart(
        [("e1", "2021-03-22", "Pesan"), ("e2", "2021-07-11", "Traktat")],
        [("e1", "Kompas.com", "2021-03-23T18:31+07:00", "a1"), ("e2", "Sragen Update", None, "a2")],
        [("1961", "Traktat", True), ("2021-07-11", "Peringatan", False)],
    )
    assert [lane.label for lane in chart.lanes] == ["Timeline", "Events", "Kompas.com", "Sragen Update"]
    events = [m for m in chart.marks if m.kind == "event"]
    assert events[0].x < events[1].x
    assert [m.kind for m in chart.marks if m.y == chart.lanes[0].y] == ["earlier", "entry"]
    assert all(chart.left <= t.x <= chart.width for t in chart.ticks)
    assert timeline_chart([("e", None, "x")], [("e", "A", None, "a")]) is None


def test_views_mentions_chart_fills_months():
    chart = mentions_chart([("2021-01-05", 2), ("2021-04-10", 1)])
    assert [b.label for b in chart.bars] == ["2021-01: 2", "2021-02: 0", "2021-03: 0", "2021-04: 1"]
    assert chart.bars[0].height > chart.bars[3].height > 0


def test_views_timeline_chart_earlier_entries_share_one_mark():
    # The story of examples/samples recalls 1961, 2016 and 2017-05 before its 2021 events: one label each
    # at the axis's left edge overlapped ("1961", "2016", "2017-05" printed on top of each other).
    chart = timeline_chart(
        [("e1", "2021-03-22", "Pesan"), ("e2", "2021-07-11", "Traktat")],
        [("e1", "Kompas.com", "2021-03-23", "a1")],
        [("1961", "Traktat persahabatan", True), ("2016", "Delegasi", True), ("2017-05", "Uji rudal", True), ("2021-07-11", "Peringatan", False)],
    )
    earlier = [m for m in chart.marks if m.kind == "earlier"]
    assert len(earlier) == 1
    assert earlier[0].label.split(":")[0] == "1961–2017-05"
    assert all(x in earlier[0].label for x in ("1961: Traktat persahabatan", "2016: Delegasi", "2017-05: Uji rudal"))
    ticks = sorted(t.x for t in chart.ticks)
    assert all(b - a >= 60 for a, b in zip(ticks, ticks[1:]))  # axis labels apart too
