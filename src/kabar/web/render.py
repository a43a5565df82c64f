"""Jinja2 rendering for the UI: one environment, autoescape always on."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlencode

from fastapi import Request
from jinja2 import Environment, PackageLoader


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("kabar.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["when"] = _when
    env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})
    return env


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
