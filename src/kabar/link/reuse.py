"""Passage reuse: which sentences of one article appear again in another.

Map: each sentence becomes a set of word 3-gram shingles over normalised,
stemmed words, with entity mentions folded to their entity id (so "Korut"
and "Korea Utara" shingle alike once entities are annotated), and a MinHash
signature (hashed in bulk). Group: MinHash LSH buckets give candidate
sentence pairs from different articles. Reduce: each candidate is verified
by the exact containment of its shingle sets, runs of consecutive matching
sentences become one passage, and the pair is directed from the earlier
article to the later one. Reuse is not sameness: two reports of different
events can share an agency's background paragraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from kabar.analyse.stem import stem_text
from kabar.analyse.tokens import sentence_spans
from kabar.records import AnalysedArticle, Reuse


@dataclass(frozen=True, slots=True)
class ReuseConfig:
    num_perm: int = 64
    lsh_threshold: float = 0.3  # LSH recall point on shingle Jaccard: low, as verification is exact
    min_containment: float = 0.6  # verified share of the shorter sentence's shingles
    copy_at: float = 0.9  # containment from which a pair is a copy
    shingle: int = 3
    min_words: int = 6  # shorter sentences are too generic to count as reuse


@dataclass(frozen=True, slots=True)
class SentenceShingles:
    article: int  # index into the corpus
    sentence: int  # index of the sentence in its article
    start: int
    end: int
    shingles: frozenset[str]


def fold_mentions(analysed: AnalysedArticle, start: int, end: int) -> str:
    """The text of [start, end) with each entity mention replaced by its entity id."""
    text = analysed.article.text
    pieces, cursor = [], start
    for m in sorted(analysed.mentions, key=lambda m: m.start):
        if m.start < cursor or m.end > end:
            continue
        pieces += [text[cursor : m.start], f" E{m.entity_id} "]
        cursor = m.end
    pieces.append(text[cursor:end])
    return "".join(pieces)


_CLAUSE = re.compile(r"[^,;:\"“”]+")


def sentence_shingles(corpus: Sequence[AnalysedArticle], cfg: ReuseConfig) -> list[SentenceShingles]:
    """Shingle sets of each sentence and, when it has several, of each clause.

    LSH finds sets of similar size (Jaccard); clauses let a short sentence
    that was cut from a longer one ("…, menurut Xinhua") still meet it, and a
    quotation is a clause of its own, as rewrites keep a quotation's wording.
    """
    out = []
    for a, analysed in enumerate(corpus):
        text = analysed.article.text
        for s, (start, end) in enumerate(sentence_spans(text)):
            pieces = [(start, end)]
            clauses = [(start + m.start(), start + m.end()) for m in _CLAUSE.finditer(text[start:end])]
            if len(clauses) > 1:
                pieces += clauses
            for piece_start, piece_end in pieces:
                words = stem_text(fold_mentions(analysed, piece_start, piece_end))
                if len(words) < cfg.min_words:
                    continue
                grams = frozenset(" ".join(words[i : i + cfg.shingle]) for i in range(len(words) - cfg.shingle + 1))
                # a clause stands for its whole sentence in the reported passage
                out.append(SentenceShingles(a, s, start, end, grams))
    return out


def signatures(items: Sequence[SentenceShingles], cfg: ReuseConfig) -> list[MinHash]:
    return MinHash.bulk([[g.encode("utf-8") for g in item.shingles] for item in items], num_perm=cfg.num_perm)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def candidate_sentence_pairs(items: Sequence[SentenceShingles], cfg: ReuseConfig) -> set[tuple[int, int]]:
    """Pairs of item indices from different articles that share an LSH bucket."""
    lsh = MinHashLSH(threshold=cfg.lsh_threshold, num_perm=cfg.num_perm)
    hashes = signatures(items, cfg)
    with lsh.insertion_session() as session:
        for k, h in enumerate(hashes):
            session.insert(k, h)
    pairs = set()
    for k, h in enumerate(hashes):
        for other in lsh.query(h):
            if other != k and items[other].article != items[k].article:
                pairs.add((min(k, other), max(k, other)))
    return pairs


def find_reuse(corpus: Sequence[AnalysedArticle], cfg: ReuseConfig = ReuseConfig()) -> list[Reuse]:
    items = sentence_shingles(corpus, cfg)
    if len(items) < 2:
        return []
    # best verified match per pair of sentences (a sentence and its clauses may all match)
    verified: dict[tuple[int, int], dict[tuple[int, int], tuple]] = defaultdict(dict)
    for i, j in candidate_sentence_pairs(items, cfg):
        score = containment(items[i].shingles, items[j].shingles)
        if score < cfg.min_containment:
            continue
        src, tgt = _direct(corpus, items[i], items[j])
        best = verified[(src.article, tgt.article)]
        key = (src.sentence, tgt.sentence)
        if key not in best or best[key][2] < score:
            best[key] = (src, tgt, score)
    reuse = []
    for (a, b), by_sentences in sorted(verified.items()):
        agency = _shared_agency(corpus[a], corpus[b])
        for run in _runs([by_sentences[k] for k in sorted(by_sentences)]):
            similarity = sum(m[2] for m in run) / len(run)
            reuse.append(
                Reuse(
                    source_article=corpus[a].article.id,
                    target_article=corpus[b].article.id,
                    source_start=run[0][0].start,
                    source_end=run[-1][0].end,
                    target_start=run[0][1].start,
                    target_end=run[-1][1].end,
                    similarity=round(similarity, 3),
                    kind="copy" if similarity >= cfg.copy_at else "near-copy",
                    agency=agency,
                )
            )
    return reuse


def _direct(corpus, x: SentenceShingles, y: SentenceShingles) -> tuple[SentenceShingles, SentenceShingles]:
    """Earlier article first; unknown or equal dates fall back to corpus order (stable)."""
    px, py = corpus[x.article].article.published, corpus[y.article].article.published
    if px and py and px[:10] != py[:10]:
        return (x, y) if px < py else (y, x)
    return (x, y) if x.article < y.article else (y, x)


def _shared_agency(a: AnalysedArticle, b: AnalysedArticle) -> str | None:
    shared = [s for s in a.article.sources_cited if s in set(b.article.sources_cited)]
    return shared[0] if shared else None


def _runs(matches):
    """Consecutive sentence matches (i, j), (i+1, j+1) … merged into passages."""
    runs: list[list] = []
    for m in matches:
        if runs and m[0].sentence == runs[-1][-1][0].sentence + 1 and m[1].sentence == runs[-1][-1][1].sentence + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs
