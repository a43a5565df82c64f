"""Kabar's records: one frozen dataclass per concept, shared by every stage.

Every span (mention, time expression, quote, reused passage, summary
sentence) points into ``Article.text``, the body paragraphs joined with
``"\\n"``, by Python string offsets ``start`` (inclusive) and ``end``
(exclusive), so that ``article.text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PageKind = Literal["html", "text", "warc"]
AuthorRole = Literal["writer", "reporter", "editor", "contributor"]
EntityType = Literal["PER", "ORG", "LOC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect"]


# --- ingest -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawPage:
    """One page as read from a source, before extraction."""

    source: str  # path, "path#line" for JSON Lines, "path#record" for WARC, or "-"
    content: str  # decoded text: HTML markup or browser-copied page text
    kind: PageKind
    url: str | None = None
    id_hint: str | None = None  # an id given by the input (JSON Lines "id")
    published_hint: str | None = None  # a date given by the input (JSONL, WARC header)
    encoding: str | None = None  # the encoding the bytes were decoded with


@dataclass(frozen=True, slots=True)
class Failure:
    """Bad input or a stage error, recorded instead of stopping the batch."""

    source: str
    stage: str  # "ingest", "extract", "analyse", "link", "store"
    reason: str


# --- extract ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    role: AuthorRole


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: the page's own paragraphs plus its metadata."""

    id: str
    source: str
    body: tuple[str, ...]
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601; "+07:00" kept for WIB; date only when no time
    authors: tuple[Author, ...] = ()
    dateline: str | None = None
    language: str | None = None
    sources_cited: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()  # lines removed from the page, for the report

    @property
    def text(self) -> str:
        """The body as one string: the coordinate system of every offset."""
        return "\n".join(self.body)

    def to_contract(self) -> dict:
        """The `kabar extract` JSON object (shared/docs/interfaces.md)."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "authors": [{"name": a.name, "role": a.role} for a in self.authors],
            "dateline": self.dateline,
            "language": self.language,
            "body": list(self.body),
            "sources_cited": list(self.sources_cited),
        }


# --- analyse ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world identity; its id is stable across articles and runs."""

    id: str  # stable hash of type + canonical name
    canonical: str  # "Kim Jong Un", "North Korea", "China"
    type: EntityType
    aliases: tuple[str, ...] = ()  # surface forms seen for it


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    text: str
    type: EntityType
    entity_id: str
    role: str | None = None  # a title stripped from the name ("Presiden", "Menteri Luar Negeri")


@dataclass(frozen=True, slots=True)
class TimeExpr:
    article_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str  # ISO-TimeML TIMEX3 value: "2021-03-22", "2021-W11-WE", "P1W", "PAST_REF"…


@dataclass(frozen=True, slots=True)
class Quote:
    article_id: str
    start: int  # offsets of the quoted words
    end: int
    quote: str
    kind: QuoteKind
    speaker: str | None  # fullest name the article gives, or a role/organisation
    speaker_text: str | None  # the words at the quote ("Xi", "ujarnya")
    cue: str | None  # "kata", "mengatakan", "menurut"…
    via: tuple[str, ...] = ()  # agencies/outlets it was relayed through, outermost last
    speaker_entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article with everything the per-article stages found in it."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()


# --- link -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reuse:
    """A passage of `source_article` that appears again in `target_article`.

    Directed by publication time: the source is the earlier article (or the
    one that names the agency) when that can be told.
    """

    source_article: str
    target_article: str
    source_start: int
    source_end: int
    target_start: int
    target_end: int
    similarity: float  # Jaccard or containment of the passages' shingles
    kind: Literal["copy", "near-copy", "paraphrase"] = "near-copy"
    agency: str | None = None  # the agency both cite for it, when one is


@dataclass(frozen=True, slots=True)
class Citation:
    """A sentence of an article, quoted as evidence."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # TIMEX3 value: "2021-07-11", "2021-06", "1961"
    description: str
    evidence: tuple[Citation, ...]
    background: bool = False  # recalled in passing, not what the articles report


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_ids: tuple[str, ...]
    date: str | None  # when it happened, not when it was published
    title: str
    summary: tuple[Citation, ...] = ()
    entity_ids: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # cross-source inconsistencies, in words


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    event_ids: tuple[str, ...]
    title: str
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Linking:
    """Everything the cross-article stage returns for a corpus."""

    reuse: tuple[Reuse, ...] = ()
    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()
    failures: tuple[Failure, ...] = field(default=())

    def event_of(self, article_id: str) -> str | None:
        return next((e.id for e in self.events if article_id in e.article_ids), None)

    def story_of(self, article_id: str) -> str | None:
        event_id = self.event_of(article_id)
        return next((s.id for s in self.stories if event_id in s.event_ids), None)


# --- link: one quotation carried by several articles (link.quote_links) -------


@dataclass(frozen=True, slots=True)
class QuoteOccurrence:
    article_id: str
    outlet: str | None
    published: str | None
    quote: Quote


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One quotation and every article that carried it, earliest first."""

    id: str
    quote: str  # the first version's words
    speaker: str | None  # the first named speaker among the versions
    occurrences: tuple[QuoteOccurrence, ...]

    @property
    def first(self) -> QuoteOccurrence:
        return self.occurrences[0]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.article_id for o in self.occurrences))
