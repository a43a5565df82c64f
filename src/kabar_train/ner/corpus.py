"""The licensed text the NER training reads besides the labelled files: the word clusters learn from all of
it, the teacher tags the unlabelled part into silver sentences.

Only text we may use goes in: the token column of the licensed NER train files
(idner-news-2k, NERGrit, NERP, the Wikipedia gold), nlp-id's POS corpus
(kumparan news, MIT; vendored in ``kabar_train/corpora`` with its licence, read
for its words only), ``stories-multi`` (CC BY 4.0) and the IndoSum dev fold
(CC BY-SA 4.0). Never the evaluation-only sets.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from kabar.analyse.ner.conll import read_labelled

NER_TRAIN_FILES = ("idner_news_2k.train.tsv", "nergrit.train.tsv", "nerp.train.tsv", "ialfina_wiki_gold.tsv")
NLP_ID_CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "nlp_id_postag.txt.gz"
SOURCES = {
    "ner/ (train files' token column)": "MIT (idner-news-2k), Apache-2.0 (NERGrit, NERP), free use cited (Luthfi et al. 2014)",
    "kabar_train/corpora/nlp_id_postag.txt.gz": "MIT (nlp-id, kumparan)",
    "stories-multi/*.txt": "CC BY 4.0 (Pratiwi, Asmara & Rahutomo 2017)",
    "summaries/indosum.dev.01.jsonl": "CC BY-SA 4.0 (IndoSum, Kurniawan & Louvan 2018)",
}


def read_tagged(path: Path = NLP_ID_CORPUS) -> list[tuple[list[str], list[str]]]:
    """(words, tags) per sentence of a POS corpus (`word<TAB>TAG` lines, blank line between sentences)."""
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, sep, tag = line.rstrip("\n").partition("\t")
            if sep and word and tag:
                words.append(word)
                tags.append(tag.upper())  # one stray "vb"
            elif not line.strip() and words:
                out.append((words, tags))
                words, tags = [], []
    if words:
        out.append((words, tags))
    return out


def ner_sentences(data: Path) -> Iterator[list[str]]:
    for name in NER_TRAIN_FILES:
        path = data / "ner" / name
        if path.is_file():
            for words, _ in read_labelled(path):
                yield words


def nlp_id_sentences() -> Iterator[list[str]]:
    for words, _ in read_tagged():
        yield words


def story_sentences(data: Path) -> Iterator[list[str]]:
    from kabar.analyse.tokens import sentences, tokenize

    for path in sorted((data / "stories-multi").glob("*.txt")):
        for sentence in sentences(path.read_text(encoding="utf-8")):
            yield [t.text for t in tokenize(sentence)]


def indosum_sentences(data: Path) -> Iterator[list[str]]:
    path = data / "summaries" / "indosum.dev.01.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            for paragraph in json.loads(line)["paragraphs"]:
                yield from paragraph


def unlabelled_sentences(data: Path) -> Iterator[list[str]]:
    """The licensed text with no NER labels: nlp-id's POS corpus, stories-multi, IndoSum's dev fold."""
    for source in (nlp_id_sentences(), story_sentences(data), indosum_sentences(data)):
        yield from source


def corpus(data: Path, lower: bool = True) -> Iterator[list[str]]:
    """Every licensed sentence's words (the NER train files' too), lower-cased unless `lower` is false."""
    for source in (ner_sentences(data), unlabelled_sentences(data)):
        for words in source:
            yield [w.lower() for w in words] if lower else list(words)
