"""`kabar eval ner`: entity-level micro P/R/F1 (exact span and type) per dev file,
and alias accuracy of entity linking on the samples' gold entities."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kabar.analyse.ner.conll import bio_spans, read_labelled
from kabar.evaluate.metrics import f1 as f1_score
from kabar.evaluate.scoreboard import Scoreboard

TYPES = ("PER", "ORG", "LOC")
# dev files, in the order printed; the anchor is IndoBERT-large's 0.776 on NERGrit (test).
DEV_FILES = (
    "idner_news_2k.dev.tsv",
    "nergrit.valid.tsv",
    "nerp.valid.tsv",
    "nerugm.fold1.dev.tsv",
    "nerui.fold1.dev.tsv",
)
ANCHORS = {"nergrit.valid.tsv": 0.776}
SHORT_NAMES = {
    "idner_news_2k.dev.tsv": "idner",
    "nergrit.valid.tsv": "nergrit",
    "nerp.valid.tsv": "nerp*",
    "nerugm.fold1.dev.tsv": "nerugm",
    "nerui.fold1.dev.tsv": "nerui",
}


@dataclass(frozen=True, slots=True)
class Prf:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)


def score(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]], types: Sequence[str] = TYPES
) -> dict[str, Prf]:
    """Micro P/R/F1 over all sentences, "all" and per type; spans of other types are ignored."""
    counts = {t: [0, 0, 0] for t in types}
    for g_labels, p_labels in zip(gold, predicted, strict=True):
        g = {s for s in bio_spans(list(g_labels)) if s[2] in counts}
        p = {s for s in bio_spans(list(p_labels)) if s[2] in counts}
        for s in g & p:
            counts[s[2]][0] += 1
        for s in p:
            counts[s[2]][1] += 1
        for s in g:
            counts[s[2]][2] += 1
    out = {t: Prf(*c) for t, c in counts.items()}
    out["all"] = Prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return out


def file_types(data: Path, name: str) -> tuple[str, ...]:
    """The types a file annotates (manifest.json): NERP has no ORG, so ORG predictions are ignored there."""
    manifest = data / "ner" / "manifest.json"
    if manifest.is_file():
        entry = json.loads(manifest.read_text(encoding="utf-8")).get(name)
        if entry and entry.get("types"):
            return tuple(entry["types"])
    return TYPES


def score_file(path: Path, types: Sequence[str], tag_sentences) -> dict[str, Prf]:
    """Scores of `tag_sentences` (a list of sentences → their labels, batched) on one labelled file."""
    sentences = read_labelled(path)
    predicted = tag_sentences([words for words, _ in sentences])
    return score([labels for _, labels in sentences], predicted, types)


def dev_f1(data: Path, tag_sentences) -> dict[str, float]:
    """F1 on each dev file and pooled over them (micro: every file's entities together) of
    `tag_sentences`, which labels a list of sentences at once (batched taggers)."""
    scores, pooled = {}, Prf(0, 0, 0)
    for name in DEV_FILES:
        path = data / "ner" / name
        if path.is_file():
            s = score_file(path, file_types(data, name), tag_sentences)["all"]
            scores[name] = round(s.f1, 4)
            pooled = Prf(pooled.tp + s.tp, pooled.predicted + s.predicted, pooled.gold + s.gold)
    return scores | {"pooled": round(pooled.f1, 4)}


def ner_board(data: Path, tag_sentences=None) -> Scoreboard:
    """Scores of `tag_sentences` (batched; default: the shipped model) per dev file; files the shipped model's final
    fit trained on are marked †, since their scores are not held out."""
    trained_on: dict[str, float | None] = {}
    if tag_sentences is None:
        from kabar.analyse.ner.model import shipped, trained_on_dev

        tag_sentences = shipped().tag_many

        trained_on = trained_on_dev()
    rows = []
    for name in DEV_FILES:
        path = data / "ner" / name
        if not path.is_file():
            continue
        types = file_types(data, name)
        s = score_file(path, types, tag_sentences)
        rows.append(
            (SHORT_NAMES.get(name, name) + ("†" if name in trained_on else ""), s["all"].precision, s["all"].recall, s["all"].f1,
             *(s[t].f1 if t in s else None for t in TYPES), trained_on.get(name), ANCHORS.get(name))
        )
    return Scoreboard(
        title="NER: entity-level micro P/R/F1 (exact span and type) per dev file",
        columns=("dev file", "P", "R", "F1", "F1 PER", "F1 ORG", "F1 LOC", "held-out F1†", "anchor F1"),
        rows=tuple(rows),
        notes=(
            "anchor: IndoBERT-large (335M parameters, GPU) on the NERGrit test set (IndoNLU paper).",
            "files: " + ", ".join(f"{SHORT_NAMES[f]} = {f}" for f in DEV_FILES) + ".",
            "NER-UGM and NER-UI are evaluation-only; * NERP is scored on PER/LOC (it has no ORG).",
            *(["† the shipped model's final fit trained on this file too, so its F1 there is not held out; "
               "held-out F1† is the same settings trained without the dev files (model card)."] if trained_on else []),
        ),
    )


def alias_board(gold: Path) -> Scoreboard | None:
    """How often a body form of a gold entity gets the gold canonical name.

    Two views: the alias table alone (`canonical_form`, for forms that need
    no context: full names, abbreviations, epithets), and the whole linker
    (`annotate` on the gold body: each gold form found as a mention must be
    linked to an entity with the gold canonical name)."""
    entities_path, articles_path = gold / "entities.jsonl", gold / "articles.jsonl"
    if not (entities_path.is_file() and articles_path.is_file()):
        return None
    from kabar.analyse.entities import annotate, canonical_form
    from kabar.records import Article

    bodies = {}
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        bodies[a["file"]] = tuple(a["body"])
    table_ok = table_n = link_ok = link_n = link_found = 0
    misses: list[str] = []
    for line in entities_path.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        body = bodies.get(page["file"])
        if body is None:
            continue
        article = Article(id=page["file"], source=page["file"], body=body)
        found, mentions = annotate(article)
        by_id = {e.id: e for e in found}
        linked: dict[str, set[str]] = {}
        for m in mentions:
            linked.setdefault(m.text.replace("\u00a0", " "), set()).add(by_id[m.entity_id].canonical)
        for entity in page["entities"]:
            if not entity.get("in_body"):
                continue
            for form in entity["forms"]:
                short = len(form.split()) == 1 and entity["type"] == "PER"
                capital_as_state = entity["type"] == "LOC" and form.istitle() and form != entity["canonical"] and canonical_form(form) == form
                if not short and not capital_as_state:
                    table_n += 1
                    if canonical_form(form) == entity["canonical"]:
                        table_ok += 1
                    else:
                        misses.append(f"{form!r}→{canonical_form(form)!r} (gold {entity['canonical']!r})")
                link_n += 1
                if form in linked:
                    link_found += 1
                    if entity["canonical"] in linked[form]:
                        link_ok += 1
    rows = (
        ("alias table (canonical_form)", table_n, table_ok / table_n if table_n else 0.0, None),
        ("linker (annotate), forms found", link_n, link_ok / link_found if link_found else 0.0,
         link_found / link_n if link_n else 0.0),
    )
    return Scoreboard(
        title="Entity identity: gold body forms → canonical name (samples/gold/entities.jsonl)",
        columns=("view", "forms", "accuracy", "forms found as mentions"),
        rows=rows,
        notes=tuple(["alias-table misses: " + "; ".join(misses[:12])] if misses else []),
    )


def evaluate(data: Path, gold: Path) -> list[Scoreboard]:
    boards = [ner_board(data)]
    aliases = alias_board(gold)
    if aliases is not None:
        boards.append(aliases)
    return boards
