"""Jinja2 rendering for the UI: one environment, autoescape always on."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from jinja2 import Environment, PackageLoader


@lru_cache(maxsize=1)
def environment() -> Environment:
    # auto_reload off: the templates ship with the package, and checking each file's time on every
    # render was 4% of a loaded server's time
    env = Environment(
        loader=PackageLoader("kabar.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True, auto_reload=False
    )
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["when"] = _when
    env.filters["web_link"] = web_link
    env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})
    return env


def web_link(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: a page's url comes from its input and must
    not become a `javascript:` or `data:` link (escaping alone does not stop those)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)  # drops the tabs and newlines browsers drop ("java\nscript:")
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _when(value: str | None) -> str:
    """An ISO value for reading: "2021-03-23T18:31+07:00" → "2021-03-23 18:31 +07:00"."""
    if not value:
        return "date unknown"
    day, _, rest = value.partition("T")
    if not rest:
        return day
    for sign in "+-":
        if sign in rest:
            clock, _, zone = rest.partition(sign)
            return f"{day} {clock} {sign}{zone}"
    return f"{day} {rest.rstrip('Z')}{' UTC' if rest.endswith('Z') else ''}"


def render(template: str, request: Request | None, /, **context) -> str:
    path = request.url.path if request is not None else ""
    return environment().get_template(template).render(path=path, **context)
