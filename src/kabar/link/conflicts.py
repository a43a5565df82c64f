"""Cross-source consistency: where the reports of one event disagree on dates or numbers.

Dates: each article's event date (its lead's day, else its publication day);
two outlets more than a day apart are flagged. Numbers: counts attached to
the same counted noun ("12 orang", "27 miliar") that no two outlets share.
The notes are plain sentences for the report; they flag, they do not judge.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from kabar.link.features import ArticleFeatures
from kabar.records import AnalysedArticle

# Counted nouns whose numbers outlets should agree on (casualties, money, amounts).
COUNTED = (
    "orang korban jiwa warga siswa murid penumpang personel pasien unit rumah sekolah lokasi titik "
    "persen miliar triliun juta ribu ton hektare kilometer km meter"
).split()
_NUMBER = re.compile(r"\b(\d+(?:[.,]\d+)*)\s+(" + "|".join(COUNTED) + r")\b", re.IGNORECASE)


def _name(analysed: AnalysedArticle) -> str:
    article = analysed.article
    return article.outlet or Path(article.source).name


def date_conflicts(members: Sequence[tuple[AnalysedArticle, ArticleFeatures]]) -> list[str]:
    dated = [(a, f.event_date) for a, f in members if f.event_date is not None]
    if len(dated) < 2:
        return []
    days = sorted({d for _, d in dated})
    if (days[-1] - days[0]).days <= 1:
        return []
    by_day = defaultdict(list)
    for a, d in dated:
        by_day[d].append(_name(a))
    parts = "; ".join(f"{', '.join(sorted(set(names)))}: {d.isoformat()}" for d, names in sorted(by_day.items()))
    return [f"Sources date this event differently ({parts})."]


def number_conflicts(members: Sequence[tuple[AnalysedArticle, ArticleFeatures]]) -> list[str]:
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for analysed, _ in members:
        for match in _NUMBER.finditer(analysed.article.text):
            values[match.group(2).lower()][_name(analysed)].add(match.group(1))
    notes = []
    for noun, by_source in sorted(values.items()):
        if len(by_source) < 2:
            continue
        sets = list(by_source.values())
        if set.intersection(*sets):
            continue  # some figure is shared: the others are likely different quantities
        parts = "; ".join(f"{src}: {', '.join(sorted(v))}" for src, v in sorted(by_source.items()))
        notes.append(f"Sources give different figures for '{noun}' ({parts}).")
    return notes


def event_conflicts(members: Sequence[tuple[AnalysedArticle, ArticleFeatures]]) -> tuple[str, ...]:
    if len(members) < 2:
        return ()
    return tuple(date_conflicts(members) + number_conflicts(members))
