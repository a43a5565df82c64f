"""API load: C concurrent clients against `kabar serve` on loopback for a bounded time.

    .venv/bin/python bench/api.py [--clients 100] [--duration 10] [--articles 5000] [--full]

Builds a database of replicated sample articles (with entities, events and
stories), starts `kabar serve` on a free 127.0.0.1 port in a subprocess, and
runs the clients (httpx, asyncio) over a mix of API and HTML requests: search,
articles, stories, entities, quotes, pages. Prints requests/s, latency
percentiles and every error. `--full` is the target run: 100 clients for 60 s
with no errors.

Measured (2,000 articles, `--full --workers 2`, lean client, 8 December 2026, back to back):
`--cache 0` 192 requests/s, p95 968 ms, p99 1,568 ms (load average 5.6 -> 11.4 over the run);
with the answer cache 1,419 requests/s, p95 261 ms, p99 419 ms, every route's p95 under 410 ms
(load average 2.3 -> 6.1); 0 errors both. The lean client used 0.16-0.47 ms CPU a request.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import _articles, _percentile  # noqa: E402  (bench/search.py: the same replicated corpus)

NAMES = {"China": "LOC", "Korea Utara": "LOC", "Kim Jong Un": "PER", "Xi Jinping": "PER", "KCNA": "ORG", "Beijing": "LOC"}
QUERIES = ("china", "korea utara", "menyerukan persatuan", '"kerja sama"', "Wamena petugas", "nuklir", "gempa", '"rusak')
# answers that are right, not errors: an unknown id is a 404, a query that cannot be read (an open quote) a 400
EXPECTED = {"tidak-ada": 404, '"rusak': 400}


def _analysed(n: int):
    """The bench corpus with entities and mentions found by exact name."""
    from dataclasses import replace

    from kabar.ids import stable_id
    from kabar.records import Entity, Mention

    for a in _articles(n):
        text = a.article.text
        entities, mentions = [], []
        for name, kind in NAMES.items():
            eid = stable_id(kind, name)
            pos = text.find(name)
            if pos < 0:
                continue
            entities.append(Entity(eid, name, kind, (name,)))
            while pos >= 0:
                mentions.append(Mention(a.article.id, pos, pos + len(name), name, kind, eid))
                pos = text.find(name, pos + len(name))
        yield replace(a, entities=tuple(entities), mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def build(db: Path, n: int) -> list[str]:
    """Fill the database (unless it holds n articles already) and link it; returns the article ids."""
    from kabar.records import Citation, Event, Linking, Story
    from kabar.store import open_store

    store = open_store(db)
    try:
        if store.count("articles") != n:
            store.upsert_analysed_many(_analysed(n))
        ids = [a.article.id for a in store.analysed_articles()]
        events, stories = [], []
        for i in range(0, len(ids), 5):
            group = tuple(ids[i : i + 5])
            events.append(Event(f"ev{i}", group, f"2021-{(i // 5) % 12 + 1:02d}-15", f"Peristiwa {i // 5}", (Citation(group[0], 0, 10, "x" * 10),)))
        for j in range(0, len(events), 10):
            stories.append(Story(f"st{j}", tuple(e.id for e in events[j : j + 10]), f"Cerita {j // 10}"))
        store.save_linking(Linking(events=tuple(events), stories=tuple(stories)))
        return ids
    finally:
        store.close()


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children alive now (Linux /proc), for the
    server's share; the client's own comes from getrusage."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _load_average() -> str:
    import os

    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _requests(ids: list[str], rng: random.Random):
    while True:
        aid = rng.choice(ids)
        yield rng.choice(
            [
                f"/api/search?q={rng.choice(QUERIES)}&limit=10",
                f"/api/search?q={rng.choice(QUERIES)}&outlet=Kompas.com",
                f"/api/articles/{aid}",
                f"/articles/{aid}",
                "/api/stories?limit=20",
                f"/stories/st{rng.randrange(0, 10) * 10}",
                "/api/entities?limit=20",
                "/api/quotes?limit=20",
                "/",
                f"/search?q={rng.choice(QUERIES)}",
                "/api/articles/tidak-ada",  # 404s are expected answers, not errors
            ]
        )


async def _costs(base: str, ids: list[str], server_pid: int, per_route: int) -> dict[str, tuple[float, float]]:
    """Server CPU ms a request, per route, the requests sent one at a time in the load's mix:
    CPU time is what a loaded shared machine does not inflate (the wall clock there measures the
    other people's jobs). Returns {route: (server ms, wall ms)}."""
    rng = random.Random(1)
    by_route: dict[str, list[str]] = {}
    for url in _requests(ids, rng):
        by_route.setdefault(_route(url), []).append(url)
        if all(len(v) >= per_route for v in by_route.values()) and len(by_route) >= 11:
            break
    host, port = base.split("//")[1].split(":")
    client = LeanClient(host, int(port))
    out = {}
    for route, urls in sorted(by_route.items()):
        before, began = _cpu_seconds(server_pid), time.perf_counter()
        for url in urls[:per_route]:
            await client.get(url)
        out[route] = ((_cpu_seconds(server_pid) - before) * 1000 / per_route, (time.perf_counter() - began) * 1000 / per_route)
    client.close()
    return out


def _route(url: str) -> str:
    """A label for a request, ids and queries left out: /api/articles/{id}, /search …"""
    path = url.split("?")[0]
    parts = path.split("/")
    if len(parts) > 2 and parts[-2] in ("articles", "stories", "entities") and parts[-1] != "tidak-ada":
        parts[-1] = "{id}"
    label = "/".join(parts) or "/"
    return label + (" +outlet" if "outlet=" in url else "")


class LeanClient:
    """GET over one keep-alive HTTP/1.1 connection on asyncio streams, reading only the status and
    the body's length: the load generator shares the 2 cores with the server, and httpx spends
    about 2 ms of CPU a request (a tenth of a core at 50 requests/s) where this spends a tenth of that."""

    def __init__(self, host: str, port: int, timeout: float = 30.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, url: str) -> int:
        try:
            return await asyncio.wait_for(self._get(quote(url, safe="/?&=:%-_.~")), self.timeout)
        except BaseException:
            self.close()  # a half-read answer leaves the connection unusable
            raise

    async def _get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        fields = {}
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            fields[name.strip().lower()] = value.strip().lower()
        if fields.get(b"transfer-encoding") == b"chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        elif status != 304:
            await self.reader.readexactly(int(fields.get(b"content-length", b"0")))
        if fields.get(b"connection") == b"close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _client(base: str, ids: list[str], until: float, seed: int, latencies: list[float], errors: Counter, by_route: dict,
                  lean: bool = True) -> None:
    import httpx

    rng = random.Random(seed)
    urls = _requests(ids, rng)
    host, port = base.split("//")[1].split(":")
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as client:
        raw = LeanClient(host, int(port))
        while time.perf_counter() < until:
            url = next(urls)
            began = time.perf_counter()
            try:
                status = await raw.get(url) if lean else (await client.get(url)).status_code
                ok = status < 400 or any(status == code and mark in url for mark, code in EXPECTED.items())
                if not ok:
                    errors[f"HTTP {status} {url.split('?')[0]}"] += 1
            except Exception as exc:  # a refused or dropped connection is an error to report
                errors[f"{type(exc).__name__}"] += 1
            ms = (time.perf_counter() - began) * 1000
            latencies.append(ms)
            by_route.setdefault(_route(url), []).append(ms)
        raw.close()


