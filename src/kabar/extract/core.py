"""One page to one article: the HTML path or the page-text path, then the word-count check."""

from __future__ import annotations

from dataclasses import replace

from kabar.extract.assemble import Markup, build_article
from kabar.extract.errors import ExtractError
from kabar.extract.gate import check_article
from kabar.extract.html_body import html_article
from kabar.extract.outlets import load_outlets
from kabar.extract.repair import repair_text
from kabar.extract.text import layout
from kabar.records import Article, RawPage

_MIN_WORDS = 5


def extract(page: RawPage, *, repeated: frozenset[str] = frozenset()) -> Article:
    """The article on one page. `repeated`: lines (and sentences of long lines, as
    `furniture.sentence_key`s) seen on other pages of the same outlet."""
    if not page.content.strip():
        raise ExtractError("empty page")
    outlets = load_outlets()
    if page.kind == "html":
        article = html_article(page, outlets, repeated=repeated)
    else:
        page = replace(page, content=repair_text(page.content))  # scraped text: entities, glued link words
        found = layout(page.content.splitlines(), repeated=repeated)
        if not found.body:
            raise ExtractError("no article text found (no run of sentence-like lines)")
        article = build_article(page, found, outlets, markup=Markup(), repeated=repeated)
    if len(article.text.split()) < _MIN_WORDS:
        raise ExtractError(f"too little text for an article ({len(article.text.split())} words)")
    return check_article(page, article)  # a README, an index page, a video without text: skipped
