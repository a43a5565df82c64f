"""`kabar eval extract`: body token F1, title and date accuracy on the dev pages
(`data/extract`, .html and .txt renderings as separate rows) and the five samples
against their gold, trafilatura beside Kabar.

Body F1 is the ScrapingHub article-extraction benchmark's: a bag of lower-cased
word tokens per page, precision/recall/F1 per page, macro-averaged.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kabar.evaluate.metrics import f1 as f1_score
from kabar.evaluate.scoreboard import Scoreboard
from kabar.extract import ExtractError, extract
from kabar.ingest import read_pages
from kabar.records import RawPage

_TOKEN = re.compile(r"\w+", re.UNICODE)
WIB = timezone(timedelta(hours=7))


def body_f1(predicted: str, gold: str) -> float:
    """F1 of the bags of lower-cased word tokens."""
    p, g = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    common = sum((p & g).values())
    if not common:
        return 1.0 if not p and not g else 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return f1_score(precision, recall)


def norm_title(title: str | None) -> str:
    return " ".join((title or "").split()).strip().lower()


def wib_day(value: str | None) -> str | None:
    """The publication day in WIB: a stamp with an offset is moved to +07:00 first."""
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return value[:10]
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(WIB)
    return stamp.date().isoformat()


@dataclass(frozen=True, slots=True)
class Prediction:
    body: str
    title: str | None
    published: str | None
    authors: tuple[tuple[str, str], ...] = ()
    sources: tuple[str, ...] = ()
    outlet: str | None = None
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    page: RawPage
    gold: dict


def kabar_predict(page: RawPage) -> Prediction:
    try:
        article = extract(page)
    except ExtractError:
        return Prediction("", None, None)
    return Prediction(
        article.text, article.title, article.published,
        tuple((a.name, a.role) for a in article.authors), article.sources_cited, article.outlet, article.dateline,
    )


def trafilatura_predict(page: RawPage) -> Prediction:
    import trafilatura

    markup = page.content if page.kind == "html" else text_as_html(page.content)
    document = trafilatura.bare_extraction(markup, url=page.url, with_metadata=True)
    if document is None:
        return Prediction("", None, None)
    data = document if isinstance(document, dict) else document.as_dict()
    authors = tuple((a.strip(), "writer") for a in (data.get("author") or "").split(";") if a.strip())
    return Prediction(data.get("text") or "", data.get("title"), data.get("date"), authors,
                      outlet=data.get("sitename"))


def text_as_html(text: str) -> str:
    """Page text as HTML for extractors that need markup: a paragraph a line."""
    paragraphs = "".join(f"<p>{htmllib.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


def dev_cases(folder: Path, suffix: str) -> list[Case]:
    cases = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        page_path = folder / f"{name}{suffix}"
        if not page_path.exists():
            continue
        pages = [p for p in read_pages([page_path]) if isinstance(p, RawPage)]
        if pages:
            cases.append(Case(name, pages[0], json.loads(gold_path.read_text(encoding="utf-8"))))
    return cases


def sample_cases(gold_dir: Path) -> list[Case]:
    gold_file = gold_dir / "articles.jsonl"
    if not gold_file.exists():
        return []
    cases = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        path = gold_dir.parent / gold["file"]
        pages = [p for p in read_pages([path]) if isinstance(p, RawPage)]
        if pages:
            cases.append(Case(gold["file"], pages[0], gold))
    return cases


def score(cases: Sequence[Case], predict: Callable[[RawPage], Prediction]) -> dict[str, float]:
    f1s, titles, days, exact, authors, sources, left = [], [], [], [], [], [], 0
    outlets, datelines = [], []
    for case in cases:
        predicted = predict(case.page)
        gold = case.gold
        f1s.append(body_f1(predicted.body, " ".join(gold["body"])))
        titles.append(norm_title(predicted.title) == norm_title(gold.get("title")))
        days.append(wib_day(predicted.published) == wib_day(gold.get("published")))
        exact.append(predicted.published == gold.get("published"))
        if "authors" in gold:
            authors.append(set(predicted.authors) == {(a["name"], a["role"]) for a in gold["authors"]})
        if "sources_cited" in gold:
            sources.append(list(predicted.sources) == gold["sources_cited"])
        if "dateline" in gold:
            datelines.append(predicted.dateline == gold["dateline"])
            outlets.append(predicted.outlet == gold.get("outlet"))
        left += boilerplate_left(predicted.body, gold.get("boilerplate", []))
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return {
        "pages": len(cases), "body_f1": mean(f1s), "title": mean(titles), "date_day": mean(days),
        "date_exact": mean(exact), "authors": mean(authors), "sources": mean(sources), "boilerplate_left": left,
        "outlet": mean(outlets), "dateline": mean(datelines),
    }


def boilerplate_left(body: str, boilerplate: Sequence[str]) -> int:
    """Gold boilerplate lines found in a body: inside it at 20+ characters, else as a whole line."""
    paragraphs = {p.strip() for p in body.split("\n")}
    count = 0
    for line in boilerplate:
        text = line.strip()
        if not text:
            continue
        if (len(text) >= 20 and text in body) or text in paragraphs:
            count += 1
    return count


def evaluate(data: Path, gold: Path) -> list[Scoreboard]:
    systems = {"kabar": kabar_predict, "trafilatura": trafilatura_predict}
    boards = []
    folder = data / "extract"
    columns = ("system", "pages", "body F1", "title acc", "date acc (day, WIB)")
    for suffix, label in ((".html", "HTML"), (".txt", "page text")):
        cases = dev_cases(folder, suffix) if folder.is_dir() else []
        if not cases:
            continue
        rows = []
        for system, predict in systems.items():
            s = score(cases, predict)
            rows.append((system, s["pages"], s["body_f1"], s["title"], s["date_day"]))
        boards.append(Scoreboard(f"extract: dev pages ({label}, {folder})", columns, tuple(rows),
                                 ("targets: body F1 >= 0.95 HTML, >= 0.93 page text; titles >= 0.95",)))
    furniture = furniture_board(data)
    if furniture is not None:
        boards.append(furniture)
    held_out = furniture_loo_board()
    if held_out is not None:
        boards.append(held_out)
    cases = sample_cases(gold) if gold.is_dir() else []
    if cases:
        rows = []
        for system, predict in systems.items():
            s = score(cases, predict)
            rows.append((system, s["pages"], s["body_f1"], s["title"], s["date_exact"], s["authors"], s["sources"],
                         s["outlet"], s["dateline"], s["boilerplate_left"]))
        boards.append(Scoreboard(
            "extract: five samples vs gold",
            ("system", "pages", "body F1", "title", "date exact", "authors", "sources", "outlet", "dateline",
             "boilerplate left"),
            tuple(rows),
            ("boilerplate left: gold boilerplate lines found in the body (target 0)",),
        ))
    return boards


def furniture_board(data: Path) -> Scoreboard | None:
    """Inline furniture cut sentence by sentence (`kabar.extract.furniture`), today's fixed cues
    alone and with the learned model (what extraction runs, system "kabar"), on IndoSum's dev
    articles against the hand labels of their sentences (kabar/models/furniture/indosum_furniture.tsv:
    the furniture sentences, by article and index): furniture cut, and the keep rate of the article
    sentences (target 1.000). The model was trained on these labels, so its IndoSum rows are
    in-sample; its held-out figures are the leave-one-outlet-out board (`furniture_loo_board`).
    On the events sets' flattened bodies (no labels) it counts the sentences cut."""
    from kabar.extract.furniture import sentences, strip_furniture

    indosum = data / "summaries" / "indosum.dev.01.jsonl"
    if not indosum.exists():
        return None
    gold = _furniture_gold()
    systems = {"cues": False, "kabar": True}  # kabar: cues + model, as extraction runs
    counts: dict[tuple[str, str], list[int]] = {}
    for line in indosum.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paragraphs = [" ".join(" ".join(s) for s in p) for p in record["paragraphs"]]
        units = [s.strip() for p in paragraphs for s in sentences(p)]
        furniture = {k for k in range(len(units)) if (record["id"], k) in gold}
        for system, learned in systems.items():
            _, removed = strip_furniture(paragraphs, (), learned=learned)
            gone = set(removed)
            row = counts.setdefault((str(record.get("source") or "?"), system), [0, 0, 0, 0, 0])
            row[0] += 1
            row[1] += len(units)
            row[2] += len(furniture)
            row[3] += sum(1 for k in furniture if units[k] in gone)
            row[4] += sum(1 for k, unit in enumerate(units) if k not in furniture and unit in gone)
    rows: list[tuple[object, ...]] = []
    outlets = sorted({outlet for outlet, _ in counts})
    for system in systems:
        total = [sum(counts[(o, system)][i] for o in outlets) for i in range(5)]
        rows.append(("IndoSum dev (all)", system, *_furniture_cells(total)))
    for outlet in outlets:
        for system in systems:
            rows.append((f"IndoSum dev · {outlet}", system, *_furniture_cells(counts[(outlet, system)])))
    for name in ("events", "events2"):
        folder = data / name
        if folder.is_dir():
            for system, learned in systems.items():
                articles, sents, cut = _flattened_cuts(folder, learned=learned)
                rows.append((f"{name} (flattened 2025 bodies)", system, articles, sents, "-", cut, "-", "-", "-"))
    return Scoreboard(
        "extract: furniture cut inside bodies (sentences; IndoSum against hand labels)",
        ("set", "system", "articles", "sentences", "furniture", "furniture cut", "article sentences cut",
         "furniture recall", "keep rate"),
        tuple(rows),
        ("keep rate: article sentences kept (target 1.000); furniture: sentences labelled furniture by hand",
         "kabar = the fixed cues + the learned model (kabar/models/furniture); its IndoSum rows are in-sample"
         " (trained on these labels): the held-out figures are the leave-one-outlet-out board",
         "the sentence stage alone (strip_furniture), one page at a time, no outlet names or batch repetition:"
         " the line and inline chrome lists (boilerplate.py) run before it in extraction; they count in the"
         " leave-one-outlet-out board's cues",
         "events: no labels; the sentences cut there were read one by one (kabar/models/furniture/README.md)"),
    )


