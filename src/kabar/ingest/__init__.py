"""Ingest: paths in, `RawPage` records out (placeholder; issue 2 completes it).

Public API: ``read_pages(paths, *, url=None) -> Iterator[RawPage | Failure]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kabar.records import Failure, RawPage


def read_pages(paths: Iterable[str | Path], *, url: str | None = None) -> Iterator[RawPage | Failure]:
    for path in _walk(paths):
        try:
            content = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield Failure(str(path), "ingest", str(exc))
            continue
        kind = "html" if path.suffix.lower() in {".html", ".htm"} else "text"
        yield RawPage(source=str(path), content=content, kind=kind, url=url)


def _walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path
