"""Only articles are articles: whether an extracted page is a news article at all.

A folder's README or SOURCE.md, a section front listing headlines, a video page
with no text: each extracts to *some* text, and stored it would become a story.
The decision rests on general cues of the page, not its file name: document
markup (Markdown headings, lists, tables, code), how much running prose the body
holds against the headlines around it, and video markup without text. Each
verdict names its reason; a short report with a sentence or two still passes
(a news flash is an article), so the cues must be positive evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.extract.errors import ExtractError
from kabar.extract.meta import looks_like_title
from kabar.records import Article, RawPage

_PROSE_PARAGRAPH = 12  # words: a headline or a menu is shorter, a news paragraph longer
_INDEX_HEADLINES = 8  # headline-like lines outside the body that make a listing
_INDEX_PROSE = 40  # …when the body holds fewer words of prose than this
_VIDEO_PROSE = 30  # a video page with fewer words of prose has no article text

# Markdown and similar document markup, one pattern a kind of line.
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_BULLET = re.compile(r"^\s*[-*+]\s+\S")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]{1,80}`|\[[^\]\n]{1,80}\]\([^)\s]{1,200}\)|\*\*[^*\n]{1,80}\*\*")

_VIDEO = re.compile(
    r"<video\b|property=[\"']og:type[\"']\s+content=[\"']video|content=[\"']video[.\w]*[\"']\s+property=[\"']og:type"
    r"|[\"']@type[\"']\s*:\s*[\"']VideoObject|youtube(?:-nocookie)?\.com/embed/|player\.vimeo\.com/video"
    r"|\[Gambas:Video",
    re.I,
)


# English news prose attributes what it reports; a README or a licence does not.
_REPORTED = re.compile(r"\b(?:said|says|told\s+\w+|according\s+to|quoted\s+as\s+saying)\b", re.I)


class NotAnArticle(ExtractError):
    """The page is readable but is not a news article (a document, an index, a video without text)."""


@dataclass(frozen=True, slots=True)
class PageCues:
    lines: int  # non-blank lines of the page as read
    headings: int  # Markdown '#' headings
    bullets: int  # '-', '*', '+' list items
    tables: int
    fences: int
    code_spans: int  # `code`, [links](…), **bold**
    prose_words: int  # body words in paragraphs of a news paragraph's length
    headlines: int  # headline-like lines outside the body
    body_headlines: int  # body paragraphs that read as headlines (a list of links taken for the body)
    paragraphs: int  # body paragraphs
    video: bool  # video markup or an embedded player


def cues(page: RawPage, article: Article) -> PageCues:
    raw = [line for line in page.content.splitlines() if line.strip()] if page.kind == "text" else []
    headings = sum(1 for line in raw if _HEADING.match(line))
    tables = sum(1 for line in raw if _TABLE.match(line))
    fences = sum(1 for line in raw if _FENCE.match(line))
    bullets = sum(1 for line in raw if _BULLET.match(line) and not _HEADING.match(line))
    return PageCues(
        lines=len(raw),
        headings=headings,
        bullets=bullets,
        tables=tables,
        fences=fences,
        code_spans=sum(len(_CODE_SPAN.findall(line)) for line in raw),
        prose_words=_prose_words(article.body),
        headlines=sum(1 for line in article.boilerplate if looks_like_title(line.strip())),
        body_headlines=sum(1 for line in article.body if looks_like_title(line.strip())),
        paragraphs=len(article.body),
        video=bool(_VIDEO.search(page.content[:400_000])),
    )


def _prose_words(body: Sequence[str]) -> int:
    return sum(n for paragraph in body if (n := len(paragraph.split())) >= _PROSE_PARAGRAPH)


def why_not_article(page: RawPage, article: Article) -> str | None:
    """The reason the page is not a news article, or None when it may be one."""
    found = cues(page, article)
    if _document(found, article.language):
        language = {"en": "English", "id": "Indonesian", "ms": "Malay"}.get(article.language or "", "text")
        return (f"a document, not a news article: {language} with document markup ({found.headings} headings, "
                f"{found.bullets} list items, {found.tables} table rows, {found.code_spans} code spans or links)")
    if article.language == "en" and not _news_structure(article):
        return ("English text with no news structure (no date, dateline, byline, outlet or cited source): "
                "a document, not a news article")
    if _index(found):
        return (f"an index page, not a news article: {found.headlines + found.body_headlines} headlines and "
                f"{found.prose_words} words of running text")
    if found.video and found.prose_words < _VIDEO_PROSE:
        return f"a video page without article text ({found.prose_words} words of running text)"
    return None


def _document(found: PageCues, language: str | None) -> bool:
    """Markdown structure of several kinds: a browser copy of a news page carries none, though one
    kind alone occurs (Liputan6's '# Topic' tags, an article's list of points). An Indonesian
    page needs three kinds, any other two."""
    kinds = (found.headings >= 1, found.tables >= 2, found.fences >= 1, found.code_spans >= 3, found.bullets >= 3)
    return sum(kinds) >= (3 if language in {"id", "ms"} else 2)


def _index(found: PageCues) -> bool:
    """A listing: headlines where the body should be, or headlines all around and not one paragraph
    of prose. A brief report beside a sidebar of related headlines keeps its prose paragraph."""
    if found.prose_words >= _INDEX_PROSE:
        return False
    listed = found.body_headlines >= 3 and 2 * found.body_headlines >= found.paragraphs
    return listed or (found.headlines + found.body_headlines >= _INDEX_HEADLINES and found.prose_words == 0)


def _news_structure(article: Article) -> bool:
    """What a news page around its prose gives: a date, a dateline, a byline, an outlet, a source,
    a reported statement.
    Kabar reads Indonesian news; an English page without any of these is a README or a licence."""
    return bool(article.published or article.dateline or article.authors or article.outlet or article.url
                or article.sources_cited or _REPORTED.search(article.text))


def check_article(page: RawPage, article: Article) -> Article:
    """The article, or NotAnArticle with the reason the page is none."""
    reason = why_not_article(page, article)
    if reason is not None:
        raise NotAnArticle(f"skipped: {reason}")
    return article
