"""New pages into the store the way `kabar run` puts files there, then linked incrementally.

The crawl's accepted pages are spooled to a JSON Lines file so that, as in
`kabar run`, a first pass counts lines repeated across one outlet's pages
(`kabar.extract.batch`) and a second extracts and analyses page by page, with
memory bounded however many pages came in. The new articles then join the
stored events and stories (`kabar.pipeline.assign_articles`): old events keep
their ids and are not re-clustered; `kabar run` re-links the whole store.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kabar.records import AnalysedArticle, Failure, Linking, RawPage


class Spool:
    """Pages written to a temporary JSON Lines file and read back as often as needed."""

    def __init__(self) -> None:
        self._file = tempfile.NamedTemporaryFile("w+", encoding="utf-8", suffix=".jsonl", delete=False)
        self.path = Path(self._file.name)
        self.count = 0

    def add(self, page: RawPage) -> None:
        self._file.write(json.dumps(asdict(page), ensure_ascii=False) + "\n")
        self.count += 1

    def pages(self) -> Iterator[RawPage]:
        self._file.flush()
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                yield RawPage(**json.loads(line))

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


@dataclass(slots=True)
class Stored:
    articles: dict[str, str] = field(default_factory=dict)  # page source (the final URL) → article id
    failures: list[Failure] = field(default_factory=list)
    linking: Linking | None = None


def store_pages(spool: Spool, store, *, link: bool = True, on_article: Callable[[str], None] | None = None) -> Stored:
    """Extract, analyse and save the spooled pages; then place the new articles in the stored events."""
    from kabar.extract.batch import count_lines, plan
    from kabar.pipeline import process_planned

    out = Stored()
    new: list[AnalysedArticle] = []
    if spool.count == 0:
        return out
    counts = count_lines(spool.pages())
    for item, page in zip(plan(spool.pages(), counts=counts), spool.pages()):
        store.upsert_page(page)
        result = process_planned(item)
        if isinstance(result, Failure):
            out.failures.append(result)
            continue
        out.failures.extend(result.failures)
        store.upsert_analysed(result.analysed, result.events)
        out.articles[page.source] = result.analysed.article.id
        new.append(result.analysed)
        if on_article is not None:
            on_article(page.source)
    if link and new:
        out.linking = _link_new(store, new)
        out.failures.extend(out.linking.failures)
    return out


def _link_new(store, new: list[AnalysedArticle]) -> Linking:
    from kabar.pipeline import assign_articles

    new_ids = {a.article.id for a in new}
    known = [a for a in store.analysed_articles() if a.article.id not in new_ids]
    linking = assign_articles(new, store.linking(), known)
    if not linking.failures:  # on failure the stored linking stays as it was, still right for the old articles
        store.save_linking(linking)
    return linking
