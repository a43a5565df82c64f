"""Properties of the quotation extractor on arbitrary text: it never raises, offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kabar.analyse.quotes import annotate
from kabar.analyse.quotes.direct import quoted_spans
from kabar.records import Article

# words and marks that make the parser's branches fire
PIECES = st.sampled_from(
    ["“", "”", '"', "‘", "’", ",", ".", " ", "\n", "kata", "ujarnya", "menurut", "Menurut", "mengatakan", "bahwa",
     "Xi", "Jinping", "Kim", "dia", "ia", "KCNA", "Reuters", "seperti", "dilansir", "dari", "AP", "Hal", "itu",
     "disampaikan", "(", ")", "Senin", "para", "ahli", "dan", "untuk", "Presiden", "…", "...", "Sumber:"]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_quotes_annotate_offsets_hold_on_any_text(text):
    art = Article(id="p", source="p", body=tuple(text.split("\n")))
    for q in annotate(art):
        assert 0 <= q.start <= q.end <= len(art.text)
        assert art.text[q.start : q.end] == q.quote
        assert q.kind in ("direct", "indirect")


@settings(max_examples=80, deadline=None)
@given(TEXTS)
def test_quoted_spans_are_ordered_and_inside(text):
    spans = quoted_spans(text)
    for s in spans:
        assert s.open < s.start <= s.end <= s.close <= len(text)
    assert [s.open for s in spans] == sorted(s.open for s in spans)
