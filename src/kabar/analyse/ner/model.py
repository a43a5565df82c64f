"""Load the shipped NER model (lazily, once per process: `shipped`, the default of
`kabar.analyse.resources.Resources`) and tag words.

The model files are package data in ``kabar/models/ner/`` (``model.crfsuite``,
``lexicon.tsv.gz``), found through importlib.resources, so an editable and a
regular install both work and nothing is downloaded at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from kabar.analyse.ner import clusters
from kabar.analyse.ner.checks import checked
from kabar.analyse.ner.cnn.network import CnnWeights
from kabar.analyse.ner.cnn.tagger import CnnTagger
from kabar.analyse.ner.features import EMPTY_CLUSTERS, EMPTY_LEXICON, Clusters, Lexicon, sentence_features
from kabar.analyse.ner.labels import LABELS, best_paths, mixed

MODEL_PACKAGE = "kabar.models.ner"
MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
COMMON_FILE = "common.txt"  # lower-case words almost never in a name, from the training data
CLUSTERS_FILE = "clusters.tsv.gz"  # word clusters from unlabelled text (built by kabar_train.ner.clusters)
META_FILE = "meta.json"  # its "features" are the feature settings the CRF was trained with; "student" names the CNN
STUDENT_FILE = "cnn.npz"  # the CNN student (kabar.analyse.ner.cnn), mixed with the CRF when present
MAX_WORDS = 200  # very long "sentences" (tables, lists) are tagged in chunks: CRF cost is linear anyway


@dataclass(eq=False)
class NerModel:
    """The loaded tagger. A model, not a record: the CRF tagger holds the sentence it last read and the
    student the ids of the words it has seen, so it is neither frozen nor compared by value."""

    tagger: object  # pycrfsuite.Tagger
    lexicon: Lexicon
    path: Path
    common: frozenset[str] = frozenset()
    clusters: Clusters = EMPTY_CLUSTERS
    runs: bool = False  # capitalised-run features (meta.json "features")
    # the CNN student and its share of the mixture: the two models err differently, so the mean of
    # their label probabilities tags better than either (model card)
    student: CnnTagger | None = None
    student_weight: float = 0.5
    # a sentence the student is sure of (every word's best label at least this probable) skips the CRF:
    # there the mixture hardly ever changes the answer, and the CRF's marginals cost most of the time
    student_sure: float = 1.0
    crf_labels: frozenset[str] = frozenset(LABELS)  # the labels the CRF knows (pycrfsuite.Tagger.labels())

    def features(self, words: Sequence[str]) -> list[list[str]]:
        return sentence_features(words, self.lexicon, self.clusters, self.runs)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels for one sentence of words."""
        return self.tag_many([words])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for each sentence; the student reads them all at once (its speed is in big batches)."""
        if self.student is None:
            return [checked(words, self._crf_labels(words), self.lexicon) for words in sentences]
        student = self.student.probabilities(sentences)
        tables = [rows if len(rows) == 0 or rows.max(1).min() >= self.student_sure
                  else mixed(rows, self.marginals(words), self.student_weight)
                  for words, rows in zip(sentences, student, strict=True)]
        return [checked(t.words, list(t.labels), self.lexicon) for t in best_paths(sentences, tables)]

    def _crf_labels(self, words: Sequence[str]) -> list[str]:
        labels: list[str] = []
        for start in range(0, len(words), MAX_WORDS):
            labels += self.tagger.tag(self.features(words[start : start + MAX_WORDS]))
        return labels

    def marginals(self, words: Sequence[str]) -> np.ndarray:
        """Each word's label probabilities under the CRF (rows in LABELS order)."""
        marginal = self.tagger.marginal
        known = [label in self.crf_labels for label in LABELS]
        parts = [np.zeros((0, len(LABELS)))]
        for start in range(0, len(words), MAX_WORDS):
            chunk = words[start : start + MAX_WORDS]
            self.tagger.set(self.features(chunk))
            parts.append(np.array([[marginal(label, i) if k else 0.0 for label, k in zip(LABELS, known, strict=True)]
                                   for i in range(len(chunk))]).reshape(len(chunk), len(LABELS)))
        return np.concatenate(parts)


