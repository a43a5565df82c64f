"""Extracting a batch: lines that repeat across pages of one outlet are chrome.

Menus, footers and promotions recur on every page of a site while article text
does not, so a line seen on `_MIN_PAGES` pages of the same outlet in the batch
is dropped from each page (the per-page classifier still runs alone when a page
comes by itself).

Two ways to know which lines repeat, both with bounded memory:

- two passes (input that can be read again): `count_lines` reads every page
  once and keeps only 64-bit hashes of (outlet, line) with their page counts
  (`LineCounts`, 16 bytes a distinct line); the second pass extracts page by
  page, streaming, with the whole batch's counts;
- one pass (standard input): pages are held `window` at a time and counted
  within their window.

`plan` pairs each page with its repeated lines; the pairs are picklable, so
the extraction itself can run in worker processes (`kabar.pipeline`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from kabar.extract.core import extract
from kabar.extract.furniture import sentence_key, sentences
from kabar.extract.html import parse
from kabar.extract.outlets import domain_name
from kabar.extract.repair import repair_text
from kabar.records import Article, Failure, RawPage

_MIN_PAGES = 3  # a line on this many pages of one outlet is site chrome
_LONG_LINE = 400  # characters: a line this long is cut into sentences for counting
_MERGE_EVERY = 1 << 19  # pending hashes folded into the sorted counts this often

Planned = tuple[RawPage, frozenset[str]]


class LineCounts:
    """How many pages of each outlet carry each line, kept as hashes (never the text).

    Python's `hash` is salted per process, so counts are only looked up in the
    process that made them (the driver): workers get plain line sets.
    """

    def __init__(self) -> None:
        self._keys = np.empty(0, dtype=np.uint64)  # sorted, distinct
        self._counts = np.empty(0, dtype=np.int64)
        self._pending: list[int] = []
        self.pages = 0

    @classmethod
    def of(cls, items: Iterable[RawPage | Failure]) -> LineCounts:
        counts = cls()
        for item in items:
            if isinstance(item, RawPage):
                counts.add(item)
        return counts

    def add(self, page: RawPage) -> None:
        site = _site(page)
        if site is None:
            return
        try:
            keys = {_key(site, line) for line in _units(_lines(page))}
        except Exception:  # a page the counter cannot read is counted as none; extraction reports it
            return
        self.pages += 1
        self._pending.extend(keys)
        if len(self._pending) >= _MERGE_EVERY:
            self._merge()

    def count(self, site: str, line: str) -> int:
        self._merge()
        key = np.uint64(_key(site, line))
        i = int(np.searchsorted(self._keys, key))
        return int(self._counts[i]) if i < len(self._keys) and self._keys[i] == key else 0

    def repeated(self, page: RawPage) -> frozenset[str]:
        """The page's lines that `_MIN_PAGES` or more pages of its outlet carry."""
        site = _site(page)
        if site is None:
            return frozenset()
        self._merge()
        if not len(self._keys):
            return frozenset()  # nothing repeats: no need to prepare the page's lines
        try:
            lines = sorted(set(_units(_lines(page))))
        except Exception:  # as in `add`: extraction will say what is wrong with the page
            return frozenset()
        if not lines:
            return frozenset()
        keys = np.fromiter((_key(site, line) for line in lines), dtype=np.uint64, count=len(lines))
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        found = (self._keys[at] == keys) & (self._counts[at] >= _MIN_PAGES)
        return frozenset(line for line, hit in zip(lines, found) if hit)

    def prune(self) -> None:
        """Forget lines below the threshold: once every page is counted, only chrome is needed."""
        self._merge()
        keep = self._counts >= _MIN_PAGES
        self._keys, self._counts = self._keys[keep], self._counts[keep]

    def __len__(self) -> int:
        self._merge()
        return len(self._keys)

    def _merge(self) -> None:
        if not self._pending:
            return
        new = np.fromiter(self._pending, dtype=np.uint64, count=len(self._pending))
        self._pending = []
        keys = np.concatenate([self._keys, new])
        counts = np.concatenate([self._counts, np.ones(len(new), dtype=np.int64)])
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
        self._keys, self._counts = keys[starts], np.add.reduceat(counts, starts)


def count_lines(items: Iterable[RawPage | Failure]) -> LineCounts:
    """The first pass: line counts per outlet over every page, pruned to the repeated ones."""
    counts = LineCounts.of(items)
    counts.prune()
    return counts


def plan(
    items: Iterable[RawPage | Failure], *, counts: LineCounts | None = None, window: int = 200
) -> Iterator[Planned | Failure]:
    """Each page with its outlet's repeated lines, in input order; failures pass through.

    With `counts` (from `count_lines`) pages stream one by one; without, they are
    counted `window` at a time.
    """
    if counts is not None:
        for item in items:
            yield item if isinstance(item, Failure) else (item, counts.repeated(item))
        return
    buffer: list[RawPage | Failure] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= window:
            yield from plan(buffer, counts=LineCounts.of(buffer))
            buffer = []
    if buffer:
        yield from plan(buffer, counts=LineCounts.of(buffer))


def extract_planned(item: Planned | Failure) -> Article | Failure:
    """Extract one planned page; an extraction error becomes a Failure (picklable, for executors)."""
    if isinstance(item, Failure):
        return item
    page, repeated = item
    try:
        return extract(page, repeated=repeated)
    except Exception as exc:  # one bad page must not stop the batch
        reason = str(exc) or type(exc).__name__
        return Failure(page.source, "extract", reason)


def extract_all(
    items: Iterable[RawPage | Failure], *, counts: LineCounts | None = None, window: int = 200
) -> Iterator[Article | Failure]:
    """Extract pages in input order; failures pass through, extraction errors become Failures.

    Pass `counts` from `count_lines` over the same input for whole-batch counts;
    else pages are read `window` at a time, so memory stays bounded on big inputs.
    """
    for item in plan(items, counts=counts, window=window):
        yield extract_planned(item)


def _lines(page: RawPage) -> list[str]:
    """The lines the line classifier will see (`extract.text.line_info`): page text after
    repair, HTML as rendered blocks; stripped, no-break spaces as spaces."""
    if page.kind == "html":
        raw: Iterable[str] = parse(page.content).lines
    else:
        raw = repair_text(page.content).splitlines()
    return [text for line in raw if (text := line.strip().replace("\u00a0", " "))]


def _units(lines: list[str]) -> list[str]:
    """What is counted across an outlet's pages: every line, and each sentence of a long line (a
    body folded into one line carries the outlet's promotions inside it), as its `sentence_key`."""
    units = list(lines)
    for line in lines:
        if len(line) >= _LONG_LINE:
            units.extend(key for sentence in sentences(line) if (key := sentence_key(sentence)))
    return units


def _key(site: str, line: str) -> int:
    return hash((site, line)) & 0xFFFFFFFFFFFFFFFF


def _site(page: RawPage) -> str | None:
    """Pages are grouped by site: the URL's domain, or else the page's top lines (a site's
    masthead and menu), so that pages of different outlets never share a group."""
    domain = domain_name(page.url)
    if domain:
        return domain
    if page.kind != "text":
        return None
    top = [line.strip() for line in page.content.splitlines()[:40] if line.strip()][:4]
    if len(top) < 4 or any(len(line.split()) > 8 for line in top):
        return None  # no masthead: the page starts with its own text
    return "top:" + "\x1f".join(top)
