"""From a page's lines (and, for HTML, what the markup states) to an Article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.extract import meta
from kabar.extract.boilerplate import line_kind
from kabar.extract.dates import date_from_url, find_dates, parse_iso, published_from_lines, reported_day
from kabar.extract.furniture import strip_furniture
from kabar.extract.language import detect_language
from kabar.extract.outlets import Outlet, OutletTable, domain_name
from kabar.extract.text import Layout, LineInfo, clean_body
from kabar.ids import stable_id
from kabar.lang.id.agencies import canonical_agency
from kabar.lang.id.page_dates import DATE_LINE_WORDS, MONTHS, WEEKDAYS
from kabar.records import Article, RawPage

_HEADER_WINDOW = 25  # non-blank lines above the lead searched for date and byline
_TITLE_WINDOW = 30  # non-blank lines above the lead searched for the headline
_FOOTER_WINDOW = 12  # non-blank lines below the article searched for bylines ("Penulis: X")


@dataclass(frozen=True, slots=True)
class Markup:
    """What an HTML page states outright (all optional)."""

    title: str | None = None
    h1: tuple[str, ...] = ()
    published: str | None = None
    site_name: str | None = None
    url: str | None = None
    author: str | None = None


def build_article(
    page: RawPage,
    layout: Layout,
    outlets: OutletTable,
    *,
    markup: Markup | None = None,
    body_override: Sequence[str] | None = None,
    repeated: frozenset[str] = frozenset(),
) -> Article:
    markup = markup or Markup()
    lines = list(layout.lines)
    infos = list(layout.infos)
    body_set = set(layout.body)
    raw_body = list(body_override) if body_override is not None else [lines[i] for i in layout.body]
    body, cut = clean_body(raw_body)
    header = _header(infos, layout.start)
    footer = [i.text for i in infos[layout.end :] if i.text]
    around = [i.text for i in infos if i.text and i.index not in body_set]

    url = page.url or _absolute(markup.url)
    outlet = _outlet(url, body, around, markup, outlets)
    outlet_record = outlets.by_name(outlet) if outlet else None
    names = [n for n in (outlet, markup.site_name, *((outlet_record.name, *outlet_record.aliases,
                                                        *outlet_record.domains) if outlet_record else ())) if n]
    body, furniture = strip_furniture(body, names, repeated)  # invitations, syndication notes, teasers inside the text
    cut = [*cut, *furniture]
    place = meta.split_dateline(body[0], outlets)[0] if body else None
    region = [i for i in infos[: layout.start] if i.text][-_TITLE_WINDOW:]
    title_line = _title_from_lines(region, body, lines, outlets)
    title = _title(title_line, markup, outlet_record, outlet)
    if markup.title and title:
        # On HTML the headline comes from the markup; its rendered line anchors the date search.
        title_line = next((i for i in reversed(region) if i.text == title), title_line)
    raw_keys = {" ".join(line.split()) for line in raw_body}
    off_body = [line for line in lines if line.strip() and " ".join(line.split()) not in raw_keys]
    published = _published(page, header, title_line, footer, markup, body, off_body, outlet_record)
    authors = meta.find_authors([i.text for i in header] + footer[:_FOOTER_WINDOW], outlets)
    if not authors and markup.author:
        authors = meta.find_authors([f"Penulis: {markup.author}"], outlets)
    own = {outlet} if outlet else set()
    if outlet_record:
        own |= {c for c in (canonical_agency(a) for a in (outlet_record.name, *outlet_record.aliases)) if c}
    cited = meta.sources_cited(body, around, own)
    boilerplate = _boilerplate(lines, body_set if body_override is None else set(), body, cut)
    content_key = "\n".join(body) or page.content
    return Article(
        id=page.id_hint or stable_id(url or page.source, content_key),
        source=page.source,
        body=tuple(body),
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        authors=authors,
        dateline=place,
        language=detect_language("\n".join(body)),
        sources_cited=cited,
        boilerplate=boilerplate,
    )


def _absolute(url: str | None) -> str | None:
    """A stated URL usable as the article's address: absolute, or protocol-relative ("//host/path")."""
    if not url:
        return None
    if url.startswith("//"):
        return "https:" + url
    return url if url.startswith(("http://", "https://")) else None


def _header(infos: list[LineInfo], start: int) -> list[LineInfo]:
    above = [i for i in infos[:start] if i.text]
    return above[-_HEADER_WINDOW:]


def _outlet(url, body, around, markup: Markup, outlets: OutletTable) -> str | None:
    """Known names first (URL, dateline, byline, footer), then what the page calls itself,
    then a domain-like dateline as printed, then the URL's domain."""
    known = outlets.by_url(url)
    if known:
        return known.name
    form = meta.split_dateline(body[0], outlets)[1] if body else None
    name = meta.outlet_name(form, outlets, known_only=True)
    if name:
        return name
    from_lines = meta.outlet_from_lines(around, outlets)
    if from_lines:
        return from_lines
    if markup.site_name:
        return meta.outlet_name(markup.site_name, outlets, known_only=True) or markup.site_name
    return meta.outlet_name(form, outlets) or domain_name(url)


