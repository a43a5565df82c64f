"""Impossible dates give an article without a date, never a lost article (issue 23)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.extract.dates import parse_iso
from kabar.pipeline import process_page
from kabar.records import Failure, RawPage

BODY = (
    "Para pemimpin China dan Korea Utara menegaskan hubungan aliansi tradisional mereka "
    "dalam pertemuan di Beijing pada Selasa."
)


@pytest.mark.parametrize("value", ["2021-13-45", "2015-02-30", "2015-02-30T10:00:00+07:00", "2021-00-10", "9999-12-31T23:59Z"])
def test_parse_iso_impossible_day_is_none(value: str) -> None:
    assert parse_iso(value, "+07:00") is None


def test_parse_iso_possible_day_still_parsed() -> None:
    stamp = parse_iso("2021-03-23T11:31Z", "+07:00")
    assert stamp is not None and stamp.iso() == "2021-03-23T18:31+07:00"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:?[0-9]{2})?)?\Z"),
    st.sampled_from([None, "+07:00", "-05:30"]),
)
def test_parse_iso_never_raises(value: str, offset: str | None) -> None:
    parse_iso(value, offset)


@pytest.mark.parametrize(
    "page",
    [
        RawPage("a.jsonl#1", f"{BODY}\n{BODY}", "text", published_hint="2021-13-45"),
        RawPage(
            "b.html",
            '<html><head><meta property="article:published_time" content="2015-02-30"></head>'
            f"<body><h1>Judul berita</h1><p>{BODY}</p><p>{BODY}</p></body></html>",
            "html",
        ),
    ],
)
def test_article_with_impossible_date_is_kept_undated(page: RawPage) -> None:
    result = process_page(page)
    assert not isinstance(result, Failure)
    article = result.analysed.article
    assert article.published is None and BODY in article.text
