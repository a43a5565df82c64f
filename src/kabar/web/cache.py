"""Answers of the read routes, kept until the store changes.

Every write of articles, linking or quote links bumps the store's generation (by any
process: `kabar run`, the API's ingest, another server worker), so an answer stored
with the generation it was computed under is right for as long as that generation
lasts. Under load most requests are the same few lists, searches and pages: a hit
costs one read of the generation (a few microseconds on SQLite) instead of the
route's queries and rendering (issue 23: 100 clients, p95 under 500 ms).

Only GET answers with status 200 and a whole body are kept, only under the paths
listed (the alert feeds, the docs and the static files are not: alert writes do not
bump the generation). Each answer carries a weak ETag of generation and address, and
a matching If-None-Match gets 304. Misses for one address are computed once: requests
that arrive while it is being computed wait for it.
"""

from __future__ import annotations

import asyncio
import zlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# The routes whose answers depend only on what the generation stamps (and the address).
CACHED_PATHS = ("/api/articles", "/api/stories", "/api/events", "/api/entities", "/api/quotes", "/api/search",
                "/articles", "/stories", "/events", "/entities", "/quotes", "/search")


@dataclass(frozen=True, slots=True)
class Entry:
    generation: str
    status: int
    headers: tuple[tuple[bytes, bytes], ...]  # as the app sent them (content-type, length, security headers, ETag)
    body: bytes


def cacheable_path(path: str) -> bool:
    """The home page and every path at or under one of CACHED_PATHS (`/api/events/x`, not `/api/eventsx`)."""
    return path == "/" or any(path == p or path.startswith(p + "/") for p in CACHED_PATHS)


def etag(generation: str, key: bytes) -> bytes:
    return f'W/"{generation}-{zlib.crc32(key):08x}"'.encode()


class ResponseCache:
    """ASGI middleware: an LRU of whole answers, bounded in entries and bytes, keyed by path and
    query string, each valid while `stamp()` returns the generation it was stored under.

    `stamp` runs on the event loop for every cacheable request, so it must be cheap
    (`kabar.store.queries.generation_probe`); if it fails the request goes to the app uncached.
    """

    def __init__(self, app, *, stamp: Callable[[], str], max_entries: int = 2048, max_bytes: int = 64_000_000,
                 max_body: int = 1_000_000) -> None:
        self.app = app
        self.stamp = stamp
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_body = max_body  # a larger answer is served but not kept
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._bytes = 0
        self._pending: dict[bytes, asyncio.Future] = {}
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: dict, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not cacheable_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        try:
            generation = self.stamp()
        except Exception:  # the store cannot say: answer without the cache rather than fail
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode("utf-8", "surrogateescape") + b"?" + scope.get("query_string", b"")
        tag = etag(generation, key)
        if _not_modified(scope, tag):
            await _send_304(send, tag)
            return
        entry = self._get(key, generation)
        if entry is None and key in self._pending:  # the same address is being computed: wait for it
            try:
                entry = await asyncio.shield(self._pending[key])
            except Exception:
                entry = None
            if entry is not None and entry.generation != generation:
                entry = None
        if entry is not None:
            self.hits += 1
            await _replay(entry, send)
            return
        self.misses += 1
        await self._compute(scope, receive, send, key, generation, tag)

    async def _compute(self, scope: dict, receive: Receive, send: Send, key: bytes, generation: str, tag: bytes) -> None:
        owner = key not in self._pending
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        if owner:
            self._pending[key] = future
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                keep = message["status"] == 200
                if keep:
                    message = {**message, "headers": [*message.get("headers", ()), (b"etag", tag)]}
                start = message
            elif message["type"] == "http.response.body" and keep:
                size += len(message.get("body", b""))
                if size > self.max_body:
                    keep, chunks[:] = False, []
                else:
                    chunks.append(message.get("body", b""))
            await send(message)

        entry = None
        try:
            await self.app(scope, receive, capture)
            if keep and start is not None:
                entry = Entry(generation, start["status"], tuple(start["headers"]), b"".join(chunks))
                self._put(key, entry)
        finally:
            if owner:
                del self._pending[key]
                future.set_result(entry)

    def _get(self, key: bytes, generation: str) -> Entry | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.generation != generation:  # the store changed since: drop it
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry

    def _put(self, key: bytes, entry: Entry) -> None:
        if key in self._entries:
            self._drop(key)
        self._entries[key] = entry
        self._bytes += len(entry.body)
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            self._drop(next(iter(self._entries)))

    def _drop(self, key: bytes) -> None:
        self._bytes -= len(self._entries.pop(key).body)


def _not_modified(scope: dict, tag: bytes) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"if-none-match":
            return tag in [v.strip() for v in value.split(b",")]
    return False


async def _send_304(send: Send, tag: bytes) -> None:
    await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", tag)]})
    await send({"type": "http.response.body", "body": b""})


async def _replay(entry: Entry, send: Send) -> None:
    await send({"type": "http.response.start", "status": entry.status, "headers": list(entry.headers)})
    await send({"type": "http.response.body", "body": entry.body})
