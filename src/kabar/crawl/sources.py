"""SOURCES files (TOML) to typed records: which outlets to crawl, and how.

The contract's minimal form (`docs/interfaces.md`, `kabar crawl`) is a list of
`[[outlet]]` tables with `name` and any of `home`, `feeds`, `sitemaps`. Kabar
adds, all optional:

- per outlet: `sections` (URL path prefixes an article must start with, such as
  `"/nasional/"`), `exclude` (path prefixes to skip), `delay` (seconds between
  requests to its hosts, never below the host's Crawl-delay), `discover` (false:
  do not look for feeds and sitemaps on the home page and in robots.txt),
  `verified` (false marks locations that could not be checked);
- at the top: `user_agent`, `contact` (a URL or e-mail for site owners).

Unknown keys are allowed (the contract says extra keys may appear) and ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kabar.crawl.urls import is_http


class SourcesError(ValueError):
    """The SOURCES file cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    home: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()  # path prefixes an article URL must have (any); empty: all
    exclude: tuple[str, ...] = ()  # path prefixes never fetched as articles
    delay: float | None = None  # seconds between requests to its hosts; None: the crawl's default
    discover: bool = True
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Sources:
    outlets: tuple[Outlet, ...]
    user_agent: str | None = None
    contact: str | None = None


def load_sources(path: str | Path) -> Sources:
    """Read and check a SOURCES file; raises SourcesError with the outlet and key at fault."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: not valid TOML: {exc}") from exc
    return parse_sources(data, where=str(path))


def parse_sources(data: dict, *, where: str = "SOURCES") -> Sources:
    tables = data.get("outlet", [])
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{where}: no [[outlet]] tables")
    outlets = tuple(_outlet(t, f"{where}: outlet {i + 1}") for i, t in enumerate(tables))
    return Sources(outlets, user_agent=_opt_str(data, "user_agent", where), contact=_opt_str(data, "contact", where))


def _outlet(table: object, where: str) -> Outlet:
    if not isinstance(table, dict):
        raise SourcesError(f"{where}: not a table")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: 'name' is required")
    where = f"{where} ({name})"
    home = _opt_str(table, "home", where)
    feeds, sitemaps = _urls(table, "feeds", where), _urls(table, "sitemaps", where)
    if home is not None and not is_http(home):
        raise SourcesError(f"{where}: 'home' is not an http(s) URL: {home!r}")
    if home is None and not feeds and not sitemaps:
        raise SourcesError(f"{where}: give at least one of 'home', 'feeds', 'sitemaps'")
    delay = table.get("delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0):
        raise SourcesError(f"{where}: 'delay' must be a number of seconds ≥ 0")
    return Outlet(
        name=name.strip(),
        home=home,
        feeds=feeds,
        sitemaps=sitemaps,
        sections=_strings(table, "sections", where),
        exclude=_strings(table, "exclude", where),
        delay=float(delay) if delay is not None else None,
        discover=bool(table.get("discover", True)),
        verified=bool(table.get("verified", True)),
    )


def _opt_str(table: dict, key: str, where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourcesError(f"{where}: '{key}' must be a string")
    return value.strip() or None


def _strings(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourcesError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _urls(table: dict, key: str, where: str) -> tuple[str, ...]:
    urls = _strings(table, key, where)
    for url in urls:
        if not is_http(url):
            raise SourcesError(f"{where}: '{key}' has a URL that is not http(s): {url!r}")
    return urls


def wants(outlet: Outlet, path: str) -> bool:
    """Whether an article URL path passes the outlet's section filters."""
    if any(path.startswith(p) for p in outlet.exclude):
        return False
    return not outlet.sections or any(path.startswith(p) for p in outlet.sections)
