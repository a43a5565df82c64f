"""Token features for the CRF tagger: lean, cached per word, windowed ±2.

Feature extraction in Python is the tagger's bottleneck, so everything that
depends on the word alone (lower form, shape, affixes, lexicon membership of
the single word) is computed once per distinct word and kept in an LRU cache;
a sentence then only concatenates ready-made strings. Multi-word lexicon
matches (longest match of up to ``MAX_NGRAM`` words) are the only
sentence-level work.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kabar.lang.id.words import RUN_JOINERS

MAX_NGRAM = 4
TITLE = "T"  # the lexicon's type for titles ("Menlu", "Presiden"), beside P, L and O


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-cased names (one to ``MAX_NGRAM`` words) → the types they carry ("L", "O", "P")."""

    names: Mapping[str, str]
    first_words: frozenset[str]  # first word of every multi-word name: a cheap pre-filter

    @classmethod
    def from_pairs(cls, pairs: Mapping[str, str]) -> Lexicon:
        firsts = frozenset(name.split(" ", 1)[0] for name in pairs if " " in name)
        return cls(dict(pairs), firsts)

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        pairs: dict[str, str] = {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                name, _, types = line.rstrip("\n").partition("\t")
                if name and types:
                    pairs[name] = types
        return cls.from_pairs(pairs)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # no name, mtime=0: the same names give the same bytes on every build
        with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write("".join(f"{n}\t{t}\n" for n, t in sorted(self.names.items())).encode("utf-8"))


EMPTY_LEXICON = Lexicon({}, frozenset())


@dataclass(frozen=True, slots=True)
class Clusters:
    """Lower-cased word → ready-made cluster features: its own, and what it tells its
    right neighbour ("-1c…") and its left neighbour ("+1c…") about itself."""

    own: Mapping[str, tuple[str, ...]]
    as_left: Mapping[str, tuple[str, ...]]
    as_right: Mapping[str, tuple[str, ...]]
    # the same features for a capitalised word: the clusters are learnt from lower-cased text,
    # so a capitalised word's cluster means something else (a name more than a noun)
    own_cap: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_table(
        cls, table: Mapping[str, Sequence[str]], neighbour_levels: Sequence[int] = (0, 1),
        own_levels: Sequence[int] | None = None, cased: bool = False,
    ) -> Clusters:
        # words share cluster-id combinations (about one per finest cluster), so the feature
        # tuples are built once per combination: fast to load, small in memory
        levels = range(len(next(iter(table.values()), ()))) if own_levels is None else own_levels
        built: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        own, own_cap, left, right = {}, {}, {}, {}
        for w, ids in table.items():
            ids = tuple(ids)
            parts = built.get(ids)
            if parts is None:
                # an empty id: the word is missing from that column's clustering (no feature)
                mine = tuple(f"c{k}={ids[k]}" for k in levels if k < len(ids) and ids[k])
                parts = built[ids] = (
                    mine, tuple("C" + f for f in mine) if cased else mine,
                    tuple(f"-1c{k}={ids[k]}" for k in neighbour_levels if k < len(ids) and ids[k]),
                    tuple(f"+1c{k}={ids[k]}" for k in neighbour_levels if k < len(ids) and ids[k]),
                )
            own[w], own_cap[w], left[w], right[w] = parts
        return cls(own, left, right, own_cap)


EMPTY_CLUSTERS = Clusters({}, {}, {}, {})


def shape(word: str) -> str:
    """Collapsed character classes: "Jong-un" → "Xx-x", "KCNA" → "X", "2021" → "d"."""
    out: list[str] = []
    prev = ""
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if c != prev:
            out.append(c)
            prev = c
    return "".join(out[:6])


@lru_cache(maxsize=200_000)
def _word(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own features, context) of one word: the context holds what the word tells its neighbours at
    offsets -2, -1, +1, +2 (word and shape, two each, in that order) and, last, the word lower-cased."""
    low = word.lower()
    shp = shape(word)
    own = [
        "w=" + low,
        "s=" + shp,
        "p3=" + low[:3],
        "x3=" + low[-3:],
        "x2=" + low[-2:],
        "x4=" + low[-4:],
        "p2=" + low[:2],
    ]
    if word[:1].isupper():
        own.append("T")
        if word.isupper() and len(word) > 1:
            own.append("U")
    if len(word) <= 2:
        own.append("short")
    ctx = (
        "-2w=" + low, "-2s=" + shp,
        "-1w=" + low, "-1s=" + shp,
        "+1w=" + low, "+1s=" + shp,
        "+2w=" + low, "+2s=" + shp,
        low,
    )
    return tuple(own), ctx


def lexicon_tags(lower: Sequence[str], lexicon: Lexicon) -> list[str | None]:
    """Longest lexicon match starting at each word: "B:LP", "I:LP" or None."""
    n = len(lower)
    tags: list[str | None] = [None] * n
    names = lexicon.names
    firsts = lexicon.first_words
    i = 0
    while i < n:
        matched = 0
        types = None
        if lower[i] in firsts:
            for size in range(min(MAX_NGRAM, n - i), 1, -1):
                types = names.get(" ".join(lower[i : i + size]))
                if types:
                    matched = size
                    break
        if not matched:
            types = names.get(lower[i])
            matched = 1 if types else 0
        if matched:
            tags[i] = "B:" + types
            for j in range(i + 1, i + matched):
                tags[j] = "I:" + types
            i += matched
        else:
            i += 1
    return tags


# RUN_JOINERS (kabar.lang.id.words): lower-case words that may sit inside a capitalised name
# ("Kementerian Energi dan Sumber Daya Mineral"), as the shipped model was trained with


def capital_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of two or more capitalised words (joiners allowed inside)."""
    runs: list[tuple[int, int]] = []
    n = len(words)
    i = 0
    while i < n:
        if not words[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < n:
            if words[j][:1].isupper():
                j += 1
            elif words[j].lower() in RUN_JOINERS and j + 1 < n and words[j + 1][:1].isupper():
                j += 2
            else:
                break
        if j - i >= 2:
            runs.append((i, j))
        i = j
    return runs


def run_features(words: Sequence[str], lower: Sequence[str]) -> list[tuple[str, ...]]:
    """For each word of a capitalised run: the run's first two words, its last word and the
    word's place in it, so every word of "Badan Pengatur Hilir Minyak dan Gas Bumi" knows it is under "badan"."""
    out: list[tuple[str, ...]] = [()] * len(words)
    for start, end in capital_runs(words):
        # the second word too: a sentence's first word is capitalised anyway ("Menurut Badan …")
        head = ("r0=" + lower[start], "r1=" + lower[start + 1], "rZ=" + lower[end - 1])
        for i in range(start, end):
            out[i] = (*head, "rB" if i == start else "rE" if i == end - 1 else "rI")
    return out


def sentence_features(
    words: Sequence[str], lexicon: Lexicon = EMPTY_LEXICON, clusters: Clusters = EMPTY_CLUSTERS, runs: bool = False,
) -> list[list[str]]:
    """One feature list per word of a sentence; `runs`: features of the capitalised run a word is in."""
    n = len(words)
    cached = [_word(w) for w in words]
    lower = [c[1][8] for c in cached]
    gaz = lexicon_tags(lower, lexicon) if lexicon.names else [None] * n
    out: list[list[str]] = []
    empty: tuple[str, ...] = ()
    own = [c[0] for c in cached]
    lefts = rights = None
    if clusters.own:  # looked up once per word here, not in the loop below (tagging speed)
        plain, cap = clusters.own, clusters.own_cap
        own = [o + (cap if w[:1].isupper() else plain).get(low, empty) for o, w, low in zip(own, words, lower, strict=True)]
        lefts = [clusters.as_left.get(low, empty) for low in lower]
        rights = [clusters.as_right.get(low, empty) for low in lower]
    in_run = run_features(words, lower) if runs else None
    for i in range(n):
        feats = list(own[i])
        if in_run is not None:
            feats += in_run[i]
        if lefts is not None:
            if i > 0:
                feats += lefts[i - 1]
            if i < n - 1:
                feats += rights[i + 1]
        if i == 0:
            feats.append("BOS")
        else:
            ctx = cached[i - 1][1]
            feats.append(ctx[2])
            feats.append(ctx[3])
            feats.append("bi=" + ctx[8] + "|" + cached[i][1][8])
            if i > 1:
                feats.append(cached[i - 2][1][0])
        if i == n - 1:
            feats.append("EOS")
        else:
            ctx = cached[i + 1][1]
            feats.append(ctx[4])
            feats.append(ctx[5])
            if i < n - 2:
                feats.append(cached[i + 2][1][6])
        g = gaz[i]
        if g is not None:
            feats.append("g=" + g)
        if i > 0 and gaz[i - 1] is not None:
            feats.append("-1g=" + gaz[i - 1])
        if i < n - 1 and gaz[i + 1] is not None:
            feats.append("+1g=" + gaz[i + 1])
        out.append(feats)
    return out
