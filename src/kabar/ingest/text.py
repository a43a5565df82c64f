"""Text fit for every later stage: no lone UTF-16 surrogates.

JSON escapes ("\\ud800") and file names that are not UTF-8 (decoded with
surrogateescape) put lone surrogates into Python strings; they cannot be
encoded, so a tagger, a hash or a web page would fail on them much later.
Ingest replaces them once, here.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD; a surrogate pair becomes its character."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
