"""Cross-article linking: reuse, events, stories, timelines, summaries (placeholder; issue 6 replaces it).

Public API: ``link(articles: Sequence[AnalysedArticle]) -> Linking``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.records import AnalysedArticle, Linking


def link(articles: Sequence[AnalysedArticle]) -> Linking:
    return Linking()
