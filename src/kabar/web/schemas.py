"""The API's typed schemas: one per direction (``*Public`` out, ``*In`` in), built from records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from kabar.records import (
    AnalysedArticle,
    Citation,
    Entity,
    Event,
    Mention,
    Quote,
    QuoteGroup,
    QuoteOccurrence,
    Reuse,
    Story,
    TimeExpr,
    TimelineEntry,
)
from kabar.store.queries import ArticleSummary

T = TypeVar("T")


class ErrorPublic(BaseModel):
    detail: str = Field(description="What was wrong, in words.")


class Paged(BaseModel, Generic[T]):
    """The one envelope of every list the API returns (the contract's search shape: results and total)."""

    results: list[T]
    total: int = Field(description="How many items match in all (not only on this page); a lower bound when total_exact is false.")
    total_exact: bool = Field(True, description="False when more than `total` items match (counting stopped).")
    limit: int
    offset: int


class AuthorPublic(BaseModel):
    name: str
    role: Literal["writer", "reporter", "editor", "contributor"]


class ArticleSummaryPublic(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str

    @classmethod
    def of(cls, s: ArticleSummary) -> ArticleSummaryPublic:
        return cls(id=s.id, title=s.title, outlet=s.outlet, published=s.published, source=s.source)


class EntityPublic(BaseModel):
    id: str
    canonical: str
    type: Literal["PER", "ORG", "LOC"]
    aliases: list[str]

    @classmethod
    def of(cls, e: Entity) -> EntityPublic:
        return cls(id=e.id, canonical=e.canonical, type=e.type, aliases=list(e.aliases))


class EntityCountPublic(EntityPublic):
    articles: int
    mentions: int


class MentionPublic(BaseModel):
    start: int
    end: int
    text: str
    type: Literal["PER", "ORG", "LOC"]
    entity_id: str
    role: str | None

    @classmethod
    def of(cls, m: Mention) -> MentionPublic:
        return cls(start=m.start, end=m.end, text=m.text, type=m.type, entity_id=m.entity_id, role=m.role)


class TimexPublic(BaseModel):
    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str

    @classmethod
    def of(cls, x: TimeExpr) -> TimexPublic:
        return cls(text=x.text, start=x.start, end=x.end, type=x.type, value=x.value)


class QuoteCarrierPublic(BaseModel):
    article: str
    outlet: str | None
    published: str | None
    quote: str = Field(description="This article's version of the quotation.")
    start: int
    end: int
    first: bool = Field(description="True for the earliest article to carry it.")

    @classmethod
    def of(cls, o: QuoteOccurrence, *, first: bool) -> QuoteCarrierPublic:
        return cls(
            article=o.article_id, outlet=o.outlet, published=o.published, quote=o.quote.quote,
            start=o.quote.start, end=o.quote.end, first=first,
        )


class QuoteLinkPublic(BaseModel):
    id: str
    quote: str = Field(description="The first version's words.")
    speaker: str | None
    carriers: list[QuoteCarrierPublic]

    @classmethod
    def of(cls, g: QuoteGroup) -> QuoteLinkPublic:
        return cls(
            id=g.id, quote=g.quote, speaker=g.speaker,
            carriers=[QuoteCarrierPublic.of(o, first=n == 0) for n, o in enumerate(g.occurrences)],
        )


class QuotePublic(BaseModel):
    article: str
    speaker: str | None
    speaker_text: str | None
    quote: str
    kind: Literal["direct", "indirect"]
    cue: str | None
    via: list[str]
    start: int
    end: int
    speaker_entity_id: str | None
    quote_link: str | None = Field(None, description="The quote group id when other articles carry the same quotation.")
    carried_by: list[QuoteCarrierPublic] = Field(
        default_factory=list, description="The other articles that carry this quotation, earliest first."
    )

    @classmethod
    def of(cls, q: Quote, group: QuoteGroup | None = None) -> QuotePublic:
        return cls(
            quote_link=group.id if group else None,
            carried_by=[
                QuoteCarrierPublic.of(o, first=n == 0)
                for n, o in enumerate(group.occurrences if group else ())
                if o.article_id != q.article_id
            ],
            article=q.article_id,
            speaker=q.speaker,
            speaker_text=q.speaker_text,
            quote=q.quote,
            kind=q.kind,
            cue=q.cue,
            via=list(q.via),
            start=q.start,
            end=q.end,
            speaker_entity_id=q.speaker_entity_id,
        )


class ReusePublic(BaseModel):
    source_article: str
    target_article: str
    source_start: int
    source_end: int
    target_start: int
    target_end: int
    similarity: float
    kind: str
    agency: str | None

    @classmethod
    def of(cls, r: Reuse) -> ReusePublic:
        return cls(
            source_article=r.source_article,
            target_article=r.target_article,
            source_start=r.source_start,
            source_end=r.source_end,
            target_start=r.target_start,
            target_end=r.target_end,
            similarity=r.similarity,
            kind=r.kind,
            agency=r.agency,
        )


class ArticlePublic(BaseModel):
    """The article as `kabar extract` prints it, plus what later stages found."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    authors: list[AuthorPublic]
    dateline: str | None
    language: str | None
    body: list[str]
    sources_cited: list[str]
    entities: list[EntityPublic]
    mentions: list[MentionPublic]
    timexes: list[TimexPublic]
    quotes: list[QuotePublic]
    reuse: list[ReusePublic]
    event: str | None
    story: str | None

    @classmethod
    def of(
        cls,
        a: AnalysedArticle,
        *,
        event: str | None,
        story: str | None,
        reuse: list[Reuse],
        quote_links: Mapping[tuple[str, int], QuoteGroup] | None = None,
    ) -> ArticlePublic:
        links = quote_links or {}
        return cls(
            **a.article.to_contract(),
            entities=[EntityPublic.of(e) for e in a.entities],
            mentions=[MentionPublic.of(m) for m in a.mentions],
            timexes=[TimexPublic.of(x) for x in a.timexes],
            quotes=[QuotePublic.of(q, links.get((q.article_id, q.start))) for q in a.quotes],
            reuse=[ReusePublic.of(r) for r in reuse],
            event=event,
            story=story,
        )


class CitationPublic(BaseModel):
    article_id: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, c: Citation) -> CitationPublic:
        return cls(article_id=c.article_id, start=c.start, end=c.end, text=c.text)


class EventPublic(BaseModel):
    id: str
    article_ids: list[str]
    date: str | None
    title: str
    summary: list[CitationPublic]
    entity_ids: list[str]
    conflicts: list[str]

    @classmethod
    def of(cls, e: Event) -> EventPublic:
        return cls(
            id=e.id,
            article_ids=list(e.article_ids),
            date=e.date,
            title=e.title,
            summary=[CitationPublic.of(c) for c in e.summary],
            entity_ids=list(e.entity_ids),
            conflicts=list(e.conflicts),
        )


class TimelineEntryPublic(BaseModel):
    date: str
    description: str
    evidence: list[CitationPublic]
    background: bool

    @classmethod
    def of(cls, x: TimelineEntry) -> TimelineEntryPublic:
        return cls(
            date=x.date, description=x.description, evidence=[CitationPublic.of(c) for c in x.evidence], background=x.background
        )


class StoryPublic(BaseModel):
    """A story with its events (and their article ids)."""

    id: str
    title: str
    event_ids: list[str]
    events: list[EventPublic]
    summary: list[CitationPublic]

    @classmethod
    def of(cls, s: Story, events: list[Event]) -> StoryPublic:
        return cls(
            id=s.id,
            title=s.title,
            event_ids=list(s.event_ids),
            events=[EventPublic.of(e) for e in events],
            summary=[CitationPublic.of(c) for c in s.summary],
        )


class StoryDetailPublic(StoryPublic):
    timeline: list[TimelineEntryPublic]


class EntityDetailPublic(EntityPublic):
    mentions_by_day: list[tuple[str, int]]
    articles: list[ArticleSummaryPublic]
    quotes: list[QuotePublic]


class SearchHitPublic(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float = Field(description="bm25, title weighted (higher is better); 2.0/1.0 for broad queries (title match, then the rest).")
    snippet: str = Field(description="Plain text around the matches (not HTML).")
    matches: list[tuple[int, int]] = Field(description="[start, end) offsets of the matched words in `snippet`.")


class FacetPublic(BaseModel):
    value: str = Field(description="What to filter by: the outlet, entity id, story id or month (YYYY-MM).")
    label: str
    count: int


class FacetsPublic(BaseModel):
    outlet: list[FacetPublic]
    entity: list[FacetPublic]
    story: list[FacetPublic]
    month: list[FacetPublic]
    counted: int = Field(description="How many matches the counts are over (at most 10,000).")


class SearchPublic(Paged[SearchHitPublic]):
    terms: list[str] = Field(description="The stems searched for (words left out by -word or NOT are not among them).")
    facets: FacetsPublic | None = Field(None, description="With facets=true: the matches by outlet, entity, story and month.")


class AlertPublic(BaseModel):
    name: str
    query: str = Field(description="In the syntax of search.")
    created: str
    checked: str = Field(description="When the query last ran (UTC).")
    new: int = Field(description="Articles that came to match it since it was saved, not yet marked seen.")
    feed: str = Field(description="Its Atom feed's path.")


MAX_PAGE_CHARS = 5_000_000


class PageIn(BaseModel):
    """One page to ingest, as a line of Kabar's JSON Lines input."""

    text: str | None = Field(None, max_length=MAX_PAGE_CHARS, description="Page text as copied from a browser.")
    html: str | None = Field(None, max_length=MAX_PAGE_CHARS, description="Page HTML.")
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40)


class IngestIn(BaseModel):
    pages: list[PageIn] = Field(..., min_length=1, max_length=100)


class FailurePublic(BaseModel):
    source: str
    stage: str
    reason: str


class IngestPublic(BaseModel):
    stored: list[str]
    failures: list[FailurePublic]


PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND", "DISAPPROVE",
    "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "CRIME",
]
Name = str | list[str] | None


