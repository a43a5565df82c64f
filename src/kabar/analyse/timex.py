"""Time expressions of one article (placeholder; issue 3 replaces it).

Public API: ``annotate(article) -> tuple[TimeExpr, ...]``, anchored on the
article's publication date.
"""

from __future__ import annotations

from kabar.records import Article, TimeExpr


def annotate(article: Article) -> tuple[TimeExpr, ...]:
    return ()
