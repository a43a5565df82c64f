"""Extract: a `RawPage` in, a clean `Article` out (placeholder; issue 2 replaces it).

Public API: ``extract(page: RawPage) -> Article``; raises ``ExtractError``
with a readable reason when a page holds no article.
"""

from __future__ import annotations

from kabar.ids import stable_id
from kabar.records import Article, RawPage


class ExtractError(ValueError):
    """The page holds no article (empty, binary, no body found)."""


def extract(page: RawPage) -> Article:
    lines = tuple(line.strip() for line in page.content.splitlines() if line.strip())
    if not lines:
        raise ExtractError("empty page")
    return Article(id=stable_id(page.url or page.source, page.content), source=page.source, body=lines, url=page.url)
