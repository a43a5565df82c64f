"""Time expressions in Indonesian news (and the English dates in it), as ISO-TimeML TIMEX3.

`tag(text, anchor)` finds and normalises every expression of a text; `annotate(article)`
does it for an article's body, anchored on its publication date. Detection is one regex
alternation over the language data in `kabar.lang.id.time_words` (`grammar.py`); each rule
has a resolver (`rules.py`) doing the calendar work (`calendar.py`). Relative expressions
count from the publication day, except those that read against the story's last named day
("dua hari kemudian", "keesokan harinya"). A clock time or part of the day without a day of
its own ("pukul 06.12", "malam itu", "selepas ashar") is then put on the day its sentence
names, else its paragraph's, else the story's last named day; the publication day is the last
resort (`anchoring.py`).
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

from kabar.analyse.timex.anchoring import anchor_days
from kabar.analyse.timex.calendar import parse_anchor
from kabar.analyse.timex.expression import Timex
from kabar.analyse.timex.grammar import FIRST_WORDS, WORD, master
from kabar.analyse.timex.rules import RESOLVERS, Context, Groups
from kabar.analyse.timex.units import match_units
from kabar.records import Article, TimeExpr

__all__ = ["Timex", "tag", "tag_traced", "annotate"]

log = logging.getLogger(__name__)


def tag(text: str, anchor: date | datetime | str | None = None) -> list[Timex]:
    """Every time expression of `text`, normalised against `anchor` (None → XXXX where it is needed).

    Never raises on odd input: a match whose resolution fails is dropped.
    """
    return [t for t, _ in tag_traced(text, anchor, trace=False)]


def tag_traced(text: str, anchor: date | datetime | str | None = None, *, disabled: frozenset[str] = frozenset(),
               trace: bool = True) -> list[tuple[Timex, frozenset[str]]]:
    """`tag`, each expression with the grammar parts it used (`units.match_units`; empty unless `trace`),
    the parts in `disabled` switched off: a match using one is cut back to its last word end without
    it, or dropped, as if the grammar lacked that path or word (how `kabar eval timex` holds a
    document out of the rules read from it)."""
    if not isinstance(text, str) or not text:
        return []
    day, stamp = parse_anchor(anchor)
    pattern = master()
    ref: date | None = None
    out: list[Timex] = []
    days: list[date | None] = []  # the day each expression fixes, if any
    floating: list[int] = []  # indexes in `out` of clock times and parts of day with a borrowed day
    shifted: dict[int, int] = {}  # index in `out` → minutes after the last clock time before it
    counted: list[int] = []  # indexes in `out` of days counted from another day
    units: list[frozenset[str]] = []  # the grammar parts each expression used (when traced)
    pos = 0
    # Only words that can open an expression are tried: a set lookup is far cheaper than the regex.
    for word in WORD.finditer(text):
        start = word.start()
        if start < pos:
            continue
        w = word.group()
        if not (w[0].isdigit() or w.lower() in FIRST_WORDS):
            continue
        m = pattern.match(text, start)
        if m is None:
            continue
        rule = m.lastgroup
        used: frozenset[str] = frozenset()
        if trace or disabled:
            m, used = _allowed(pattern, text, m, disabled)
            if m is None:
                continue
            rule = m.lastgroup
        try:
            res = RESOLVERS[rule](Groups(m, rule), Context(text, day, stamp, ref))
        except Exception as exc:  # a resolver bug must not cost the rest of the text
            log.debug("timex: %s failed on %r: %s", rule, m.group(0)[:80], exc)
            res = None
        if res is None:
            continue
        if res.floating:
            floating.append(len(out))
        if res.counted:
            counted.append(len(out))
        if res.clock_shift is not None:
            shifted[len(out)] = res.clock_shift
        out.append(Timex(res.start, res.end, text[res.start:res.end], res.type, res.value, res.mod))
        units.append(used)
        days.append(res.day)
        if res.day is not None:
            ref = res.day
        pos = m.end()
    off = frozenset(u[len("anchor:"):] for u in disabled if u.startswith("anchor:"))
    placed: list[str | None] = [None] * len(out)
    out = anchor_days(text, out, days, floating=floating, counted=counted, shifted=shifted, published=day,
                      off=off, placed=placed)
    if trace or disabled:
        # how each value was reached: the rule's path and the value's shape, and the anchoring pass
        units = [u | {f"value:{_path(u)}->{_shape(t)}"} | ({f"anchor:{way}"} if way else set())
                 for t, u, way in zip(out, units, placed, strict=True)]
    if disabled:
        return [(t, u) for t, u in zip(out, units, strict=True) if not (u & disabled)]
    return list(zip(out, units, strict=True))


def _path(units: frozenset[str]) -> str:
    return next((u for u in units if "(" in u and not u.startswith(("word:", "cue:"))), "?")


def _shape(t: Timex) -> str:
    """A value's form, digits as 9: "2014-12-28T06:12" → "9999-99-99T99:99", "198" → "999"."""
    return t.type + ":" + re.sub(r"\d", "9", t.value)


def _allowed(pattern: re.Pattern[str], text: str, m: re.Match[str],
             disabled: frozenset[str]) -> tuple[re.Match[str] | None, frozenset[str]]:
    """The longest match at m's start that uses no disabled part (ending at a word end of the text), and
    its parts; None when every such match does."""
    start = m.start()
    while True:
        used = match_units(m, m.lastgroup or "", text)
        if not (used & disabled):
            return m, used
        ends = [w.end() for w in WORD.finditer(text, start, m.end()) if w.end() < m.end()]
        if not ends:
            return None, frozenset()
        m = pattern.match(text, start, ends[-1])
        if m is None:
            return None, frozenset()


def annotate(article: Article) -> tuple[TimeExpr, ...]:
    """The article body's time expressions, anchored on its publication date."""
    try:
        found = tag(article.text, article.published)
    except Exception as exc:  # the pipeline records per-stage failures; an empty result is safe
        log.warning("timex: %s: %s", article.id, exc)
        return ()
    return tuple(
        TimeExpr(article_id=article.id, start=t.start, end=t.end, text=t.text, type=t.type, value=t.value)
        for t in found
    )
