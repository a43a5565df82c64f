"""Entities and mentions of one article (placeholder; issue 4 replaces it).

Public API: ``annotate(article) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]``.
Entity ids are stable hashes of type and canonical name, so the same
identity gets the same id in every article.
"""

from __future__ import annotations

from kabar.records import Article, Entity, Mention


def annotate(article: Article) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    return (), ()
