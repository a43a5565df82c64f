"""BCubed and pairwise precision/recall/F1 of a clustering against gold labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from kabar.evaluate.metrics import f1 as f1_score


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> PRF:
    """Item-averaged BCubed over the items both mappings label."""
    items = [i for i in gold if i in predicted]
    if not items:
        return PRF(0.0, 0.0, 0.0)
    joint = Counter((predicted[i], gold[i]) for i in items)
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    precision = sum(joint[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in items) / len(items)
    recall = sum(joint[(predicted[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    return PRF(precision, recall, f1_score(precision, recall))


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> PRF:
    """Precision/recall of same-cluster pairs (counted from cluster sizes, not enumerated)."""
    items = [i for i in gold if i in predicted]

    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    both = pairs(Counter((predicted[i], gold[i]) for i in items))
    in_pred = pairs(Counter(predicted[i] for i in items))
    in_gold = pairs(Counter(gold[i] for i in items))
    precision = both / in_pred if in_pred else (1.0 if not in_gold else 0.0)
    recall = both / in_gold if in_gold else 1.0
    if not in_pred and in_gold:
        precision = 0.0
    return PRF(precision, recall, f1_score(precision, recall))
