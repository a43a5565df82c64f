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
    """Inline furniture cut sentence by sentence (`kabar.extract.furniture`): on IndoSum's dev
    articles, clean report text, every sentence must stay (keep rate, per source outlet and in
    all); on the events sets' flattened bodies, how many sentences go. Nothing is learned or
    tuned per outlet (fixed cues in `lang.id.furniture`), so each outlet's row is held out."""
    from kabar.extract.furniture import sentences, strip_furniture

    indosum = data / "summaries" / "indosum.dev.01.jsonl"
    if not indosum.exists():
        return None
    per_outlet: dict[str, list[int]] = {}
    for line in indosum.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paragraphs = [" ".join(" ".join(s) for s in p) for p in record["paragraphs"]]
        _, removed = strip_furniture(paragraphs, ())
        counts = per_outlet.setdefault(str(record.get("source") or "?"), [0, 0, 0])
        counts[0] += 1
        counts[1] += sum(len(sentences(p)) for p in paragraphs)
        counts[2] += len(removed)
    rows: list[tuple[object, ...]] = []
    total = [sum(c[i] for c in per_outlet.values()) for i in range(3)]
    rows.append(("IndoSum dev (all)", "kabar", total[0], total[1], total[2], 1 - total[2] / max(total[1], 1)))
    for outlet, (articles, sents, cut) in sorted(per_outlet.items()):
        rows.append((f"IndoSum dev · {outlet}", "kabar", articles, sents, cut, 1 - cut / max(sents, 1)))
    for name in ("events", "events2"):
        folder = data / name
        if folder.is_dir():
            articles, sents, cut = _flattened_cuts(folder)
            rows.append((f"{name} (flattened 2025 bodies)", "kabar", articles, sents, cut, "-"))
    return Scoreboard(
        "extract: furniture cut inside bodies (sentence cues)",
        ("set", "system", "articles", "sentences", "cut by cues", "keep rate"),
        tuple(rows),
        ("IndoSum is report text: every cut there is a lost sentence (target keep rate 1.000)",
         "events: no gold; the cut sentences were read one by one (all furniture on 2026-12-08); teasers and"
         " 'Pilihan Editor' links cut earlier by their markers are not counted here",
         "nothing is learned or tuned per outlet: each row is a held-out figure"),
    )


def _flattened_cuts(folder: Path) -> tuple[int, int, int]:
    """(articles, sentences, sentences cut) over a folder of flattened bodies (title, blank line,
    the body as one line), each body repaired and cleaned of inline chrome as extraction does."""
    from kabar.extract.furniture import sentences, strip_furniture
    from kabar.extract.repair import repair_text
    from kabar.extract.text import clean_body

    articles = total = cut = 0
    for path in sorted(folder.glob("*.txt")):
        _, _, rest = repair_text(path.read_text(encoding="utf-8")).partition("\n")
        body, _ = clean_body([line for line in rest.splitlines() if line.strip()])
        _, removed = strip_furniture(body, ())
        articles += 1
        total += sum(len(sentences(p)) for p in body)
        cut += len(removed)
    return articles, total, cut
