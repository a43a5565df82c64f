"""Kabar from Python: read pages, analyse text, link articles, search a store.

`import kabar` exposes these names (loaded on first use, so the import stays cheap);
`docs/python.md` shows each with a runnable example. Everything returned is one of
Kabar's frozen records (`kabar.records`): spans are offsets into `Article.text`.

The functions are named so that none shadows a subpackage of `kabar` (`kabar.analyse`,
`kabar.link`, `kabar.extract` are packages): `analyse_text`, `link_articles`, `read`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kabar.analyse.plover import EventMention, code_events as _code_events
from kabar.ids import stable_id
from kabar.ingest.detect import sniff_kind
from kabar.link.summary import summarize as _summarize
from kabar.log import get_logger
from kabar.pipeline import RunSummary, analyse, extract_page, extract_paths, link_articles as _link, run
from kabar.records import AnalysedArticle, Article, Citation, Event, Failure, Linking, QuoteGroup, RawPage, Story
from kabar.store import open_store
from kabar.store.coded_events import CodedMention, Role, list_coded
from kabar.store.search import SearchPage, search as _search

__all__ = [
    "KabarError",
    "Store",
    "analyse_article",
    "analyse_text",
    "code_events",
    "link_articles",
    "read",
    "summarize",
]

log = get_logger(__name__)


class KabarError(Exception):
    """Input Kabar could not turn into an article, or a stage that failed; `failures` says why."""

    def __init__(self, failures: Sequence[Failure]) -> None:
        self.failures = tuple(failures)
        super().__init__("; ".join(f"{f.source}: {f.stage}: {f.reason}" for f in self.failures) or "failed")


def read(source: str | Path, *, url: str | None = None, published: str | None = None) -> list[Article]:
    """The articles in `source`: a path (file, directory, JSON Lines, WARC), `"-"` for standard
    input, or the page itself as a string (HTML or text copied from a browser).

    A string is a path only when it names an existing file or directory. `published` (ISO 8601)
    fills in the date of articles whose page gives none. Pages that fail are logged and skipped;
    `KabarError` is raised when no article at all comes out.
    """
    found: list[Article] = []
    failures: list[Failure] = []
    if isinstance(source, str) and source != "-" and not _is_path(source):
        kind = sniff_kind(source[:65536].encode("utf-8", "replace"), "<text>")
        page = RawPage("<text>", source, "html" if kind == "html" else "text", url=url, published_hint=published)
        items: Iterable[Article | Failure] = [extract_page(page)]
    else:
        items = extract_paths([source], url=url)
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            log.warning("failure", extra={"fields": {"source": item.source, "stage": item.stage, "reason": item.reason}})
        else:
            found.append(item if item.published or not published else replace(item, published=published))
    if not found:
        raise KabarError(failures or [Failure(str(source), "ingest", "no page found")])
    return found


def _is_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except OSError:  # a name too long for the file system is text, not a path
        return False


def analyse_text(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> AnalysedArticle:
    """Entities, time expressions and quotations of an article body given as plain text.

    Each line is a paragraph and nothing is cut (no page extraction: use `read` for pages), so
    every span's offsets point into `text` as given. `published` (ISO 8601) anchors relative
    dates ("Senin lalu"); without it they stay unresolved.
    """
    if not text.strip():
        raise KabarError([Failure("<text>", "extract", "no text")])
    body = tuple(text.split("\n"))
    article = Article(
        id=stable_id("text", title or "", text),
        source="<text>",
        body=body,
        url=url,
        outlet=outlet,
        title=title,
        published=published,
    )
    return analyse_article(article)


def analyse_article(article: Article) -> AnalysedArticle:
    """Entities, time expressions and quotations of one article; `KabarError` if an analyser fails."""
    result = analyse(article)
    if result.failures:
        raise KabarError(result.failures)
    return result.analysed


def code_events(analysed: AnalysedArticle) -> tuple[EventMention, ...]:
    """The PLOVER events the article asserts (who did what to whom, when, where), in text order."""
    return _code_events(analysed)


def summarize(analysed: AnalysedArticle, n: int = 3) -> tuple[Citation, ...]:
    """The article's `n` summary sentences, in article order, each a citation into its text."""
    return _summarize(analysed, n)


def link_articles(articles: Iterable[AnalysedArticle]) -> Linking:
    """Events, stories, timelines and text reuse across the articles; `KabarError` on failure."""
    linking = _link(list(articles))
    if linking.failures:
        raise KabarError(linking.failures)
    return linking


class Store:
    """A Kabar database (a SQLite path or a SQLAlchemy URL): add pages, search, read records back.

    Use it as a context manager, or call `close()`.
    """

    def __init__(self, url: str | Path = "kabar.db") -> None:
        self.url = str(url)
        self._store = open_store(url)

    def add(self, *paths: str | Path) -> RunSummary:
        """Run the whole pipeline (`kabar run`) over `paths` into this store and link it again."""
        return run(list(paths), db=self.url)

    def search(self, query: str, **filters: Any) -> SearchPage:
        """Ranked articles for `query` (the syntax of `kabar search`); filters: `limit`, `offset`,
        `outlet`, `date_from`, `date_to`, `entity`, `story`; `facets=True` counts the matches by
        outlet, entity, story and month. `ValueError` explains a bad query."""
        return _search(self._store, query, **filters)

    def articles(self) -> Iterator[AnalysedArticle]:
        """Every stored article with its analysis, in the order first stored."""
        return self._store.analysed_articles()

    def article(self, article_id: str) -> AnalysedArticle | None:
        return self._store.article(article_id)

    def events(self) -> tuple[Event, ...]:
        return self._store.linking().events

    def stories(self) -> tuple[Story, ...]:
        return self._store.linking().stories

    def quote_groups(self) -> tuple[QuoteGroup, ...]:
        """Quotations carried by several articles, each with every carrier."""
        return self._store.quote_links()

    def coded_events(
        self,
        *,
        entity: str | None = None,
        role: Role | None = None,
        type: str | None = None,
        story: str | None = None,
        article: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[CodedMention]:
        """Stored PLOVER event mentions (`kabar run` codes every article), by the happening's date,
        undated last: each an `EventMention` (`.mention`) with its coded event's id (shared by every
        article stating the same dated act) and its source's URL, outlet and publication date.

        `entity` (an entity id) with `role` "actor" (what it did), "recipient" (what was done to it)
        or None (either); `type` a PLOVER category; `story` a story id; `article` an article id."""
        found, _ = list_coded(
            self._store, entity=entity, role=role, type=type, story=story,
            article_ids=None if article is None else [article], limit=limit, offset=offset,
        )
        return found

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
