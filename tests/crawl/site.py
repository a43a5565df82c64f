"""A news site on 127.0.0.1 for the crawl tests: real Indonesian articles (the demo samples and
the test pages) behind feeds, sitemaps, robots.txt and the failures real sites give."""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "examples" / "samples").glob("*.txt"))
TEST_PAGES = REPO / "tests" / "data"
CRAWL_DELAY = 0.05


@dataclass
class Route:
    body: bytes
    ctype: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    fail_first: tuple[int, ...] = ()  # statuses answered before the body is served
    retry_after: str | None = None
    location: str | None = None
    sleep: float = 0.0
    served: int = 0


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, float, dict]] = field(default_factory=list)  # (path, monotonic time, headers)
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests_to(self, path: str) -> list[tuple[str, float, dict]]:
        return [h for h in self.hits if h[0] == path]

    def paths(self) -> list[str]:
        return [h[0] for h in self.hits]


def sample_article(path: Path) -> tuple[str, list[str]]:
    """The title and paragraphs of a browser-copied sample."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    title = next(line for line in lines if len(line.split()) >= 6 and not line.startswith("Baca berita"))
    body = [line for line in lines if len(line.split()) >= 10 and line != title]
    return title, body


def article_html(title: str, body: list[str], published: str, *, charset: bool = True, canonical: str | None = None) -> str:
    head = '<meta charset="utf-8">' if charset else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in body)
    return (
        f'<!doctype html><html lang="id"><head>{head}<title>{escape(title)} - Contoh News</title>{link}'
        f'<meta property="og:type" content="article"><meta property="og:site_name" content="Contoh News">'
        f'<meta property="article:published_time" content="{published}"></head><body>'
        f'<nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/dunia">Dunia</a></nav>'
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        f"<footer>Hak cipta 2024 Contoh News. Dilarang mengutip tanpa izin.</footer></body></html>"
    )


HOME = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Contoh News - Berita Terkini</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" title="Atom" href="{base}/atom.xml">
<link rel="stylesheet" href="/gaya.css"></head><body>
<nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav><h1>Berita Terkini</h1><ul>
<li><a href="/nasional/xi-kim">Xi Jinping dan Kim Jong Un Bertukar Pesan Perkuat Hubungan</a></li>
<li><a href="/nasional/sukamaju">Warga Desa Sukamaju Bangun Jembatan Bambu Secara Swadaya</a></li>
</ul><footer>Hak cipta 2024 Contoh News</footer></body></html>"""

