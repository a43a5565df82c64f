"""A story's timeline: its events in date order, and the background its articles recall.

Each event is an entry (its date, title and summary sentences as evidence).
A dated time expression that names a time well before the story's own events
("perjanjian 1961", "pertemuan Juni 2018") is recalled in passing: it becomes
a `background` entry, evidenced by the sentences that mention it, merged
across articles by its value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from kabar.analyse.tokens import sentence_spans
from kabar.records import AnalysedArticle, Citation, Event, TimelineEntry

_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # 2021, 2021-06, 2021-07-11
# A time this long before the story's first event is background, not news.
BACKGROUND_GAP = timedelta(days=14)
UNDATED = "XXXX"


def _period_end(value: str) -> date:
    """The last day a TIMEX3 value covers: "2021" → 31 Dec 2021, "2021-06" → 30 Jun 2021."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(*parts)


def _sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in sentence_spans(text) if s <= offset < e), None)


def background_entries(articles: Sequence[AnalysedArticle], first_event: date) -> list[TimelineEntry]:
    evidence: dict[str, list[Citation]] = defaultdict(list)
    for analysed in articles:
        text = analysed.article.text
        seen: set[str] = set()
        for t in analysed.timexes:
            if t.type != "DATE" or not _VALUE.match(t.value) or t.value in seen:
                continue
            try:
                if _period_end(t.value) > first_event - BACKGROUND_GAP:
                    continue
            except ValueError:
                continue
            span = _sentence_at(text, t.start)
            if span is None:
                continue
            seen.add(t.value)
            evidence[t.value].append(Citation(analysed.article.id, span[0], span[1], text[span[0] : span[1]]))
    return [
        TimelineEntry(date=value, description=_describe(cites[0].text), evidence=tuple(cites), background=True)
        for value, cites in evidence.items()
    ]


def _describe(sentence: str, limit: int = 200) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def story_timeline(events: Sequence[Event], articles: Sequence[AnalysedArticle]) -> tuple[TimelineEntry, ...]:
    """The story's events and background, in date order (undated events last)."""
    entries = [
        TimelineEntry(date=e.date or UNDATED, description=e.title, evidence=e.summary, background=False) for e in events
    ]
    dated = [date.fromisoformat(e.date[:10]) for e in events if e.date and len(e.date) >= 10]
    if dated:
        entries += background_entries(articles, min(dated))
    return tuple(sorted(entries, key=lambda x: (x.date == UNDATED, x.date, x.background)))
