"""The ingest door (issue 23): token before body, bounded body, bounded wait; other requests untouched."""

from __future__ import annotations

import asyncio
import json

import pytest

from kabar.web.guard import IngestGuard

TOKEN = "rahasia"


class Inner:
    """An app that reads the whole body and answers with its length."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope, receive, send) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.bodies.append(body)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(len(body)).encode()})


def _call(guard, *, path="/api/ingest", method="POST", headers=(), chunks=None, never=False):
    """Run one request through `guard`; returns (status, body, how many times the body was read)."""
    reads = 0
    queue = list(chunks or [])

    async def receive():
        nonlocal reads
        reads += 1
        if never:
            await asyncio.sleep(3600)  # a client that announced a body and sends nothing
        if not queue:
            return {"type": "http.request", "body": b"", "more_body": False}
        chunk = queue.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(queue)}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
    }
    asyncio.run(guard(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, reads


def _guard(inner=None, **kw):
    settings = {"token": TOKEN, "max_bytes": 1000, "body_timeout": 0.2} | kw
    return IngestGuard(inner or Inner(), **settings)


AUTH = ("Authorization", f"Bearer {TOKEN}")


@pytest.mark.parametrize("headers", [(), (("Authorization", "Bearer salah"),), (("Authorization", TOKEN),)])
def test_guard_refuses_without_token_before_reading_the_body(headers) -> None:
    inner = Inner()
    status, body, reads = _call(_guard(inner), headers=[*headers, ("Content-Length", "999999999")], never=True)
    assert status == 403 and reads == 0 and not inner.bodies
    assert "token" in json.loads(body)["detail"]


def test_guard_ingest_disabled_without_a_configured_token() -> None:
    status, body, reads = _call(_guard(token=None), headers=[AUTH], chunks=[b"{}"])
    assert status == 403 and reads == 0 and "disabled" in json.loads(body)["detail"]


def test_guard_refuses_an_announced_body_over_the_limit_unread() -> None:
    status, _, reads = _call(_guard(), headers=[AUTH, ("Content-Length", "1001")], never=True)
    assert status == 413 and reads == 0


def test_guard_refuses_a_sent_body_over_the_limit() -> None:
    inner = Inner()
    status, _, reads = _call(_guard(inner), headers=[AUTH], chunks=[b"x" * 600, b"x" * 600, b"x" * 600])
    assert status == 413 and reads == 2 and not inner.bodies  # stopped at the chunk that passed the limit


def test_guard_times_out_a_body_that_never_comes() -> None:
    status, body, _ = _call(_guard(), headers=[AUTH, ("Content-Length", "10")], never=True)
    assert status == 408 and "did not arrive" in json.loads(body)["detail"]


def test_guard_passes_a_good_request_whole() -> None:
    inner = Inner()
    status, body, _ = _call(_guard(inner), headers=[AUTH, ("Content-Length", "900")], chunks=[b"a" * 400, b"b" * 500])
    assert status == 200 and body == b"900" and inner.bodies == [b"a" * 400 + b"b" * 500]


@pytest.mark.parametrize(("method", "path"), [("GET", "/api/ingest"), ("POST", "/api/search"), ("GET", "/articles/x")])
def test_guard_lets_other_requests_through(method: str, path: str) -> None:
    status, body, _ = _call(_guard(), method=method, path=path, chunks=[b"x" * 5000])
    assert status == 200 and body == b"5000"


def test_guard_bad_content_length() -> None:
    status, _, reads = _call(_guard(), headers=[AUTH, ("Content-Length", "lots")], never=True)
    assert status == 400 and reads == 0
