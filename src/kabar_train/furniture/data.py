"""The labelled sentences (labels.tsv) as typed records, grouped by article, with each sentence's
place in its body and the repetition across its outlet's articles that the runtime would see."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from kabar.extract.furniture import sentence_key
from kabar.extract.furniture_model import Place, features

LABELS = Path(__file__).with_name("labels.tsv")
MIN_PAGES = 3  # as kabar.extract.batch: a sentence on this many pages of one outlet is repeated

# The names each IndoSum outlet goes by (what the outlets table would give the runtime).
OUTLET_NAMES: dict[str, tuple[str, ...]] = {
    "cnn indonesia": ("CNN Indonesia", "CNNIndonesia.com"),
    "kumparan": ("kumparan", "kumparan.com"),
    "dailysocial.id": ("DailySocial", "DailySocial.id"),
    "antaranews": ("ANTARA", "antaranews.com"),
    "juara.net": ("Juara.net", "JUARA"),
    "merdeka": ("Merdeka.com",),
    "poskotanews": ("Pos Kota", "poskotanews.com"),
    "rimanews": ("Rimanews", "rimanews.com"),
    "goal indonesia": ("Goal Indonesia", "Goal.com"),
    "suara": ("Suara.com",),
}


@dataclass(frozen=True, slots=True)
class Sentence:
    article: str
    outlet: str
    paragraph: int
    index: int
    count: int
    label: str  # "article", "furniture" or "mixed" (a link glued to an article sentence: left out)
    why: str
    text: str

    @property
    def furniture(self) -> bool:
        return self.label == "furniture"


def read_labels(path: Path = LABELS) -> list[Sentence]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Sentence(r["article"], r["outlet"], int(r["paragraph"]), int(r["index"]), int(r["count"]), r["label"],
                     r["why"], r["sentence"].replace("\\n", "\n")) for r in rows]


def by_article(sentences: list[Sentence]) -> dict[str, list[Sentence]]:
    grouped: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        grouped[s.article].append(s)
    return dict(grouped)


def repeated_keys(sentences: list[Sentence]) -> set[tuple[str, str]]:
    """(outlet, sentence_key) pairs found in MIN_PAGES or more articles of the outlet: the batch's
    repetition, as `kabar.extract.batch` counts it (each outlet's own pages, so no leak across folds)."""
    pages: Counter[tuple[str, str]] = Counter()
    for article in by_article(sentences).values():
        pages.update({(s.outlet, sentence_key(s.text)) for s in article})
    return {pair for pair, n in pages.items() if n >= MIN_PAGES and pair[1]}


def matrix(sentences: list[Sentence]) -> tuple[list[list[float]], list[Sentence]]:
    """Feature vectors of every sentence labelled article or furniture (in file order)."""
    repeated = repeated_keys(sentences)
    rows: list[list[float]] = []
    kept: list[Sentence] = []
    for article in by_article(sentences).values():
        for k, s in enumerate(article):
            if s.label == "mixed":
                continue
            place = Place(k, len(article), article[k - 1].text if k else "",
                          (s.outlet, sentence_key(s.text)) in repeated, OUTLET_NAMES.get(s.outlet, ()),
                          article[k + 1].text if k + 1 < len(article) else "")
            rows.append(features(s.text, place))
            kept.append(s)
    return rows, kept
