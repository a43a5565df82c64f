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
from datetime import date, datetime

from kabar.analyse.timex.anchoring import anchor_days
from kabar.analyse.timex.calendar import parse_anchor
from kabar.analyse.timex.expression import Timex
from kabar.analyse.timex.grammar import FIRST_WORDS, WORD, master
from kabar.analyse.timex.rules import RESOLVERS, Context, Groups
from kabar.records import Article, TimeExpr

__all__ = ["Timex", "tag", "annotate"]

log = logging.getLogger(__name__)


def tag(text: str, anchor: date | datetime | str | None = None) -> list[Timex]:
    """Every time expression of `text`, normalised against `anchor` (None → XXXX where it is needed).

    Never raises on odd input: a match whose resolution fails is dropped.
    """
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
        days.append(res.day)
        if res.day is not None:
            ref = res.day
        pos = m.end()
    return anchor_days(text, out, days, floating=floating, counted=counted, shifted=shifted)


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
