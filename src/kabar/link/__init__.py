"""Cross-article linking: reuse, events, stories, timelines, summaries.

Public API: ``link(articles: Sequence[AnalysedArticle]) -> Linking``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.records import AnalysedArticle, Linking


def link(articles: Sequence[AnalysedArticle]) -> Linking:
    from kabar.link.pipeline import link_corpus

    return link_corpus(articles)
