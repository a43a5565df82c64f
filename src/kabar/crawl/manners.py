"""What may be fetched and how often: robots.txt, the host's Crawl-delay, the outlet's own delay."""

from __future__ import annotations

from kabar.crawl.robots import RobotsBook
from kabar.crawl.urls import host_of


class HostManners:
    """The fetcher's `Manners` for one crawl.

    A host's delay is the outlet's `delay` (else the crawl's default) raised to its
    Crawl-delay, which is capped at `max_wait` so one robots.txt cannot stall a crawl.
    """

    def __init__(self, robots: RobotsBook, *, default_delay: float, max_wait: float) -> None:
        self.robots = robots
        self.default_delay, self.max_wait = default_delay, max_wait
        self._own: dict[str, float] = {}  # outlets' delays, by host

    def set_delay(self, url: str, seconds: float, *, keep: bool = False) -> None:
        """The delay an outlet asks for on the host of `url` (`keep`: unless one is set already)."""
        host = host_of(url)
        if not (keep and host in self._own):
            self._own[host] = seconds

    def allowed(self, url: str) -> bool:
        return self.robots.allowed(url)

    def delay(self, url: str) -> float:
        own = self._own.get(host_of(url), self.default_delay)
        # robots.txt itself is fetched before its Crawl-delay is known
        asked = None if url.endswith("/robots.txt") else self.robots.crawl_delay(url)
        return max(own, min(asked or 0.0, self.max_wait))
