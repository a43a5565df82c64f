"""Fuzzing the per-page stages: mutated and generated inputs through ingest, extract, timex,
entities, quotes and the whole per-page pipeline, counting crashes and slow inputs.

    .venv/bin/python bench/fuzz.py [--inputs 100000] [--seed 0] [--jobs 2] [--hypothesis 2000] [--out DIR]

Seeds are the demo pages, HTML, JSON Lines and WARC wrappers of them and the hostile
inputs of issue 23 (comment runs, dot runs, quote runs, impossible dates, lone
surrogates, initials with dots). Each input is a seed mutated by a seeded random
chain (byte flips, inserted runs of marks, splices, truncation, duplication). A crash
is an exception escaping a stage that promises none, or an analyser failure recorded
by the pipeline (an expected ExtractError is not one); a slow input takes more than
5 s per 100 KB (at least 2 s) of CPU time. Every crashing or slow input is written to `--out`.
`--atheris N` adds N coverage-guided runs per target (atheris, `pip install 'kabar[fuzz]'`: a binary
wheel for CPython 3.11, no compiler needed), each target in a child process as libFuzzer wants.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

SLOW_PER_100KB = 5.0

# marks and words that reach the parsers' branches
PIECES = [
    "<!--c-->", "<html>", "<body>", "</body>", "<div>", "</div>", "<p>", "<script>", "<meta charset=latin-1>",
    ".", "...", "!?", "“", "”", '"', "‘", "’", "'", "\n", "\n\n", " ", "\u00a0", "\ufeff", "\x00",
    "kata", "ujarnya", "menurut", "mengatakan", "bahwa", "M. AS./M. A", "Dr.", "A.S.",
    "2021-13-45", "2015-02-30", "23/03/2021", "Senin (3/3)", "pukul 25.61 WIB", "31 Februari 2020",
    "Presiden Joko Widodo", "KOMPAS.com", "JAKARTA,", "-", "(", ")", "\\ud800", "\ud800",
]


def seeds() -> list[tuple[str, bytes]]:
    """(name, bytes) pairs the mutations start from."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "samples").glob("*.txt"))]
    out: list[tuple[str, bytes]] = []
    for i, text in enumerate(texts):
        paras = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
        out.append((f"s{i}.txt", text.encode()))
        out.append((f"s{i}.html", f"<!DOCTYPE html><html><head><title>t</title></head><body>{paras}</body></html>".encode()))
        out.append((f"s{i}.jsonl", (json.dumps({"text": text, "url": "https://x.id/a", "published": "2021-03-23"}) + "\n").encode()))
    out.append(("w.warc", _warc(texts[0])))
    out += [
        ("comments.html", b"<!--c-->" * 40 + b"<p>text</p>"),
        ("dots.txt", b"Dia berkata " + b"." * 16000 + b"x"),
        # 12 KB: the quadratic pairing of issue 23 took 36 s on 315 KB, so at the sizes a fuzz input has it is
        # under the slow limit either way (tests/analyse/test_linear_time.py holds that); bigger only costs time
        ("quotes.txt", ("\u2018a\u2019 \"b\" " * 1000).encode()),
        ("date.jsonl", b'{"text": "Banjir di Bekasi pada Minggu.", "published": "2021-13-45"}\n'),
        ("surrogate.jsonl", b'{"text": "Banjir \\ud800 di Bekasi pada Minggu pagi."}\n'),
        ("initials.txt", b"Foto: M. AS./M. A\nPresiden Joko Widodo bertemu M. A di Jakarta."),
    ]
    return out


