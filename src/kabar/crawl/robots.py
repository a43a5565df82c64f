"""robots.txt, read once per host and crawl (protego): what may be fetched, how often, which sitemaps.

A robots.txt that is missing (4xx) allows everything; one that cannot be read
(5xx, timeout) disallows the host for this crawl, as Google and RFC 9309 do, so
an outage is never taken as permission.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from protego import Protego

from kabar.crawl.fetch import Fetched
from kabar.crawl.urls import host_of, robots_url


@dataclass(frozen=True, slots=True)
class HostRobots:
    host: str
    rules: Protego | None  # None: nothing to obey (no robots.txt)
    allow_all: bool = True  # when rules is None: True for a missing file, False for an unreadable one
    reason: str | None = None  # why the host is disallowed, when it is

    def allowed(self, url: str, agent: str) -> bool:
        if self.rules is None:
            return self.allow_all
        return self.rules.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(agent)
        return float(delay) if delay is not None else None

    def sitemaps(self) -> tuple[str, ...]:
        return tuple(self.rules.sitemaps) if self.rules is not None else ()


def parse_robots(host: str, fetched: Fetched) -> HostRobots:
    if fetched.ok:
        text = fetched.body.decode("utf-8", errors="replace")
        return HostRobots(host, Protego.parse(text))
    if fetched.status is not None and 400 <= fetched.status < 500:
        return HostRobots(host, None, allow_all=True)
    return HostRobots(host, None, allow_all=False, reason=f"robots.txt unreadable ({fetched.error})")


class RobotsBook:
    """robots.txt per host, fetched on first use through `fetch` (which must not consult robots itself)."""

    def __init__(self, fetch: Callable[[str], Fetched], agent: str) -> None:
        self._fetch, self.agent = fetch, agent
        self._hosts: dict[str, HostRobots] = {}

    def for_url(self, url: str) -> HostRobots:
        host = host_of(url)
        if host not in self._hosts:
            self._hosts[host] = parse_robots(host, self._fetch(robots_url(url)))
        return self._hosts[host]

    def allowed(self, url: str) -> bool:
        return self.for_url(url).allowed(url, self.agent)

    def crawl_delay(self, url: str) -> float | None:
        return self.for_url(url).crawl_delay(self.agent)

    def sitemaps(self, url: str) -> tuple[str, ...]:
        return self.for_url(url).sitemaps()