def _furniture_cells(counts: Sequence[int]) -> tuple[object, ...]:
    articles, sents, furniture, caught, lost = counts
    articles_kept = 1 - lost / max(sents - furniture, 1)
    return (articles, sents, furniture, caught, lost, caught / furniture if furniture else float("nan"), articles_kept)


def _furniture_gold() -> set[tuple[str, int]]:
    from importlib import resources

    text = resources.files("kabar.models.furniture").joinpath("indosum_furniture.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {(row[0], int(row[1])) for row in rows}


def furniture_loo_board() -> Scoreboard | None:
    """The learned model's leave-one-outlet-out figures on IndoSum, beside today's cues on the same
    folds, as the model card records them (`kabar_train.furniture.train`: retraining needs the
    training package, which the runtime does not import). Quoted, so not held to floors."""
    from importlib import resources

    try:
        raw = resources.files("kabar.models.furniture").joinpath("scores.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    folds = json.loads(raw)["leave_one_outlet_out"]
    rows = []
    for outlet, systems in folds.items():
        for system in ("cues", "learned", "either"):
            r = systems[system]
            rows.append((f"{outlet} held out", system, r["furniture"], r["caught"], r["lost"],
                         f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['keep_rate']:.4f}"))
    return Scoreboard(
        "extract: furniture leave-one-outlet-out on IndoSum (held out; quoted from the model card)",
        ("fold", "system", "furniture", "caught", "article sentences cut", "precision", "recall", "keep rate"),
        tuple(rows),
        ("each outlet held out in turn: the model fitted on the other nine, its threshold chosen by an inner"
         " leave-one-outlet-out on those nine; either = cues or model (what extraction runs)",
         "cues and either are given the outlet's names and its repeated sentences (as a batch gives them)"),
    )


def _flattened_cuts(folder: Path, *, learned: bool = True) -> tuple[int, int, int]:
    """(articles, sentences, sentences cut) over a folder of flattened bodies (title, blank line,
    the body as one line), each body repaired and cleaned of inline chrome as extraction does."""
    from kabar.extract.furniture import sentences, strip_furniture
    from kabar.extract.repair import repair_text
    from kabar.extract.text import clean_body

    articles = total = cut = 0
    for path in sorted(folder.glob("*.txt")):
        _, _, rest = repair_text(path.read_text(encoding="utf-8")).partition("\n")
        body, _ = clean_body([line for line in rest.splitlines() if line.strip()])
        _, removed = strip_furniture(body, (), learned=learned)
        articles += 1
        total += sum(len(sentences(p)) for p in body)
        cut += len(removed)
    return articles, total, cut
