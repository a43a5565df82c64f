"""HTML pages: visible text as lines (for the line classifier and the metadata
search), trafilatura's main text as the body candidate, and the metadata HTML
states outright (title, h1, publication stamps, site name, canonical URL)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lhtml

_BLOCK = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section summary table tbody tfoot thead tr ul title".split()
)
_SKIP = frozenset("script style noscript template head iframe svg button select option".split())
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publish_date", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "content_publishdate",
    "dtm_publishdate", "article.published", "published_time", "publication_date",
)


@dataclass(frozen=True, slots=True)
class HtmlFacts:
    lines: tuple[str, ...]  # visible text, one block a line
    title: str | None  # <title> or og:title
    h1: tuple[str, ...]
    published: str | None  # a machine-readable stamp from meta/JSON-LD/<time>
    site_name: str | None
    url: str | None  # canonical or og:url
    author: str | None = None  # meta author / JSON-LD author name


def parse(html: str) -> HtmlFacts:
    try:
        root = lhtml.document_fromstring(html.encode("utf-8", errors="replace"), parser=_parser())
    except (etree.ParserError, ValueError):
        return HtmlFacts((), None, (), None, None, None)
    og_title = _first(root, ["//meta[@property='og:title']/@content", "//meta[@name='og:title']/@content",
                             "//meta[@name='twitter:title']/@content"])
    page_title = _first(root, ["//title/text()", "//meta[@name='title']/@content"])
    h1 = tuple(" ".join(t.split()) for t in (h.text_content() for h in root.iter("h1")) if t.strip())
    title = _agreed_title(og_title, page_title, h1)
    return HtmlFacts(
        lines=tuple(render_lines(root)),
        title=" ".join(title.split()) if title else None,
        h1=h1,
        published=_published(root),
        site_name=_first(root, ["//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content"]),
        url=canonical_url(root),
        author=_author(root),
    )


def _agreed_title(og_title: str | None, page_title: str | None, h1: tuple[str, ...]) -> str | None:
    """The headline most sources agree on: og:title, unless it disagrees with both the <title> and
    every <h1> while those two agree (a social-media variant of the headline); then the <title>."""
    if og_title and page_title and not _agree(og_title, page_title) and not any(_agree(og_title, h) for h in h1) \
            and any(_agree(page_title, h) for h in h1):
        return page_title
    return og_title or page_title


def _agree(a: str, b: str) -> bool:
    """Whether two headline strings share most of their words (site names and quotes aside)."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.8


_CANONICAL = (
    "//link[contains(concat(' ', translate(normalize-space(@rel), 'CANONICAL', 'canonical'), ' '), ' canonical ')]/@href",
    "//meta[@property='og:url']/@content", "//meta[@name='og:url']/@content",
    "//meta[@name='twitter:url']/@content", "//meta[@property='twitter:url']/@content",
)


def canonical_url(root) -> str | None:
    """The page's own address: link rel=canonical, og:url, twitter:url, then JSON-LD's
    mainEntityOfPage/url, then the article item's microdata url; a relative href is resolved against <base href> (or kept as given)."""
    value = _first(root, list(_CANONICAL)) or _ld_url(root) or _microdata_url(root)
    if not value:
        return None
    base = _first(root, ["//base/@href"])
    if base and not value.startswith(("http://", "https://")):
        from urllib.parse import urljoin

        value = urljoin(base, value)
    return value


_ARTICLE_PATH = re.compile(r"/(?:[^/?#]*\d{4,}[^/?#]*|[^/?#]*\w-\w+-\w[^/?#]*)(?:[/?#]|$)")


def _microdata_url(root) -> str | None:
    """schema.org microdata: the `url` of the page's NewsArticle/Article item, when it reads as an
    article's address (an id or a slug in its path, not an author's or a section's page)."""
    for element in root.xpath("//*[@itemprop='url']"):
        kind = element.xpath("ancestor::*[@itemscope][1]/@itemtype")
        value = (element.get("href") or element.get("content") or "").strip()
        if kind and re.search(r"(?:News)?Article|BlogPosting", kind[0]) and value.startswith(("http://", "https://")) \
                and _ARTICLE_PATH.search(value.split("://", 1)[1]):
            return value
    return None


def _ld_url(root) -> str | None:
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        match = re.search(r'"mainEntityOfPage"\s*:\s*(?:\{[^}]*?"@id"\s*:\s*)?"(https?://[^"]+)"', script) \
            or re.search(r'"@type"\s*:\s*"(?:News)?Article"[^{}]*?"url"\s*:\s*"(https?://[^"]+)"', script)
        if match:
            return match.group(1)
    return None


def _author(root) -> str | None:
    value = _first(root, ["//meta[@name='author']/@content", "//meta[@property='article:author']/@content",
                          "//meta[@name='content_author']/@content"])
    if value and "://" not in value:
        return value
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        match = re.search(r'"author"\s*:\s*(?:\[\s*)?\{[^}]*?"name"\s*:\s*"([^"]+)"', script)
        if match:
            return match.group(1)
    return None


def _parser():
    return lhtml.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def _first(root, xpaths: list[str]) -> str | None:
    for xpath in xpaths:
        for value in root.xpath(xpath):
            text = str(value).strip()
            if text:
                return text
    return None


def _published(root) -> str | None:
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    for element in root.xpath("//*[@itemprop='datePublished']"):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return value.strip()
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        stamp = _ld_date(script)
        if stamp:
            return stamp
    for element in root.iter("time"):
        if element.get("datetime"):
            return element.get("datetime").strip()
    return None


def _ld_date(script: str) -> str | None:
    try:
        data = json.loads(script)
    except ValueError:
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        return match.group(1) if match else None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def render_lines(root) -> list[str]:
    """The page's visible text as a browser copy gives it: one block element a line."""
    body = root.find("body")
    chunks: list[str] = []
    _walk(body if body is not None else root, chunks)
    text = "".join(chunks)
    lines = ["\t".join(" ".join(cell.split()) for cell in line.split("\t") if cell.strip()) for line in text.split("\n")]
    return [line for line in lines if line]


def _walk(root, out: list[str]) -> None:
    """Depth-first text with line breaks around blocks; iterative, so deep markup cannot overflow."""
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                out.append("\n")
            if element.tail and element is not root:
                out.append(element.tail)
            continue
        if tag in _SKIP or _hidden(element):
            if element.tail and element is not root:
                out.append(element.tail)
            continue
        if tag in {"td", "th"}:
            out.append("\t")  # cells of a row stay on one line, as a browser copy gives them
        if tag in _BLOCK:
            out.append("\n")
        if element.text and isinstance(element.tag, str):
            out.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def _hidden(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or element.get("hidden") is not None or element.get("aria-hidden") == "true"


def main_text(html: str, url: str | None) -> list[str]:
    """trafilatura's main text, a paragraph a line (empty when it finds none)."""
    import trafilatura

    try:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, include_images=False,
            include_links=False, deduplicate=False, favor_precision=False, fast=True,
        )
    except Exception:  # trafilatura raises many kinds on broken markup; the line path still runs
        return []
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
