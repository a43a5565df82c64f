"""The same quotation carried by several articles.

Quotations are compared by their normalised words (lower case, punctuation
and ellipses dropped): two are the same when the words and word pairs of the
shorter one are mostly inside the longer one (mean overlap coefficient ≥
`threshold`), so a
version that quotes more, or cuts a clause with "...", still links. Candidate
pairs come from shared word trigrams (blocking), never from all pairs; pairs
are joined into groups (union-find). Each group lists every article that
carried it, ordered by publication time, so the first version is known.
A pure function over analysed articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime, timezone

from kabar.ids import stable_id
from kabar.records import AnalysedArticle, QuoteGroup, QuoteOccurrence

_WORD = re.compile(r"\w+")


def normalise(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Mean of the overlap coefficients of words and of word pairs (bigrams).

    Words alone would join two reports naming the same people ("Kim Jong Un
    bertukar pesan dengan Xi Jinping" / "Xi Jinping membalas pesan Kim Jong-un");
    word pairs keep the order, and words keep a reworded clause together.
    """
    return (_overlap(a, b) + _overlap(list(zip(a, a[1:])), list(zip(b, b[1:])))) / 2


def _overlap(a: Sequence, b: Sequence) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return common / min(len(a), len(b))


def link_quotes(
    articles: Sequence[AnalysedArticle], *, threshold: float = 0.62, min_words: int = 5
) -> tuple[QuoteGroup, ...]:
    """Groups of the same quotation in two or more articles."""
    items: list[QuoteOccurrence] = []
    words: list[list[str]] = []
    for analysed in articles:
        art = analysed.article
        for q in analysed.quotes:
            w = normalise(q.quote)
            if len(w) >= min_words:
                items.append(QuoteOccurrence(art.id, art.outlet, art.published, q))
                words.append(w)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(words):
        if items[i].article_id == items[j].article_id:
            continue
        if similarity(words[i], words[j]) >= threshold:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        occurrences = sorted((items[i] for i in members), key=_order)
        if len({o.article_id for o in occurrences}) < 2:
            continue
        first = occurrences[0]
        speaker = next((o.quote.speaker for o in occurrences if o.quote.speaker), None)
        gid = stable_id("quote-group", *sorted(f"{o.article_id}:{o.quote.start}" for o in occurrences))
        out.append(QuoteGroup(gid, first.quote.quote, speaker, tuple(occurrences)))
    out.sort(key=lambda g: (_order(g.first), g.id))
    return tuple(out)


def _candidate_pairs(words: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """Pairs sharing a word trigram; a trigram in very many quotations is not a key."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        for gram in {tuple(w[k : k + 3]) for k in range(max(1, len(w) - 2))}:
            index[gram].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 50:  # a stock phrase, not evidence of the same quotation
            continue
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs.add((members[a], members[b]))
    return pairs


_UNKNOWN = datetime.max.replace(tzinfo=timezone.utc)


def _order(o: QuoteOccurrence) -> tuple[datetime, str, int]:
    return (_when(o.published), o.article_id, o.quote.start)


def _when(published: str | None) -> datetime:
    """A comparable time; a date without a time counts from its start, unknown last."""
    if not published:
        return _UNKNOWN
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        try:
            when = datetime.fromisoformat(published[:10])
        except ValueError:
            return _UNKNOWN
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)
