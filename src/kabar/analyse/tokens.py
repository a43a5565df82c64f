"""Tokens and sentences for Indonesian news, with character offsets.

Kept whole: hyphenated words and names ("Jong-un", "K-pop", "Covid-19",
"kerja-sama"), dates and numbers ("23/03/2021", "11.45", "1,5"), domains
("Kompas.com"), abbreviations with dots ("A.S.", "dr."). Sentences end at
. ! ? (and a closing quote after them) unless the dot belongs to a known
abbreviation, an initial or a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    https?://\S+                                  # URLs
  | (?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+          # e-mail addresses (from a run's start only, taken whole: linear)
  | (?<![A-Za-z0-9-])[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++){0,8}\.(?i:com|co\.id|id|net|org|go\.id|tv|news)\b  # domains (Kompas.com): labels capped, from a run's start, taken whole: linear
  | \d+(?:[./:,-]\d+)+                            # dates, times, decimals: 23/03/2021, 11.45, 1,5
  | (?:[A-Z]\.){2,}                               # dotted abbreviations: A.S.
  | \w+(?:[-'’]\w+)*                              # words with inner hyphens/apostrophes: Jong-un, K-pop
  | \S                                            # any other single character
    """,
    re.VERBOSE,
)

# Abbreviations after which a dot does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    "dr drs ir prof h hj jl no tel telp dll dsb dst tsb yth sdr bpk ibu st kh mr mrs ms sen rep gen "
    "kol letjen mayjen brigjen jend kapt serma kompol akbp kombes irjen komjen ust nn tn ny pt tbk cv "
    "vs etc inc ltd co corp mt sh se mm mba msi phd skm spd".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets into `text`."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Linear on any line: a match starts only at the first mark of a run (the look-behind) and takes the
# run whole (possessive), so a long run of dots not followed by a space is tried once, not once per dot.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s|$)")
_NEXT_CHAR = re.compile(r"\s*(\S)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in _line_sentences(line))
        offset += len(line) + 1
    return spans


def _line_sentences(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        end = match.end()
        if _is_false_stop(line, match.start(), end):
            continue
        _append_trimmed(spans, line, start, end)
        start = end
    _append_trimmed(spans, line, start, len(line))
    return spans


def _is_false_stop(line: str, dot: int, end: int) -> bool:
    if line[dot] != ".":
        return False
    word = re.search(r"(\w+)$", line[max(0, dot - 50) : dot])  # a bounded look-back keeps long lines linear
    if word is None:
        return False
    w = word.group(1)
    if w.lower() in ABBREVIATIONS or (len(w) == 1 and w.isupper()):
        return True
    # "… 2 Nov. lalu" style: a lower-case continuation means the sentence goes on
    # (the next character found in place: slicing the rest of the line per stop was quadratic)
    following = _NEXT_CHAR.match(line, end)
    return following is not None and following.group(1).islower()


def _append_trimmed(spans: list[tuple[int, int]], line: str, start: int, end: int) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
