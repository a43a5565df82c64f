"""A fetched page to a `RawPage`, and whether it holds an article worth storing.

Decoding follows the WARC reader's rule (`kabar.ingest.warc`): the HTTP charset
when the page declares none, then the ingest decoder (meta charset, UTF-8,
detection), so a page read live and the same page replayed from the archive
give the same text. Home pages and section fronts extract to lists of
headlines; `looks_like_article` keeps them out of the store.
"""

from __future__ import annotations

from kabar.crawl.fetch import Fetched
from kabar.ingest.decode import DecodeError, decode
from kabar.ingest.warc import _with_http_charset as with_http_charset  # the replay's rule, shared on purpose
from kabar.records import Article, Failure, RawPage

MIN_PARAGRAPH_WORDS = 12  # a headline in a list is shorter; a news paragraph is longer
MIN_ARTICLE_WORDS = 60  # words in such paragraphs for a page without a date
MIN_DATED_WORDS = 30  # …and for a page that gives its publication date


def is_html(fetched: Fetched) -> bool:
    ctype = (fetched.header("content-type") or "").lower()
    return "html" in ctype


def raw_page(fetched: Fetched) -> RawPage | Failure:
    """The page as the pipeline reads it: source and url are the final URL after redirects."""
    url = fetched.final_url
    ctype = fetched.header("content-type") or ""
    if "html" not in ctype.lower():
        return Failure(url, "crawl", f"not an HTML page (Content-Type {ctype or 'missing'})")
    if not fetched.body.strip():
        return Failure(url, "crawl", "empty response body")
    try:
        text, encoding = decode(with_http_charset(fetched.body, ctype))
    except DecodeError as exc:
        return Failure(url, "crawl", str(exc))
    return RawPage(source=url, content=text, kind="html", url=url, encoding=encoding)


def looks_like_article(article: Article) -> bool:
    """Enough running text in long paragraphs: a story, not a list of links."""
    words = sum(n for p in article.body if (n := len(p.split())) >= MIN_PARAGRAPH_WORDS)
    return words >= (MIN_DATED_WORDS if article.published else MIN_ARTICLE_WORDS)


def published_before(article: Article, since: str | None) -> bool:
    """Whether the article says it appeared before the day `since` (ISO date); unknown dates pass."""
    return bool(since and article.published and article.published[:10] < since)
