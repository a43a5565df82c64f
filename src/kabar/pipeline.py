"""The driver: sources → extract → analyse → link → store, with progress and error capture.

Per-article and corpus stages are pure functions; a stage that fails on one
article (or on the corpus) becomes a `Failure` record and the batch goes on.
Only `run` touches the store, and it saves articles a few dozen at a time (one
transaction each, `_Writer`), so a crash mid-run loses at most the last batch,
which a rerun processes again (writes are upserts: nothing is stored twice). `run` extracts as a batch (lines
repeated across one outlet's pages are chrome, `kabar.extract.batch`) and
links across articles: events and stories (`kabar.link`), one identity for a
person named in part in some articles (`kabar.analyse.identity`), and the same
quotation carried by several articles (`kabar.link.quote_links`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import monotonic

from kabar.analyse import identity
from kabar.analyse.components import DEFAULT, Component, check_order
from kabar.analyse.plover import code_events
from kabar.analyse.plover.inputs import contract_objects
from kabar.analyse.plover.record import EventMention
from kabar.analyse.resources import Resources
from kabar.extract import extract
from kabar.extract.batch import count_lines, extract_all, plan
from kabar.ingest import read_pages
from kabar.link import assign, link, quote_links
from kabar.link.pipeline import LinkConfig, link_corpus
from kabar.link.reuse import find_reuse
from kabar.log import get_logger
from kabar.records import AnalysedArticle, Article, Entity, Failure, Linking, QuoteGroup, RawPage, Reuse
from kabar.scale import LocalExecutor
from kabar.scale.executor import Executor
from kabar.store import open_store

log = get_logger(__name__)


def extract_page(page: RawPage, repeated: frozenset[str] = frozenset()) -> Article | Failure:
    """Extract one page; an extraction error becomes a Failure with its reason.

    `repeated`: lines other pages of the same outlet in the batch carry (`kabar.extract.batch`).
    """
    try:
        return extract(page, repeated=repeated)
    except Exception as exc:  # any page-specific error must not stop the batch
        return Failure(page.source, "extract", _reason(exc))


def extract_paths(paths: Iterable[str | Path], *, url: str | None = None) -> Iterator[Article | Failure]:
    """Articles (or failures) from files, directories, JSON Lines, WARC or `-`, in input order.

    Extracted as a batch, a window of pages at a time (`kabar.extract.batch`), so
    lines an outlet repeats on its pages go as chrome, as in `kabar run`.
    """
    yield from extract_all(read_pages(paths, url=url))


@dataclass(frozen=True, slots=True)
class Analysis:
    analysed: AnalysedArticle
    failures: tuple[Failure, ...] = ()
    events: tuple[EventMention, ...] | None = None  # its PLOVER event mentions; None: not coded


def analyse(
    article: Article, components: Sequence[Component] = DEFAULT, resources: Resources | None = None
) -> Analysis:
    """The article through each of `components` in turn (default: entities, time expressions and
    quotes), reading models and tables from `resources` (default: the shipped ones).

    Each component runs on its own: if one fails, its fields stay empty, the others' results are
    kept and the failure is reported with the component's name ("analyse.timex").
    """
    check_order(components)
    resources = resources or Resources()
    analysed = AnalysedArticle(article)
    failures: list[Failure] = []
    for component in components:
        try:
            analysed = component.run(analysed, resources)
        except Exception as exc:  # one analyser's bug must not cost the others' results
            failures.append(Failure(article.source, f"analyse.{component.name}", _reason(exc)))
    return Analysis(analysed, tuple(failures))


def analyse_article(article: Article) -> AnalysedArticle:
    """`analyse` without the failure list, for commands that only print results."""
    return analyse(article).analysed


def code_paths(
    paths: Iterable[str | Path],
    *,
    anchor: str | None = None,
    coder: Callable[[AnalysedArticle], tuple[EventMention, ...]] = code_events,
) -> Iterator[list[dict] | Failure]:
    """For each article of `paths`, its PLOVER events as contract objects (a failure for bad input).

    `anchor` is the publication date of inputs that carry none (a bare .txt body).
    """
    for item in extract_paths([str(p) for p in paths]):
        if isinstance(item, Failure):
            yield item
            continue
        article = item if item.published or not anchor else replace(item, published=anchor)
        try:
            events = coder(analyse_article(article))
        except Exception as exc:  # one bad article must not stop the batch
            yield Failure(article.source, "analyse.events", f"{type(exc).__name__}: {exc}")
            continue
        yield contract_objects(article, events)


def code_analysed(analysed: AnalysedArticle) -> tuple[tuple[EventMention, ...] | None, Failure | None]:
    """The article's PLOVER event mentions (`kabar.analyse.plover.code_events`); on failure, None
    (not coded) and the reason."""
    try:
        return code_events(analysed), None
    except Exception as exc:  # a coding bug must not cost the article its analysis
        return None, Failure(analysed.article.source, "analyse.events", _reason(exc))


def process_page(page: RawPage, repeated: frozenset[str] = frozenset()) -> Analysis | Failure:
    """Extract, analyse and code one page: the per-page unit an executor maps (picklable)."""
    result = extract_page(page, repeated)
    if isinstance(result, Failure):
        return result
    analysis = analyse(result)
    events, failure = code_analysed(analysis.analysed)
    return replace(analysis, events=events, failures=analysis.failures + ((failure,) if failure else ()))


def process_planned(item: tuple[RawPage, frozenset[str]] | Failure) -> Analysis | Failure:
    """`process_page` over one item of `kabar.extract.batch.plan`: a page with its outlet's
    repeated lines, or a failure passed through."""
    return item if isinstance(item, Failure) else process_page(*item)


def link_articles(articles: Sequence[AnalysedArticle]) -> Linking:
    """Cross-article linking; on failure, an empty linking that carries the reason."""
    try:
        return link(articles)
    except Exception as exc:
        return Linking(failures=(Failure("<corpus>", "link", _reason(exc)),))


def link_without_reuse(articles: Sequence[AnalysedArticle]) -> Linking:
    """`link_articles` without passage reuse (`reuse_of` finds it, so the two can run side by side)."""
    try:
        return link_corpus(articles, LinkConfig(reuse=None)) if articles else Linking()
    except Exception as exc:
        return Linking(failures=(Failure("<corpus>", "link", _reason(exc)),))


def reuse_of(articles: Sequence[AnalysedArticle]) -> tuple[tuple[Reuse, ...], tuple[Failure, ...]]:
    """Passage reuse across `articles` (`kabar.link.reuse`), as `link_articles` finds it; on failure,
    none and the reason."""
    try:
        return (tuple(find_reuse(articles)) if articles else ()), ()
    except Exception as exc:
        return (), (Failure("<corpus>", "link.reuse", _reason(exc)),)


def assign_articles(new: Sequence[AnalysedArticle], existing: Linking, known: Sequence[AnalysedArticle]) -> Linking:
    """`new` placed in the `existing` events and stories of `known` (`kabar.link.assign`); on failure,
    an empty linking that carries the reason (save nothing then: the existing linking stays right)."""
    try:
        return assign(new, existing, known)
    except Exception as exc:
        return Linking(failures=(Failure("<corpus>", "link", _reason(exc)),))


def unify_identities(
    corpus: Sequence[AnalysedArticle],
) -> tuple[list[AnalysedArticle], dict[str, Entity], tuple[Failure, ...]]:
    """People some articles name only in part join the full name others give
    (`kabar.analyse.identity`): the corpus with the merges applied, the merges, and
    on failure the unchanged corpus with the reason. Unchanged articles stay the
    same objects, so a caller stores again only those that are not."""
    try:
        merges = identity.resolve_identities(corpus)
        return [identity.apply_identities(a, merges) for a in corpus], merges, ()
    except Exception as exc:
        return list(corpus), {}, (Failure("<corpus>", "link.identity", _reason(exc)),)


def _with_identities(linking: Linking, merges: Mapping[str, Entity]) -> Linking:
    """Events naming the entities the corpus identities replaced name their full entities instead."""
    if not merges:
        return linking
    events = tuple(
        replace(e, entity_ids=tuple(dict.fromkeys(merges[i].id if i in merges else i for i in e.entity_ids)))
        for e in linking.events
    )
    return replace(linking, events=events)


def link_quote_groups(articles: Sequence[AnalysedArticle]) -> tuple[tuple[QuoteGroup, ...], tuple[Failure, ...]]:
    """The same quotation across articles (`kabar.link.quote_links`); on failure, none and the reason."""
    try:
        return quote_links.link_quotes(articles), ()
    except Exception as exc:
        return (), (Failure("<corpus>", "link.quotes", _reason(exc)),)


_CONTAINER_SUFFIXES = (".jsonl", ".warc", ".warc.gz", ".gz")


def expected_pages(paths: Iterable[str | Path]) -> int | None:
    """How many pages a run will read, when files map one to one to pages; else None.

    For the progress bar only: JSON Lines and WARC files hold many pages each.
    """
    count = 0
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        if any(f.name.lower().endswith(_CONTAINER_SUFFIXES) for f in files):
            return None
        count += len(files)
    return count


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the closing summary and the exit code."""

    pages_read: int = 0
    articles_stored: int = 0
    failures: list[Failure] = field(default_factory=list)
    linking: Linking = field(default_factory=Linking)
    quote_links: tuple[QuoteGroup, ...] = ()


