"""WARC / WARC.gz input: the HTML responses of a crawl, one page per record."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from kabar.ingest.decode import DecodeError, decode
from kabar.records import Failure, RawPage


def read_warc(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[RawPage | Failure]:
    """HTML `response` records as pages (`source#n`, the record's target URI as url)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            number += 1
            where = f"{source}#{number}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Failure(where, "ingest", f"record larger than the {max_bytes // 1_000_000} MB limit")
                continue
            try:
                text, encoding = decode(_with_http_charset(data, ctype))
            except DecodeError as exc:
                yield Failure(where, "ingest", str(exc))
                continue
            if not text.strip():
                yield Failure(where, "ingest", "empty response body")
                continue
            yield RawPage(source=where, content=text, kind="html", url=uri, encoding=encoding)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Failure(source, "ingest", f"unreadable WARC: {exc}")


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
