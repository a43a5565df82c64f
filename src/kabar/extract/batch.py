"""Extracting a batch: lines that repeat across pages of one outlet are chrome.

Menus, footers and promotions recur on every page of a site while article text
does not, so a line seen on two or more other pages of the same outlet in the
batch is dropped from each page (the per-page classifier still runs alone
when a page comes by itself).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from kabar.records import Article, Failure, RawPage

_MIN_PAGES = 3  # a line on this many pages of one outlet is site chrome


def extract_all(items: Iterable[RawPage | Failure], *, window: int = 200) -> Iterator[Article | Failure]:
    """Extract pages in input order; failures pass through, extraction errors become Failures.

    Pages are read `window` at a time, so memory stays bounded on big inputs.
    """
    buffer: list[RawPage | Failure] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= window:
            yield from _extract_window(buffer)
            buffer = []
    if buffer:
        yield from _extract_window(buffer)


def _extract_window(items: list[RawPage | Failure]) -> Iterator[Article | Failure]:
    from kabar.extract import extract

    repeated = _repeated_lines([i for i in items if isinstance(i, RawPage)])
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield extract(item, repeated=repeated.get(_site(item) or "", frozenset()))
        except Exception as exc:  # one bad page must not stop the batch
            reason = str(exc) or type(exc).__name__
            yield Failure(item.source, "extract", reason)


def _site(page: RawPage) -> str | None:
    """Pages are grouped by site: the URL's domain, or else the page's top lines (a site's
    masthead and menu), so that pages of different outlets never share a group."""
    from kabar.extract.outlets import domain_name

    domain = domain_name(page.url)
    if domain:
        return domain
    if page.kind != "text":
        return None
    top = [line.strip() for line in page.content.splitlines()[:40] if line.strip()][:4]
    if len(top) < 4 or any(len(line.split()) > 8 for line in top):
        return None  # no masthead: the page starts with its own text
    return "top:" + "\x1f".join(top)


def _repeated_lines(pages: list[RawPage]) -> dict[str, frozenset[str]]:
    by_site: dict[str, Counter[str]] = defaultdict(Counter)
    for page in pages:
        site = _site(page)
        if site is None:
            continue
        lines = {line.strip() for line in page.content.splitlines() if line.strip()}
        by_site[site].update(lines)
    return {
        site: frozenset(line for line, n in counts.items() if n >= _MIN_PAGES)
        for site, counts in by_site.items()
    }
