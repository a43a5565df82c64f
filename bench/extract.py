"""Extraction speed, peak memory and body F1: Kabar beside trafilatura, same pages, one run.

    .venv/bin/python bench/extract.py [--repeat N]

Pages: ../shared/data/extract/*.html with their gold when ../shared is there;
otherwise the five examples/samples pages (page text; trafilatura gets each
line as a <p>), scored against ../shared/samples/gold only if present.
Speed is pages/s over `repeat` passes after a warm-up, with a bootstrap 95%
interval over per-page times; peak memory is tracemalloc's peak for one pass.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from kabar.evaluate.extract import body_f1, text_as_html  # noqa: E402
from kabar.ingest import read_pages  # noqa: E402
from kabar.records import RawPage  # noqa: E402


def load_pages() -> tuple[str, list[RawPage], list[str | None]]:
    folder = SHARED / "data" / "extract"
    if folder.is_dir():
        pages, golds = [], []
        for html in sorted(folder.glob("*.html")):
            page = next(p for p in read_pages([html]) if isinstance(p, RawPage))
            gold = folder / html.name.replace(".html", ".gold.json")
            pages.append(page)
            golds.append(" ".join(json.loads(gold.read_text())["body"]) if gold.exists() else None)
        return f"{folder} (HTML)", pages, golds
    pages = [p for p in read_pages([REPO / "examples" / "samples"]) if isinstance(p, RawPage)]
    gold_file = SHARED / "samples" / "gold" / "articles.jsonl"
    bodies = {}
    if gold_file.exists():
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            bodies[row["file"]] = " ".join(row["body"])
    return "examples/samples (page text)", pages, [bodies.get(Path(p.source).name) for p in pages]


def kabar_body(page: RawPage) -> str:
    from kabar.extract import ExtractError, extract

    try:
        return extract(page).text
    except ExtractError:
        return ""


def trafilatura_body(page: RawPage) -> str:
    import trafilatura

    markup = page.content if page.kind == "html" else text_as_html(page.content)
    return trafilatura.extract(markup) or ""


def measure(fn: Callable[[RawPage], str], pages: list[RawPage], repeat: int) -> dict:
    outputs = [fn(p) for p in pages]  # warm-up: lazy models, caches, imports
    times: list[float] = []
    for _ in range(repeat):
        for page in pages:
            start = time.perf_counter()
            fn(page)
            times.append(time.perf_counter() - start)
    tracemalloc.start()
    for page in pages:
        fn(page)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rng = random.Random(0)
    boots = sorted(len(times) / sum(rng.choices(times, k=len(times))) for _ in range(1000))
    return {"pages_s": len(times) / sum(times), "ci": (boots[25], boots[974]), "peak_mb": peak / 1e6,
            "outputs": outputs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    label, pages, golds = load_pages()
    print(f"pages: {len(pages)} from {label}; {args.repeat} passes after a warm-up")
    rows = []
    for name, fn in (("kabar", kabar_body), ("trafilatura", trafilatura_body)):
        result = measure(fn, pages, args.repeat)
        scored = [body_f1(out, gold) for out, gold in zip(result["outputs"], golds) if gold is not None]
        f1 = sum(scored) / len(scored) if scored else None
        rows.append((name, result, f1))
    print(f"{'system':<12} {'pages/s':>9} {'95% CI':>17} {'peak MB':>8} {'body F1':>8}")
    for name, r, f1 in rows:
        ci = f"{r['ci'][0]:.1f}-{r['ci'][1]:.1f}"
        print(f"{name:<12} {r['pages_s']:>9.1f} {ci:>17} {r['peak_mb']:>8.1f} {'n/a' if f1 is None else f'{f1:.3f}':>8}")


if __name__ == "__main__":
    main()
