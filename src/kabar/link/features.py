"""What linking needs from one article: title, lead, stems, event date, entities.

Computed once per article (a pure map step), so blocking and clustering never
re-read the text. Every field degrades gracefully: no title → the first short
paragraph; no time expressions → the publication date; no entities → empty.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date

from kabar.analyse.stem import stem_text
from kabar.analyse.tokens import sentence_spans
from kabar.lang.id.reactions import REACTION_WORDS
from kabar.records import AnalysedArticle

# A first paragraph this short and without a final stop is taken for a title.
_TITLE_MAX_WORDS = 25
_LEAD_SENTENCES = 3
# Without a title, the topic words come from this many opening characters.
_TOPIC_CHARS = 300
# News reports happenings of the last weeks; older days in a lead are background.
_HAPPENING_WINDOW_DAYS = 60
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WORD = re.compile(r"\w+")
_MONTH_DAY = re.compile(r"^(?:\d{4}|XXXX)-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    id: str
    title: str
    lead: str  # the first sentences of the body (after the title)
    stems: tuple[str, ...]  # stems of the whole body
    head_stems: tuple[str, ...]  # stems of the title and lead: what the article mainly reports
    event_date: date | None  # when its main happening took place, best guess
    published: date | None
    entity_ids: frozenset[str]
    head_entity_ids: frozenset[str]  # entities named in the title or lead
    outlet: str | None
    sources_cited: tuple[str, ...]
    # Stems of the title (else the opening words) that are not part of a name: the topic words a
    # story's headlines repeat ("harga minyak"), as opposed to the people it shares with others.
    topic_terms: frozenset[str] = frozenset()
    event_date_in_text: bool = False  # the text names the event day (not only the publication date)
    # (month, day) of the first day the title/lead names, with or without a year ("Kamis (3/7)")
    lead_month_day: tuple[int, int] | None = None
    reaction: bool = False  # the headline reports a reaction (condolences, a response), not a happening
    title_stems: tuple[str, ...] = ()
    # the people the lead names or quotes: who acts or speaks in what the article reports
    lead_people: frozenset[str] = frozenset()


def parse_day(value: str | None) -> date | None:
    """The day of an ISO date/timestamp or TIMEX3 value, when it names one."""
    if not value:
        return None
    match = _DAY.match(value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def title_and_body_start(analysed: AnalysedArticle) -> tuple[str, int]:
    """The article's title and the offset where its reported text starts."""
    article = analysed.article
    if article.title:
        return article.title, 0
    first = article.body[0] if article.body else ""
    words = first.split()
    if len(article.body) > 1 and 0 < len(words) <= _TITLE_MAX_WORDS and not first.rstrip().endswith((".", "!", "?")):
        return first, len(first) + 1
    return "", 0


def event_date(analysed: AnalysedArticle, lead_end: int) -> date | None:
    """The happening's day: a day-precise DATE in the title/lead, else the article's
    most-cited day not after publication, else the publication day."""
    return dated_event(analysed, lead_end)[0]


def dated_event(analysed: AnalysedArticle, lead_end: int) -> tuple[date | None, bool]:
    """`event_date`, and whether the text names that day (not only the publication date)."""
    published = parse_day(analysed.article.published)
    days = [
        (t.start, d)
        for t in analysed.timexes
        if t.type == "DATE" and (d := parse_day(t.value)) is not None and _recent(d, published)
    ]
    in_lead = [d for start, d in sorted(days) if start < lead_end]
    if in_lead:
        return in_lead[0], True
    if published is not None:
        return published, False
    if days:
        return Counter(d for _, d in days).most_common(1)[0][0], True
    return None, False


def _recent(day: date, published: date | None) -> bool:
    """A day news could report as its happening: not after publication, not long before it (a birth
    date, an anniversary or background recalled in the lead is not the happening's day)."""
    return published is None or 0 <= (published - day).days <= _HAPPENING_WINDOW_DAYS


def lead_month_day(analysed: AnalysedArticle, lead_end: int) -> tuple[int, int] | None:
    """(month, day) of the first DATE in the title/lead that names a day, even without its year."""
    for t in sorted(analysed.timexes, key=lambda t: t.start):
        if t.start >= lead_end:
            break
        match = _MONTH_DAY.match(t.value or "") if t.type == "DATE" else None
        if match and 1 <= int(match.group(1)) <= 12 and 1 <= int(match.group(2)) <= 31:
            return int(match.group(1)), int(match.group(2))
    return None


def article_features(analysed: AnalysedArticle) -> ArticleFeatures:
    article = analysed.article
    text = article.text
    title, body_start = title_and_body_start(analysed)
    spans = tuple((s, e) for s, e in sentence_spans(text) if s >= body_start)
    lead_spans = spans[:_LEAD_SENTENCES]
    lead_end = lead_spans[-1][1] if lead_spans else body_start
    lead = " ".join(text[s:e] for s, e in lead_spans)
    happened, in_text = dated_event(analysed, lead_end)
    return ArticleFeatures(
        id=article.id,
        title=title,
        lead=lead,
        stems=_shared(stem_text(text[body_start:])),
        head_stems=_shared(stem_text(f"{title} {lead}")),
        event_date=happened,
        published=parse_day(article.published),
        entity_ids=frozenset(m.entity_id for m in analysed.mentions),
        head_entity_ids=frozenset(m.entity_id for m in analysed.mentions if m.start < lead_end),
        outlet=article.outlet,
        sources_cited=article.sources_cited,
        topic_terms=topic_terms(analysed, title or lead[:_TOPIC_CHARS]),
        event_date_in_text=in_text,
        lead_month_day=lead_month_day(analysed, lead_end),
        reaction=not REACTION_WORDS.isdisjoint(_WORD.findall(title.lower())),
        title_stems=_shared(stem_text(title)),
        lead_people=lead_people(analysed, lead_end),
    )


def _shared(stems: list[str]) -> tuple[str, ...]:
    """The stems as one shared copy per distinct stem (the stemmer returns a new string each
    time): a corpus's features then hold each word once, not once per use."""
    return tuple(map(sys.intern, stems))


def lead_people(analysed: AnalysedArticle, lead_end: int) -> frozenset[str]:
    """Entity ids of the people named in the lead, and the speakers quoted there."""
    named = {m.entity_id for m in analysed.mentions if m.type == "PER" and m.start < lead_end}
    quoted = {q.speaker_entity_id or q.speaker for q in analysed.quotes if q.start < lead_end}
    return frozenset(named | quoted) - {None}



def topic_terms(analysed: AnalysedArticle, heading: str) -> frozenset[str]:
    """Stems of `heading` minus those of the names the article mentions."""
    text = analysed.article.text
    names = set(stem_text(" ".join({text[m.start : m.end] for m in analysed.mentions})))
    return frozenset(t for t in stem_text(heading) if len(t) > 2 and not t.isdigit()) - names