def run(
    paths: Sequence[str | Path],
    *,
    db: str,
    on_page: Callable[[str], None] | None = None,
    executor: Executor | None = None,
    window: int = 200,
    on_pass: Callable[[str], None] | None = None,
) -> RunSummary:
    """The whole pipeline over `paths` into the store at `db`; returns the summary.

    `on_page` is called once per page read (the CLI advances its progress bar).
    Linking runs over every article in the store, not only this run's, so
    adding pages to an existing database links them with what it holds.
    Pages are processed by `executor` (default: a loop in this process).

    Extraction is batch extraction (`kabar.extract.batch`): lines repeated across
    pages of one outlet are dropped as chrome. When the input can be read twice
    (no `-`), a first pass counts line hashes per outlet over the whole input
    (`count_lines`, no page text kept) and the second streams page by page;
    standard input is counted in windows of `window` pages instead. `on_pass` is
    told "count" before the first pass and "process" before the second.
    """
    executor = executor or LocalExecutor()
    summary = RunSummary()
    counts = None
    if not any(str(p) == "-" for p in paths):
        if on_pass is not None:
            on_pass("count")
        counts = count_lines(read_pages(paths))
    if on_pass is not None:
        on_pass("process")
    store = open_store(db)
    writer = _Writer(store)
    try:
        planned = plan(_pages(paths, summary, writer, on_page), counts=counts, window=window)
        for analysis in executor.map(process_planned, planned):
            if isinstance(analysis, Failure):
                _fail(summary, store, analysis)
                continue
            for failure in analysis.failures:
                _fail(summary, store, failure)
            writer.article(analysis.analysed, analysis.events)
            summary.articles_stored += 1
        writer.flush()
        _link_store(store, summary, executor)
    finally:
        writer.flush()  # what was analysed before an error is kept
        store.close()
    return summary


