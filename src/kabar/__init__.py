"""Kabar: Indonesian news into a searchable record of who did and said what, when, according to whom.

The Python API (`docs/python.md`)::

    import kabar
    analysed = kabar.analyse_text("...", published="2021-03-23")
    articles = kabar.read("page.html")          # or a directory, JSON Lines, WARC, the page as a string
    linking = kabar.link_articles(kabar.analyse_article(a) for a in articles)
    with kabar.Store("kabar.db") as store:
        store.search('"Kim Jong Un" OR Xi -Trump')

Names load on first use, so `import kabar` stays cheap (a CLI start or `kabar.__version__`
reads no model and imports no pipeline).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it. Loaded by name in `__getattr__`: every layer may import this
# package root (`from kabar import __version__`), so it must not import the API's layers itself.
_LAZY = {
    **dict.fromkeys(
        ("KabarError", "Store", "analyse_article", "analyse_text", "code_events", "link_articles", "read", "summarize"),
        "kabar.api",
    ),
    **dict.fromkeys(
        ("Article", "AnalysedArticle", "Entity", "Mention", "TimeExpr", "Quote", "Citation", "Event", "Story", "Linking"),
        "kabar.records",
    ),
    **dict.fromkeys(("SearchPage", "SearchHit"), "kabar.store.search"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kabar' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