async def _load(base: str, ids: list[str], clients: int, duration: float, lean: bool = True):
    latencies: list[float] = []
    errors: Counter = Counter()
    by_route: dict[str, list[float]] = {}
    began = time.perf_counter()
    until = began + duration
    await asyncio.gather(*(_client(base, ids, until, i, latencies, errors, by_route, lean) for i in range(clients)))
    return latencies, errors, time.perf_counter() - began, by_route


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--duration", type=float, default=10.0, help="Seconds of load.")
    parser.add_argument("--full", action="store_true", help="The target run: 100 clients for 60 s.")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=1, help="Server processes (kabar serve --workers).")
    parser.add_argument("--cost", type=int, default=0, help="Instead of the load: N requests per route one at a time, the server's CPU ms each.")
    parser.add_argument("--cache", type=int, default=2048, help="kabar serve --cache: answers kept per process (0: none).")
    parser.add_argument("--client", choices=("lean", "httpx"), default="lean", help="The load generator's HTTP client.")
    parser.add_argument("--profile", type=Path, default=None, help="Sample the server with py-spy (pip install py-spy) into this file.")
    args = parser.parse_args()
    if args.full:
        args.clients, args.duration = 100, 60.0

    db = args.db or Path(tempfile.gettempdir()) / f"kabar-bench-api-{args.articles}.db"
    print(f"kabar API bench: {args.articles:,} articles in {db}")
    ids = build(db, args.articles)
    port = _free_port()
    command = [sys.executable, "-m", "kabar", "serve", "--db", str(db), "--port", str(port), "--workers", str(args.workers), "--cache", str(args.cache)]
    if args.profile:  # py-spy samples the server (and its workers) into collapsed stacks, one line a stack
        command = ["py-spy", "record", "--subprocesses", "--format", "raw", "--rate", "200", "-o", str(args.profile), "--", *command]
    server = subprocess.Popen(
        command,
        cwd=REPO,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 180  # importing the app takes 3 s, and 30-40 s on a saturated machine
        while True:
            try:
                httpx.get(base + "/api/stories?limit=1", timeout=2).raise_for_status()
                break
            except Exception:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        if args.cost:
            costs = asyncio.run(_costs(base, ids, server.pid, args.cost))
            print(f"  server CPU a request ({args.cost} one at a time per route, cache {args.cache}; {_load_average()}):")
            for route, (cpu, wall) in costs.items():
                print(f"    {route:<28}{cpu:>7.2f} ms CPU {wall:>8.1f} ms wall")
            mean = sum(c for c, _ in costs.values()) / len(costs)
            print(f"  mean over the mix: {mean:.2f} ms CPU a request: at most {2000 / mean:,.0f} requests/s on 2 idle cores")
            return 0
        print(f"  {args.clients} clients for {args.duration:.0f} s against {base} ({args.workers} server workers, cache {args.cache}, {args.client} client); before: {_load_average()}")
        import resource

        server_cpu = _cpu_seconds(server.pid)
        client_cpu = resource.getrusage(resource.RUSAGE_SELF)
        latencies, errors, took, by_route = asyncio.run(_load(base, ids, args.clients, args.duration, args.client == "lean"))
        used = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = used.ru_utime + used.ru_stime - client_cpu.ru_utime - client_cpu.ru_stime
        server_cpu = _cpu_seconds(server.pid) - server_cpu
    finally:
        server.send_signal(signal.SIGINT) if args.profile else server.terminate()  # py-spy writes its file on SIGINT
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    n = len(latencies)
    print(f"  {n:,} requests in {took:.1f} s: {n / took:,.0f} requests/s")
    print(
        f"  latency ms: p50 {statistics.median(latencies):.0f}, p95 {_percentile(latencies, 0.95):.0f}, "
        f"p99 {_percentile(latencies, 0.99):.0f}, max {max(latencies):.0f}"
    )
    for route, values in sorted(by_route.items()):
        print(f"    {route:<28}{len(values):>7,} requests, p50 {statistics.median(values):>6.0f} ms, p95 {_percentile(values, 0.95):>6.0f} ms")
    # the client shares the 2 cores with the server: its CPU is time the server did not get
    print(
        f"  CPU: server {server_cpu:.0f} s ({server_cpu / took:.2f} cores), bench client {client_cpu:.0f} s "
        f"({client_cpu / took:.2f} cores, {client_cpu / max(n, 1) * 1000:.2f} ms a request); after: {_load_average()}"
    )
    print(f"  errors: {sum(errors.values())}" + "".join(f"\n    {k}: {v}" for k, v in errors.most_common()))
    target = args.clients >= 100 and args.duration >= 60
    verdict = "PASS" if not errors else "MISS"
    print(f"  {verdict}{'' if target else ' (a shorter run than the target: use --full for 100 clients × 60 s)'}")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