class _Writer:
    """Pages and analysed articles into the store `size` at a time, one transaction per batch.

    A transaction per article cost the driver 8 ms each, as much as a third of a worker's time
    per page; in batches the driver keeps up with two workers. A batch older than `seconds` is
    written anyway, so a slow stream (standard input, a crawl) is not held back. Pages go first:
    a stored article always has its page.
    """

    def __init__(self, store, size: int = 64, seconds: float = 2.0) -> None:
        self.store = store
        self.size = size
        self.seconds = seconds
        self.pages: list[RawPage] = []
        self.articles: list[tuple[AnalysedArticle, tuple[EventMention, ...] | None]] = []
        self.since = monotonic()

    def page(self, page: RawPage) -> None:
        self.pages.append(page)
        self._maybe_flush()

    def article(self, analysed: AnalysedArticle, events: tuple[EventMention, ...] | None = None) -> None:
        self.articles.append((analysed, events))  # its coded events go in the same transaction
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        if len(self.pages) + len(self.articles) >= self.size or monotonic() - self.since >= self.seconds:
            self.flush()

    def flush(self) -> None:
        pages, articles, self.pages, self.articles = self.pages, self.articles, [], []
        if pages:
            self.store.upsert_pages(pages)
        if articles:
            self.store.upsert_analysed_many(articles)
        self.since = monotonic()


def _link_store(store, summary: RunSummary, executor: Executor) -> None:
    """Link every article the store holds (events, stories, reuse), join people named in part to
    their full names, group quotations several articles carry, and save it all.

    Passage reuse, a third of linking's time, runs beside the rest (`Executor.aside`: a forked
    process, or a Ray task) and joins the linking at the end: the same records as `link_articles`."""
    corpus = list(store.analysed_articles())
    reuse = executor.aside(reuse_of, corpus)
    linking = link_without_reuse(corpus)
    for failure in linking.failures:
        _fail(summary, store, failure)
    # after event linking, whose entity weights are tuned on each article's own names
    unified, merges, identity_failures = unify_identities(corpus)
    for failure in identity_failures:
        _fail(summary, store, failure)
    if merges:  # coded again: an actor's name and entity are the full identity's now
        store.upsert_analysed_many(_coded(summary, store, (u for u, a in zip(unified, corpus) if u is not a)))
        store.prune_entities()
    if store.coding_pending():  # a store from before coding was stored: code what it holds, once
        store.save_coded_events((a, e) for a, e in _coded(summary, store, unified) if e is not None)
    summary.quote_links, quote_failures = link_quote_groups(unified)
    try:
        found, reuse_failures = reuse()
    except Exception as exc:  # the process or task itself died (reuse_of catches its own errors)
        found, reuse_failures = (), (Failure("<corpus>", "link.reuse", _reason(exc)),)
    for failure in reuse_failures:
        _fail(summary, store, failure)
    linking = replace(linking, reuse=found) if not linking.failures else linking
    summary.linking = _with_identities(replace(linking, failures=()), merges)
    store.save_linking(summary.linking)
    for failure in quote_failures:
        _fail(summary, store, failure)
    store.save_quote_links(summary.quote_links)


def _coded(summary: RunSummary, store, articles: Iterable[AnalysedArticle]) -> Iterator[tuple[AnalysedArticle, tuple[EventMention, ...] | None]]:
    for a in articles:
        events, failure = code_analysed(a)
        if failure is not None:
            _fail(summary, store, failure)
        yield a, events


def _pages(paths, summary: RunSummary, writer: _Writer, on_page) -> Iterator[RawPage]:
    for item in read_pages(paths):
        summary.pages_read += 1
        if on_page is not None:
            on_page(item.source)
        if isinstance(item, Failure):
            _fail(summary, writer.store, item)
            continue
        writer.page(item)
        yield item


def _fail(summary: RunSummary, store, failure: Failure) -> None:
    summary.failures.append(failure)
    log.warning("failure", extra={"fields": {"source": failure.source, "stage": failure.stage, "reason": failure.reason}})
    store.add_failure(failure)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
