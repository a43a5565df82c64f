"""Ingest: paths in, `RawPage` records out; bad input becomes a `Failure`.

Public API: ``read_pages(paths, *, url=None) -> Iterator[RawPage | Failure]``.
Kinds (HTML, browser-copied page text, JSON Lines, WARC) are told apart by
content with the extension as a hint; `-` reads standard input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kabar.ingest.decode import DecodeError, decode
from kabar.ingest.detect import sniff_kind
from kabar.ingest.files import MAX_BYTES, ReadError, Source, read_limited, regular_size, walk
from kabar.records import Failure, RawPage

__all__ = ["MAX_BYTES", "read_pages", "read_source"]

_OPENED = re.compile(r"<(?:html|body)\b", re.I)
_CLOSED = re.compile(r"</(?:html|body)\s*>", re.I)


def read_pages(
    paths: Iterable[str | Path], *, url: str | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[RawPage | Failure]:
    """Every page in `paths` (files, directories, "-"), in order; failures in place of bad input."""
    for source in walk(paths):
        yield from read_source(source, url=url, max_bytes=max_bytes)


def read_source(source: Source, *, url: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[RawPage | Failure]:
    name = source.name
    if source.problem is not None:
        yield Failure(name, "ingest", source.problem)
        return
    if source.path is not None and source.path.name.lower().endswith((".warc", ".warc.gz")):
        yield from _read_warc_file(source, max_bytes)
        return
    try:
        data = read_limited(source, max_bytes)
    except ReadError as exc:
        yield Failure(name, "ingest", str(exc))
        return
    if not data.strip():
        yield Failure(name, "ingest", "empty file" if not data else "empty page (whitespace only)")
        return
    kind = sniff_kind(data[:65536], name)
    if kind == "warc":
        from kabar.ingest.warc import open_bytes, read_warc

        yield from read_warc(open_bytes(data), name, max_bytes=max_bytes)
        return
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        yield Failure(name, "ingest", str(exc))
        return
    if kind == "jsonl":
        from kabar.ingest.jsonl import read_jsonl

        yield from read_jsonl(text, name, url=url)
        return
    if kind == "html" and _OPENED.search(text) and not _CLOSED.search(text):
        # Still read: a cut-off page often holds its article; the user learns it was cut.
        yield Failure(name, "ingest", "truncated HTML (no closing </body> or </html>); reading what is there")
    yield RawPage(source=name, content=text, kind=kind, url=url, encoding=encoding)


def _read_warc_file(source: Source, max_bytes: int) -> Iterator[RawPage | Failure]:
    from kabar.ingest.warc import read_warc

    assert source.path is not None
    try:
        regular_size(source.path)  # before open(): opening a FIFO named *.warc would block for ever
        handle = source.path.open("rb")
    except ReadError as exc:
        yield Failure(source.name, "ingest", str(exc))
        return
    except OSError as exc:
        yield Failure(source.name, "ingest", f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from read_warc(handle, source.name, max_bytes=max_bytes)