INDEX_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Indeks Berita - Contoh News</title>
<meta property="og:type" content="website"></head><body><h1>Indeks Berita</h1><ul>
<li><a href="/dunia/korut">Korea Utara dan China Isyaratkan akan Perkuat Hubungan Bilateral</a></li>
<li><a href="/ekonomi/korut-china">Korut Klaim China Ingin Meningkatkan Hubungan</a></li>
<li><a href="/ekonomi/surat">Kirim Surat ke Kim Jong Un, China Ajak Korea Utara Untuk Jalin Kerja Sama</a></li>
<li><a href="/daerah/gempa">Gempa M 5,6 Guncang Cianjur, Warga Berhamburan Keluar Rumah</a></li>
</ul></body></html>"""


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{base}{p}</link><guid>{base}{p}</guid><pubDate>{d}</pubDate></item>"
        for p, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Contoh News</title>'
        f"<link>{base}/</link><description>Berita terkini</description>{entries}</channel></rss>"
    )


def atom(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link rel="alternate" href="{p}"/><id>{base}{p}</id><updated>{d}</updated></entry>'
        for p, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="' + base + '/">'
        f"<title>Contoh News Dunia</title><id>{base}/atom.xml</id><updated>2021-10-28T20:47:00Z</updated>{entries}</feed>"
    )


def urlset(base: str, items: list[tuple[str, str]], *, news: bool) -> str:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    rows = []
    for path, date in items:
        extra = (
            f"<news:news><news:publication><news:name>Contoh News</news:name><news:language>id</news:language>"
            f"</news:publication><news:publication_date>{date}</news:publication_date><news:title>x</news:title></news:news>"
            if news
            else f"<lastmod>{date}</lastmod>"
        )
        rows.append(f"<url><loc>{base}{path}</loc>{extra}</url>")
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{"".join(rows)}</urlset>'


def sitemap_index(base: str, items: list[tuple[str, str]]) -> str:
    rows = "".join(f"<sitemap><loc>{base}{p}</loc><lastmod>{d}</lastmod></sitemap>" for p, d in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>'


# path → (article source, published): seven real articles
ARTICLES = {
    "/nasional/xi-kim": ("sample:0", "2021-03-23T18:31:00+07:00"),
    "/nasional/sukamaju": ("page:unseen_outlet.html", "2023-08-14T09:05:00+08:00"),
    "/dunia/china-korut": ("sample:1", "2021-10-28T20:47:00+07:00"),
    "/dunia/korut": ("sample:2", "2021-07-12T12:02:00+07:00"),  # reached through a redirect chain
    "/ekonomi/korut-china": ("sample:3", "2017-11-02T15:23:00+07:00"),  # Windows-1252, no charset anywhere
    "/ekonomi/surat": ("sample:4", "2022-01-15T10:00:00+07:00"),  # gzip, 503 once
    "/daerah/gempa": ("page:channel_outlet.html", "2022-11-21T13:45:00+07:00"),  # 429 with Retry-After once
}
# listed in 2019: the article a crawl --since 2021-01-01 must not fetch (text written for these tests)
OLD_ARTICLE = "/lama/arsip"
OLD_BODY = [
    "Pemerintah kota meresmikan taman baru di tepi sungai pada Senin pagi, setelah pembangunan yang berlangsung hampir "
    "dua tahun dan sempat tertunda karena banjir.",
    "Wali kota mengatakan taman itu terbuka untuk umum setiap hari dan diharapkan menjadi ruang bermain anak-anak "
    "serta tempat warga berolahraga pada akhir pekan.",
    "Warga yang datang pada hari pertama menyambut baik taman tersebut, meski sebagian meminta agar lampu penerangan "
    "ditambah di sepanjang jalur pejalan kaki.",
]
TITLE_WORDS = {  # a word of each article's title, to find it in the store
    "/nasional/xi-kim": "Xi Jinping dan Kim Jong Un",
    "/nasional/sukamaju": "Sukamaju",
    "/dunia/china-korut": "China-Korut Makin Mesra",
    "/dunia/korut": "Isyaratkan",
    "/ekonomi/korut-china": "Korut Klaim China",
    "/ekonomi/surat": "Kirim Surat",
    "/daerah/gempa": "Gempa",
}


def _article_page(path: str, **kw) -> str:
    source, published = ARTICLES[path]
    kind, _, name = source.partition(":")
    if kind == "page":
        return (TEST_PAGES / name).read_text(encoding="utf-8")
    title, body = sample_article(SAMPLES[int(name)])
    if path == "/ekonomi/korut-china":  # quotation marks only Windows-1252 has
        body = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in body] + [
            "Menurut pengamat, \u201chubungan kedua negara\u201d akan tetap erat dalam beberapa tahun mendatang seperti yang terjadi selama ini."
        ]
    return article_html(title, body, published, **kw)


def build_site(base: str, *, retry_after: str = "1") -> dict[str, Route]:
    modified = format_datetime(datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), usegmt=True)
    html = {p: _article_page(p) for p in ARTICLES}
    routes = {
        "/robots.txt": Route(
            f"User-agent: *\nDisallow: /rahasia/\nCrawl-delay: {CRAWL_DELAY}\n\nSitemap: {base}/sitemap_index.xml\n".encode(),
            "text/plain",
        ),
        "/": Route(HOME.format(base=base).encode(), etag='"home-1"'),
        "/rss.xml": Route(
            rss(base, [
                ("/nasional/xi-kim", "Xi Jinping dan Kim Jong Un", "Tue, 23 Mar 2021 11:31:00 GMT"),
                ("/nasional/xi-kim?utm_source=rss&utm_medium=feed", "Xi Jinping dan Kim Jong Un", "Tue, 23 Mar 2021 11:31:00 GMT"),
                ("/nasional/sukamaju", "Sukamaju", "Mon, 14 Aug 2023 01:05:00 GMT"),
                ("/rahasia/bocoran", "Bocoran", "Mon, 14 Aug 2023 02:00:00 GMT"),
                ("/lama/arsip", "Arsip lama", "Mon, 07 Jan 2019 02:00:00 GMT"),
            ]).encode(),
            "application/rss+xml; charset=utf-8",
            etag='"rss-1"',
        ),
        "/atom.xml": Route(
            atom(base, [
                ("dunia/china-korut", "China-Korut Makin Mesra", "2021-10-28T13:47:00Z"),
                ("pindah", "Korea Utara dan China", "2021-07-12T05:02:00Z"),
                ("indeks", "Indeks Berita", "2021-07-12T05:00:00Z"),
                ("m/dunia/china-korut", "China-Korut Makin Mesra (AMP)", "2021-10-28T13:47:00Z"),
            ]).encode(),
            "application/atom+xml",
            last_modified=modified,
        ),
        "/sitemap_index.xml": Route(
            sitemap_index(base, [("/sitemap-news.xml", "2022-11-21"), ("/sitemap-pages.xml.gz", "2022-11-21")]).encode(),
            "application/xml",
            etag='"index-1"',
        ),
        "/sitemap-news.xml": Route(
            urlset(base, [("/ekonomi/korut-china", "2017-11-02T15:23:00+07:00"), ("/ekonomi/surat", "2022-01-15T10:00:00+07:00")], news=True).encode(),
            "application/xml",
            etag='"news-1"',
        ),
        "/sitemap-pages.xml.gz": Route(
            gzip.compress(urlset(base, [
                ("/daerah/gempa", "2022-11-21"), ("/rusak", "2022-11-20"), ("/lambat", "2022-11-20"), ("/gambar.png", "2022-11-20"),
            ], news=False).encode()),
            "application/x-gzip",
            etag='"pages-1"',
        ),
        "/pindah": Route(b"", status=301, location="/pindah-lagi"),
        "/pindah-lagi": Route(b"", status=302, location=f"{base}/dunia/korut"),
        "/indeks": Route(INDEX_PAGE.encode()),
        "/rusak": Route(b"<html><body>Internal Server Error</body></html>", status=500),
        "/lambat": Route(html["/nasional/xi-kim"].encode(), sleep=1.0),
        "/gambar.png": Route(b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        "/rahasia/bocoran": Route(b"<html><body>rahasia</body></html>"),
        OLD_ARTICLE: Route(article_html("Pemkot Resmikan Taman Kota Baru di Tepi Sungai", OLD_BODY, "2019-01-07").encode()),
        # the AMP copy names the article as its canonical page
        "/m/dunia/china-korut": Route(_article_page("/dunia/china-korut", canonical=f"{base}/dunia/china-korut").encode()),
    }
    for path in ARTICLES:
        routes[path] = Route(html[path].encode())
    routes["/ekonomi/korut-china"] = Route(_article_page("/ekonomi/korut-china", charset=False).encode("cp1252"), "text/html")
    routes["/ekonomi/surat"] = Route(html["/ekonomi/surat"].encode(), gzip=True, fail_first=(503,))
    routes["/daerah/gempa"] = Route(html["/daerah/gempa"].encode(), fail_first=(429,), retry_after=retry_after)
    return routes


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        site = self.server.site  # type: ignore[attr-defined]
        with site.lock:
            site.hits.append((self.path, time.monotonic(), dict(self.headers)))
            route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
        if route is None:
            return self._send(404, [("Content-Type", "text/plain")], b"not found")
        if route.sleep:
            time.sleep(route.sleep)
        with site.lock:
            route.served += 1
            failing = route.served <= len(route.fail_first)
        if failing:
            headers = [("Content-Type", "text/html")] + ([("Retry-After", route.retry_after)] if route.retry_after else [])
            return self._send(route.fail_first[route.served - 1], headers, b"<html><body>coba lagi</body></html>")
        if route.location:
            return self._send(route.status, [("Location", route.location)], b"")
        headers = [("Content-Type", route.ctype)]
        if route.etag:
            headers.append(("ETag", route.etag))
            if self.headers.get("If-None-Match") == route.etag:
                return self._send(304, headers, b"")
        if route.last_modified:
            headers.append(("Last-Modified", route.last_modified))
            if self.headers.get("If-Modified-Since") == route.last_modified:
                return self._send(304, headers, b"")
        body = route.body
        if route.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        self._send(route.status, headers, body)

    def _send(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                pass

    def log_message(self, *args) -> None:  # quiet
        pass


class SiteServer:
    """The site served on 127.0.0.1 (and nowhere else) on a free port, in a thread."""

    def __init__(self, **build) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.site = Site(build_site(self.base, **build), base=self.base)
        self.httpd.site = self.site  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def sources_toml(self, **extra: str) -> str:
        """An outlet given by its home page only: feeds and sitemaps are discovered."""
        lines = ["[[outlet]]", 'name = "Contoh News"', f'home = "{self.base}/"']
        lines += [f"{k} = {v}" for k, v in extra.items()]
        return "\n".join(lines) + "\n"