class CodedEventPublic(BaseModel):
    """One stored PLOVER event mention: the fields of `kabar events`, its coded event and its source."""

    event_id: str = Field(description="The coded event: the same for every article stating the same dated act.")
    article: str
    start: int = Field(description="The evidence sentence's offsets into the article's text.")
    end: int
    sentence: str
    type: PloverType
    mode: str | None
    actor: Name = Field(description="Canonical English name, or a list for a compound actor.")
    actor_text: Name = Field(description="The words in the sentence naming the actor.")
    recipient: Name
    recipient_text: Name
    date: str | None = Field(description="Of the happening: a day, month, year, ISO week or interval.")
    location: str | None
    background: bool = Field(description="A happening the article recalls as history, not its news.")
    trigger: str
    url: str | None = Field(description="The source article's URL.")
    outlet: str | None
    published: str | None
    roles: list[Literal["actor", "recipient"]] = Field(
        default_factory=list, description="When filtered by entity: what that entity is in the event."
    )

    @classmethod
    def of(cls, x) -> CodedEventPublic:  # x: kabar.store.coded_events.CodedMention
        fields = x.mention.to_contract(x.mention.article_id)
        fields.pop("source")
        return cls(event_id=x.event_id, url=x.url, outlet=x.outlet, published=x.published, roles=list(x.roles), **fields)
