"""From a page's lines (and, for HTML, what the markup states) to an Article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.extract import meta
from kabar.extract.boilerplate import is_end_marker, line_kind
from kabar.extract.dates import PageDate, find_dates, parse_iso, published_from_lines, reported_day
from kabar.extract.language import detect_language
from kabar.extract.outlets import Outlet, OutletTable, domain_name
from kabar.extract.text import Layout, LineInfo, clean_body
from kabar.ids import stable_id
from kabar.lang.id.agencies import canonical_agency
from kabar.records import Article, RawPage

_HEADER_WINDOW = 15  # non-blank lines above the lead searched for title, date and byline


@dataclass(frozen=True, slots=True)
class Markup:
    """What an HTML page states outright (all optional)."""

    title: str | None = None
    h1: tuple[str, ...] = ()
    published: str | None = None
    site_name: str | None = None
    url: str | None = None


def build_article(
    page: RawPage,
    layout: Layout,
    outlets: OutletTable,
    *,
    markup: Markup | None = None,
    body_override: Sequence[str] | None = None,
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

    url = page.url or markup.url
    outlet = _outlet(url, body, around, markup, outlets)
    outlet_record = outlets.by_name(outlet) if outlet else None
    place = meta.split_dateline(body[0], outlets)[0] if body else None
    title = _title(header, infos, layout.start, markup, outlet_record, outlet)
    published = _published(page, header, footer, markup, body, lines, outlet_record)
    authors = meta.find_authors([i.text for i in header] + footer, outlets)
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


def _header(infos: list[LineInfo], start: int) -> list[LineInfo]:
    above = [i for i in infos[:start] if i.text]
    return above[-_HEADER_WINDOW:]


def _outlet(url, body, around, markup: Markup, outlets: OutletTable) -> str | None:
    known = outlets.by_url(url)
    if known:
        return known.name
    if body:
        form = meta.split_dateline(body[0], outlets)[1]
        name = meta.outlet_name(form, outlets)
        if name:
            return name
    from_lines = meta.outlet_from_lines(around, outlets)
    if from_lines:
        return from_lines
    if markup.site_name:
        return meta.outlet_name(markup.site_name, outlets) or markup.site_name
    return domain_name(url)


def _title(header, infos, start, markup: Markup, outlet: Outlet | None, outlet_name: str | None) -> str | None:
    names = [n for n in ((outlet.name, *outlet.aliases, *outlet.title_suffixes) if outlet else ()) if n]
    if outlet_name:
        names.append(outlet_name)
    if markup.site_name:
        names.append(markup.site_name)
    cleaned = meta.clean_title(markup.title, names)
    if cleaned:
        for h1 in markup.h1:
            # The h1 is the headline itself when the <title> holds it plus a site name.
            if len(h1.split()) >= 3 and h1 in (markup.title or "") and len(h1) < len(cleaned) + 1:
                return h1
        return cleaned
    if markup.h1:
        return meta.clean_title(markup.h1[0], names)
    candidate = _title_from_lines(header)
    return meta.clean_title(candidate, names) if candidate else None


def _title_from_lines(header: list[LineInfo]) -> str | None:
    """The headline sits just above the date/byline block that precedes the lead."""
    if not header:
        return None
    top_meta = None
    for position, info in enumerate(header):
        if _is_meta_line(info):
            top_meta = position
            break
    search = header[:top_meta] if top_meta else header
    for info in reversed(search):
        if meta.looks_like_title(info.text) and info.capitalised >= 0.3:
            return info.text
    for info in reversed(header):
        if meta.looks_like_title(info.text):
            return info.text
    return None


def _is_meta_line(info: LineInfo) -> bool:
    if info.words <= 14 and find_dates(info.text):
        return True
    return is_end_marker(info.text) or meta.find_authors([info.text], _EMPTY) != () or info.text.lower() in {
        "penulis", "editor", "reporter"}


def _published(page: RawPage, header, footer, markup: Markup, body, lines, outlet: Outlet | None) -> str | None:
    zone = outlet.zone if outlet else None
    if page.published_hint:
        given = parse_iso(page.published_hint, zone)
        if given is not None:
            return given.iso()
    date_lines = [i.text for i in header if _date_line(i)]
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
    years = {d.day.year for line in lines for d in find_dates(line)}
    day = reported_day(list(body), years)
    return day.isoformat() if day else None


def _date_line(info: LineInfo) -> bool:
    return info.kind not in {"footer", "caption", "related"} and _date_text_line(info.text)


def _date_text_line(text: str) -> bool:
    if line_kind(text) in {"footer", "caption", "related"}:
        return False
    dates = find_dates(text)
    if not dates:
        return False
    words = len(re.findall(r"\w+", text))
    return words <= 16 or dates[0].start <= 20


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


_EMPTY = OutletTable(())
