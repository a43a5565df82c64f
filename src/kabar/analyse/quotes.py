"""Quotations of one article (placeholder; issue 5 replaces it).

Public API: ``annotate(article, entities=(), mentions=()) -> tuple[Quote, ...]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.records import Article, Entity, Mention, Quote


def annotate(article: Article, entities: Sequence[Entity] = (), mentions: Sequence[Mention] = ()) -> tuple[Quote, ...]:
    return ()
