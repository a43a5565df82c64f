"""Polite HTTP GETs with httpx: one request at a time per host, delays, retries, conditional GET.

Each `Fetcher.get` follows redirects itself, hop by hop, so that every hop is
checked against robots.txt and waits for its host's delay; the final URL is kept.
A 429 or 5xx (or a timeout, a dropped connection) is retried with back-off,
honouring Retry-After; what still fails comes back as a `Fetched` with the
reason, never as an exception. Bodies are read up to a size cap; gzip and
deflate are undone by httpx.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Protocol

import httpx

from kabar.crawl.urls import absolute, host_of

RETRIED = frozenset({429, 500, 502, 503, 504})
_FINAL = ("too large", "invalid URL", "UnsupportedProtocol")  # failures another try cannot mend
REDIRECTS = frozenset({301, 302, 303, 307, 308})


def default_user_agent(contact: str | None = None) -> str:
    from kabar import __version__

    # "Kabar" is the token robots.txt groups match against
    who = f"; +{contact}" if contact else ""
    return f"Kabar/{__version__} (news research crawler{who})"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    user_agent: str = field(default_factory=default_user_agent)
    default_delay: float = 1.0  # seconds between requests to a host without a Crawl-delay
    max_wait: float = 60.0  # cap on Crawl-delay and Retry-After, so one host cannot stall a crawl
    timeout: float = 20.0
    retries: int = 3  # extra attempts after a 429, a 5xx or a network error
    backoff: float = 2.0  # first wait when no Retry-After is given; doubled each attempt
    max_bytes: int = 10_000_000
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP request and its response, as the server sent it (body decoded from gzip)."""

    url: str
    request_headers: tuple[tuple[str, str], ...]
    status: int
    reason: str
    http_version: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    at: str  # ISO time of the request, UTC


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of one GET, after redirects and retries."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int | None  # None: no response at all (timeout, refused, robots)
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    error: str | None = None  # why it is not a usable 200 or 304
    exchanges: tuple[Exchange, ...] = ()  # every response on the way, for the archive
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


class Manners(Protocol):
    """What a fetcher must ask before each request (robots.txt and the host's delay)."""

    def allowed(self, url: str) -> bool: ...

    def delay(self, url: str) -> float: ...


class Throttle:
    """When each host may be asked again: its delay after the end of its last response, or later
    when the host asked for a pause (Retry-After)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}
        self._pause_until: dict[str, float] = {}

    def ready_in(self, host: str, delay: float) -> float:
        if host not in self._last:
            return 0.0
        ready = max(self._last[host] + delay, self._pause_until.get(host, 0.0))
        return max(0.0, ready - self._clock())

    def wait(self, host: str, delay: float) -> None:
        pause = self.ready_in(host, delay)
        if pause > 0:
            self._sleep(pause)

    def done(self, host: str, pause: float = 0.0) -> None:
        now = self._clock()
        self._last[host] = now
        self._pause_until[host] = now + pause


class Fetcher:
    """GETs through one httpx client; `manners` says what may be fetched and how often."""

    def __init__(
        self,
        cfg: FetchConfig,
        manners: Manners,
        *,
        throttle: Throttle | None = None,
        transport: httpx.BaseTransport | None = None,
        on_request: Callable[[str, float], None] | None = None,
    ) -> None:
        self.cfg, self.manners = cfg, manners
        self.throttle = throttle or Throttle()
        self._on_request = on_request  # (url, monotonic time): for tests and the bench
        self._client = httpx.Client(
            headers={"User-Agent": cfg.user_agent},
            timeout=httpx.Timeout(cfg.timeout),
            follow_redirects=False,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None, obey_robots: bool = True) -> Fetched:
        """GET `url` (conditionally when validators are given), following redirects and retrying."""
        exchanges: list[Exchange] = []
        attempts = 0
        current = url
        for _hop in range(self.cfg.max_redirects + 1):
            if obey_robots and not self.manners.allowed(current):
                return Fetched(url, current, None, error="disallowed by robots.txt", exchanges=tuple(exchanges), attempts=attempts)
            # validators belong to the URL asked; a redirect target is fetched whole
            conditional = _validators(etag, last_modified) if current == url else {}
            result, tries = self._with_retries(current, conditional, exchanges)
            attempts += tries
            if isinstance(result, str):
                return Fetched(url, current, None, error=result, exchanges=tuple(exchanges), attempts=attempts)
            status, headers, body = result
            location = _header(headers, "location")
            if status in REDIRECTS and location:
                current = absolute(current, location)
                continue
            error = None if status in (200, 304) else f"HTTP {status}"
            return Fetched(url, current, status, body, headers, error, tuple(exchanges), attempts)
        return Fetched(url, current, None, error=f"more than {self.cfg.max_redirects} redirects", exchanges=tuple(exchanges), attempts=attempts)

    def _with_retries(self, url: str, conditional: dict[str, str], exchanges: list[Exchange]):
        """(status, headers, body) or the reason no response came; and the attempts made."""
        host = host_of(url)
        outcome: tuple | str = "no attempt"
        for attempt in range(self.cfg.retries + 1):
            self.throttle.wait(host, self.manners.delay(url))
            outcome = self._once(url, conditional, exchanges)
            wait = self._retry_wait(outcome, attempt)
            self.throttle.done(host, wait or 0.0)
            if wait is None or attempt == self.cfg.retries:
                return outcome, attempt + 1
        return outcome, self.cfg.retries + 1

    def _retry_wait(self, outcome, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None when the outcome is final."""
        backoff = self.cfg.backoff * (2**attempt)
        if isinstance(outcome, str):
            return None if outcome.startswith(_FINAL) else backoff
        status, headers, _ = outcome
        if status not in RETRIED:
            return None
        after = retry_after(_header(headers, "retry-after"))
        return min(self.cfg.max_wait, after if after is not None else backoff)

    def _once(self, url: str, conditional: dict[str, str], exchanges: list[Exchange]):
        if self._on_request is not None:
            self._on_request(url, time.monotonic())
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            with self._client.stream("GET", url, headers=conditional) as response:
                body, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.cfg.max_bytes:
                        return f"too large: more than {self.cfg.max_bytes:,} bytes"
                    body.append(chunk)
                data = b"".join(body)
                headers = tuple(response.headers.multi_items())
                request_headers = tuple(response.request.headers.multi_items())
                exchanges.append(
                    Exchange(url, request_headers, response.status_code, response.reason_phrase, response.http_version, headers, data, at)
                )
                return response.status_code, headers, data
        except httpx.TimeoutException:
            return f"timed out after {self.cfg.timeout:g} s"
        except httpx.InvalidURL as exc:
            return f"invalid URL: {exc}"
        except httpx.HTTPError as exc:
            return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name), None)