def model_dir() -> Path:
    return Path(str(resources.files(MODEL_PACKAGE)))


def load(directory: Path | None = None) -> NerModel:
    """A tagger over the model in `directory` (default: the shipped one)."""
    import pycrfsuite

    directory = directory or model_dir()
    path = directory / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no NER model at {path}: train one with `python -m kabar_train.ner.train` (a checkout)")
    meta = _meta(directory)
    settings = meta.get("features", {})
    if settings.get("pos"):  # the POS experiment was not shipped; its features cannot be computed here
        raise ValueError(f"the NER model at {directory} needs POS tags, which Kabar no longer computes (model card)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    lexicon_path = directory / LEXICON_FILE
    lexicon = Lexicon.load(lexicon_path) if lexicon_path.is_file() else EMPTY_LEXICON
    common_path = directory / COMMON_FILE
    common = frozenset(common_path.read_text(encoding="utf-8").split()) if common_path.is_file() else frozenset()
    student = meta.get("student") or {}
    table = _cluster_table(directory)  # read once: the CRF's features and the student both use it
    return NerModel(
        tagger, lexicon, path, common, load_clusters(table, settings), bool(settings.get("runs")),
        load_student(directory, lexicon, table), float(student.get("weight", 0.5)), float(student.get("sure", 1.0)),
        frozenset(tagger.labels()),
    )


def load_student(directory: Path, lexicon: Lexicon, clusters: dict[str, tuple[str, ...]]) -> CnnTagger | None:
    """The CNN student beside the CRF, if the folder holds one."""
    if not (directory / STUDENT_FILE).is_file():
        return None
    return CnnTagger(CnnWeights.load(directory / STUDENT_FILE), lexicon, clusters)


def _cluster_table(directory: Path) -> dict[str, tuple[str, ...]]:
    """The folder's word-cluster table (word → cluster ids), or nothing."""
    path = directory / CLUSTERS_FILE
    return clusters.load(path) if path.is_file() else {}


def _meta(directory: Path) -> dict:
    """The model card's data (meta.json), or nothing for a model without one."""
    path = directory / META_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def trained_on_dev(directory: Path | None = None) -> dict[str, float | None]:
    """The dev files a final fit also trained on (meta.json "trained_on_dev"), so that their scores are not
    held out, each with the held-out F1 of the same tagger trained without them: the card's dev scores, or
    with a student, its mixture's (the student trains on the train files only)."""
    meta = _meta(directory or model_dir())
    student = meta.get("student") or {}
    mixture = (student.get("mixture_dev_scores") or {}).get(str(student.get("weight")))
    if mixture is not None:
        return {name: mixture.get(name) for name in meta.get("trained_on_dev", ())}
    held_out = meta.get("dev_scores", {})
    return {name: held_out.get(name, {}).get("f1") for name in meta.get("trained_on_dev", ())}


def load_clusters(table: dict[str, tuple[str, ...]], settings: dict) -> Clusters:
    """The CRF's cluster features from the word-cluster table, with the feature `settings` (meta.json)
    the model was trained with."""
    if not table:
        return EMPTY_CLUSTERS
    return Clusters.from_table(table, tuple(settings.get("cluster_neighbours", (0, 1))),
                               settings.get("cluster_levels"), bool(settings.get("cluster_cased")))


@lru_cache(maxsize=1)
def shipped() -> NerModel:
    """The shipped model, loaded on first use and kept for the process."""
    return load()


def tag_words(words: Sequence[str]) -> list[str]:
    """BIO labels for one sentence, with the shipped model."""
    return shipped().tag(words)
