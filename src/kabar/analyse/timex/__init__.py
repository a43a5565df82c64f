"""Time expressions in Indonesian news (and the English dates in it), as ISO-TimeML TIMEX3.

`tag(text, anchor)` finds and normalises every expression of a text; `annotate(article)`
does it for an article's body, anchored on its publication date. Detection is one regex
alternation over the language data in `kabar.lang.id.time_words` (`grammar.py`); each rule
has a resolver (`rules.py`) doing the calendar work (`calendar.py`). Relative expressions
count from the publication day, except those that read against the story's last named day
("dua hari kemudian", "keesokan harinya", a bare "pukul 10.00").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from kabar.analyse.timex.calendar import parse_anchor
from kabar.analyse.timex.grammar import FIRST_WORDS, WORD, master
from kabar.analyse.timex.rules import RESOLVERS, Context, Groups
from kabar.records import Article, TimeExpr

__all__ = ["Timex", "tag", "annotate"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None  # TIMEX3 mod: START, MID, END ("awal/pertengahan/akhir")

    def to_contract(self) -> dict:
        """The `kabar timex` JSON object (shared/docs/interfaces.md), plus `mod` when set."""
        out = {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out


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
    pos = 0
    floating: list[int] = []  # indexes in `out` of clock times with a borrowed day
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
        if res.day is not None and floating and _joined(text, out[floating[-1]].end, res.start):
            # "pukul 10.00 WIB, Senin (22/3/2021)": the clock time belongs to the day that follows it.
            prev = out[floating[-1]]
            out[floating[-1]] = replace(prev, value=res.day.isoformat() + prev.value[prev.value.index("T"):])
        floating = [len(out)] if res.floating else []
        out.append(Timex(res.start, res.end, text[res.start:res.end], res.type, res.value, res.mod))
        if res.day is not None:
            ref = res.day
        pos = m.end()
    return out


_JOINER = re.compile(r"[ \t\u00a0]{0,3}[,-]?[ \t\u00a0]{0,3}(?:(?:pada|hari|tanggal)[ \t\u00a0]{1,3}){0,2}", re.IGNORECASE)


def _joined(text: str, end: int, start: int) -> bool:
    """Only spaces, a comma or 'pada'/'hari' between two expressions."""
    return 0 <= start - end <= 20 and _JOINER.fullmatch(text, end, start) is not None


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
