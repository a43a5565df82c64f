"""Extract: a `RawPage` in, a clean `Article` out.

Public API: ``extract(page: RawPage) -> Article``; raises ``ExtractError``
with a readable reason when a page holds no article. HTML goes through
trafilatura and the line classifier; page text through the line classifier;
both then lose Indonesian page chrome (`boilerplate.py`) and get their
metadata from the lines around the body (`meta.py`, `dates.py`).
"""

from __future__ import annotations

from kabar.records import Article, RawPage

__all__ = ["ExtractError", "extract"]


class ExtractError(ValueError):
    """The page holds no article (empty, binary, no body found)."""


def extract(page: RawPage, *, repeated: frozenset[str] = frozenset()) -> Article:
    """The article on one page. `repeated`: lines seen on other pages of the same outlet."""
    from kabar.extract.assemble import Markup, build_article
    from kabar.extract.outlets import load_outlets
    from kabar.extract.text import layout

    if not page.content.strip():
        raise ExtractError("empty page")
    outlets = load_outlets()
    if page.kind == "html":
        from kabar.extract.html_body import html_article

        article = html_article(page, outlets, repeated=repeated)
    else:
        from dataclasses import replace

        from kabar.extract.repair import repair_text

        page = replace(page, content=repair_text(page.content))  # scraped text: entities, glued link words
        found = layout(page.content.splitlines(), repeated=repeated)
        if not found.body:
            raise ExtractError("no article text found (no run of sentence-like lines)")
        article = build_article(page, found, outlets, markup=Markup())
    if len(article.text.split()) < _MIN_WORDS:
        raise ExtractError(f"too little text for an article ({len(article.text.split())} words)")
    return article


_MIN_WORDS = 5
