"""URLs: the canonical form one article is known by, and the host a request counts against.

The same article reaches a crawler under many URLs: tracking parameters
(`utm_source`, `fbclid`), AMP variants (`/amp`, `?amp=1`, `amp.` hosts), mobile
hosts (`m.`), a `www.` or not, a fragment. `canonical_url` folds them into one
key, so the crawl state stores the article once; the URL fetched is never changed.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that say where a reader came from, not which page it is.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref|ref_src|src|"
    r"from|source|share|amp|outputtype|page_from|tag_from|_gid|cmpid|campaign)$",
    re.I,
)
# Host prefixes that serve the same pages as the main host.
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.", "wap.")
_AMP_PATH = re.compile(r"/amp/?$|^/amp(?=/)", re.I)


def host_of(url: str) -> str:
    """The host a request is throttled and governed by robots.txt for: `host[:port]`, lower case."""
    parts = urlsplit(url)
    return parts.netloc.lower()


def is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def absolute(base: str, href: str) -> str:
    """`href` resolved against `base`, without its fragment."""
    return urljoin(base, href.strip()).split("#", 1)[0]


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def canonical_url(url: str) -> str:
    """One key for every URL of the same page (see the module docstring)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    port = parts.port
    if port and not (parts.scheme, port) in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = _AMP_PATH.sub("", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    # http and https serve the same article: the key has no scheme
    return urlunsplit(("", host, path, urlencode(query), ""))[2:]
