"""Outlet knowledge as data: one TOML file per outlet in `kabar/resources/outlets/`,
validated on load. Pages from outlets with no file take the generic path: the
agency table, the page's own site name, or the URL's domain.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

_ZONE = re.compile(r"^[+-](?:0\d|1[0-4]):[0-5]\d$")


class OutletFileError(ValueError):
    """An outlet file that does not follow the schema."""


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # how the outlet names itself in datelines, bylines, footers
    title_suffixes: tuple[str, ...] = ()  # site names appended to page titles
    zone: str | None = None  # offset of times printed without a zone
    prefixes: tuple[str, ...] = ()  # channel names start with these ("detik" in "detikJabar")


def parse_outlet(data: dict, origin: str = "<outlet>") -> Outlet:
    """An Outlet from one file's table, or OutletFileError naming what is wrong."""
    allowed = {"name", "domains", "aliases", "title_suffixes", "zone", "prefixes"}
    unknown = set(data) - allowed
    if unknown:
        raise OutletFileError(f"{origin}: unknown keys {sorted(unknown)}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise OutletFileError(f"{origin}: 'name' must be a non-empty string")
    lists = {}
    for key in ("domains", "aliases", "title_suffixes", "prefixes"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise OutletFileError(f"{origin}: '{key}' must be a list of non-empty strings")
        lists[key] = tuple(v.strip() for v in value)
    if not lists["domains"]:
        raise OutletFileError(f"{origin}: 'domains' must name at least one domain")
    zone = data.get("zone")
    if zone is not None and (not isinstance(zone, str) or not _ZONE.match(zone)):
        raise OutletFileError(f"{origin}: 'zone' must look like '+07:00'")
    return Outlet(name.strip(), tuple(d.lower() for d in lists["domains"]), lists["aliases"],
                  lists["title_suffixes"], zone, tuple(p.lower() for p in lists["prefixes"]))


@dataclass(frozen=True, slots=True)
class OutletTable:
    outlets: tuple[Outlet, ...]

    def by_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain matches the URL's host most closely: the longest matching
        domain wins, so an outlet living on another's subdomain
        (`sragenupdate.pikiran-rakyat.com`) is itself, while other subdomains map to the parent."""
        host = _host(url)
        if not host:
            return None
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets:
            for domain in outlet.domains:
                if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
                    best = (len(domain), outlet)
        return best[1] if best else None

    def by_alias(self, text: str | None) -> Outlet | None:
        """The outlet a surface form names ("KOMPAS.com", "SRAGEN UPDATE"), case-insensitively."""
        if not text:
            return None
        key = " ".join(text.split()).strip(" .,-|").lower()
        for outlet in self.outlets:
            if key == outlet.name.lower() or key in (a.lower() for a in outlet.aliases):
                return outlet
            if any(key == d or key == "www." + d for d in outlet.domains):
                return outlet
            if " " not in key and any(key.startswith(p) and key[len(p):].isalpha() for p in outlet.prefixes):
                return outlet
        return None

    def by_name(self, name: str | None) -> Outlet | None:
        return next((o for o in self.outlets if name and o.name == name), None)


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def domain_name(url: str | None) -> str | None:
    """A readable outlet name for an unknown site: its registered domain ("example.co.id")."""
    host = _host(url)
    if not host:
        return None
    parts = host.split(".")
    keep = 3 if len(parts) >= 3 and parts[-2] in {"co", "or", "go", "ac", "web", "my", "com", "net"} else 2
    return ".".join(parts[-keep:])


@lru_cache(maxsize=1)
def load_outlets() -> OutletTable:
    """Every outlet file shipped with Kabar, validated."""
    folder = resources.files("kabar.resources").joinpath("outlets")
    outlets = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            outlets.append(parse_outlet(data, entry.name))
    return OutletTable(tuple(outlets))
