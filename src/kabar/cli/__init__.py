"""`kabar` command line: one module per command, each thin over a library function."""

import os

# One OpenBLAS thread per process, set before anything imports numpy. The tagger's products are
# small (a page's words by the layers' width): BLAS's threads spun and fought the other workers for the cores,
# doubling the CPU per page (120 generated pages, one process: 8.3 s CPU, 28 s wall with the default
# threads; 4.2 s, 14.5 s with one). Pool workers inherit it, and so do the Ray workers of a cluster
# `kabar run` starts; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from kabar.cli import (  # noqa: E402, F401  (importing registers the commands; after the setting)
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
