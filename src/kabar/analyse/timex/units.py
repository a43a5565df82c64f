"""Names of the parts of the time grammar one match uses: its path through a rule, and the entries of
`kabar.lang.id.time_words` it reads.

`kabar eval timex` scores each dev document with the parts only that document exercises switched off
(leave one document out, `kabar.evaluate.timex`): a path or word entry that fired on one gold document
and nowhere else was most likely read from it. This module only names the parts; the tagger skips a
match that uses a switched-off part (`kabar.analyse.timex.tag_traced`).

- A path is the rule and the set of its named groups that took part: `time(hh,mm,zone)` is
  "pukul 06.12 WIB", `time(hh,mm,pod,zone)` "pukul 06.12 WIB pagi", two different decisions.
- A word is a word-list entry found, as whole words, in the match: `word:silam`, `word:dini hari`.
- A cue is an entry of a list the resolvers read around a match, found as the word either side of it
  in the same sentence: `cue:pada` ("pada 2012"), `cue:orang` ("2000 orang" is no year).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kabar.lang.id import time_words as tw

# One word either side of a match, within its sentence: the cue words the resolvers read around it.
_BEFORE = re.compile(r"([\w-]+)[^\w.!?\n]{0,3}$")
_AFTER = re.compile(r"[^\w.!?\n]{0,3}([\w-]+)")
# The word lists the resolvers read beside a match rather than in it.
CUE_LISTS = ("YEAR_CUES", "MEASURE_WORDS", "AGE_WORDS", "NON_TIME_WORDS", "SINCE_WORDS", "FUTURE_CUES",
             "FORMERLY_CUES", "FORMERLY_NOT_AFTER", "DAYPART_CUES")


def _entries(value: object) -> list[str]:
    """The string entries of one word list (keys of a mapping, items of a tuple or set, a single word)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict | tuple | list | frozenset | set):
        return [v for v in value if isinstance(v, str)]
    return []


@lru_cache(maxsize=1)
def lexicon() -> re.Pattern[str]:
    """Every entry of every public word list of `time_words`, longest first, as whole words."""
    words: set[str] = set()
    for name in dir(tw):
        if name.isupper():
            words.update(w.lower() for w in _entries(getattr(tw, name)) if w.strip() and not w.isdigit())
    items = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in items)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> frozenset[str]:
    return frozenset(w.lower() for name in CUE_LISTS for w in _entries(getattr(tw, name)))


def match_units(m: re.Match[str], rule: str, text: str) -> frozenset[str]:
    """The path and the words a master-grammar match of `rule` uses (see the module)."""
    prefix = rule + "__"
    groups = sorted(k[len(prefix):] for k, v in m.groupdict().items() if v is not None and k.startswith(prefix))
    units = {f"{rule}({','.join(g for g in groups if g != 't' and not g.endswith('_t'))})"}
    start, end = m.span()
    units.update("word:" + re.sub(r"\s+", " ", w.group().lower()) for w in lexicon().finditer(text, start, end))
    for near in (_BEFORE.search(text, max(0, start - 40), start), _AFTER.match(text, end, min(len(text), end + 40))):
        if near is not None and (word := near.group(1).lower()) in cues():
            units.add("cue:" + word)
    return frozenset(units)
