"""`kabar` command line: one module per command, each thin over a library function."""

from kabar.cli import (  # noqa: F401  (importing registers the commands)
    alert,
    cluster,
    crawl,
    entities,
    eval,
    events,
    export,
    extract,
    ner,
    quotes,
    run,
    search,
    serve,
    summarize,
    timex,
)
from kabar.cli._app import app

__all__ = ["app"]
