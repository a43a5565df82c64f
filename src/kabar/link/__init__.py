"""Cross-article linking: reuse, events, stories, timelines, summaries.

Public API: ``link(articles: Sequence[AnalysedArticle]) -> Linking`` and the incremental
``assign(new_articles, existing, known) -> Linking``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.records import AnalysedArticle, Linking


def link(articles: Sequence[AnalysedArticle]) -> Linking:
    from kabar.link.pipeline import link_corpus

    return link_corpus(articles)


def assign(new_articles: Sequence[AnalysedArticle], existing: Linking, known: Sequence[AnalysedArticle]) -> Linking:
    """`existing` (the linking of `known`) with `new_articles` joined to it; old events keep their ids."""
    from kabar.link.pipeline import assign as assign_new

    return assign_new(new_articles, existing, known)
