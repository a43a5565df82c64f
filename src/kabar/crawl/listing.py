"""What a feed or a sitemap lists: an article URL with the date and title given beside it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Listed:
    url: str
    published: str | None = None  # ISO 8601 as the listing gave it (feed date, news:publication_date, lastmod)
    title: str | None = None
