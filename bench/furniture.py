"""Speed and peak memory of the sentence furniture stage, fixed cues alone and with the learned
model (`kabar.extract.furniture`), on IndoSum's 716 dev articles (paragraphs joined as
`kabar eval extract` joins them).

    .venv/bin/python bench/furniture.py [--repeat N]

Sentences/s over `repeat` passes after a warm-up (best and median pass: the machine is shared);
peak memory is tracemalloc's peak for one pass.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from kabar.extract.furniture import sentences, strip_furniture  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = SHARED / "data" / "summaries" / "indosum.dev.01.jsonl"
    if not path.exists():
        sys.exit(f"needs {path}")
    bodies = [[" ".join(" ".join(s) for s in p) for p in json.loads(line)["paragraphs"]]
              for line in path.read_text(encoding="utf-8").splitlines()]
    count = sum(len(sentences(p)) for body in bodies for p in body)
    for learned in (False, True):
        for body in bodies[:50]:
            strip_furniture(body, (), learned=learned)  # warm-up: compiled patterns, the model file
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for body in bodies:
                strip_furniture(body, (), learned=learned)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        for body in bodies:
            strip_furniture(body, (), learned=learned)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        name = "cues + model" if learned else "cues"
        print(f"{name:12s} {len(bodies)} articles, {count} sentences: best {count / min(times):,.0f} sentences/s, "
              f"median {count / statistics.median(times):,.0f}; peak {peak / 1e3:,.0f} KB")


if __name__ == "__main__":
    main()
