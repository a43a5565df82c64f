"""The ingest door: the token is checked before a byte of the body is read, and the body is bounded.

FastAPI reads and parses a request's whole body before any dependency runs, so a
token check written as a dependency let anyone make the server hold any body in
memory (200 MB unauthenticated: +307 MB). This ASGI middleware answers first:
403 without the token, 413 for a body over the limit (announced or sent), 408 for a
body that does not arrive in time; only then does the route see the request.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def token_problem(expected: str | None, authorization: str | None) -> str | None:
    """Why `authorization` does not open ingest, or None when it does."""
    if not expected:
        return "ingest is disabled (start the server with --ingest-token)"
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip().encode(), expected.encode()):
        return "a valid Bearer token is required"
    return None


class IngestGuard:
    """ASGI middleware in front of `POST {path}`; every other request passes untouched."""

    def __init__(self, app, *, token: str | None, path: str = "/api/ingest", max_bytes: int, body_timeout: float) -> None:
        self.app = app
        self.token = token
        self.path = path
        self.max_bytes = max_bytes
        self.body_timeout = body_timeout

    async def __call__(self, scope: dict, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        problem = token_problem(self.token, headers.get("authorization"))
        if problem is not None:
            await _reply(send, 403, problem)
            return
        announced = headers.get("content-length")
        if announced is not None:
            if not announced.strip().isdigit():
                await _reply(send, 400, "Content-Length is not a number")
                return
            if int(announced) > self.max_bytes:
                await _reply(send, 413, f"the body is over the {self.max_bytes:,} byte limit")
                return
        body = bytearray()
        while True:
            try:
                message = await asyncio.wait_for(receive(), timeout=self.body_timeout)
            except asyncio.TimeoutError:
                await _reply(send, 408, f"the body did not arrive within {self.body_timeout:g} s")
                return
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:  # a chunked body announces no length
                await _reply(send, 413, f"the body is over the {self.max_bytes:,} byte limit")
                return
            if not message.get("more_body", False):
                break
        whole: list[Message] = [{"type": "http.request", "body": bytes(body), "more_body": False}]

        async def replay() -> Message:
            return whole.pop() if whole else await receive()

        await self.app(scope, replay, send)


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