def _warc(text: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    body = f"<html><body><p>{text}</p></body></html>".encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.id/a", "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def mutate(data: bytes, rng: random.Random, pool: list[tuple[str, bytes]]) -> bytes:
    """`data` changed by one to four random edits."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1:  # a piece
            buf[pos:pos] = rng.choice(PIECES).encode("utf-8", "surrogatepass")
        elif op == 2:  # a long run of a piece
            buf[pos:pos] = rng.choice(PIECES).encode("utf-8", "surrogatepass") * rng.choice([10, 100, 1000, 5000])
        elif op == 3:  # truncate
            del buf[pos:]
        elif op == 4 and buf:  # duplicate a slice
            a = rng.randrange(len(buf))
            buf[pos:pos] = buf[a : a + rng.randint(1, 2000)]
        elif op == 5:  # splice another seed in
            other = rng.choice(pool)[1]
            a = rng.randrange(max(1, len(other)))
            buf[pos:pos] = other[a : a + rng.randint(1, 4000)]
        else:  # cut a slice out
            del buf[pos : pos + rng.randint(1, 500)]
    return bytes(buf)


# --- targets: each takes (name, bytes) and raises only on a real fault -------------------


def t_ingest(name: str, data: bytes) -> None:
    from kabar.ingest import read_source
    from kabar.ingest.files import Source

    global _SCRATCH
    if not _SCRATCH:  # called on its own, outside run(): never write into the working directory
        import tempfile

        _SCRATCH = tempfile.mkdtemp(prefix="kabar-fuzz-")
    path = Path(_SCRATCH) / name
    path.write_bytes(data)
    list(read_source(Source(name, path)))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _article(data: bytes):
    from kabar.ingest.text import scrub
    from kabar.records import Article

    return Article(id="f", source="f", body=tuple(scrub(_text(data)).split("\n")))


def _expected(reason: str) -> bool:
    """An extraction that says "no article here" (ExtractError or a subclass) is an answer, not a crash."""
    from kabar.extract import errors, gate

    names = {c.__name__ for m in (errors, gate) for c in vars(m).values() if isinstance(c, type) and issubclass(c, errors.ExtractError)}
    return reason.split(":", 1)[0] in names


def t_extract(name: str, data: bytes) -> None:
    from kabar.pipeline import extract_page
    from kabar.records import Failure, RawPage

    kind = "html" if name.endswith(".html") else "text"
    result = extract_page(RawPage(name, _text(data), kind))
    if isinstance(result, Failure) and not _expected(result.reason):
        raise RuntimeError(f"extract: {result.reason}")


def t_timex(name: str, data: bytes) -> None:
    from kabar.analyse.timex import tag

    tag(_text(data), "2021-03-23")


def t_entities(name: str, data: bytes) -> None:
    from kabar.analyse import entities

    entities.annotate(_article(data[:20000]))  # the tagger is the slow part: keep inputs page-sized


def t_quotes(name: str, data: bytes) -> None:
    from kabar.analyse.quotes import annotate

    article = _article(data)
    for q in annotate(article):
        assert article.text[q.start : q.end] == q.quote, "quote offsets"


def t_pipeline(name: str, data: bytes) -> None:
    from kabar.pipeline import process_page
    from kabar.records import Failure, RawPage

    kind = "html" if name.endswith(".html") else "text"
    result = process_page(RawPage(name, _text(data[:30000]), kind))
    if isinstance(result, Failure):
        if not _expected(result.reason):
            raise RuntimeError(f"pipeline: {result.reason}")
        return
    if result.failures:
        raise RuntimeError("; ".join(f"{f.stage}: {f.reason}" for f in result.failures))


# share of the inputs each target gets: the cheap stages take most, the full page the fewest (the tagger
# makes an entities or pipeline input 50-80 ms against 1 ms for ingest or timex: 3% each is still 3,000 pages
# in a 100k run, and the pipeline runs the same analysers the cheaper targets meet alone)
TARGETS: dict[str, tuple[Callable[[str, bytes], None], float]] = {
    "ingest": (t_ingest, 0.30),
    "timex": (t_timex, 0.27),
    "quotes": (t_quotes, 0.25),
    "extract": (t_extract, 0.12),
    "entities": (t_entities, 0.03),
    "pipeline": (t_pipeline, 0.03),
}
_SCRATCH = ""


def limit_for(size: int) -> float:
    """5 s per 100 KB; at least 2 s, so a busy shared machine does not make a small page "slow"."""
    return max(2.0, SLOW_PER_100KB * size / 100_000)


def run(inputs: int, seed: int, out: Path | None = None, targets: tuple[str, ...] = tuple(TARGETS), jobs: int = 1) -> dict:
    """Fuzz `inputs` inputs; returns counts per target and the failing inputs.

    Input i is drawn from its own generator, seeded by (seed, i): the same inputs whatever
    `jobs` is, and any one of them rebuilt alone with `one_input`. With `jobs` > 1, forked
    processes take chunks of the indexes (each warms up and writes in a scratch directory of its own).
    """
    import tempfile

    chunks = [range(a, min(a + CHUNK, inputs)) for a in range(0, inputs, CHUNK)]
    counts: Counter = Counter()
    seconds: Counter = Counter()
    crashes: list[dict] = []
    slow: list[dict] = []
    began = time.perf_counter()

    def gather(part: dict) -> None:
        counts.update(part["counts"])
        seconds.update(part["seconds"])
        crashes.extend(part["crashes"])
        slow.extend(part["slow"])
        done = sum(counts.values())
        if jobs > 1 and done and done % (CHUNK * 20) < CHUNK:  # progress for a run in the background
            print(f"  {done:,} inputs, {len(crashes)} crashes, {len(slow)} slow, {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)

    global _SCRATCH
    with tempfile.TemporaryDirectory(prefix="kabar-fuzz-") as root:
        if jobs <= 1:
            _start_worker(seed, targets, root)
            for chunk in chunks:
                gather(_run_chunk(chunk))
        else:
            for part in _in_processes(jobs, chunks, seed, targets, root):
                gather(part)
        _SCRATCH = ""
    crashes.sort(key=lambda c: c["index"])
    slow.sort(key=lambda s: s["index"])
    if out is not None:
        save(out, crashes, slow)
    return {"counts": dict(counts), "seconds": dict(seconds), "crashes": crashes, "slow": slow}


CHUNK = 100  # inputs a worker takes at a time


def _in_processes(jobs: int, chunks: list[range], seed: int, targets: tuple[str, ...], root: str):
    """`_run_chunk` of every chunk in `jobs` forked processes, results as they come. Forked plain
    Processes and queues of data: nothing is pickled by name, so this file works when loaded by path."""
    import multiprocessing

    context = multiprocessing.get_context("fork")  # the workers inherit the loaded modules
    tasks, results = context.Queue(), context.Queue()
    for chunk in chunks:
        tasks.put((chunk.start, chunk.stop))
    workers = [context.Process(target=_worker, args=(tasks, results, seed, targets, root), daemon=True) for _ in range(jobs)]
    for w in workers:
        tasks.put(None)
        w.start()
    try:
        for _ in chunks:
            yield results.get()
    finally:
        for w in workers:
            w.join(timeout=5)
            if w.is_alive():
                w.terminate()


def _worker(tasks, results, seed: int, targets: tuple[str, ...], root: str) -> None:
    _start_worker(seed, targets, root, own_directory=True)  # each writes in a directory of its own under root
    while (task := tasks.get()) is not None:
        results.put(_run_chunk(range(*task)))
_WORKER: dict = {}


def one_input(seed: int, index: int, targets: tuple[str, ...], pool: list[tuple[str, bytes]]) -> tuple[str, str, bytes]:
    """(target, seed name, bytes) of input `index` of a run with `seed`."""
    rng = random.Random(seed * 1_000_003 + index)
    target = rng.choices(targets, [TARGETS[t][1] for t in targets])[0]
    name, base = rng.choice(pool)
    return target, name, mutate(base, rng, pool) if rng.random() < 0.9 else base


def _start_worker(seed: int, targets: tuple[str, ...], scratch: str, own_directory: bool = False) -> None:
    import tempfile

    global _SCRATCH
    _SCRATCH = tempfile.mkdtemp(dir=scratch) if own_directory else scratch
    _WORKER.update(seed=seed, targets=tuple(targets), pool=seeds())
    for target in targets:  # warm up: models and tables load on first use, which is not an input's time
        for seed_name, seed_data in _WORKER["pool"][:3]:
            try:
                TARGETS[target][0](seed_name, seed_data)
            except Exception:
                pass  # counted when an input meets it


def _run_chunk(indexes: range) -> dict:
    counts: Counter = Counter()
    seconds: Counter = Counter()
    crashes: list[dict] = []
    slow: list[dict] = []
    for i in indexes:
        target, name, data = one_input(_WORKER["seed"], i, _WORKER["targets"], _WORKER["pool"])
        fn = TARGETS[target][0]
        took = _timed(fn, name, data)
        if isinstance(took, BaseException):
            exc = took
            crashes.append({"index": i, "target": target, "name": name, "error": f"{type(exc).__name__}: {exc}"[:300], "data": data,
                            "trace": "".join(traceback.format_exception(exc))})
            took = 0.0
        counts[target] += 1
        seconds[target] += min(took, HANG)
        if limit_for(len(data)) < took < float("inf"):  # timed again: a lazy load is not the input
            again = _timed(fn, name, data)
            took = min(took, again if isinstance(again, float) else took)
        if took > limit_for(len(data)):
            slow.append({"index": i, "target": target, "name": name, "seconds": round(took, 2), "size": len(data), "data": data})
    return {"counts": counts, "seconds": seconds, "crashes": crashes, "slow": slow}


HANG = 120.0  # wall seconds after which an input is stopped and counted slow (a hang must not stall the run)


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"over {HANG:g} s")


def _timed(fn: Callable[[str, bytes], None], name: str, data: bytes) -> float | BaseException:
    """The CPU seconds `fn(name, data)` took, or what it raised. CPU time, not the wall clock: on a
    machine shared by several people a load average of 13 made a 0.3 s input take 2 s of wall time."""
    import signal

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG)
    start = time.process_time()
    try:
        fn(name, data)
    except Hang:
        return float("inf")
    except Exception as exc:
        return exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.process_time() - start


def save(out: Path, crashes: list[dict], slow: list[dict]) -> list[Path]:
    """Each failing input as `TARGET--SEEDNAME--HASH` in `out` (tests/data/fuzz is replayed by the
    suite: every crashing input found becomes a test by being copied there)."""
    import hashlib

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for item in (*crashes, *slow):
        path = out / f"{item['target']}--{item['name']}--{hashlib.sha1(item['data']).hexdigest()[:12]}"
        path.write_bytes(item["data"])
        written.append(path)
    return written


def replay(path: Path) -> None:
    """Run a saved input through the target its file name gives (raises what the target raises)."""
    target, name, _ = path.name.split("--")
    TARGETS[target][0](name, path.read_bytes())


def hypothesis_pass(examples: int) -> Counter:
    """Generated text (Hypothesis) through timex, quotes and the sentence splitter: counts of failures."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from kabar.analyse.tokens import sentence_spans

    failures: Counter = Counter()
    texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=80).map(" ".join)

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(texts)
    def check(text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        for name, fn in (("timex", t_timex), ("quotes", t_quotes)):
            try:
                fn("h.txt", data)
            except Exception:
                failures[name] += 1
        sentence_spans(text)

    check()
    return failures


KINDS = (".txt", ".html", ".jsonl", ".warc")


def atheris_pass(runs: int, targets: tuple[str, ...], out: Path | None = None) -> dict[str, str]:
    """Coverage-guided inputs (atheris, libFuzzer): `runs` per target, each target in a child process
    of its own (libFuzzer owns its process and exits it), from the seeds as corpus; returns how each
    child ended ("ok", or the crash libFuzzer reported; its input is in `out` or a scratch directory)."""
    import subprocess
    import tempfile

    ended: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="kabar-atheris-") as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        for name, data in seeds():
            (corpus / name).write_bytes(data)
        artifacts = out or Path(scratch)
        artifacts.mkdir(parents=True, exist_ok=True)
        for target in targets:
            command = [
                sys.executable, __file__, "--atheris-child", target, f"-runs={runs}", "-max_len=20000", "-rss_limit_mb=4096",
                f"-timeout={int(HANG)}", f"-artifact_prefix={artifacts}/atheris-{target}-", str(corpus),
            ]
            done = subprocess.run(command, capture_output=True, text=True, errors="replace")
            lines = [x for x in done.stderr.splitlines() if "ERROR" in x or "Uncaught" in x or "Exception" in x]
            ended[target] = "ok" if done.returncode == 0 else (lines[0][:300] if lines else f"exit {done.returncode}")
    return ended