def _title(title_line: LineInfo | None, markup: Markup, outlet: Outlet | None, outlet_name: str | None) -> str | None:
    names = [n for n in ((outlet.name, *outlet.aliases, *outlet.title_suffixes) if outlet else ()) if n]
    if outlet_name:
        names.append(outlet_name)
    if markup.site_name:
        names.append(markup.site_name)
    cleaned = meta.clean_title(markup.title, names)
    if cleaned:
        for h1 in markup.h1:
            # The h1 is the headline as printed when it says what the <title> says
            # (the <title> may add a site name or differ in quotes and spacing).
            if len(h1.split()) >= 3 and _same_words(h1, cleaned) >= 0.8:
                return meta.clean_title(h1, names) or h1
        return cleaned
    if markup.h1:
        return meta.clean_title(markup.h1[0], names)
    return meta.clean_title(title_line.text, names) if title_line else None


def _same_words(a: str, b: str) -> float:
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not wa or not wb:
        return 0.0
    common = len(set(wa) & set(wb))
    return 2 * common / (len(set(wa)) + len(set(wb)))


def _title_from_lines(
    region: list[LineInfo], body: Sequence[str], all_lines: Sequence[str], outlets: OutletTable
) -> LineInfo | None:
    """The headline among the lines above the lead: a title-like line that shares words with
    the lead, sits next to the date line, or is printed again on the page; lines of a
    related-links list and glued menu words are passed over."""
    if not region:
        return None
    lead_words = set(_content_words(" ".join(body[:3])))
    counts: dict[str, int] = {}
    for line in all_lines:
        key = line.strip()
        if key:
            counts[key] = counts.get(key, 0) + 1
    date_positions = [n for n, info in enumerate(region) if info.words <= 16 and find_dates(info.text)]
    best: tuple[float, int] | None = None
    in_related = False
    for n, info in enumerate(region):
        if info.kind == "related":
            in_related = True
            continue
        if not meta.looks_like_title(info.text):
            in_related = in_related and info.words <= 20 and not info.sentence
            continue
        if meta.find_authors([info.text], outlets):
            continue  # a byline ("News - Name, Outlet")
        words = _content_words(info.text)
        shared = sum(1 for w in words if w in lead_words)
        overlap = shared / len(words) if words else 0.0
        near_date = any(abs(n - d) <= 2 for d in date_positions)
        score = (2 * overlap + 0.25 * min(shared, 6) + min(info.words, 6) / 6 + 2 * near_date
                 + 0.5 * (counts.get(info.text, 0) >= 2 and info.words >= 5) + 0.02 * n)
        if in_related:
            score -= 3
        if _GLUED.search(info.text):
            score -= 3
        if best is None or score > best[0]:
            best = (score, n)
    if best is None or best[0] <= 0.5:
        return None
    return region[best[1]]


_GLUED = re.compile(r"[a-z][A-Z][a-z]")


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{4,}", text.lower())]


def _published(page: RawPage, header, title_line, footer, markup: Markup, body, off_body, outlet) -> str | None:
    zone = outlet.zone if outlet else None
    if page.published_hint:
        given = parse_iso(page.published_hint, zone)
        if given is not None:
            return given.iso()
    # The date line nearest the headline (else nearest the lead): sidebars carry dates too.
    anchor = title_line.index if title_line is not None else (header[-1].index if header else 0)
    dated = sorted((i for i in header if _date_line(i)), key=lambda i: (abs(i.index - anchor), i.index < anchor))
    date_lines = [i.text for i in dated]
    printed = published_from_lines(date_lines)
    stamp = parse_iso(markup.published, zone) if markup.published else None
    for candidate in (
        printed if printed and printed.time and printed.offset else None,
        stamp if stamp and stamp.time else None,
        printed if printed and printed.time else None,
        printed,
        stamp,
        published_from_lines([t for t in footer[:10] if _date_text_line(t)]),
    ):
        if candidate is not None:
            return candidate.iso(zone)
    from_url = date_from_url(page.url or markup.url)
    if from_url is not None:
        return from_url.iso()
    anchors = [d.day for line in off_body for d in find_dates(line)]
    day = reported_day(list(body), anchors)
    return day.isoformat() if day else None


def _date_line(info: LineInfo) -> bool:
    return info.kind not in {"footer", "caption", "related"} and _date_text_line(info.text)


def _date_text_line(text: str) -> bool:
    if line_kind(text) in {"footer", "caption", "related"}:
        return False
    dates = find_dates(text)
    if not dates or _sentence_around_date(text):
        return False
    words = len(re.findall(r"\w+", text))
    return words <= 16 or dates[0].start <= 20


_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z'’-]+\b")
_DOMAIN_LIKE = re.compile(r"(?<![\w-])[\w-]++(?:\.[\w-]++)+")  # starts only where a run of word characters starts, no backtracking inside: linear (a-a-a-… was quadratic)


def _sentence_around_date(text: str) -> bool:
    """A sentence that holds a date ("Bambang lahir di Surabaya pada 17 Oktober 1959."), not a
    date line: three or more lower-case words that date lines do not carry (two when it ends like
    a sentence). Names, outlets and labels are capitalised, so bylines beside a date still count."""
    bare = _DOMAIN_LIKE.sub(" ", text)
    words = [w for w in _LOWER_WORD.findall(bare) if w not in DATE_LINE_WORDS and w not in MONTHS and w not in WEEKDAYS]
    return len(words) >= (2 if text.rstrip().endswith((".", "!", "?")) else 3)


def _boilerplate(lines: list[str], body_set: set[int], body: list[str], cut: list[str]) -> tuple[str, ...]:
    body_lines = {b.strip() for b in body}
    seen: set[str] = set()
    out: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip() or index in body_set or line.strip() in body_lines:
            continue
        if line not in seen:
            seen.add(line)
            out.append(line)
    for piece in cut:
        if piece not in seen:
            seen.add(piece)
            out.append(piece)
    return tuple(out)

