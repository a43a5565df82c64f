"""Page text (a browser copy, or HTML rendered to lines) into the article's lines.

A line classifier in the spirit of jusText: each line is scored by length,
stopword density (jusText's Indonesian stoplist), sentence punctuation and the
chrome patterns; the article is the densest run of good lines, trimmed to
start at its dateline when it has one and to stop at bylines, tags and
footers. Short sentence lines inside the run are kept; chrome inside it goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kabar.extract.boilerplate import clean_inline, is_end_marker, line_kind
from kabar.extract.dates import find_dates
from kabar.lang.id.quote_cues import POST_CUES

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”]\s*$")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[•●▪◦*–-])\s+\S")
_QUOTE_CUE = re.compile(r"[,.!?…]?[\"”’]\s*,?\s*(\w+)")  # a closing quote mark, then the cue word
_MAX_GAP = 5  # non-blank non-sentence lines allowed between two good lines of one article
DATELINE = re.compile(
    r"^\s*(?P<a>[A-Z][\w.'’&]*(?:\s+[A-Z][\w.'’&]*){0,3})"
    r"(?:\s*,\s*(?P<b>[A-Za-z][\w.'’&]*(?:\s+[A-Z][\w.'’&]*){0,3}))?"
    r"\s*(?:\(\s*(?P<c>[\w./ ]+?)\s*\)\s*)?[-–—]{1,2}\s+(?=\S)"
)


STOPLISTS = ("Indonesian", "English", "Malay")  # jusText's lists, for the languages Kabar reads


@lru_cache(maxsize=4)
def stopwords(language: str = "Indonesian") -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(language))


def page_stopwords(lines: list[str]) -> frozenset[str]:
    """The stoplist of the page's language: the one that covers most of its words."""
    words = [w.lower() for line in lines for w in _WORD.findall(line)]
    if not words:
        return stopwords()
    best = max(STOPLISTS, key=lambda lang: (sum(1 for w in words if w in stopwords(lang)), lang == "Indonesian"))
    return stopwords(best)


@dataclass(frozen=True, slots=True)
class LineInfo:
    index: int
    text: str  # stripped
    kind: str | None  # chrome kind from `line_kind`, or None
    words: int
    stop_density: float
    sentence: bool  # ends like a sentence
    capitalised: float  # share of words starting upper-case (headlines, menus)
    relaxed: bool = False  # a page of short paragraphs: shorter lines count as core
    dateline: bool = False  # opens with "CITY, OUTLET - ": a lead, whatever its names do to the counts

    @property
    def core(self) -> bool:
        """Surely article text: a long, sentence-like, stopword-dense line."""
        return (
            self.kind is None
            and self.words >= (6 if self.relaxed else 10)
            and self.stop_density >= (0.1 if self.dateline else 0.18)
            and (self.sentence or self.words >= 30)
            and self.capitalised < (0.85 if self.dateline else 0.75 if self.long_prose else 0.6)
        )

    @property
    def long_prose(self) -> bool:
        """A long stopword-dense line (a body flattened to one line): a report thick with names
        and titles stays prose however many of its words are capitalised; menus have no stopwords."""
        return self.words >= 60 and self.stop_density >= 0.25

    @property
    def medium(self) -> bool:
        """Could be article text when it sits among article lines."""
        if self.kind is not None:
            return False
        if self.list_item or (self.sentence and self.words >= 15):
            return True  # a long sentence full of names and titles is still a sentence
        return self.words >= 3 and (self.sentence or self.words >= 12) and self.capitalised < 0.75

    @property
    def list_item(self) -> bool:
        """A numbered or bulleted item ("1. SPBU 34-10401: Jl Kramat Raya")."""
        return self.words >= 2 and bool(_LIST_ITEM.match(self.text))


