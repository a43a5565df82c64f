"""`kabar eval summaries`: ROUGE-1/2/L F1 on IndoSum dev, Lead-3 beside Kabar.

ROUGE here is plain: lower-cased whitespace tokens (IndoSum's own tokens),
n-gram overlap with clipped counts, ROUGE-L from the longest common
subsequence of the whole summaries; averaged over articles. Each article's
tokens are joined into text (paragraph per line) and summarised with
`kabar.link.summary.summarize`, as `kabar summarize FILE --sentences 3` does.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kabar.analyse.tokens import sentence_spans
from kabar.evaluate.metrics import f1 as f1_score
from kabar.evaluate.scoreboard import Scoreboard
from kabar.link.summary import summarize
from kabar.records import AnalysedArticle, Article

LEAD3_ANCHOR = (0.661, 0.596, 0.633)


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, predicted: int, reference: int) -> float:
    if not overlap:
        return 0.0
    return f1_score(overlap / predicted, overlap / reference)


def rouge_n(predicted: Sequence[str], reference: Sequence[str], n: int) -> float:
    p, r = ngrams(predicted, n), ngrams(reference, n)
    return _f1(sum((p & r).values()), sum(p.values()), sum(r.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(predicted: Sequence[str], reference: Sequence[str]) -> float:
    return _f1(lcs_length(predicted, reference), len(predicted), len(reference))


def rouge(predicted: str, reference: str) -> tuple[float, float, float]:
    p, r = predicted.lower().split(), reference.lower().split()
    return rouge_n(p, r, 1), rouge_n(p, r, 2), rouge_l(p, r)


def _article(row: dict) -> AnalysedArticle:
    body = tuple(" ".join(" ".join(sentence) for sentence in paragraph) for paragraph in row["paragraphs"])
    return AnalysedArticle(Article(id=row["id"], source=row["id"], body=body))


def evaluate(data: Path, gold: Path) -> list[Scoreboard]:
    path = data / "summaries" / "indosum.dev.01.jsonl"
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals: dict[str, list[tuple[float, float, float]]] = {"lead-3 (IndoSum sentences)": [], "lead-3": [], "kabar": []}
    for row in rows:
        reference = " ".join(" ".join(s) for s in row["summary"])
        given = [" ".join(s) for paragraph in row["paragraphs"] for s in paragraph]
        totals["lead-3 (IndoSum sentences)"].append(rouge(" ".join(given[:3]), reference))
        analysed = _article(row)
        text = analysed.article.text
        lead = " ".join(text[s:e] for s, e in sentence_spans(text)[:3])
        totals["lead-3"].append(rouge(lead, reference))
        totals["kabar"].append(rouge(" ".join(c.text for c in summarize(analysed, 3)), reference))
    table = [
        (name, *(sum(x[k] for x in scores) / len(scores) for k in range(3))) for name, scores in totals.items()
    ]
    table.append(("lead-3 anchor (SOURCE.md)", *LEAD3_ANCHOR))
    return [
        Scoreboard(
            f"summaries: ROUGE F1 on IndoSum dev ({len(rows)} articles, 3 sentences)",
            ("system", "ROUGE-1", "ROUGE-2", "ROUGE-L"),
            tuple(table),
            ("Target: ROUGE-1 ≥ Lead-3 + 0.02.",),
        )
    ]
