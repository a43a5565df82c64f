"""The span record the entity passes share, and the cleaning of a surface form."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Span:
    """A name found in an article, with what the passes have learnt about it so far."""

    start: int  # character offsets into the article text
    end: int
    type: str
    role: str | None = None
    canonical: str = ""


def clean(surface: str) -> str:
    """The surface form without surrounding spaces, punctuation, quote marks and unmatched brackets."""
    # marks a page's encoding may have mangled ("KapanLagi.comÂ®") are no part of a name
    text = _SPACES.sub(" ", surface.replace("\u00a0", " ")).strip(" ,.;:\"'“”‘’®™©Â")
    if text.count("(") != text.count(")"):
        text = text.strip("()")
    return text
