"""WARC archiving (warcio) of every HTTP response a crawl receives, with its request.

Pages the crawl takes as new articles go to `DIR/<crawl>.warc.gz`, everything else
(robots.txt, feeds, sitemaps, home pages, redirects, errors, pages that are not
articles or repeat one) to `DIR/other/<crawl>.warc.gz`, so `kabar run
DIR/*.warc.gz` replays exactly the pages the crawl stored. Bodies are kept as
httpx decoded them (gzip undone), so the Content-Encoding header is dropped and
Content-Length set to the body written.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from kabar.crawl.fetch import Exchange

_DROPPED = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class Archive:
    """Two WARC files for one crawl run, opened on first write."""

    def __init__(self, folder: str | Path, *, stamp: str | None = None) -> None:
        self.folder = Path(folder)
        self.stamp = stamp or datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        self._files: dict[bool, tuple[BinaryIO, object]] = {}
        self.records = 0

    def path(self, article: bool) -> Path:
        name = f"kabar-crawl-{self.stamp}.warc.gz"
        return self.folder / name if article else self.folder / "other" / name

    def write(self, exchange: Exchange, *, article: bool = False) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        writer = self._writer(article)
        path = exchange.url.split("://", 1)[-1].partition("/")[2]
        request_line = f"GET /{path} HTTP/1.1"
        request_headers = StatusAndHeaders(request_line, list(exchange.request_headers), is_http_request=True)
        headers = [(k, v) for k, v in exchange.headers if k.lower() not in _DROPPED]
        headers.append(("Content-Length", str(len(exchange.body))))
        protocol = exchange.http_version if exchange.http_version.startswith("HTTP/") else "HTTP/1.1"
        http_headers = StatusAndHeaders(f"{exchange.status} {exchange.reason}".strip(), headers, protocol=protocol)
        warc_headers = {"WARC-Date": exchange.at.replace("+00:00", "Z")}
        response = writer.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(exchange.body), http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        request = writer.create_warc_record(
            exchange.url, "request", payload=io.BytesIO(b""), http_headers=request_headers, warc_headers_dict=warc_headers
        )
        writer.write_request_response_pair(request, response)
        self.records += 1

    def close(self) -> None:
        for handle, _ in self._files.values():
            handle.close()
        self._files.clear()

    def _writer(self, article: bool):
        if article not in self._files:
            from warcio.warcwriter import WARCWriter

            path = self.path(article)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = path.open("ab")
            self._files[article] = (handle, WARCWriter(handle, gzip=True))
        return self._files[article][1]