def line_info(index: int, raw: str, stops: frozenset[str] | None = None) -> LineInfo:
    text = raw.strip().replace("\u00a0", " ")
    words = _WORD.findall(text)
    stops = stops if stops is not None else stopwords()
    n = len(words)
    density = sum(1 for w in words if w.lower() in stops) / n if n else 0.0
    caps = sum(1 for w in words if w[0].isupper()) / n if n else 0.0
    lead = bool(DATELINE.match(text)) and _dateline_is_place_or_outlet(text)
    return LineInfo(index, text, line_kind(text), n, density, bool(_SENTENCE_END.search(text)), caps, dateline=lead)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the article sits among a page's lines."""

    lines: tuple[str, ...]  # the page's lines, verbatim
    body: tuple[int, ...]  # indices of the article's own lines, in order
    start: int  # first body line (index), or len(lines) when there is none
    end: int  # one past the last body line
    infos: tuple[LineInfo, ...] = field(default=())


def layout(lines: list[str], *, repeated: frozenset[str] = frozenset(), join_wrapped: bool = True) -> Layout:
    """Find the article among the lines. `repeated` holds lines seen on other pages
    of the same outlet in the batch: chrome, whatever they look like. `join_wrapped`
    rejoins hard-wrapped paragraphs (page text only: rendered HTML has no wrapping)."""
    if join_wrapped:
        lines = unwrap(lines)
    stops = page_stopwords(lines)
    infos = [line_info(i, line, stops) for i, line in enumerate(lines)]
    if repeated:
        # Only lines that are not surely article text: a background paragraph an outlet
        # repeats across its articles of one story stays.
        infos = [_as_chrome(info) if info.text in repeated and not info.core else info for info in infos]
    best = _best_run(infos)
    if best is None:
        # Some outlets write in one-sentence paragraphs: look again with shorter core lines.
        infos = [replace(info, relaxed=True) for info in infos]
        best = _best_run(infos)
    if best is None:
        return Layout(tuple(lines), (), len(lines), len(lines), tuple(infos))
    first, last = best
    first = _start_at_dateline(infos, first, last)
    first = _back_to_dateline(infos, first)
    last = _extend_end(infos, last)
    inside = [i for i in infos[first : last + 1] if i.text]
    body = tuple(
        info.index
        for n, info in enumerate(inside)
        if info.kind is None and (info.core or info.medium or _subheading(inside, n))
    )
    if not body:
        return Layout(tuple(lines), (), len(lines), len(lines), tuple(infos))
    return Layout(tuple(lines), body, body[0], body[-1] + 1, tuple(infos))


def _subheading(inside: list[LineInfo], n: int) -> bool:
    """A short heading alone between two paragraphs of the article ("Layanan 4G")."""
    info = inside[n]
    if not 2 <= info.words <= 10 or info.sentence or info.text.endswith(":") or _has_date(info.text):
        return False
    before = inside[n - 1] if n > 0 else None
    after = inside[n + 1] if n + 1 < len(inside) else None
    return bool(before and after and before.core and after.core)


def _has_date(text: str) -> bool:
    return bool(find_dates(text))


def _as_chrome(info: LineInfo) -> LineInfo:
    return replace(info, kind="repeated")


def _best_run(infos: list[LineInfo]) -> tuple[int, int] | None:
    """(first, last) index of the run of core lines with the most text."""
    runs: list[tuple[int, int, int]] = []  # first, last, characters
    current: list[int] | None = None
    gap = 0
    chars = 0
    for info in infos:
        if not info.text:
            continue
        if info.core:
            if current is None:
                current, chars = [info.index, info.index], 0
            current[1] = info.index
            chars += len(info.text)
            gap = 0
            continue
        if current is None:
            continue
        # Footers, bylines and stand-alone date lines (comments, related lists) end an article.
        breaks = (info.kind in {"footer"} or is_end_marker(info.text)
                  or (info.words <= 8 and not info.sentence and _has_date(info.text)))
        if not info.medium:
            gap += 1
        if breaks or gap > _MAX_GAP:
            runs.append((current[0], current[1], chars))
            current, gap = None, 0
    if current is not None:
        runs.append((current[0], current[1], chars))
    if not runs:
        return None
    # A run that opens (within its first lines) with a dateline is the report itself,
    # not comments or teasers, even when those hold more text.
    first, last, _ = max(runs, key=lambda r: r[2] * (3 if _opens_with_dateline(infos, r[0], r[1]) else 1))
    return first, last


