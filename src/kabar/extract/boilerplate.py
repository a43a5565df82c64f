"""Telling page chrome from article text, line by line and inside long lines.

The patterns are data (`kabar.lang.id.boilerplate`); this module compiles them
and answers two questions: what kind of chrome is a whole line
(`line_kind`), and what is left of a long line once inline chrome is cut out
(`clean_inline`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from kabar.lang.id import boilerplate as data

LineKind = Literal["related", "chrome", "footer", "caption", "initials", "link", "repeated"]

_WORD = re.compile(r"\w+")


def _alt(patterns: tuple[str, ...]) -> str:
    if not patterns:
        raise ValueError("empty pattern group")
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    return {
        "related": re.compile(rf"^\W{{0,3}}(?:{_alt(data.RELATED_PREFIXES)})", re.I),
        "chrome": re.compile(rf"^(?:{_alt(data.CHROME_LINES)})[\s.:|]*$", re.I),
        "footer": re.compile(_alt(data.FOOTER_PATTERNS), re.I),
        "caption": re.compile(_alt(data.CAPTION_PATTERNS)),
        "credit": re.compile(_alt(data.CREDIT_PATTERNS)),
        "initials": re.compile(rf"^(?:{data.EDITOR_INITIALS})$"),
        "trailing_initials": re.compile(rf"\s*(?:{data.EDITOR_INITIALS})\s*$"),
        "end": re.compile(rf"^(?:{_alt(data.END_MARKERS)})", re.I),
        "link": re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|co\.id|id|net)(?:/\S*)?$", re.I),
        "inline": re.compile(_alt(data.INLINE_CHROME)),
        "inline_related": re.compile(_alt(data.INLINE_RELATED)),
    }


def line_kind(line: str) -> LineKind | None:
    """The kind of chrome a whole line is, or None when it may be article text."""
    text = line.strip().replace("\u00a0", " ")
    if not text:
        return None
    pats = _compiled()
    words = len(_WORD.findall(text))
    if pats["initials"].match(text):
        return "initials"
    if words > 40:
        return None  # a long line is text; chrome inside it is cut by `clean_inline`
    if pats["related"].match(text):
        return "related"
    if words <= 20 and pats["chrome"].match(text):
        return "chrome"
    if pats["link"].match(text):
        return "link"
    if pats["credit"].search(text):
        return "caption"
    if words <= 25 and pats["footer"].search(text):
        return "footer"
    if words <= 60 and pats["caption"].search(text):
        return "caption"
    return None


def is_end_marker(line: str) -> bool:
    """A line after which an article's own text does not go on (bylines, tags, copyright)."""
    return bool(_compiled()["end"].match(line.strip()))


def clean_inline(line: str) -> tuple[str, list[str]]:
    """The line with inline chrome cut out, and the pieces cut (verbatim)."""
    pats = _compiled()
    removed: list[str] = []

    def _cut(match: re.Match[str]) -> str:
        removed.append(match.group().strip())
        return " "

    text = pats["inline"].sub(_cut, line)
    text = _cut_inline_related(text, removed)
    tail = pats["trailing_initials"].search(text)
    if tail and tail.start() > 0:
        removed.append(tail.group().strip())
        text = text[: tail.start()]
    if removed:
        text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text, removed


def _cut_inline_related(text: str, removed: list[str]) -> str:
    """Cut "Baca juga: Judul Tautan" out of running text: the link title runs while words
    stay in Title Case; the article's next sentence starts at the last capitalised word
    before the first lower-case one."""
    pats = _compiled()
    while True:
        match = pats["inline_related"].search(text)
        if match is None or match.start() == 0 and _is_whole_line(text, match.end()):
            return text
        end = _title_end(text, match.end())
        removed.append(text[match.start():end].strip())
        text = text[: match.start()].rstrip() + " " + text[end:].lstrip()


def _is_whole_line(text: str, after: int) -> bool:
    return _title_end(text, after) >= len(text.rstrip())


def _title_end(text: str, start: int) -> int:
    tokens = list(re.finditer(r"\S+", text[start:]))
    last_cap_start: int | None = None
    for i, tok in enumerate(tokens):
        word = tok.group()
        if i > 0 and tok.start() - tokens[i - 1].end() >= 2:
            return start + tok.start()  # a wide gap: the link ended where a block ended
        core = word.strip("\"'“”‘’()[],.:;!?")
        if word.endswith(("?", "!")) and i > 0:
            return start + tok.end()
        if not core or core.lower() in data.TITLE_CONNECTORS or core[0].isdigit() or core[0].isupper():
            if core and core[0].isupper():
                last_cap_start = tok.start()
            elif core and core.lower() not in data.TITLE_CONNECTORS:
                last_cap_start = None
            continue
        # First lower-case content word: the sentence began at the last capitalised word.
        if last_cap_start is not None and i > 1:
            return start + last_cap_start
        return start + tok.start()
    return len(text)
