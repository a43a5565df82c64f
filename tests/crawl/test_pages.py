"""Fetched bytes to pages: charsets right, wrong or missing; the article gate; --since on the article's date."""

from __future__ import annotations

import pytest

from kabar.crawl.fetch import Fetched
from kabar.crawl.pages import looks_like_article, published_before, raw_page
from kabar.pipeline import extract_page
from kabar.records import Failure
from tests.crawl.site import HOME, INDEX_PAGE, SAMPLES, article_html, sample_article

URL = "http://127.0.0.1:8765/ekonomi/korut-china"
TITLE, BODY = sample_article(SAMPLES[3])
QUOTED = BODY + ["Menurut pengamat, \u201chubungan kedua negara\u201d akan tetap erat dalam beberapa tahun mendatang."]


def fetched(body: bytes, content_type: str | None) -> Fetched:
    headers = (("Content-Type", content_type),) if content_type else ()
    return Fetched(URL, URL, 200, body, headers)


@pytest.mark.parametrize(
    "charset_in_page, content_type",
    [
        (False, "text/html"),  # no charset anywhere
        (False, "text/html; charset=utf-8"),  # a wrong one in the header
        (True, "text/html; charset=utf-8"),  # …and a wrong one in the page (utf-8 declared, cp1252 sent)
    ],
)
def test_pages_windows_1252_is_read_whatever_the_declarations_say(charset_in_page, content_type):
    html = article_html(TITLE, QUOTED, "2017-11-02T15:23:00+07:00", charset=charset_in_page)
    page = raw_page(fetched(html.encode("cp1252"), content_type))
    assert "\u201chubungan kedua negara\u201d" in page.content


def test_pages_the_http_charset_is_used_when_the_page_declares_none():
    html = article_html(TITLE, QUOTED, "2017-11-02", charset=False)
    page = raw_page(fetched(html.encode("utf-16"), "text/html; charset=utf-16"))
    assert page.content.startswith("<!doctype html>") and page.url == URL


@pytest.mark.parametrize(
    "body, content_type, reason",
    [(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", "not an HTML page"), (b"  ", "text/html", "empty"), (b"<html>", None, "missing")],
)
def test_pages_refused_with_a_reason(body, content_type, reason):
    result = raw_page(fetched(body, content_type))
    assert isinstance(result, Failure) and reason in result.reason


def test_pages_gate_tells_articles_from_headline_lists():
    article = extract_page(raw_page(fetched(article_html(TITLE, BODY, "2017-11-02T15:23:00+07:00").encode(), "text/html")))
    assert looks_like_article(article)
    for listing in (HOME.format(base="http://127.0.0.1:8765"), INDEX_PAGE):
        judged = extract_page(raw_page(fetched(listing.encode(), "text/html")))
        # extraction itself may skip a listing (kabar.extract.gate); else the crawl's gate refuses it
        assert (isinstance(judged, Failure) and "index page" in judged.reason) or not looks_like_article(judged)


def test_pages_published_before_since():
    article = extract_page(raw_page(fetched(article_html(TITLE, BODY, "2017-11-02T15:23:00+07:00").encode(), "text/html")))
    assert article.published.startswith("2017-11-02")
    assert published_before(article, "2021-01-01") and not published_before(article, "2017-11-02")
    assert not published_before(article, None)
