"""The driver: sources → extract → analyse → link → store, with progress and error capture.

Per-article stages are pure functions; a stage that fails on one article
becomes a `Failure` record and the batch goes on. Only `run` touches the
store, and it saves each article as soon as it is analysed, so a crash
mid-run loses nothing already processed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kabar.log import get_logger
from kabar.records import AnalysedArticle, Article, Failure, Linking, RawPage
from kabar.scale.executor import Executor

log = get_logger(__name__)


def extract_page(page: RawPage) -> Article | Failure:
    """Extract one page; an extraction error becomes a Failure with its reason."""
    from kabar.extract import extract

    try:
        return extract(page)
    except Exception as exc:  # any page-specific error must not stop the batch
        return Failure(page.source, "extract", _reason(exc))


def extract_paths(paths: Iterable[str | Path], *, url: str | None = None) -> Iterator[Article | Failure]:
    """Articles (or failures) from files, directories, JSON Lines, WARC or `-`."""
    from kabar.ingest import read_pages

    for item in read_pages(paths, url=url):
        yield item if isinstance(item, Failure) else extract_page(item)


@dataclass(frozen=True, slots=True)
class Analysis:
    analysed: AnalysedArticle
    failures: tuple[Failure, ...] = ()


def analyse(article: Article) -> Analysis:
    """Entities, time expressions and quotes of one article.

    Each analyser runs on its own: if one fails, the others' results are kept
    and the failure is reported with the stage that raised it.
    """
    from kabar.analyse import entities, quotes, timex

    failures: list[Failure] = []

    def attempt(stage: str, fn: Callable[[], tuple], empty: tuple) -> tuple:
        try:
            return fn()
        except Exception as exc:
            failures.append(Failure(article.source, f"analyse.{stage}", _reason(exc)))
            return empty

    found_entities, mentions = attempt("entities", lambda: entities.annotate(article), ((), ()))
    timexes = attempt("timex", lambda: timex.annotate(article), ())
    found_quotes = attempt("quotes", lambda: quotes.annotate(article, found_entities, mentions), ())
    analysed = AnalysedArticle(article, tuple(found_entities), tuple(mentions), tuple(timexes), tuple(found_quotes))
    return Analysis(analysed, tuple(failures))


def analyse_article(article: Article) -> AnalysedArticle:
    """`analyse` without the failure list, for commands that only print results."""
    return analyse(article).analysed


def process_page(page: RawPage) -> Analysis | Failure:
    """Extract and analyse one page: the per-page unit an executor maps (picklable)."""
    result = extract_page(page)
    return result if isinstance(result, Failure) else analyse(result)


def link_articles(articles: Sequence[AnalysedArticle]) -> Linking:
    """Cross-article linking; on failure, an empty linking that carries the reason."""
    from kabar.link import link

    try:
        return link(articles)
    except Exception as exc:
        return Linking(failures=(Failure("<corpus>", "link", _reason(exc)),))


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


def run(
    paths: Sequence[str | Path],
    *,
    db: str,
    on_page: Callable[[str], None] | None = None,
    executor: Executor | None = None,
) -> RunSummary:
    """The whole pipeline over `paths` into the store at `db`; returns the summary.

    `on_page` is called once per page read (the CLI advances its progress bar).
    Linking runs over every article in the store, not only this run's, so
    adding pages to an existing database links them with what it holds.
    Pages are processed by `executor` (default: a loop in this process).
    """
    from kabar.scale import LocalExecutor
    from kabar.store import open_store

    executor = executor or LocalExecutor()
    summary = RunSummary()
    store = open_store(db)
    try:
        for analysis in executor.map(process_page, _pages(paths, summary, store, on_page)):
            if isinstance(analysis, Failure):
                _fail(summary, store, analysis)
                continue
            for failure in analysis.failures:
                _fail(summary, store, failure)
            store.upsert_analysed(analysis.analysed)
            summary.articles_stored += 1
        corpus = list(store.analysed_articles())
        linking = link_articles(corpus)
        for failure in linking.failures:
            _fail(summary, store, failure)
        summary.linking = replace(linking, failures=())
        store.save_linking(summary.linking)
    finally:
        store.close()
    return summary


def _pages(paths, summary: RunSummary, store, on_page) -> Iterator[RawPage]:
    from kabar.ingest import read_pages

    for item in read_pages(paths):
        summary.pages_read += 1
        if on_page is not None:
            on_page(item.source)
        if isinstance(item, Failure):
            _fail(summary, store, item)
            continue
        store.upsert_page(item)
        yield item


def _fail(summary: RunSummary, store, failure: Failure) -> None:
    summary.failures.append(failure)
    log.warning("failure", extra={"fields": {"source": failure.source, "stage": failure.stage, "reason": failure.reason}})
    store.add_failure(failure)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