def _atheris_child(target: str, libfuzzer_args: list[str]) -> None:
    """One target under atheris: the kind of page (.txt/.html/.jsonl/.warc) is the input's first byte."""
    import atheris

    # Kabar's modules are instrumented as the warm-up imports them (instrument_all would take every
    # loaded library too: minutes of start-up); models and tables load here as well
    with atheris.instrument_imports(include=["kabar"]):
        for seed_name, seed_data in seeds()[:3]:
            try:
                TARGETS[target][0](seed_name, seed_data)
            except Exception:
                pass

    def one(data: bytes) -> None:
        if data:
            TARGETS[target][0]("a" + KINDS[data[0] % len(KINDS)], data[1:])

    global _SCRATCH
    import tempfile

    _SCRATCH = tempfile.mkdtemp(prefix="kabar-atheris-")
    atheris.Setup([sys.argv[0], *libfuzzer_args], one)
    atheris.Fuzz()


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--atheris-child":
        _atheris_child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hypothesis", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=None, help="Write every crashing or slow input here (tests/data/fuzz: the suite replays them).")
    parser.add_argument("--jobs", type=int, default=1, help="Processes (forked); the inputs are the same for any number.")
    parser.add_argument("--atheris", type=int, default=0, help="Coverage-guided runs per target, when atheris is installed (pip install atheris).")
    args = parser.parse_args()
    start = time.perf_counter()
    result = run(args.inputs, args.seed, args.out, jobs=args.jobs)
    generated = hypothesis_pass(args.hypothesis) if args.hypothesis else Counter()
    took = time.perf_counter() - start
    print(f"inputs: {sum(result['counts'].values()):,} mutated + {args.hypothesis:,} generated in {took:.0f} s ({args.jobs} processes)")
    for target, n in sorted(result["counts"].items()):
        crashes = sum(c["target"] == target for c in result["crashes"])
        slow = sum(s["target"] == target for s in result["slow"])
        spent = result["seconds"].get(target, 0.0)
        print(f"  {target:9s} {n:7,d} inputs  {crashes} crashes  {slow} slow  {spent / max(n, 1) * 1000:6.1f} ms an input")
    print(f"crashes: {len(result['crashes'])}, slow (> {SLOW_PER_100KB:g} s per 100 KB): {len(result['slow'])}, "
          f"generated-input failures: {sum(generated.values())}")
    for c in result["crashes"][:10]:
        print(f"  crash {c['target']} {c['name']}: {c['error']}")
    for s in result["slow"][:10]:
        print(f"  slow {s['target']} {s['name']}: {s['seconds']} s on {s['size']:,} bytes")
    if args.atheris:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris: not installed, no coverage-guided pass")
            return
        began = time.perf_counter()
        ended = atheris_pass(args.atheris, tuple(TARGETS), args.out)
        print(f"atheris: {args.atheris:,} coverage-guided runs per target in {time.perf_counter() - began:.0f} s: "
              + ", ".join(f"{t} {e}" for t, e in ended.items()))


if __name__ == "__main__":
    main()
