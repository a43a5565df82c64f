"""WARC / WARC.gz input: the HTML responses of a crawl, one page per record.

A damaged record (no target URI, unreadable HTTP headers, cut short) is a
`Failure` for that record; the records after it are still read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from kabar.ingest.decode import DecodeError, decode
from kabar.records import Failure, RawPage

_DRAIN = 1 << 16


def read_warc(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[RawPage | Failure]:
    """HTML `response` records as pages (`source#n`, the record's target URI as url)."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    records.loader = _tolerant_loader(records.loader)
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            yield from _unread_tail(stream, records.offset, source, number)
            return
        except Exception as exc:  # warcio raises many kinds on damaged input; none may end the batch
            where = f"{source}#{number + 1}" if number else source
            yield Failure(where, "ingest", f"unreadable WARC after record {number}: {type(exc).__name__}: {exc}")
            return
        if record.rec_type != "response":
            yield from _cut_short(record, f"{source} (record after #{number})")
            continue
        number += 1
        where = f"{source}#{number}"
        try:
            yield from _response(record, where, max_bytes)
        except Exception as exc:  # a body warcio cannot decode (bad chunking, bad gzip): this record only
            yield Failure(where, "ingest", f"unreadable WARC record: {type(exc).__name__}: {exc}")
        yield from _cut_short(record, where)


def _response(record, where: str, max_bytes: int) -> Iterator[RawPage | Failure]:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        yield Failure(where, "ingest", "WARC response record without WARC-Target-URI: skipped")
        return
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    if "html" not in ctype.lower():
        return
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure(where, "ingest", f"record larger than the {max_bytes // 1_000_000} MB limit")
        return
    try:
        text, encoding = decode(_with_http_charset(data, ctype))
    except DecodeError as exc:
        yield Failure(where, "ingest", str(exc))
        return
    if not text.strip():
        yield Failure(where, "ingest", "empty response body")
        return
    yield RawPage(source=where, content=text, kind="html", url=uri, encoding=encoding)


def _cut_short(record, where: str) -> Iterator[Failure]:
    """A record whose bytes end before its Content-Length says: the WARC was cut (or its length lies)."""
    try:
        while record.raw_stream.read(_DRAIN):
            pass
    except Exception as exc:
        yield Failure(where, "ingest", f"unreadable WARC record: {type(exc).__name__}: {exc}")
        return
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        yield Failure(where, "ingest", f"WARC cut short: the record lacks {missing} of its bytes")


def _unread_tail(stream: BinaryIO, offset: int, source: str, number: int) -> Iterator[Failure]:
    """Bytes left after the last whole record: a record cut off (a gzip member warcio gave up on)."""
    try:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(offset)
        tail = stream.read(4096)
    except (OSError, ValueError):  # not seekable (stdin): nothing to compare with
        return
    if size > offset and tail.strip():
        yield Failure(source, "ingest", f"WARC cut short: {size - offset} bytes after record {number} could not be read")


def _tolerant_loader(loader):
    """warcio's loader, but a record without a target URI loads (without HTTP headers) instead of raising."""
    base = type(loader)

    class TolerantLoader(base):
        def _ensure_target_uri_format(self, rec_headers):
            return super()._ensure_target_uri_format(rec_headers) or ""

    tolerant = TolerantLoader.__new__(TolerantLoader)
    tolerant.__dict__.update(loader.__dict__)  # the iterator's own settings (verify_http, arc2warc)
    return tolerant


def _with_http_charset(data: bytes, content_type: str) -> bytes:
    """Re-encode nothing; just prefer the HTTP charset when the page declares none."""
    charset = content_type.lower().partition("charset=")[2].strip(" ;\"'")
    if charset and b"charset" not in data[:4096].lower():
        try:
            return data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            return data
    return data


def open_bytes(data: bytes) -> BinaryIO:
    return io.BytesIO(data)
