"""`kabar eval timex`: detection P/R/F1 (relaxed = overlap, strict = same span), value and
type accuracy over matched gold, for Kabar's tagger and dateparser's `search_dates` side by side.

Gold sets: IndoTimex (`data/timex/timex.jsonl`, Kompas 2014–15) and the five samples
(`samples/gold/timex.jsonl`, bodies from `samples/gold/articles.jsonl`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from kabar.evaluate.metrics import f1 as f1_score
from kabar.evaluate.scoreboard import Scoreboard

Span = tuple[int, int, str, str]  # start, end, type, value


@dataclass(frozen=True, slots=True)
class Doc:
    name: str
    text: str
    anchor: str
    gold: tuple[Span, ...]


def load_indotimex(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            gold = tuple((t["start"], t["end"], t["type"], t["value"]) for t in r["timexes"])
            docs.append(Doc(r["doc"], r["text"], r["anchor"], gold))
    return docs


def load_samples(gold_dir: Path) -> list[Doc]:
    bodies = {}
    for line in (gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            bodies[r["file"]] = "\n".join(r["body"])
    rows: dict[str, list[dict]] = {}
    for line in (gold_dir / "timex.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.setdefault(r["file"], []).append(r)
    docs = []
    for name, body in bodies.items():
        items = rows.get(name, [])
        anchor = items[0]["anchor"] if items else ""
        docs.append(Doc(name, body, anchor, tuple((t["start"], t["end"], t["type"], t["value"]) for t in items)))
    return docs


def kabar_system(text: str, anchor: str) -> list[Span]:
    from kabar.analyse.timex import tag

    return [(t.start, t.end, t.type, t.value) for t in tag(text, anchor)]


def dateparser_system(text: str, anchor: str) -> list[Span]:
    """dateparser's `search_dates` as a tagger: spans located in order, values at its granularity."""
    from datetime import datetime

    from dateparser.search import search_dates

    base = datetime.fromisoformat(anchor[:10])
    try:
        found = search_dates(text, languages=["id", "en"], settings={"RELATIVE_BASE": base}) or []
    except Exception:
        return []
    out, pos = [], 0
    for surface, stamp in found:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
            if start < 0:
                continue
        end = start + len(surface)
        pos = end
        has_time = stamp.hour or stamp.minute
        value = stamp.strftime("%Y-%m-%dT%H:%M") if has_time else stamp.date().isoformat()
        out.append((start, end, "TIME" if has_time else "DATE", value))
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(docs: Iterable[Doc], system: Callable[[str, str], list[Span]]) -> dict[str, float]:
    tp_strict = tp_relaxed_gold = tp_relaxed_pred = n_gold = n_pred = 0
    value_ok = type_ok = matched = 0
    for doc in docs:
        pred = system(doc.text, doc.anchor)
        n_gold += len(doc.gold)
        n_pred += len(pred)
        pred_spans = {(p[0], p[1]) for p in pred}
        tp_strict += sum((g[0], g[1]) in pred_spans for g in doc.gold)
        tp_relaxed_pred += sum(any(_overlaps(p, g) for g in doc.gold) for p in pred)
        for g in doc.gold:
            hits = [p for p in pred if _overlaps(p, g)]
            if not hits:
                continue
            tp_relaxed_gold += 1
            matched += 1
            best = max(hits, key=lambda p: min(p[1], g[1]) - max(p[0], g[0]))
            value_ok += best[3] == g[3]
            type_ok += best[2] == g[2]


    sp = tp_strict / n_pred if n_pred else 0.0
    sr = tp_strict / n_gold if n_gold else 0.0
    rp = tp_relaxed_pred / n_pred if n_pred else 0.0
    rr = tp_relaxed_gold / n_gold if n_gold else 0.0
    return {
        "gold": n_gold, "pred": n_pred,
        "strict_p": sp, "strict_r": sr, "strict_f1": f1_score(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": f1_score(rp, rr),
        "value_acc": value_ok / matched if matched else 0.0,
        "type_acc": type_ok / matched if matched else 0.0,
    }


COLUMNS = ("set / system", "gold", "pred", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
           "relaxed F1", "value acc", "type acc")
KEYS = ("gold", "pred", "strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
        "value_acc", "type_acc")


def systems() -> list[tuple[str, Callable[[str, str], list[Span]]]]:
    """Kabar's tagger, and dateparser as the anchor when it is installed (an extra: only this evaluation uses it)."""
    anchor = [("dateparser search_dates", dateparser_system)] if find_spec("dateparser") is not None else []
    return [("kabar", kabar_system), *anchor]


def evaluate(data: Path, gold: Path) -> list[Scoreboard]:
    sets: list[tuple[str, list[Doc]]] = []
    notes = []
    compared = systems()
    if len(compared) == 1:
        notes.append("anchor unavailable: dateparser is not installed (it comes with the dev extra)")
    indotimex = data / "timex" / "timex.jsonl"
    if indotimex.is_file():
        sets.append(("IndoTimex (Kompas 2014-15)", load_indotimex(indotimex)))
    else:
        notes.append(f"skipped: {indotimex} not found")
    if (gold / "timex.jsonl").is_file() and (gold / "articles.jsonl").is_file():
        sets.append(("samples gold (5 pages)", load_samples(gold)))
    else:
        notes.append(f"skipped: {gold}/timex.jsonl not found")
    rows = []
    for name, docs in sets:
        for system_name, system in compared:
            s = score(docs, system)
            rows.append((f"{name} · {system_name}", *(s[k] for k in KEYS)))
    notes.append("relaxed = any overlap; value/type accuracy over gold expressions matched (relaxed).")
    return [Scoreboard("timex: detection and normalisation", COLUMNS, tuple(rows), tuple(notes))]


def errors(docs: Iterable[Doc]) -> Iterable[str]:
    """Readable misses and wrong values (for development)."""
    for doc in docs:
        pred = kabar_system(doc.text, doc.anchor)
        for g in doc.gold:
            hits = [p for p in pred if _overlaps(p, g)]
            if not hits:
                yield f"{doc.name} MISS {doc.text[g[0]:g[1]]!r} {g[2]} {g[3]}"
            else:
                p = hits[0]
                if p[3] != g[3] or p[2] != g[2] or (p[0], p[1]) != (g[0], g[1]):
                    yield f"{doc.name} DIFF gold {doc.text[g[0]:g[1]]!r} {g[2]} {g[3]} | ours {doc.text[p[0]:p[1]]!r} {p[2]} {p[3]}"
        for p in pred:
            if not any(_overlaps(p, g) for g in doc.gold):
                yield f"{doc.name} EXTRA {doc.text[p[0]:p[1]]!r} {p[2]} {p[3]}"