def _opens_with_dateline(infos: list[LineInfo], first: int, last: int) -> bool:
    cores = [i for i in infos[first : last + 1] if i.core][:3]
    return any(DATELINE.match(i.text) and _dateline_is_place_or_outlet(i.text) for i in cores)


def _start_at_dateline(infos: list[LineInfo], first: int, last: int) -> int:
    """Captions and teasers above the lead look like text; the lead opens with the dateline."""
    seen = 0
    for info in infos[first : last + 1]:
        if not info.text:
            continue
        if info.core and DATELINE.match(info.text) and _dateline_is_place_or_outlet(info.text):
            return info.index
        seen += 1
        if seen >= 6:
            break
    return first


def _back_to_dateline(infos: list[LineInfo], first: int) -> int:
    """A lead heavy with names can miss the core tests; when a dateline line sits just above
    the run, joined to it by sentence lines only, the article starts there."""
    if infos[first].dateline:
        return first
    seen = 0
    for info in reversed(infos[:first]):
        if not info.text:
            continue
        seen += 1
        if seen > 3 or info.kind is not None or not (info.sentence or info.words >= 12):
            return first
        if info.dateline:
            return info.index
    return first


def _dateline_is_place_or_outlet(text: str) -> bool:
    match = DATELINE.match(text)
    if not match:
        return False
    parts = [p for p in (match.group("a"), match.group("b")) if p]
    return any(p.isupper() or "." in p for p in parts) or len(parts) == 2


def _extend_end(infos: list[LineInfo], last: int) -> int:
    """Short closing sentences after the last long paragraph still belong to the article."""
    end = last
    for info in infos[last + 1 :]:
        if not info.text:
            continue
        if info.list_item and info.kind is None:
            end = info.index
            continue
        if info.kind is not None or is_end_marker(info.text) or not info.medium or info.words < 4:
            break
        if info.stop_density < 0.15 and not _attributed_quote(info.text):
            break
        end = info.index
    return end


def _attributed_quote(text: str) -> bool:
    """A closing quotation with its speech cue ("“Dananya tersedia,” ujar Menkeu."): article text,
    however few stopwords its short words give it."""
    match = _QUOTE_CUE.search(text)
    if match is None:
        return False
    cue = match.group(1).lower()
    return cue in POST_CUES or (cue.endswith("nya") and cue[:-3] in POST_CUES)


_CONTINUES = re.compile(r"[\w,;\-–(“]$")


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs (text broken at a fixed width, not at sentence ends).

    Only pages that are wrapped throughout are joined: most of their long lines end
    mid-sentence and go on in the next line, so menus and lists of other pages stay.
    """
    long_lines = [i for i, line in enumerate(lines[:-1]) if len(line.strip()) >= 40]
    if len(long_lines) < 4:
        return list(lines)
    # Mid-sentence breaks mostly go on with a lower-case word; menus and headings do not.
    wrapped = sum(1 for i in long_lines if _CONTINUES.search(lines[i].strip()) and lines[i + 1][:1].islower())
    if wrapped < 3 or wrapped < 0.3 * len(long_lines):
        return list(lines)
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if out and text and out[-1].strip() and len(out[-1].strip()) >= 30 and _CONTINUES.search(out[-1].strip()) \
                and not _LIST_ITEM.match(text):
            out[-1] = out[-1].rstrip() + " " + text
        else:
            out.append(line)
    return out


def clean_body(lines: list[str]) -> tuple[list[str], list[str]]:
    """Body lines with inline chrome cut out; (paragraphs, removed pieces)."""
    paragraphs: list[str] = []
    removed: list[str] = []
    for line in lines:
        text, cut = clean_inline(line.strip())
        removed.extend(cut)
        if text and re.search(r"\w", text):
            paragraphs.append(text)
    return paragraphs, removed
